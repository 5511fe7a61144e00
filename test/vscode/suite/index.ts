/**
 * Entry point of the in-host test suite (VS Code's `extensionTestsPath`).
 *
 * Bundled by ../build.mjs into out/test/vscode/index.cjs (CommonJS, mocha
 * inlined, `vscode` external). VS Code loads it inside the extension host and
 * calls `run()`; the returned promise must reject when any test fails.
 *
 * Output goes two ways, so that every runner can pick it up:
 *  - console.log in the extension host (desktop: the test-electron stdout;
 *    code-server: forwarded to the page, where run.mjs sees it through
 *    codeAutomationLog);
 *  - a JSON results file when BIZHA_E2E_RESULTS names one (run.mjs sets it on
 *    code-server, whose environment the extension host inherits).
 *
 * To add a test file: write suite/<name>.test.ts and list it in TEST_MODULES.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { captured } from './log.js';

// Bundled in (no file globbing inside the bundle); each registers its suites
// when imported, after mocha's pre-require has set up describe/it.
const TEST_MODULES: Array<[string, () => Promise<unknown>]> = [
  ['smoke.test.ts', () => import('./smoke.test.js')],
  ['editing.test.ts', () => import('./editing.test.js')],
  ['preview.test.ts', () => import('./preview.test.js')],
  ['resilience.test.ts', () => import('./resilience.test.js')],
  ['import.test.ts', () => import('./import.test.js')],
];

interface Results {
  done: boolean;
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  durationMs: number;
  output: string;
  error?: string;
}

function writeResults(results: Results): void {
  const file = process.env.BIZHA_E2E_RESULTS;
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  } catch (err) {
    console.error(`bizha e2e: cannot write results to ${file}:`, err);
  }
}

export async function run(): Promise<void> {
  const lines = captured;
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  // Mocha's reporters print through Base.consoleLog: capture that too.
  Base.consoleLog = (...args: unknown[]) => {
    lines.push(util.format(...args));
    originalLog(...args);
  };

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.BIZHA_E2E_TEST_TIMEOUT_MS ?? 60_000),
    grep: process.env.BIZHA_E2E_GREP || undefined,
  });

  const started = Date.now();
  let failures: number;
  let error: string | undefined;
  try {
    // What mocha.loadFiles() does per file, but for modules bundled into this file.
    for (const [file, load] of TEST_MODULES) {
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      await load();
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
    const runner = await new Promise<Mocha.Runner>((resolve) => {
      const r: Mocha.Runner = mocha.run(() => resolve(r));
    });
    failures = runner.stats?.failures ?? runner.failures;
    const stats = runner.stats;
    writeResults({
      done: true,
      passes: stats?.passes ?? 0,
      failures,
      pending: stats?.pending ?? 0,
      tests: stats?.tests ?? 0,
      durationMs: Date.now() - started,
      output: lines.join('\n'),
    });
  } catch (err) {
    error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    writeResults({
      done: true, passes: 0, failures: 1, pending: 0, tests: 0,
      durationMs: Date.now() - started, output: lines.join('\n'), error,
    });
    throw err;
  } finally {
    Base.consoleLog = originalLog;
  }
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
