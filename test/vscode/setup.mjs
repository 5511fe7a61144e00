#!/usr/bin/env node
// One-time (idempotent) setup of the real-VS-Code e2e harness. See README.md in this folder.
//
//   node test/vscode/setup.mjs              code-server route (Linux, here): apt packages, npm ci
//                                           of this folder, code-server's install finished by hand
//   node test/vscode/setup.mjs --desktop    desktop route (@vscode/test-electron, any OS that can
//                                           download VS Code): npm ci of this folder without
//                                           install scripts (only code-server has native parts)
//
// Node 22: the Node running this script when it is 22 or later, else the node-<platform>-<arch>
// package the main project's `npm ci` installs (or BIZHA_NODE_DIR). Re-running is cheap: finished
// steps are skipped (marker files). BIZHA_E2E_FORCE=1 redoes everything.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const desktop = process.argv.includes('--desktop');
const force = process.env.BIZHA_E2E_FORCE === '1';
const isWindows = process.platform === 'win32';
const started = Date.now();

const say = (message) => console.log(`[setup ${new Date().toISOString().slice(11, 19)}] ${message}`);
function die(message) {
    console.error(`[setup] ERROR: ${message}`);
    process.exit(1);
}

/** Runs a command; stops the setup when it fails. */
function run(command, args, options = {}) {
    // npm is npm.cmd on Windows, which only a shell starts.
    const result = spawnSync(command, args, { stdio: 'inherit', env, shell: isWindows && command === 'npm', ...options });
    if (result.status !== 0) die(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}

function onPath(command) {
    const extensions = isWindows ? (process.env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
    return (env[pathKey] ?? '').split(path.delimiter).some(dir => dir && extensions.some(ext => fs.existsSync(path.join(dir, command + ext))));
}

// ---------------------------------------------------------------- environment
// When started from an npm script, drop the parent npm's lifecycle variables (npm_config_local_prefix,
// npm_package_*, ...) so the nested npm commands below see only this folder; keep registry/TLS/proxy ones.
const keptNpmVariables = /^npm_config_(registry|cache|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|userconfig|globalconfig|.*registry)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || keptNpmVariables.test(name)));
// Windows spells it Path: one entry, whatever its case.
const pathKey = Object.keys(env).find(name => name.toUpperCase() === 'PATH') ?? 'PATH';

// ---------------------------------------------------------------- Node 22
/** Folder holding bin/node (and include/node for native builds) of a Node 22 or later. */
function node22Folder() {
    if (process.env.BIZHA_NODE_DIR) return process.env.BIZHA_NODE_DIR;
    if (Number(process.versions.node.split('.')[0]) >= 22) return undefined; // this Node will do
    const platform = isWindows ? 'win' : process.platform;
    try {
        return path.dirname(createRequire(path.join(repo, 'package.json')).resolve(`node-${platform}-${process.arch}/package.json`));
    } catch {
        return die(`Node ${process.versions.node} is too old and node-${platform}-${process.arch} is not installed: install Node 22 or run 'npm ci' in ${repo}`);
    }
}
const nodeFolder = node22Folder();
const nodeBinFolder = nodeFolder ? path.join(nodeFolder, 'bin') : path.dirname(process.execPath);
env[pathKey] = `${nodeBinFolder}${path.delimiter}${env[pathKey] ?? ''}`;
// A machine's ~/.npmrc may say nodedir=/usr (Node 20 headers): native addons must build for the
// Node that runs them. Headers ship in the node-* packages and in a Node installed under a prefix.
const headersFolder = nodeFolder ?? path.dirname(nodeBinFolder);
if (fs.existsSync(path.join(headersFolder, 'include', 'node', 'node.h'))) env.npm_config_nodedir = headersFolder;
env.npm_config_yes = 'true'; // node-pty's build runs `npx node-gyp`
env.npm_config_fund = 'false';
env.npm_config_audit = 'false';
env.npm_config_update_notifier = 'false';
const nodeBinary = nodeFolder ? path.join(nodeBinFolder, isWindows ? 'node.exe' : 'node') : process.execPath;
const nodeVersion = spawnSync(nodeBinary, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim() ?? '';
if (Number(nodeVersion.split('.')[0]) < 22) die(`expected Node 22 or later at ${nodeBinary}, got '${nodeVersion}'`);
say(`node ${nodeVersion} (${nodeBinary})${env.npm_config_nodedir ? `, headers ${env.npm_config_nodedir}` : ''}`);

// ---------------------------------------------------------------- system packages (code-server route)
if (!desktop) {
    if (process.platform !== 'linux') die('the code-server route runs on Linux; use --desktop (test/vscode/desktop.mjs) elsewhere');
    const missing = [['chromium', 'chromium'], ['ripgrep', 'rg'], ['g++', 'g++'], ['make', 'make'], ['python3', 'python3']]
        .filter(([, command]) => !onPath(command)).map(([name]) => name);
    const krb = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev'], { encoding: 'utf8' });
    if (!krb.stdout?.includes('install ok installed')) missing.push('libkrb5-dev');
    if (missing.length > 0) {
        const root = process.getuid?.() === 0;
        if (!root && !onPath('sudo')) die(`need root (or sudo) to apt-get install ${missing.join(' ')}`);
        // sudo drops most of the environment: the variable goes on apt-get's command line.
        const aptGet = args => root ? run('apt-get', args, { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } })
            : run('sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]);
        say(`apt-get install ${missing.join(' ')}`);
        aptGet(['update', '-qq']);
        aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
    } else {
        say('apt packages present (chromium, ripgrep, libkrb5-dev, g++, make, python3)');
    }
}

// ---------------------------------------------------------------- npm ci (harness)
const lockHash = createHash('sha256').update(fs.readFileSync(path.join(here, 'package-lock.json'))).digest('hex');
const npmMarker = path.join(here, 'node_modules', '.bizha-e2e-npm-ci');
const wanted = desktop ? `${lockHash} without install scripts` : lockHash;
if (force || !fs.existsSync(npmMarker) || fs.readFileSync(npmMarker, 'utf8').trim() !== wanted) {
    // The desktop route needs no native module: code-server's (argon2) are not built.
    say(`npm ci in test/vscode${desktop ? ' --ignore-scripts' : " (code-server's postinstall denied by allowScripts)"}`);
    run('npm', ['ci', '--no-audit', '--no-fund', ...(desktop ? ['--ignore-scripts'] : [])], { cwd: here });
    fs.writeFileSync(npmMarker, wanted + '\n');
} else {
    say('test/vscode/node_modules up to date');
}

if (!desktop) finishCodeServer();
say(`ready in ${Math.round((Date.now() - started) / 1000)} s: node test/vscode/${desktop ? 'desktop.mjs' : 'run.mjs'} (on Node 22)`);

// ---------------------------------------------------------------- code-server by hand
function finishCodeServer() {
    const codeServer = path.join(here, 'node_modules', 'code-server');
    const vscode = path.join(codeServer, 'lib', 'vscode');
    if (!fs.existsSync(path.join(vscode, 'package.json'))) die(`code-server not installed at ${codeServer}`);
    const marker = path.join(vscode, '.bizha-e2e-setup-done'); // inside node_modules: gone with any npm ci
    if (!force && fs.existsSync(marker)) {
        say(`code-server install already finished (${fs.readFileSync(marker, 'utf8').trim()})`);
        return;
    }
    const t0 = Date.now();
    say('allowScripts in lib/vscode/package.json');
    allowNativeScripts(path.join(vscode, 'package.json'));

    say('npm install --omit=dev in lib/vscode (builds native modules, ~2 min on 2 cores)');
    run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd: vscode });

    say('ripgrep');
    const rg = (env[pathKey] ?? '').split(path.delimiter).map(dir => path.join(dir, 'rg')).find(file => fs.existsSync(file));
    // VS Code 1.139 uses @vscode/ripgrep-universal (binaries shipped in the tarball); older builds
    // use @vscode/ripgrep, whose postinstall downloads.
    for (const target of ['@vscode/ripgrep/bin/rg', '@vscode/ripgrep-universal/bin/linux-x64/rg']) {
        const packageFolder = path.join(vscode, 'node_modules', target.split('/bin/')[0]);
        const file = path.join(vscode, 'node_modules', target);
        if (!fs.existsSync(packageFolder)) continue;
        if (spawnSync(file, ['--version']).status === 0) continue;
        if (!rg) die('ripgrep (rg) not found on PATH');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.copyFileSync(rg, file);
        fs.chmodSync(file, 0o755);
        say(`  copied ${rg} to ${path.relative(here, file)}`);
    }

    say('symlinks');
    for (const [link, target] of [['node_modules.asar', 'node_modules'], ['bin/remote-cli/code-server', 'code-linux.sh'], ['bin/helpers/browser.sh', 'browser-linux.sh']]) {
        const file = path.join(vscode, link);
        fs.rmSync(file, { force: true });
        fs.symlinkSync(target, file);
    }

    say('npm install --omit=dev --ignore-scripts in lib/vscode/extensions');
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: path.join(vscode, 'extensions') });

    // Smoke check: the native modules load on this Node.
    const load = spawnSync(nodeBinary, ['-e', `
        for (const f of ['@vscode/spdlog/build/Release/spdlog.node', '@vscode/native-watchdog/build/Release/watchdog.node',
            '@vscode/sqlite3/build/Release/vscode-sqlite3.node', 'kerberos/build/Release/kerberos.node']) require('./' + f);
        require('node-pty');`], { cwd: path.join(vscode, 'node_modules'), stdio: 'inherit', env });
    if (load.status !== 0) die(`native modules of lib/vscode do not load on Node ${nodeVersion}`);

    const seconds = Math.round((Date.now() - t0) / 1000);
    fs.writeFileSync(marker, `node ${nodeVersion}, ${new Date().toISOString()}, ${seconds} s\n`);
    say(`code-server install finished in ${seconds} s`);
}

/** Native modules build against the Node 22 headers (or install prebuilds); scripts that download or are Windows-only do not run. */
function allowNativeScripts(file) {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    const allow = ['@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog',
        '@vscode/native-watchdog', '@vscode/sqlite3', 'ssh2', 'cpu-features', 'node-pty'];
    const deny = ['@vscode/ripgrep', '@vscode/ripgrep-universal', 'koffi'];
    const nameOf = key => key.replace(/^((?:@[^/]+\/)?[^@]+)@.*$/, '$1');
    const windowsOnly = name => name.startsWith('@vscode/windows-');
    const scripts = manifest.allowScripts ?? {};
    for (const key of Object.keys(scripts)) {
        const name = nameOf(key);
        if (allow.includes(name) || deny.includes(name) || windowsOnly(name)) delete scripts[key];
    }
    for (const name of allow) scripts[name] = true;
    for (const name of deny) scripts[name] = false;
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    for (const name of [...dependencies.filter(windowsOnly), '@vscode/windows-ca-certs', '@vscode/windows-process-tree', '@vscode/windows-registry']) scripts[name] = false;
    manifest.allowScripts = scripts;
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}
