import * as path from 'node:path';

/**
 * The extension's root folder. The server, the CLI and their bundles live two levels below it
 * (out/server/main.cjs, out/cli/main.cjs; server/main.ts and cli/main.ts when run from source).
 */
export function extensionRoot(): string {
    const here = typeof __dirname === 'string' ? __dirname : process.cwd();
    return path.resolve(here, '..', '..');
}

export function rulesDocsFolder(): string {
    return path.join(extensionRoot(), 'docs', 'rules');
}
