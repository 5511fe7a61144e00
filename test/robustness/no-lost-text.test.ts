/**
 * No lost text. Every quick fix and the formatter (whole file and a random range), and rename,
 * applied to the examples and to fuzzed inputs where they are offered: every comment of the
 * input survives byte for byte and in order, formatting changes nothing but blanks and
 * formatting twice equals formatting once, edits stay inside the document and never overlap,
 * and an edit that names a document version names the current one. The CLI never writes to its
 * input files; `report` refuses to write over a `.bizha` file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    checkInput, createFuzzServices, exampleFiles, generateInput, lexerOf, loadCorpus, type CorpusEntry, type Failure, type FuzzInput, type RequestName
} from './fuzzer.js';
import type { BizhaServices } from '../../language/bizha-module.js';
import { bundleSources, type Bundles } from '../bundles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = Number(process.env.BIZHA_FUZZ_SEED ?? 20240611);
// rename includes prepareRename.
const editing: RequestName[] = ['codeActions', 'formatting', 'rangeFormatting', 'rename'];

let services: BizhaServices;
let corpus: CorpusEntry[];

beforeAll(async () => {
    services = await createFuzzServices();
    corpus = loadCorpus(exampleFiles(root));
});

const textFailures = (failures: Failure[]) => failures
    .filter(f => f.kind !== 'slow')
    .map(f => `${f.kind} in ${f.request}: ${f.message.split('\n')[0]}`);

describe('quick fixes, formatting and rename keep every comment and all other text', () => {
    test('on every example (with CRLF and lone CR line ends too)', async () => {
        let applied = 0;
        const problems: string[] = [];
        for (const entry of corpus) {
            for (const [eol, text] of [['LF', entry.text], ['CRLF', entry.text.replace(/\r?\n/g, '\r\n')], ['CR', entry.text.replace(/\r?\n/g, '\r')]] as const) {
                const input: FuzzInput = { label: `${entry.path} (${eol})`, files: [{ path: entry.path, text }, ...entry.siblings] };
                const result = await checkInput(services, input, { only: editing, maxCodeActionRequests: 200 });
                applied += result.applied;
                problems.push(...textFailures(result.failures).map(p => `${input.label}: ${p}`));
            }
        }
        expect(problems).toEqual([]);
        // Not vacuous: the examples offer fixes (suppressions at least) and format.
        expect(applied).toBeGreaterThan(100);
    }, 120_000);

    test('on 80 gently fuzzed inputs (mostly parseable, so the formatter runs)', async () => {
        const lex = lexerOf(services);
        let applied = 0;
        const problems: string[] = [];
        for (let i = 0; i < 80; i++) {
            const input = generateInput(corpus, lex, seed, i, 'gentle');
            const result = await checkInput(services, input, { only: editing, seed: i });
            applied += result.applied;
            problems.push(...textFailures(result.failures).map(p => `seed ${seed}, gentle iteration ${i} (${input.label}): ${p}`));
        }
        expect(problems).toEqual([]);
        expect(applied).toBeGreaterThan(100);
    }, 150_000);
});

describe('the CLI never writes to its input files', () => {
    // Bundled from the current sources into a folder of its own (never out/, which another test may be rebuilding).
    let bundles: Bundles;
    let folder: string;

    interface Snapshot {
        readonly bytes: Buffer;
        readonly mtimeMs: number;
    }

    function snapshot(dir: string): Map<string, Snapshot> {
        const files = new Map<string, Snapshot>();
        const walk = (d: string) => {
            for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
                const full = path.join(d, entry.name);
                if (entry.isDirectory()) walk(full);
                else if (entry.isFile() || entry.isSymbolicLink()) files.set(path.relative(dir, full), { bytes: fs.readFileSync(full), mtimeMs: fs.lstatSync(full).mtimeMs });
            }
        };
        walk(dir);
        return files;
    }

    function run(...args: string[]) {
        return spawnSync(process.execPath, [bundles.cli, ...args], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    }

    afterAll(() => bundles.dispose());

    beforeAll(async () => {
        bundles = await bundleSources(['cli']);
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-readonly-'));
        for (const file of exampleFiles(root)) {
            fs.mkdirSync(path.join(folder, path.dirname(file.path)), { recursive: true });
            fs.writeFileSync(path.join(folder, file.path), file.text);
        }
        // Hostile inputs as well: CRLF, lone CR, a broken file, strange characters, and a config.
        const small = exampleFiles(root).find(f => f.path.startsWith('small-ha/'))!.text;
        fs.mkdirSync(path.join(folder, 'hostile'));
        fs.writeFileSync(path.join(folder, 'hostile', 'crlf.bizha'), small.replace(/\n/g, '\r\n'));
        fs.writeFileSync(path.join(folder, 'hostile', 'cr.bizha'), small.replace(/\n/g, '\r'));
        fs.writeFileSync(path.join(folder, 'hostile', 'broken.bizha'), '}sql n e\ngroup G { host H { account } sql S databases sso\n/* unterminated');
        fs.writeFileSync(path.join(folder, 'hostile', 'strange.bizha'), '\uFEFFgroup G\u202E { computer A\u0000 }\uD800 // \u2066x\u2069\n');
        fs.writeFileSync(path.join(folder, 'bizha.json'), '{ "rules": { "HA-DR-BACKUPJOB": "off" } }');
        // Old timestamps, so that a rewrite with the same bytes still shows.
        const old = new Date('2020-01-01T00:00:00Z');
        for (const file of snapshot(folder).keys()) fs.utimesSync(path.join(folder, file), old, old);
    });

    test('check, explain and rules in every format leave every file as it was', () => {
        const before = snapshot(folder);
        const runs = [
            run('check', '.'),
            run('check', '.', '--format', 'json'),
            run('check', '.', '--format', 'sarif'),
            run('check', '.', '--config', 'bizha.json', '--max-warnings', '0'),
            run('check', 'hostile/broken.bizha', 'hostile/strange.bizha'),
            run('explain', '.'),
            run('explain', '.', '--format', 'json'),
            run('explain', 'small-ha/topology.bizha', '--no-color'),
            run('rules', '--format', 'markdown')
        ];
        for (const r of runs) {
            expect(r.error, String(r.error)).toBeUndefined();
            // 0 clean, 1 findings, 2 bad input: never a crash.
            expect([0, 1, 2], `${r.stdout}\n${r.stderr}`).toContain(r.status);
            expect(r.stderr).not.toMatch(/internal error/);
        }
        const after = snapshot(folder);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [file, snap] of before) {
            expect(after.get(file)!.bytes.equals(snap.bytes), `${file} changed`).toBe(true);
            expect(after.get(file)!.mtimeMs, `${file} was written`).toBe(snap.mtimeMs);
        }
    }, 180_000);

    test('report refuses to write over a .bizha file and says so', () => {
        const before = snapshot(folder);
        const target = path.join('small-ha', 'topology.bizha');
        const outcomes = [
            run('report', 'small-ha', '-o', target),
            run('report', 'small-ha', '-o', target.toUpperCase().replace('SMALL-HA', 'small-ha')),
            run('report', 'small-ha', '--output', path.join('hostile', 'new.bizha'))
        ];
        // A link named like a report that points at an input file.
        fs.symlinkSync(path.join(folder, target), path.join(folder, 'link.html'));
        outcomes.push(run('report', 'small-ha', '-o', 'link.html'));
        for (const r of outcomes) {
            expect(r.status, r.stdout + r.stderr).toBe(2);
            expect(r.stderr).toMatch(/\.bizha/);
        }
        fs.rmSync(path.join(folder, 'link.html'));
        fs.rmSync(path.join(folder, 'link.svg'), { force: true });
        const after = snapshot(folder);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [file, snap] of before) {
            expect(after.get(file)!.bytes.equals(snap.bytes), `${file} changed`).toBe(true);
            expect(after.get(file)!.mtimeMs, `${file} was written`).toBe(snap.mtimeMs);
        }
    }, 120_000);
});
