/**
 * The seeded quick fuzz run (part of `npm test`): mutated examples and a selection of extreme
 * inputs through every request of the server, in process. The long run is `npm run fuzz`.
 *
 * A failure names its seed and iteration; reproduce and minimise it with
 *   npm run fuzz -- --seed <seed> --start <iteration> --iterations 1
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    checkInput, createFuzzServices, exampleFiles, extremeInputs, features, formatStats, fuzz, loadCorpus,
    requestNames, SharedBeacon, startWatchdog, type CorpusEntry, type Failure, type FuzzInput, type RequestName, type RunSummary
} from './fuzzer.js';
import type { BizhaServices } from '../../language/bizha-module.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = Number(process.env.BIZHA_FUZZ_SEED ?? 20240611);
const iterations = Number(process.env.BIZHA_FUZZ_ITERATIONS ?? 150);

let services: BizhaServices;
let corpus: CorpusEntry[];
let beacon: SharedBeacon;
let watchdog: { stop(): void };

beforeAll(async () => {
    services = await createFuzzServices();
    corpus = loadCorpus(exampleFiles(root));
    // A synchronous hang never returns to vitest: the watchdog thread reports it and ends the process.
    beacon = new SharedBeacon();
    watchdog = startWatchdog(beacon);
});

afterAll(() => watchdog?.stop());

/** A request over its bound once may be a busy machine: it counts when it is slow again on its own. */
async function confirmed(input: FuzzInput, failures: Failure[]): Promise<Failure[]> {
    if (!failures.some(f => f.kind === 'slow')) return failures;
    const again = await checkInput(services, input, { beacon });
    const slowAgain = new Set(again.failures.filter(f => f.kind === 'slow').map(f => f.request));
    return failures.filter(f => f.kind !== 'slow' || slowAgain.has(f.request));
}

function report(summary: RunSummary): string {
    return `${summary.inputs} inputs, ${summary.requests} requests answered, ${summary.applied} quick fixes and formatting results checked, ${(summary.ms / 1000).toFixed(1)} s\n${formatStats(summary.stats)}`;
}

describe('seeded quick fuzz run', () => {
    test('the server in process has every editor feature the fuzzer exercises', () => {
        const present = features(services);
        for (const feature of ['CompletionProvider', 'HoverProvider', 'CodeActionProvider', 'DefinitionProvider', 'ReferencesProvider',
            'DocumentSymbolProvider', 'FoldingRangeProvider', 'Formatter']) {
            expect(present, `${feature} is not registered`).toContain(feature);
        }
    });

    test(`${iterations} mutated examples through every request, seed ${seed}`, async () => {
        const inputs = new Map<number, FuzzInput>();
        const summary = await fuzz(services, corpus, {
            seed, iterations, beacon,
            // A quick run stays quick on a slow machine: it stops early rather than time out.
            deadline: Date.now() + 90_000,
            onFailure: (input, iteration) => void inputs.set(iteration, input)
        });
        console.log(`quick fuzz run, seed ${seed}: ${report(summary)}`);
        const problems: string[] = [];
        for (const { iteration, label, failures } of summary.failures) {
            for (const failure of await confirmed(inputs.get(iteration)!, failures)) {
                const where = `seed ${seed}, iteration ${iteration} (${label}): ${failure.kind} in ${failure.request}: ${failure.message.split('\n').slice(0, 4).join('\n')}`;
                problems.push(`${where}\n  reproduce: npm run fuzz -- --seed ${seed} --start ${iteration} --iterations 1`);
            }
        }
        expect(problems).toEqual([]);
        expect(summary.inputs).toBeGreaterThanOrEqual(Math.min(iterations, 40));
        expect(summary.applied, 'quick fixes and formatting were applied and checked').toBeGreaterThan(0);
    }, 150_000);
});

describe('extreme inputs', () => {
    // The quick run takes the cheap ones; `npm run fuzz -- --extremes-only` runs them all.
    const quick = ['open-braces-10k', 'balanced-braces-10k', 'open-parens-10k', 'balanced-parens-10k', 'nested-hosts-10k',
        'cluster-nodes-10k-refs', 'unresolved-10k-refs', 'replicas-5k-refs', 'duplicate-names-5k', 'self-and-cyclic', 'identifier-1m',
        'string-1m', 'unterminated-comment', 'unterminated-string', 'bidi-everywhere', 'surrogates', 'lone-cr', 'line-separators', 'five-mb'];
    /** Formatting 5 MB takes 6-7 s alone but twice that on a busy machine: the long run checks it (docs/robustness.md). */
    const allBut = (skip: RequestName[]) => requestNames.filter(r => !skip.includes(r));
    const all = extremeInputs(loadCorpus(exampleFiles(root)));
    test.each(quick)('%s', async name => {
        const input = all.find(i => i.label === name)!;
        expect(input, name).toBeDefined();
        const result = await checkInput(services, input, { beacon, only: name === 'five-mb' ? allBut(['formatting', 'rangeFormatting']) : undefined });
        const failures = await confirmed(input, result.failures);
        expect(failures.map(f => `${f.kind} in ${f.request}: ${f.message.split('\n')[0]}`)).toEqual([]);
    }, 180_000);
});
