#!/usr/bin/env node
// The long fuzz run: the same fuzzer as the quick run in `npm test` (test/robustness/fuzzer.ts),
// for as long as you like, with a watchdog that catches hangs no timer can interrupt.
//
//   npm run fuzz -- --minutes 30               run for 30 minutes from a random seed
//   npm run fuzz -- --seed 7 --iterations 500  a reproducible run
//   npm run fuzz -- --input broken.bizha       run one file through every request (e.g. with --cpu-prof)
//
// Options: --minutes N | --iterations N, --seed S, --start I (first iteration), --no-extremes
// (skip the generated extreme inputs: 10k nesting, 5 MB file, ...), --extremes-only (each extreme
// input once), --input FILE (repeatable; later files are siblings), --no-minimise, --quiet.
//
// Each input runs in a worker thread. A request that does not come back within 5 times its bound
// (2 s, 10 s for inputs over 256 KB) is a hang: the worker is terminated and restarted. Every new
// kind of failure is minimised by delta debugging and printed as a vitest test to paste into
// test/robustness/regressions.test.ts. Exit code 1 when anything failed.
//
// Needs Node 22 (PATH=$PWD/node_modules/.bin:$PATH); bundles the fuzzer with esbuild first.
import * as esbuild from 'esbuild';
import { nodeBundleOptions } from '../esbuild-options.mjs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// ---- arguments -------------------------------------------------------------------------------

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
    return value;
};
const flag = name => args.includes(name);
if (flag('--help') || flag('-h')) {
    process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 18).map(l => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    process.exit(0);
}
const iterations = option('--iterations') !== undefined ? Number(option('--iterations')) : undefined;
const minutes = Number(option('--minutes', iterations === undefined ? '5' : '1000000'));
const seed = Number(option('--seed', String(Math.floor(Math.random() * 2 ** 31))));
const startIteration = Number(option('--start', '0'));
const extremes = !flag('--no-extremes');
const minimiseFailures = !flag('--no-minimise');
const quiet = flag('--quiet');
const inputs = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--input') inputs.push(args[i + 1]);
if (![minutes, seed, startIteration].every(Number.isFinite) || (iterations !== undefined && !Number.isInteger(iterations))) {
    console.error('bizha fuzz: --minutes, --iterations, --seed and --start take numbers');
    process.exit(2);
}

// ---- the fuzzer, bundled ---------------------------------------------------------------------

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-fuzz-'));
const bundle = path.join(outDir, 'fuzzer.cjs');
await esbuild.build({
    entryPoints: [path.join(root, 'test', 'robustness', 'fuzzer.ts')],
    ...nodeBundleOptions,
    outfile: bundle,
    sourcemap: 'inline',
    logLevel: 'error'
});
process.setSourceMapsEnabled(true);
const fz = createRequire(import.meta.url)(bundle);

// ---- a worker that runs one input at a time, restarted after a hang ----------------------------

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
process.setSourceMapsEnabled(true);
const fz = require(workerData.bundle);
const beacon = new fz.SharedBeacon(workerData.buffer);
let services;
parentPort.on('message', async message => {
    services ??= await fz.createFuzzServices();
    const result = await fz.checkInput(services, message.input, { ...message.options, beacon });
    parentPort.postMessage({ id: message.id, failures: result.failures, requests: result.requests, applied: result.applied, ms: result.ms, stats: [...result.stats] });
});`;

class Runner {
    constructor() {
        this.nextId = 0;
        this.start();
    }
    start() {
        this.buffer = new SharedArrayBuffer(16 + 4096);
        const worker = new Worker(workerSource, { eval: true, workerData: { bundle, buffer: this.buffer } });
        this.worker = worker;
        this.pending = undefined;
        // Events of a worker terminated after a hang must not settle the next input.
        const current = () => worker === this.worker && this.pending;
        worker.on('message', message => {
            if (current() && message.id === this.pending.id) this.pending.resolve(message);
        });
        worker.on('error', error => {
            if (current()) this.pending.resolve({ failures: [{ kind: 'exception', request: 'worker', message: String(error?.stack ?? error) }], requests: 0, applied: 0, ms: 0, stats: [] });
        });
        worker.on('exit', code => {
            if (!current()) return;
            this.pending.resolve({ failures: [{ kind: 'exception', request: 'worker', message: `the worker exited with code ${code}` }], requests: 0, applied: 0, ms: 0, stats: [] });
            this.start();
        });
    }
    /** Runs one input; a request stuck past hangFactor times its bound is reported as a hang. */
    run(input, options = {}) {
        const id = ++this.nextId;
        return new Promise(resolve => {
            const poll = setInterval(() => {
                const { startedAt, boundMs, label } = fz.readBeacon(this.buffer);
                if (startedAt > 0 && Date.now() - startedAt > boundMs * fz.hangFactor + 2000) {
                    clearInterval(poll);
                    this.pending = undefined;
                    void this.worker.terminate();
                    this.start();
                    const request = label.split(' on ')[0];
                    resolve({ failures: [{ kind: 'hang', request, message: `no answer after ${Date.now() - startedAt} ms (the thread never returned to its event loop)` }], requests: 1, applied: 0, ms: Date.now() - startedAt, stats: [] });
                }
            }, 200);
            this.pending = { id, resolve: result => { clearInterval(poll); this.pending = undefined; resolve(result); } };
            this.worker.postMessage({ id, input, options });
        });
    }
    stop() {
        void this.worker.terminate();
    }
}

// ---- the run ---------------------------------------------------------------------------------

const corpus = fz.loadCorpus(fz.exampleFiles(root));
const generator = await fz.createFuzzServices();
const lex = fz.lexerOf(generator);
const extremeList = extremes ? fz.extremeInputs(corpus) : [];
const runner = new Runner();
const summary = { inputs: 0, requests: 0, applied: 0, failures: [], ms: 0, stats: new Map(), maxRequestMs: 0 };
const bySignature = new Map();
const deadline = Date.now() + minutes * 60_000;
const started = Date.now();
let interrupted = false;
process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.log('\nbizha fuzz: stopping after this input (Ctrl-C again to quit now)');
});

if (inputs.length === 0 && !flag('--extremes-only')) console.log(`bizha fuzz: seed ${seed}, ${iterations !== undefined ? `${iterations} iterations` : `${minutes} minute${minutes === 1 ? '' : 's'}`}${extremes ? ', with extreme inputs' : ''}`);

async function handle(input, origin, result) {
    fz.addResult(summary, result);
    for (const failure of result.failures) {
        const sig = fz.signature(failure);
        const known = bySignature.get(sig);
        if (known) {
            known.count++;
            continue;
        }
        const entry = { failure, origin, count: 1, input };
        bySignature.set(sig, entry);
        console.log(`\n=== NEW FAILURE (${origin}, ${input.label}): ${failure.kind} in ${failure.request}\n${failure.message}`);
        if (minimiseFailures) await minimiseAndPrint(entry);
    }
}

async function minimiseAndPrint(entry) {
    const { failure, input, origin } = entry;
    const sig = fz.signature(failure);
    const only = fz.requestOf(failure.request);
    const stillFails = async text => {
        const candidate = { ...input, files: [{ ...input.files[0], text }, ...input.files.slice(1)] };
        const result = await runner.run(candidate, { only, positions: 'all' });
        return result.failures.some(f => fz.signature(f) === sig || (failure.kind === 'hang' && f.request === failure.request && (f.kind === 'hang' || f.kind === 'slow')));
    };
    const original = input.files[0].text;
    if (!(await stillFails(original))) {
        console.log('(not reproduced with every position on its own; the input is printed unminimised)');
        entry.minimised = original;
    } else {
        const t0 = Date.now();
        entry.minimised = await fz.minimise(original, stillFails, { tries: 800, ms: failure.kind === 'hang' || failure.kind === 'slow' ? 300_000 : 120_000 });
        console.log(`minimised from ${original.length} to ${entry.minimised.length} characters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const test = fz.regressionTest(input, failure, entry.minimised, origin);
    entry.test = test;
    console.log(`--- regression test for test/robustness/regressions.test.ts ---\n${test}\n---`);
}

if (flag('--extremes-only')) {
    for (const extreme of fz.extremeInputs(corpus)) {
        if (interrupted) break;
        const t0 = Date.now();
        const result = await runner.run(extreme, { seed });
        const slowest = [...result.stats].sort((a, b) => b[1].maxMs - a[1].maxMs)[0];
        console.log(`extreme ${extreme.label.padEnd(28)} ${String(extreme.files[0].text.length).padStart(8)} chars ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s, slowest ${slowest ? `${slowest[0]} ${slowest[1].maxMs.toFixed(0)} ms` : '-'}, ${result.failures.length} failure(s)`);
        await handle(extreme, `extreme input ${extreme.label}`, result);
    }
} else if (inputs.length > 0) {
    const files = inputs.map(file => ({ path: path.basename(file), text: fs.readFileSync(file, 'utf8') }));
    const input = { label: inputs.join(', '), files, large: files[0].text.length > 256 * 1024 };
    const result = await runner.run(input, { positions: flag('--all-positions') ? 'all' : 'random' });
    await handle(input, `input ${inputs[0]}`, result);
} else {
    let extremeIndex = 0;
    for (let i = startIteration; ; i++) {
        if (interrupted || Date.now() >= deadline || (iterations !== undefined && i - startIteration >= iterations)) break;
        const input = fz.generateInput(corpus, lex, seed, i);
        const result = await runner.run(input, { seed: fz.iterationSeed(seed, i) });
        await handle(input, `seed ${seed}, iteration ${i}`, result);
        // An extreme input every 25 inputs, in turn.
        if (extremeList.length > 0 && (i - startIteration) % 25 === 24 && !interrupted && Date.now() < deadline) {
            const extreme = extremeList[extremeIndex++ % extremeList.length];
            const t0 = Date.now();
            const extremeResult = await runner.run(extreme, { seed });
            if (!quiet) console.log(`extreme ${extreme.label}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${extremeResult.failures.length} failure(s)`);
            await handle(extreme, `extreme input ${extreme.label}`, extremeResult);
        }
        if (!quiet && summary.inputs % 100 === 0) {
            console.log(`${summary.inputs} inputs, ${summary.requests} requests, ${bySignature.size} distinct failure(s), ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
    }
}
runner.stop();

// ---- summary ---------------------------------------------------------------------------------

const seconds = (Date.now() - started) / 1000;
console.log(`\nbizha fuzz: seed ${seed}: ${summary.inputs} inputs, ${summary.requests} requests answered, ${summary.applied} quick fixes and formatting results checked for lost text, ${seconds.toFixed(0)} s`);
console.log(fz.formatStats(summary.stats));
if (bySignature.size === 0) {
    console.log('no failures');
} else {
    console.log(`\n${bySignature.size} distinct failure(s):`);
    for (const [sig, entry] of bySignature) console.log(`  ${String(entry.count).padStart(5)} x ${sig}  (first: ${entry.origin})`);
}
fs.rmSync(outDir, { recursive: true, force: true });
process.exit(bySignature.size === 0 ? 0 : 1);
