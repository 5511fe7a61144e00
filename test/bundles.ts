import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundleOptions, webviewBundleOptions } from '../esbuild-options.mjs';
import { LspClient } from './lsp-client.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Bundles {
    /** A new temporary folder laid out like the installed extension and CLI: out/, docs/rules/. */
    readonly root: string;
    /** <root>/out/cli/main.cjs (with out/preview/webview.js beside it for `bizha report`). */
    readonly cli: string;
    /** <root>/out/server/main.cjs */
    readonly server: string;
    /** Where the bundles link rule documentation to (bundle-paths.ts: two levels above the bundle). */
    readonly rulesDocsFolder: string;
    dispose(): void;
}

/**
 * The server the LSP tests talk to: BIZHA_SERVER_BUNDLE if set (e.g. out/server/main.cjs as
 * packaged), else server/main.ts bundled now (bundleSources), so a stale out/ never makes the
 * server and the in-process build disagree.
 */
export async function serverUnderTest(): Promise<{ bundle: string; rulesDocsFolder: string; dispose(): void }> {
    const given = process.env.BIZHA_SERVER_BUNDLE;
    if (given) {
        const bundle = path.resolve(repoRoot, given);
        return { bundle, rulesDocsFolder: path.join(path.dirname(bundle), '..', '..', 'docs', 'rules'), dispose: () => undefined };
    }
    const bundles = await bundleSources(['server']);
    return { bundle: bundles.server, rulesDocsFolder: bundles.rulesDocsFolder, dispose: bundles.dispose };
}

/**
 * Bundles the CLI and/or the language server from the current sources exactly as esbuild.mjs does,
 * into a temporary folder of its own. Tests run these, never the project's out/: another test
 * file (or a developer's build) may be rewriting out/ at that moment, and a stale out/ would test
 * old code or make a test skip.
 */
export async function bundleSources(entries: ReadonlyArray<'cli' | 'server'>): Promise<Bundles> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-bundle-'));
    const entryPoints = Object.fromEntries(entries.map(entry => [`${entry}/main`, path.join(repoRoot, entry, 'main.ts')]));
    await esbuild.build({ ...nodeBundleOptions, entryPoints, outdir: path.join(root, 'out'), outExtension: { '.js': '.cjs' }, logLevel: 'error' });
    if (entries.includes('cli')) {
        await esbuild.build({ ...webviewBundleOptions, absWorkingDir: repoRoot, outdir: path.join(root, 'out'), logLevel: 'error' });
    }
    const rulesDocsFolder = path.join(root, 'docs', 'rules');
    fs.cpSync(path.join(repoRoot, 'docs', 'rules'), rulesDocsFolder, { recursive: true });
    return {
        root,
        cli: path.join(root, 'out', 'cli', 'main.cjs'),
        server: path.join(root, 'out', 'server', 'main.cjs'),
        rulesDocsFolder,
        dispose: () => fs.rmSync(root, { recursive: true, force: true })
    };
}

/** A bundled server on a new temporary workspace folder holding `files` (name → text), and how to stop it all. */
export async function serverOnFolder(prefix: string, files: Record<string, string> = {}): Promise<{ client: LspClient; folder: string; stop(): Promise<void> }> {
    const bundles = await bundleSources(['server']);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    const client = await LspClient.start({ server: bundles.server, folder });
    return {
        client, folder,
        async stop() {
            await client.stop();
            fs.rmSync(folder, { recursive: true, force: true });
            bundles.dispose();
        }
    };
}
