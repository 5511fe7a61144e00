#!/usr/bin/env node
// `npm run test:vscode`: sets up the harness and runs the in-host suite against bizha.vsix in a
// real VS Code, on every OS. See README.md in this folder.
//   Linux (default): code-server + headless Chromium (run.mjs), as on the machines here.
//   Windows, macOS, or BIZHA_E2E_RUNNER=desktop: desktop VS Code through @vscode/test-electron
//   (desktop.mjs; downloads VS Code; on a Linux without a display run it under xvfb-run -a).
// Extra arguments go to the runner.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const runner = process.env.BIZHA_E2E_RUNNER ?? (process.platform === 'linux' ? 'code-server' : 'desktop');
if (runner !== 'code-server' && runner !== 'desktop') {
    console.error(`BIZHA_E2E_RUNNER must be code-server or desktop (got ${runner})`);
    process.exit(2);
}
const desktop = runner === 'desktop';
const vsix = path.join(here, '..', '..', 'bizha.vsix');

// The suite is type-checked once set-up has installed its types (mocha); esbuild only strips them.
const tsc = path.join(here, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
for (const [script, args] of [
    [path.join(here, 'setup.mjs'), desktop ? ['--desktop'] : []],
    [tsc, ['-p', path.join(here, 'tsconfig.json')]],
    [path.join(here, desktop ? 'desktop.mjs' : 'run.mjs'), [...(desktop ? ['--vsix', vsix] : []), ...process.argv.slice(2)]]
]) {
    const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
}
