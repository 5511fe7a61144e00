#!/usr/bin/env node
// Runs the same in-host suite in desktop VS Code through @vscode/test-electron.
// For machines that can download VS Code from Microsoft (not the dev boxes
// here: use run.mjs + code-server there). On a Linux box without a display,
// run it under xvfb-run.
//
//   node test/vscode/desktop.mjs [--workspace DIR] [--vsix FILE] [--version V] [--no-build]
//
// Default: extensionDevelopmentPath = the repository (the built extension in
// out/, so `npm run build` first). With --vsix the packaged extension is
// installed into a temporary extensions dir with VS Code's CLI instead, and
// an empty runner extension is the development path, as run.mjs does.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadAndUnzipVSCode,
  resolveCliArgsFromVSCodeExecutablePath,
  runTests,
} from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

const opts = {
  workspace: process.env.BIZHA_E2E_WORKSPACE || path.join(repo, 'examples'),
  suite: process.env.BIZHA_E2E_SUITE || path.join(repo, 'out', 'test', 'vscode', 'index.cjs'),
  vsix: undefined,
  version: process.env.BIZHA_E2E_VSCODE_VERSION || 'stable',
  build: true,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => {
    if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
    return argv[++i];
  };
  switch (a) {
    case '--workspace': opts.workspace = value(); break;
    case '--vsix': opts.vsix = value(); break;
    case '--version': opts.version = value(); break;
    case '--suite': opts.suite = value(); opts.build = false; break;
    case '--no-build': opts.build = false; break;
    default: throw new Error(`unknown argument ${a}`);
  }
}
opts.workspace = path.resolve(opts.workspace);
opts.suite = path.resolve(opts.suite);

if (opts.build) {
  const b = spawnSync(process.execPath, [path.join(here, 'build.mjs'), '--outfile', opts.suite], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('desktop.mjs: no DISPLAY; on a headless Linux machine run it under xvfb-run -a');
}

const cachePath = path.join(repo, '.vscode-test');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-e2e-desktop-'));
let code;
try {
  const vscodeExecutablePath = await downloadAndUnzipVSCode({ version: opts.version, cachePath });
  const env = {};
  let extensionDevelopmentPath = repo;
  const launchArgs = [opts.workspace, '--disable-workspace-trust', '--skip-welcome'];

  if (opts.vsix) {
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    const runner = path.join(tmp, 'runner');
    fs.mkdirSync(runner, { recursive: true });
    fs.writeFileSync(path.join(runner, 'package.json'), JSON.stringify({
      name: 'bizha-e2e-runner', publisher: 'bizha-e2e', version: '0.0.0', engines: { vscode: '*' },
    }));
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir')),
      '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
      '--install-extension', path.resolve(opts.vsix), '--force'],
    { encoding: 'utf8', stdio: 'inherit', shell: process.platform === 'win32' });
    if (install.status !== 0) throw new Error(`installing ${opts.vsix} failed (${install.status})`);
    extensionDevelopmentPath = runner;
    launchArgs.push(`--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`);
    env.BIZHA_E2E_EXTENSIONS_DIR = extensionsDir;
  }

  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath: opts.suite,
    launchArgs,
    extensionTestsEnv: env,
  });
} catch (err) {
  console.error(`desktop e2e failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
