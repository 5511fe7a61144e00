#!/usr/bin/env node
// Runs the in-host test suite against a packaged .vsix inside a real VS Code:
// code-server (VS Code's server, Node extension host) + headless Debian
// Chromium driven by playwright-core. See README.md in this folder.
//
//   node test/vscode/run.mjs [--vsix FILE] [--workspace DIR] [--timeout SEC]
//                            [--no-build] [--keep] [--verbose] [--port N]
//   (or positionally: run.mjs [VSIX [WORKSPACE]])
//
// Needs Node >= 22 (the extension host and the language server run on the
// Node that runs this script) and test/vscode/setup.mjs done once.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = {
    vsix: process.env.BIZHA_E2E_VSIX || path.join(repo, 'bizha.vsix'),
    workspace: process.env.BIZHA_E2E_WORKSPACE || path.join(repo, 'examples'),
    suite: process.env.BIZHA_E2E_SUITE || path.join(repo, 'out', 'test', 'vscode', 'index.cjs'),
    chromium: process.env.BIZHA_E2E_CHROMIUM || '/usr/bin/chromium',
    timeoutSec: Number(process.env.BIZHA_E2E_TIMEOUT || 180),
    build: true,
    keep: false,
    verbose: !!process.env.BIZHA_E2E_VERBOSE,
    port: 0,
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--vsix': opts.vsix = value(); break;
      case '--workspace': opts.workspace = value(); break;
      case '--suite': opts.suite = value(); opts.build = false; break;
      case '--chromium': opts.chromium = value(); break;
      case '--timeout': opts.timeoutSec = Number(value()); break;
      case '--port': opts.port = Number(value()); break;
      case '--no-build': opts.build = false; break;
      case '--keep': opts.keep = true; break;
      case '--verbose': case '-v': opts.verbose = true; break;
      case '--help': case '-h':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).join('\n'));
        process.exit(0);
        break;
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
        positional.push(a);
    }
  }
  if (positional[0]) opts.vsix = positional[0];
  if (positional[1]) opts.workspace = positional[1];
  opts.vsix = path.resolve(opts.vsix);
  opts.workspace = path.resolve(opts.workspace);
  opts.suite = path.resolve(opts.suite);
  if (!(opts.timeoutSec > 0)) throw new Error('--timeout must be a positive number of seconds');
  return opts;
}

// ---------------------------------------------------------------- helpers
function log(...args) {
  console.log(`[vscode-e2e ${elapsed()}]`, ...args);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await sleep(200);
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms`);
}

function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function readResults(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return r && r.done ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Environment for code-server: no leaked VS Code / Electron session variables. */
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|npm_)/i.test(k)) continue;
    if (k === 'PASSWORD' || k === 'HASHED_PASSWORD') continue;
    env[k] = v;
  }
  // The Node that runs this script (22) runs code-server, the extension host and
  // anything they spawn through PATH.
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`;
  return { ...env, ...extra };
}

// ---------------------------------------------------------------- main
const opts = parseArgs(process.argv.slice(2));

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`run.mjs needs Node >= 22 (this is ${process.version}). Install Node 22, or put <repo>/node_modules/node-<os>-<cpu>/bin first in PATH.`);
  process.exit(2);
}
const codeServerEntry = path.join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const setupMarker = path.join(here, 'node_modules', 'code-server', 'lib', 'vscode', '.bizha-e2e-setup-done');
for (const [what, file, hint] of [
  ['code-server', codeServerEntry, 'run test/vscode/setup.mjs'],
  ['code-server install (lib/vscode)', setupMarker, 'run test/vscode/setup.mjs'],
  ['vsix', opts.vsix, 'build it with `npm run package`'],
  ['workspace folder', opts.workspace, ''],
  ['chromium', opts.chromium, 'apt-get install chromium (test/vscode/setup.mjs does)'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`missing ${what}: ${file}${hint ? ` (${hint})` : ''}`);
    process.exit(2);
  }
}

if (opts.build) {
  const b = spawnSync(process.execPath, [path.join(here, 'build.mjs'), '--outfile', opts.suite], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
} else if (!fs.existsSync(opts.suite)) {
  console.error(`missing test bundle ${opts.suite} (run node test/vscode/build.mjs)`);
  process.exit(2);
}

const { chromium } = await import('playwright-core');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-e2e-'));
const dirs = {
  config: path.join(tmp, 'xdg-config'),
  data: path.join(tmp, 'xdg-data'),
  cache: path.join(tmp, 'xdg-cache'),
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  runner: path.join(tmp, 'runner'),
  tmp: path.join(tmp, 'tmp'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const resultsFile = path.join(tmp, 'results.json');
const serverLog = path.join(tmp, 'code-server.log');
const pageLog = path.join(tmp, 'page.log');

// Quiet, deterministic user settings (code-server keeps them server-side).
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
}, null, 2));

// The payload mechanism runs tests only in an "extension development" window,
// which needs an extensionDevelopmentPath. Point it at an empty runner
// extension with its own id, so the bizha extension that runs is the copy
// installed from the .vsix (the suite checks that).
fs.writeFileSync(path.join(dirs.runner, 'package.json'), JSON.stringify({
  name: 'bizha-e2e-runner',
  displayName: 'bizha e2e test runner (no code)',
  publisher: 'bizha-e2e',
  version: '0.0.0',
  engines: { vscode: '*' },
}, null, 2));

const serverEnv = cleanEnv({
  XDG_CONFIG_HOME: dirs.config,
  XDG_DATA_HOME: dirs.data,
  XDG_CACHE_HOME: dirs.cache,
  // VS Code's IPC sockets and other scratch files land here, removed with the rest.
  TMPDIR: dirs.tmp,
  // From VS Code 1.133 the web workbench honours `payload` only with this.
  VSCODE_OPTIONS: 'enable-smoke-test-driver',
  BIZHA_E2E_RESULTS: resultsFile,
  BIZHA_E2E_EXTENSIONS_DIR: dirs.extensions,
});

let server;
let browser;
let cleaning;
async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
    }
    if (server && server.pid) {
      const group = -server.pid;
      try { process.kill(group, 'SIGTERM'); } catch { /* gone */ }
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        try { process.kill(group, 0); } catch { break; }
        await sleep(100);
      }
      try { process.kill(group, 'SIGKILL'); } catch { /* gone */ }
    }
  })();
  return cleaning;
}
// Last resort if something exits the process without the async cleanup.
process.on('exit', () => {
  if (server?.pid) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig}: cleaning up`);
    cleanup().finally(() => {
      if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

let exitCode = 1;
try {
  log(`vsix ${opts.vsix}`);
  log(`workspace ${opts.workspace}`);
  log(`temp ${tmp}`);

  // 1. Install the packaged extension.
  const install = spawnSync(process.execPath, [codeServerEntry,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--install-extension', opts.vsix, '--force'],
  { env: serverEnv, encoding: 'utf8', timeout: 120_000 });
  const installOut = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim();
  const installed = fs.readdirSync(dirs.extensions).filter((d) => /^bizha\.bizha-/.test(d));
  if (install.status !== 0 || installed.length === 0) {
    throw new Error(`--install-extension failed (status ${install.status}${install.error ? `, ${install.error.message}` : ''}):\n${installOut}`);
  }
  log(`installed ${installed.join(', ')}`);
  if (opts.verbose) console.log(installOut);

  // 2. Start code-server in its own process group (detached = setsid).
  const port = opts.port || await freePort();
  const authority = `127.0.0.1:${port}`;
  const base = `http://${authority}`;
  const logFd = fs.openSync(serverLog, 'a');
  server = spawn(process.execPath, [codeServerEntry,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    opts.workspace,
  ], { env: serverEnv, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  server.on('error', (err) => log(`code-server spawn error: ${err.message}`));
  await waitHealthy(base, server, 30_000);
  log(`code-server pid ${server.pid} on ${base}`);

  // 3. Headless Chromium on the workbench, with the extension-test payload.
  browser = await chromium.launch({
    executablePath: opts.chromium,
    headless: true,
    timeout: 60_000,
    // run.mjs handles the signals itself: close the browser, then end code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's scratch files (shared memory with --disable-dev-shm-usage) go to
    // the temp folder too.
    env: { ...process.env, TMPDIR: dirs.tmp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  log(`chromium ${browser.version()} launched`);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const pageLogStream = fs.createWriteStream(pageLog);
  const automationLog = [];
  let automationExit;
  const exited = new Promise((resolve) => { automationExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const line = `[${level}] ${message}`;
    automationLog.push(line);
    pageLogStream.write(`automation ${line}\n`);
    if (opts.verbose) console.log(`  | ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    pageLogStream.write(`automation exit ${code}\n`);
    automationExit(Number(code));
  });
  page.on('console', (m) => pageLogStream.write(`console.${m.type()} ${m.text()}\n`));
  page.on('pageerror', (e) => pageLogStream.write(`pageerror ${e.stack ?? e.message}\n`));

  const remote = (p) => `vscode-remote://${authority}${pathToFileURL(p).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(dirs.runner)],
    ['extensionTestsPath', remote(opts.suite)],
  ];
  const url = `${base}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (opts.verbose) log(`open ${url}`);
  // 4. Wait for the tests: exit code from the workbench, or the results file.
  const deadline = t0 + opts.timeoutSec * 1000;
  await page.goto(url, { waitUntil: 'commit', timeout: Math.max(1000, deadline - Date.now()) });
  log('workbench loading; waiting for the in-host tests');
  let code;
  let results;
  let resultsSeenAt;
  for (;;) {
    const now = Date.now();
    const got = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (got !== undefined) { code = got; log(`extension host exited with code ${code}`); break; }
    results = readResults(resultsFile);
    if (results && !resultsSeenAt) { resultsSeenAt = now; log('in-host tests finished'); }
    // The results file is written just before run() settles; give the
    // workbench a few seconds to report the extension host's exit too.
    if (resultsSeenAt && now - resultsSeenAt > 10_000) break;
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`code-server exited (${server.exitCode ?? server.signalCode}) during the tests`);
    }
    if (now > deadline) break;
  }
  results ??= readResults(resultsFile);

  console.log('');
  if (results) {
    console.log(results.output.replace(/\s+$/, ''));
    if (results.error) console.log(`\nsuite error: ${results.error}`);
  } else {
    console.log('(no results file from the extension host; workbench log follows)');
    console.log(automationLog.slice(-80).join('\n') || '(nothing logged)');
  }
  console.log('');

  if (!results && code === undefined) {
    log(`TIMEOUT after ${opts.timeoutSec}s: the tests did not finish`);
    exitCode = 1;
  } else if (!results) {
    log(`extension host exited with code ${code} without results`);
    exitCode = 1;
  } else {
    const ok = results.failures === 0 && results.passes > 0 && (code === undefined || code === 0);
    if (code === undefined) log('note: the workbench did not report the extension host exit; judged by the results file');
    else if (code !== 0 && results.failures === 0) log(`extension host exit code ${code} although no test failed`);
    console.log(`vscode-e2e: ${results.passes} passed, ${results.failures} failed`);
    exitCode = ok ? 0 : 1;
  }
} catch (err) {
  log(`ERROR: ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
} finally {
  await cleanup();
  if (exitCode !== 0) {
    console.log(`\n--- code-server log (tail) ${serverLog}\n${tail(serverLog, 40)}`);
    console.log(`--- page log (tail) ${pageLog}\n${tail(pageLog, 40)}`);
  }
  if (opts.keep || exitCode !== 0) {
    log(`kept ${tmp}`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`${exitCode === 0 ? 'PASS' : 'FAIL'} in ${elapsed()}`);
}
process.exit(exitCode);
