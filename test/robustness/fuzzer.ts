/**
 * A grammar-aware fuzzer for the bizha language server.
 *
 * Inputs start from the examples and are mutated (tokens and lines deleted, duplicated, swapped
 * and truncated; random bytes, unicode, bidi controls, NUL and surrogate halves injected; CRLF and
 * lone CR; very long identifiers and lines; grammar fragments with self and cyclic references)
 * or generated whole (deep nesting, thousands of references to one name, a 5 MB file). Each input
 * is run through the whole server in process: a build with validation, then every editor request
 * bizha registers, at random positions. A request that throws, logs an error, answers with a
 * malformed result, takes longer than its bound or loses text (comments, non-blank characters,
 * idempotence of the formatter) is a failure.
 *
 * Everything is deterministic from (seed, iteration): a failure is reproduced from those two
 * numbers, and minimised by delta debugging with `minimise`.
 *
 * Used by test/robustness/*.test.ts (the seeded quick run) and scripts/fuzz.mjs (the long run,
 * which bundles this file with esbuild).
 */
import { Rng } from '../random.js';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
    CodeAction, Command, Diagnostic, FormattingOptions, Position, Range, TextEdit, WorkspaceEdit
} from 'vscode-languageserver-types';
import { createBizhaServices, type BizhaServices } from '../../language/bizha-module.js';
import { allRules } from '../../language/rules/registry.js';
import * as lspModule from '../../server/bizha-lsp-module.js';
import { previewAnalysis } from '../../server/preview-request.js';

// ---------------------------------------------------------------------------------------------
// Seeded randomness (the generator itself is test/random.ts)
// ---------------------------------------------------------------------------------------------

/** The seed of one iteration of a run: every iteration is reproducible on its own. */
export function iterationSeed(seed: number, iteration: number): number {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (iteration + 0x85ebca6b), 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x27d4eb2f) >>> 0;
    return (h ^ (h >>> 15)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Inputs and the corpus
// ---------------------------------------------------------------------------------------------

export interface FuzzFile {
    /** Path inside the fuzz workspace, e.g. `small-ha/topology.bizha`. */
    readonly path: string;
    readonly text: string;
}

export interface FuzzInput {
    /** How the input was made: example and mutations, or the extreme generator's name. */
    readonly label: string;
    /** files[0] is the fuzzed file; later files are siblings in the same workspace, unchanged. */
    readonly files: FuzzFile[];
    /** Large inputs get the long bound. */
    readonly large?: boolean;
}

export interface CorpusEntry {
    readonly path: string;
    readonly text: string;
    /** Other files of the same example (the multi-file example's inventory). */
    readonly siblings: FuzzFile[];
}

/** The examples as fuzz files (scripts/fuzz.mjs reads them through this bundle). */
export { exampleFiles } from '../fixtures.js';

/** The examples, each file a starting point (with its example's other files as siblings). */
export function loadCorpus(files: FuzzFile[]): CorpusEntry[] {
    const byFolder = new Map<string, FuzzFile[]>();
    for (const file of files) {
        const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
    }
    const corpus: CorpusEntry[] = [];
    for (const group of byFolder.values()) {
        for (const file of group) corpus.push({ path: file.path, text: file.text, siblings: group.filter(f => f !== file) });
    }
    return corpus;
}

// ---------------------------------------------------------------------------------------------
// Tokens (the real lexer's, so comments and strings are seen exactly as the parser sees them)
// ---------------------------------------------------------------------------------------------

export interface Tok {
    readonly offset: number;
    readonly end: number;
    readonly image: string;
    readonly type: string;
}

export type LexFn = (text: string) => { tokens: Tok[]; comments: Tok[]; errors: number };

export function lexerOf(services: BizhaServices): LexFn {
    const lexer = services.parser.Lexer;
    return text => {
        const result = lexer.tokenize(text);
        const convert = (t: { startOffset: number; image: string; tokenType: { name: string } }): Tok =>
            ({ offset: t.startOffset, end: t.startOffset + t.image.length, image: t.image, type: t.tokenType.name });
        return {
            tokens: result.tokens.map(convert),
            comments: result.hidden.map(convert).filter(t => t.type === 'ML_COMMENT' || t.type === 'SL_COMMENT'),
            errors: result.errors.length
        };
    };
}

export const keywords = ['group', 'computer', 'cluster', 'nlb', 'sql', 'availability-group', 'sso', 'host', 'backup-job', 'databases',
    'version', 'edition', 'availability', 'site', 'msdtc', 'nodes', 'storage', 'msmq', 'iis', 'kind', 'members', 'fronts', 'on',
    'enterprise', 'standard', 'branch', 'developer', 'high', 'r2', 'cu', 'sp', 'replicas', 'listener', 'port', 'dtc-support',
    'per-database', 'none', 'synchronous', 'asynchronous', 'master-secret-server', 'backup', 'administrators', 'in-process',
    'isolated', 'receive', 'send', 'orchestrations', 'tracking', 'bitness', 'clustered', 'instances', 'account', 'windows-group',
    'disabled', 'ordered', 'remote-queue', 'non-transactional', 'shared-mailbox', 'path', 'destination', 'log-shipping', 'to',
    'messagebox', 'management', 'rules', 'bam', 'windows', 'hardware', 'off', 'LocalSystem', 'NetworkService', 'LocalService',
    // Version 2.
    'receive-location-fault-tolerance', 'os', 'zone', 'perimeter', 'hypervisor', 'sql-alias', 'network-name', 'witness', 'disk',
    'file-share', 'cloud', 'agent', 'running', 'stopped', 'preferred-owner', 'server-name', 'recovery', 'full', 'simple',
    'bulk-logged', 'publication', 'mirrored', 'sql-log-shipping', 'vss', 'subnets', 'jobs-and-logins', 'replicated', 'portal',
    'event-bus', 'bam-portal', 'queue-manager', 'lease-timeout', 'domain-local'];
const punctuation = ['{', '}', '(', ')', ',', '"', '\\', '/*', '*/', '//', ';', ':', '='];
const adapters = ['FILE', 'FTP', 'SFTP', 'HTTP', 'SOAP', 'MSMQ', 'msmq', 'MQSeries', 'POP3', 'SMTP', 'SQL', 'sql', 'WCF-SQL', 'SAP',
    'WCF-BasicHttp', 'WCF-WSHttp', 'WCF-NetTcp', 'WCF-NetMsmq', 'WCF-Custom', 'AzureBlob', 'Unknown-Adapter'];
const databaseNames = ['BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb', 'BAMPrimaryImport',
    'BAMStarSchema', 'BAMArchive', 'BAMAlertsApplication', 'BAMAnalysis', 'SSISDB', 'CustomDb'];
const ruleIds = allRules.map(rule => rule.id);

/** Strange characters: bidi controls, NUL, surrogate halves, BOM, line separators, combining marks, emoji. */
export const strangeChars = [
    '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
    '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u2028', '\u2029', '\u0085', '\u00A0', '\u200B', '\u200D',
    '\u0301', '\u0308', '\uFFFD', '\uFFFF', '\u{1F600}', '\u{10FFFF}', '\u0130', '\u0131', '\u212A', 'ß', 'é', '\t', '\v', '\f',
    '\u001B[31m', '\r', '\n', '\r\n', '\u0007', '\u007F', '\u0085'
];

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

interface MutationContext {
    readonly rng: Rng;
    readonly lex: LexFn;
    readonly corpus: CorpusEntry[];
}

type Mutation = (text: string, ctx: MutationContext) => string;

function splitLines(text: string): string[] {
    return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

function identifiersOf(text: string, lex: LexFn): string[] {
    const names = new Set<string>();
    for (const t of lex(text).tokens) if (t.type === 'ID') names.add(t.image);
    return names.size > 0 ? [...names] : ['BTS01', 'SQLCL01', 'ReceiveHost'];
}

function randomName(rng: Rng): string {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_';
    const rest = letters + '0123456789-';
    let name = letters[rng.int(letters.length)];
    for (let i = rng.range(0, 10); i > 0; i--) name += rest[rng.int(rest.length)];
    return name;
}

function randomCodeUnits(rng: Rng, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
        s += rng.weighted<() => string>([
            [4, () => String.fromCharCode(rng.int(128))],
            [2, () => String.fromCharCode(rng.int(256))],
            [1, () => String.fromCharCode(rng.int(0x10000))],
            [2, () => rng.pick(strangeChars)]
        ])();
    }
    return s;
}

/** A grammar fragment: one member or declaration, using names of the input (self and cyclic references included). */
export function fragment(rng: Rng, names: string[]): string {
    const ref = () => rng.chance(0.8) ? rng.pick(names) : randomName(rng);
    const refs = (max: number) => Array.from({ length: rng.range(1, max) }, ref).join(', ');
    const account = () => rng.pick(['CONTOSO\\svc-bts', '.\\local', 'LocalSystem', 'NetworkService', `${ref()}\\admin`, 'X\\y$',
        'svc@contoso.com', 'contoso.com\\svc', '"BizTalk Application Users"', '"CONTOSO\\\\svc two"', '"C:\\t"']);
    const dbOption = () => rng.pick(['recovery full', 'recovery simple', 'recovery bulk-logged', 'publication on', 'publication off', 'mirrored', 'sql-log-shipping', 'vss']);
    const db = () => (rng.chance(0.3) ? rng.pick(['messagebox ', 'management ', 'tracking ', 'sso ', 'rules ', 'bam ']) : '') + (rng.chance(0.8) ? rng.pick(databaseNames) : ref())
        + (rng.chance(0.2) ? ` (${dbOption()}${rng.chance(0.5) ? `, ${dbOption()}` : ''})` : '');
    const dbs = () => Array.from({ length: rng.range(1, 5) }, db).join(', ');
    const str = () => JSON.stringify(rng.pick(['\\\\fs01\\sso', 'C:\\backup', '', '\\\\FS-CLUSTER\\in', 'http://x/*y*/', '// not a comment']));
    const handler = () => (rng.chance(0.9) ? rng.pick(adapters) : JSON.stringify(rng.pick(['Windows SharePoint Services', 'MQSeries', '']))) + (rng.chance(0.3)
        ? ` (${rng.pick(['ordered', 'remote-queue', 'non-transactional', 'shared-mailbox', `path ${str()}`, `queue-manager ${ref()}`, `lease-timeout ${rng.int(100000)}`])})` : '');
    const instance = () => ref() + rng.pick(['', '', ' (disabled)', ` (account ${account()})`, ` (disabled, account ${account()})`, ` (account ${account()}, disabled)`]);
    const name = rng.chance(0.5) ? rng.pick(names) : randomName(rng);
    return rng.pick<() => string>([
        () => `computer ${refs(4)}`,
        () => `computer ${name} { site ${ref()} msdtc ${rng.pick(['on', 'off'])} }`,
        () => `cluster ${name} { nodes ${refs(3)} ${rng.chance(0.5) ? `storage ${ref()}` : ''} ${rng.pick(['msdtc', 'msmq', 'iis', ''])} }`,
        () => `cluster ${name} { nodes ${name} }`,
        () => `nlb ${name} { kind ${rng.pick(['windows', 'hardware'])} members ${refs(3)} fronts ${refs(2)} }`,
        () => `nlb ${name} { members ${name} fronts ${name} }`,
        () => `sql ${name} on ${ref()}${rng.chance(0.6) ? ` { edition ${rng.pick(['enterprise', 'standard'])} version 2019 sp 1 cu 2 databases ${dbs()} }` : ''}`,
        () => `sql ${name} on ${name}`,
        () => `availability-group ${name} { replicas ${ref()} ${rng.pick(['synchronous', 'asynchronous', ''])}, ${ref()} listener ${ref()} port ${rng.int(70000)} dtc-support ${rng.pick(['per-database', 'none'])} databases ${dbs()} }`,
        () => `availability-group ${name} { replicas ${name} }`,
        () => `sso { master-secret-server on ${ref()} backup ${str()} administrators ${account()} }`,
        () => `host ${name} ${rng.pick(['in-process', 'isolated', ''])} { ${rng.pick(['receive', 'send'])} ${handler()}, ${handler()} ${rng.pick(['orchestrations', 'tracking', `bitness ${rng.pick(['32', '64', '16', '0'])}`, ''])} ${rng.chance(0.3) ? `clustered on ${ref()}` : ''} instances on ${instance()}, ${instance()} account ${account()} windows-group ${account()}${rng.chance(0.3) ? ' (domain-local)' : ''} }`,
        () => `host ${name} { clustered on ${name} instances on ${name} }`,
        () => `backup-job { destination ${str()} log-shipping to ${ref()} }`,
        () => `databases ${dbs()} on ${ref()}`,
        () => `version ${rng.pick(['2013', '2016', '2020', '1999', '99999999999999999999'])}${rng.chance(0.3) ? ' r2' : ''}${rng.chance(0.5) ? ` cu ${rng.int(20)}` : ''}`,
        () => `edition ${rng.pick(['enterprise', 'standard', 'branch', 'developer'])}`,
        () => `availability ${rng.pick(['high', 'standard'])}`,
        () => `// bizha-ignore ${rng.pick(ruleIds)}${rng.chance(0.3) ? `, ${rng.pick(ruleIds)}` : ''}${rng.chance(0.7) ? ' -- fuzzed reason' : ''}`,
        () => `group ${name} { ${fragment(rng, names)} }`,
        // Version 2.
        () => `receive-location-fault-tolerance ${rng.pick(['on', 'off'])}`,
        () => `computer ${name} { os ${rng.pick(['2012 r2', '2016', '2019', '2022', '2025', '1999'])} zone perimeter hypervisor ${ref()} sql-alias ${ref()} }`,
        () => `cluster ${name} { nodes ${refs(3)} network-name ${ref()} witness ${rng.pick(['disk', 'file-share', 'cloud'])} }`,
        () => `sql ${name} on ${ref()} { agent ${rng.pick(['running', 'stopped', 'disabled'])} preferred-owner ${ref()} server-name ${JSON.stringify(rng.pick(['SRV\\INST,1533', 'AGL', '']))} }`,
        () => `availability-group ${name} { replicas ${refs(2)} listener ${ref()} port ${rng.int(70000)} subnets ${rng.int(4)} jobs-and-logins replicated databases ${dbs()} }`,
        () => `sso { master-secret-server on ${ref()} preferred-owner ${ref()} }`,
        () => `bam { portal on ${refs(3)} event-bus on ${refs(3)} backup ${str()} }`,
        () => `nlb ${name} { members ${refs(3)} fronts ${rng.pick(['bam-portal', `${ref()}, bam-portal`, `bam-portal, ${ref()}`])} }`,
        () => `queue-manager ${name} on ${ref()}`,
        () => `queue-manager ${name} on ${name}`,
        // Version 2 words used as names.
        () => `computer ${rng.pick(['agent', 'portal', 'os', 'zone', 'full', 'vss', 'queue-manager'])}`
    ])();
}

function atLineBoundary(text: string, rng: Rng, insert: string): string {
    const lines = splitLines(text);
    const at = rng.int(lines.length + 1);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    lines.splice(at, 0, insert + eol);
    return lines.join('');
}

function tokenMutation(pickCount: (n: number, rng: Rng) => number, edit: (text: string, toks: Tok[], rng: Rng) => string): Mutation {
    return (text, { rng, lex }) => {
        const { tokens, comments } = lex(text);
        const all = [...tokens, ...comments].sort((a, b) => a.offset - b.offset);
        if (all.length === 0) return text;
        const n = pickCount(all.length, rng);
        const picked = Array.from({ length: n }, () => all[rng.int(all.length)]);
        return edit(text, picked, rng);
    };
}

export const mutations: Record<string, Mutation> = {
    deleteToken: tokenMutation(() => 1, (text, [t]) => text.slice(0, t.offset) + text.slice(t.end)),
    duplicateToken: tokenMutation(() => 1, (text, [t]) => text.slice(0, t.end) + ' ' + t.image + text.slice(t.end)),
    swapTokens: tokenMutation(() => 2, (text, [a, b]) => {
        if (a.offset === b.offset) return text;
        const [x, y] = a.offset < b.offset ? [a, b] : [b, a];
        if (y.offset < x.end) return text;
        return text.slice(0, x.offset) + y.image + text.slice(x.end, y.offset) + x.image + text.slice(y.end);
    }),
    replaceToken: tokenMutation(() => 1, (text, [t], rng) => text.slice(0, t.offset)
        + rng.pick([rng.pick(keywords), rng.pick(punctuation), randomName(rng), String(rng.int(100000)), '""', 'A\\b', rng.pick(adapters)])
        + text.slice(t.end)),
    truncate: (text, { rng }) => text.slice(0, rng.int(text.length + 1)),
    truncateTokens: tokenMutation(() => 1, (text, [t], rng) => text.slice(0, rng.chance(0.5) ? t.offset : t.offset + rng.int(t.image.length + 1))),
    deleteLine: (text, { rng }) => {
        const lines = splitLines(text);
        lines.splice(rng.int(lines.length), rng.range(1, 3));
        return lines.join('');
    },
    duplicateLine: (text, { rng }) => {
        const lines = splitLines(text);
        const at = rng.int(lines.length);
        const n = rng.range(1, 4);
        lines.splice(at, 0, ...lines.slice(at, at + n));
        return lines.join('');
    },
    swapLines: (text, { rng }) => {
        const lines = splitLines(text);
        const a = rng.int(lines.length);
        const b = rng.int(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        return lines.join('');
    },
    moveLines: (text, { rng }) => {
        const lines = splitLines(text);
        const moved = lines.splice(rng.int(lines.length), rng.range(1, 8));
        lines.splice(rng.int(lines.length + 1), 0, ...moved);
        return lines.join('');
    },
    injectBytes: (text, { rng }) => {
        const at = rng.int(text.length + 1);
        return text.slice(0, at) + randomCodeUnits(rng, rng.range(1, 16)) + text.slice(at);
    },
    injectUnicode: tokenMutation(n => Math.min(n, 3), (text, toks, rng) => {
        // Inside and between tokens: identifiers, strings, comments, keywords.
        const offsets = toks.map(t => t.offset + rng.int(t.image.length + 1)).sort((a, b) => b - a);
        let out = text;
        for (const at of offsets) out = out.slice(0, at) + rng.pick(strangeChars) + out.slice(at);
        return out;
    }),
    bidiInNames: (text, { rng, lex }) => {
        // Trojan-source style: reorder a line's display with an override that never closes.
        const { tokens } = lex(text);
        const ids = tokens.filter(t => t.type === 'ID' || t.type === 'STRING' || t.type === 'ACCOUNT');
        if (ids.length === 0) return text;
        const t = rng.pick(ids);
        const control = rng.pick(['\u202E', '\u2066', '\u2067', '\u2068', '\u202D', '\u061C']);
        return text.slice(0, t.offset + 1) + control + text.slice(t.offset + 1);
    },
    nul: (text, { rng }) => {
        const at = rng.int(text.length + 1);
        return text.slice(0, at) + '\u0000'.repeat(rng.range(1, 64)) + text.slice(at);
    },
    surrogateHalves: (text, { rng }) => {
        const at = rng.int(text.length + 1);
        return text.slice(0, at) + rng.pick(['\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uDC00\uD800', '\u{1F600}'.slice(0, 1)]) + text.slice(at);
    },
    crlf: text => text.replace(/\r?\n/g, '\r\n'),
    loneCr: text => text.replace(/\r?\n/g, '\r'),
    mixedLineEndings: (text, { rng }) => text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r', '\u2028'])),
    loneCrSome: (text, { rng }) => text.replace(/\r?\n/g, m => rng.chance(0.2) ? '\r' : m),
    longIdentifier: tokenMutation(() => 1, (text, [t], rng) => {
        const long = 'X' + 'x'.repeat(rng.pick([1000, 10_000, 100_000]));
        return text.slice(0, t.offset) + (t.type === 'ID' ? t.image + long : long) + text.slice(t.end);
    }),
    longLine: (text, { rng }) => {
        // Everything on one line (comments removed so the code survives), or one very long line.
        if (rng.chance(0.5)) return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\r\n]*/g, '').replace(/[\r\n]+/g, ' ');
        const names = Array.from({ length: rng.pick([1000, 10_000]) }, (_, i) => `N${i}`).join(', ');
        return atLineBoundary(text, rng, `computer ${names}`);
    },
    longString: (text, { rng }) => atLineBoundary(text, rng, `sso { backup "${'\\\\'.repeat(rng.pick([10, 1000]))}${'s'.repeat(rng.pick([1000, 100_000]))}" }`),
    longComment: (text, { rng }) => atLineBoundary(text, rng, rng.chance(0.5) ? `// ${'c'.repeat(100_000)}` : `/* ${'c\n'.repeat(10_000)} */`),
    unterminated: (text, { rng }) => {
        const at = rng.int(text.length + 1);
        return text.slice(0, at) + rng.pick(['/*', '"', '{', '(', '//', '\\', '"\\']) + text.slice(at);
    },
    deepNesting: (text, { rng }) => {
        const depth = rng.pick([100, 1000, 10_000]);
        const open = rng.pick(['{', '(', 'group G {', 'host H {', '{ sso {']);
        const closed = rng.chance(0.5);
        const close = open.includes('(') ? ')' : '}';
        return atLineBoundary(text, rng, open.repeat(depth) + (closed ? close.repeat(depth) : ''));
    },
    manyReferences: (text, { rng, lex }) => {
        const name = rng.pick(identifiersOf(text, lex));
        const n = rng.pick([1000, 5000]);
        const list = Array.from({ length: n }, () => name).join(', ');
        return atLineBoundary(text, rng, rng.pick([
            `host Many${n} { receive FILE instances on ${list} }`,
            `cluster Many${n} { nodes ${list} }`,
            `nlb Many${n} { members ${list} fronts ${list} }`,
            `computer ${list}`,
            `databases ${list} on ${name}`
        ]));
    },
    grammarFragment: (text, { rng, lex }) => {
        const names = identifiersOf(text, lex);
        let out = text;
        for (let i = rng.range(1, 4); i > 0; i--) {
            // Inside a block (after a `{`) or at a line boundary.
            const { tokens } = lex(out);
            const opens = tokens.filter(t => t.image === '{');
            if (opens.length > 0 && rng.chance(0.6)) {
                const t = rng.pick(opens);
                out = out.slice(0, t.end) + '\n' + fragment(rng, names) + '\n' + out.slice(t.end);
            } else {
                out = atLineBoundary(out, rng, fragment(rng, names));
            }
        }
        return out;
    },
    cyclicReferences: (text, { rng, lex }) => {
        const names = identifiersOf(text, lex);
        const a = rng.pick(names);
        const b = rng.pick(names);
        return atLineBoundary(text, rng, rng.pick([
            `cluster ${a} { nodes ${b} } cluster ${b} { nodes ${a} }`,
            `cluster ${a} { nodes ${a} }`,
            `sql ${a} on ${a} { databases BizTalkMsgBoxDb }`,
            `sql ${a} on ${b} sql ${b} on ${a}`,
            `availability-group ${a} { replicas ${a}, ${b} databases SSODB }`,
            `host ${a} { clustered on ${a} instances on ${a} }`,
            `nlb ${a} { members ${a} fronts ${a} }`,
            `computer ${a} cluster ${a} { nodes ${a} } sql ${a} on ${a} host ${a} { instances on ${a} }`,
            `sso { master-secret-server on ${a} } sso { master-secret-server on ${b} }`,
            `databases ${a} on ${a}`
        ]));
    },
    renameReference: tokenMutation(() => 1, (text, [t], rng) => t.type !== 'ID' ? text : text.slice(0, t.offset) + rng.pick([randomName(rng), rng.pick(keywords), t.image.toLowerCase(), t.image.toUpperCase(), t.image + '-']) + text.slice(t.end)),
    duplicateDeclarations: (text, { rng, lex }) => {
        // A whole declaration (from a keyword to its matching close brace) twice.
        const { tokens } = lex(text);
        const starts = tokens.filter(t => ['group', 'host', 'cluster', 'sql', 'nlb', 'sso', 'availability-group'].includes(t.image));
        if (starts.length === 0) return text;
        const start = rng.pick(starts);
        let depth = 0;
        let end = start.end;
        for (const t of tokens) {
            if (t.offset < start.offset) continue;
            if (t.image === '{') depth++;
            if (t.image === '}' && --depth === 0) {
                end = t.end;
                break;
            }
        }
        const decl = text.slice(start.offset, end);
        return text.slice(0, end) + '\n' + decl + text.slice(end);
    },
    spliceOther: (text, { rng, corpus }) => {
        const other = rng.pick(corpus).text;
        const from = rng.int(other.length);
        const chunk = other.slice(from, from + rng.range(1, 400));
        const at = rng.int(text.length + 1);
        return text.slice(0, at) + chunk + text.slice(at);
    },
    whitespace: tokenMutation(n => Math.min(n, 8), (text, toks, rng) => {
        // Keeps the tokens: adds blanks, tabs, comments and line breaks between them.
        const offsets = [...new Set(toks.map(t => rng.chance(0.5) ? t.offset : t.end))].sort((a, b) => b - a);
        let out = text;
        for (const at of offsets) {
            out = out.slice(0, at) + rng.pick([' ', '  ', '\t', '\n', '\n\n\n', '\r\n', ' /* c */ ', '/**/', ' // trailing\n', '\n    // line\n']) + out.slice(at);
        }
        return out;
    }),
    commentsEverywhere: tokenMutation(n => Math.min(n, 6), (text, toks, rng) => {
        const offsets = [...new Set(toks.map(t => t.end))].sort((a, b) => b - a);
        let out = text;
        for (const at of offsets) out = out.slice(0, at) + rng.pick([' /* keep-me */', ' // keep-me\n', '/* a\n b */', ' /* {}"\\ */', '\n// bizha-ignore HA-HOST-SPOF -- kept\n']) + out.slice(at);
        return out;
    }),
    caseChange: tokenMutation(() => 1, (text, [t], rng) => text.slice(0, t.offset) + (rng.chance(0.5) ? t.image.toUpperCase() : t.image.toLowerCase()) + text.slice(t.end)),
    empty: () => '',
    onlyComments: text => text.replace(/[^\r\n]+/g, m => `// ${m}`)
};

/** Mutations that usually keep the file parseable, so the formatter and quick fixes have something to do. */
const gentle = ['whitespace', 'commentsEverywhere', 'crlf', 'loneCrSome', 'mixedLineEndings', 'grammarFragment', 'cyclicReferences',
    'renameReference', 'duplicateDeclarations', 'duplicateLine', 'deleteLine', 'manyReferences'];

const weights: Array<[number, string]> = [
    [6, 'deleteToken'], [4, 'duplicateToken'], [4, 'swapTokens'], [5, 'replaceToken'], [2, 'truncate'], [3, 'truncateTokens'],
    [4, 'deleteLine'], [4, 'duplicateLine'], [3, 'swapLines'], [2, 'moveLines'], [4, 'injectBytes'], [4, 'injectUnicode'],
    [2, 'bidiInNames'], [1, 'nul'], [2, 'surrogateHalves'], [2, 'crlf'], [1, 'loneCr'], [2, 'mixedLineEndings'], [2, 'loneCrSome'],
    [1, 'longIdentifier'], [1, 'longLine'], [1, 'longString'], [1, 'longComment'], [3, 'unterminated'], [1, 'deepNesting'],
    [1, 'manyReferences'], [8, 'grammarFragment'], [5, 'cyclicReferences'], [4, 'renameReference'], [3, 'duplicateDeclarations'],
    [2, 'spliceOther'], [6, 'whitespace'], [5, 'commentsEverywhere'], [1, 'caseChange'], [0.2, 'empty'], [0.3, 'onlyComments']
];

/** One input of a run: an example, mutated one to four times (sometimes only gently). */
export function generateInput(corpus: CorpusEntry[], lex: LexFn, seed: number, iteration: number, mode: 'any' | 'gentle' = 'any'): FuzzInput {
    const rng = new Rng(iterationSeed(seed, iteration));
    const base = rng.pick(corpus);
    const ctx: MutationContext = { rng, lex, corpus };
    const onlyGentle = rng.chance(0.35) || mode === 'gentle';
    const applied: string[] = [];
    let text = base.text;
    for (let i = rng.range(1, 4); i > 0; i--) {
        const name = onlyGentle ? rng.pick(gentle) : rng.weighted(weights.map(([w, n]) => [w, n] as const));
        text = mutations[name](text, ctx);
        applied.push(name);
    }
    const withSiblings = base.siblings.length > 0 && rng.chance(0.8);
    return {
        label: `${base.path}: ${applied.join(', ')}`,
        files: [{ path: base.path, text }, ...(withSiblings ? base.siblings : [])],
        large: text.length > largeThreshold
    };
}

// ---------------------------------------------------------------------------------------------
// Extreme inputs, generated whole
// ---------------------------------------------------------------------------------------------

const largeThreshold = 256 * 1024;

/** Deep nesting, thousands of references, cycles, very long tokens and a 5 MB file. */
export function extremeInputs(corpus: CorpusEntry[]): FuzzInput[] {
    const example = corpus.find(c => c.path.endsWith('small-ha/topology.bizha'))?.text ?? corpus[0].text;
    const singles = corpus.filter(c => c.siblings.length === 0);
    const one = (label: string, text: string): FuzzInput => ({ label, files: [{ path: `extreme/${label}.bizha`, text }], large: text.length > largeThreshold });
    const fiveMb = (): string => {
        const parts: string[] = [];
        let size = 0;
        for (let i = 0; size < 5 * 1024 * 1024; i++) {
            const src = singles[i % singles.length].text.replace(/\bgroup (\w[\w-]*)/g, `group $1_${i}`);
            parts.push(src);
            size += src.length;
        }
        return parts.join('\n');
    };
    const refs = (name: string, n: number) => Array.from({ length: n }, () => name).join(', ');
    return [
        one('open-braces-10k', 'group G ' + '{'.repeat(10_000)),
        one('balanced-braces-10k', 'group G ' + '{'.repeat(10_000) + '}'.repeat(10_000)),
        one('nested-groups-10k', 'group G { '.repeat(10_000)),
        one('nested-groups-closed-10k', 'group G { '.repeat(10_000) + '}'.repeat(10_000)),
        one('nested-hosts-10k', 'group G { ' + 'host H { '.repeat(10_000)),
        one('open-parens-10k', 'group G { host H { receive FILE ' + '('.repeat(10_000)),
        one('balanced-parens-10k', 'group G { computer A host H { receive FILE ' + '('.repeat(10_000) + ')'.repeat(10_000) + ' instances on A } }'),
        one('instances-10k-refs', `group G { computer X host H { receive FILE instances on ${refs('X', 10_000)} } }`),
        one('cluster-nodes-10k-refs', `group G { computer X cluster C { nodes ${refs('X', 10_000)} } sql S on C { databases BizTalkMgmtDb, BizTalkMsgBoxDb } }`),
        one('nlb-10k-refs', `group G { computer X host H isolated { receive HTTP instances on X } nlb N { members ${refs('X', 10_000)} fronts ${refs('H', 10_000)} } }`),
        one('replicas-5k-refs', `group G { computer X sql S on X availability-group A { replicas ${refs('S', 5000)} databases SSODB } }`),
        one('unresolved-10k-refs', `group G { host H { instances on ${refs('Nowhere', 10_000)} } }`),
        one('hosts-3k', `group G {\n  computer A, B\n  sql S on A { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }\n${Array.from({ length: 3000 }, (_, i) => `  host H${i} { receive FILE, FTP send SMTP orchestrations instances on A, B }`).join('\n')}\n}`),
        one('hosts-3k-no-instances', `group G {\n${Array.from({ length: 3000 }, (_, i) => `  host H${i} { receive MSMQ (ordered) }`).join('\n')}\n}`),
        one('computers-20k', `group G { computer ${Array.from({ length: 20_000 }, (_, i) => `C${i}`).join(', ')} }`),
        one('groups-2k-one-computer', `computer Shared\n${Array.from({ length: 2000 }, (_, i) => `group G${i} { host H { receive FILE instances on Shared } }`).join('\n')}`),
        one('duplicate-names-5k', `group G {\n${Array.from({ length: 5000 }, () => 'computer X').join('\n')}\n}`),
        one('self-and-cyclic', `cluster A { nodes A } cluster B { nodes C } cluster C { nodes B } sql A on A sql S on S
group G {
  computer A
  cluster A { nodes A }
  sql A on A { databases BizTalkMgmtDb on A }
  sql B on B { databases BizTalkMsgBoxDb }
  availability-group AG { replicas AG, B synchronous, A databases SSODB }
  host A { clustered on A instances on A }
  nlb A { members A fronts A }
  sso { master-secret-server on A } sso { master-secret-server on G }
  databases BizTalkDTADb on AG
  databases BizTalkDTADb on G
  backup-job { log-shipping to AG }
}
group G { computer G cluster G { nodes G } host G { clustered on G instances on G } }`),
        one('suppressions-5k', `group G {\n  computer A\n${Array.from({ length: 5000 }, (_, i) => `  // bizha-ignore ${ruleIds[i % ruleIds.length]}, HA-NOPE -- reason ${i}\n  host H${i} { instances on A }`).join('\n')}\n}`),
        one('identifier-1m', `group ${'G'.repeat(1_000_000)} { computer ${'C'.repeat(1_000_000)} }`),
        one('line-1m', example.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\r\n]*/g, '').replace(/[\r\n]+/g, ' ').repeat(150)),
        one('string-1m', `group G { sso { backup "${'\\\\'.repeat(1000)}${'s'.repeat(1_000_000)}" } }`),
        one('comment-1m', `/*${'*'.repeat(1_000_000)}\n${example}`),
        one('unterminated-comment', `/*\n${example}`),
        one('unterminated-string', `group G { sso { backup "${example}`),
        one('nul-100k', '\u0000'.repeat(100_000)),
        one('bidi-everywhere', example.replace(/(\w)(\w)/g, '$1\u202E$2')),
        one('surrogates', example.replace(/[aeiou]/g, '\uD800').replace(/[A-E]/g, '\uDFFF')),
        one('random-bytes-1m', (() => {
            const rng = new Rng(1);
            let s = '';
            for (let i = 0; i < 1_000_000; i++) s += String.fromCharCode(rng.int(256));
            return s;
        })()),
        one('lone-cr', example.replace(/\r?\n/g, '\r')),
        one('line-separators', example.replace(/\r?\n/g, '\u2028')),
        one('crlf-5mb', fiveMb().replace(/\r?\n/g, '\r\n')),
        one('five-mb', fiveMb())
    ];
}

// ---------------------------------------------------------------------------------------------
// The server, in process
// ---------------------------------------------------------------------------------------------

/** Services as server/main.ts builds them (its LSP modules), without a connection. */
export async function createFuzzServices(rulesDocsFolder?: string): Promise<BizhaServices> {
    const sharedModule = (lspModule as Record<string, unknown>).BizhaSharedLspModule as Module<LangiumSharedServices, PartialLangiumSharedServices> | undefined;
    const { Bizha } = createBizhaServices({ ...EmptyFileSystem, rulesDocsFolder, modules: [lspModule.BizhaLspModule], sharedModules: sharedModule ? [sharedModule] : [] });
    await Bizha.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return Bizha;
}

/** The editor features the fuzzer can reach in these services. */
export function features(services: BizhaServices): string[] {
    const lsp = services.lsp as Record<string, unknown>;
    return [...Object.keys(lsp).filter(k => lsp[k] !== undefined && k !== 'shared').sort(), ...(services.shared.lsp.WorkspaceSymbolProvider ? ['WorkspaceSymbolProvider'] : [])];
}

export type FailureKind = 'exception' | 'logged-error' | 'slow' | 'invalid' | 'lost-text' | 'hang';

export interface Failure {
    readonly kind: FailureKind;
    readonly request: string;
    readonly message: string;
}

export interface RequestStats {
    count: number;
    totalMs: number;
    maxMs: number;
}

export interface CheckResult {
    readonly failures: Failure[];
    readonly requests: number;
    readonly ms: number;
    readonly stats: Map<string, RequestStats>;
    /** Quick fixes and formatting results that were applied and checked for lost text. */
    readonly applied: number;
}

/** The requests an input goes through, in order; `CheckOptions.only` names some of them (the build always runs). */
export const requestNames = ['build', 'documentSymbols', 'foldingRanges', 'semanticTokens', 'preview', 'workspaceSymbols', 'completion', 'hover',
    'definition', 'references', 'documentHighlight', 'rename', 'signatureHelp', 'inlayHints', 'codeLens', 'documentLinks', 'codeActions',
    'formatting', 'rangeFormatting'] as const;
export type RequestName = typeof requestNames[number];

const requestOfLabel: Record<string, RequestName> = {
    setup: 'build', parse: 'build', diagnostics: 'build', prepareRename: 'rename', semanticTokensRange: 'semanticTokens'
};

/** The request to re-run (`only`) for a failure's request label ("hover", "quick fix ...", "prepareRename (unhandled rejection)"); undefined: all of them. */
export function requestOf(failureRequest: string): RequestName | undefined {
    const label = failureRequest.replace(/ \(.*$/, '');
    if (label.startsWith('quick fix')) return 'codeActions';
    return requestOfLabel[label] ?? requestNames.find(name => name === label);
}

export interface CheckOptions {
    /** Seed for positions; defaults to a hash of the text. */
    readonly seed?: number;
    /** Per-request bound in ms; defaults to 2 s, 10 s for inputs over 256 KB. */
    readonly boundMs?: number;
    /** Only this request or these requests (and the build); for minimising and regression tests. An unknown name throws. */
    readonly only?: RequestName | readonly RequestName[];
    /** Positions for the position requests: a few random ones, or every token boundary (capped). */
    readonly positions?: 'random' | 'all';
    /** Apply every quick fix and the formatter and check that no text is lost (default true). */
    readonly lostText?: boolean;
    /** Told before each request starts and after it ends; the watchdog uses it to find hangs. */
    readonly beacon?: Beacon;
    /** Cap on code-action requests per input. */
    readonly maxCodeActionRequests?: number;
}

export interface Beacon {
    enter(label: string, boundMs: number): void;
    leave(): void;
}

export const normalBoundMs = 2000;
/** A request still unanswered after this many bounds is a hang. */
export const hangFactor = 5;

class HangError extends Error { }

export const largeBoundMs = 10_000;

export function boundFor(input: FuzzInput): number {
    return input.large || input.files.some(f => f.text.length > largeThreshold) ? largeBoundMs : normalBoundMs;
}

function hashText(text: string): number {
    let h = 2166136261;
    for (let i = 0; i < text.length; i += Math.max(1, Math.floor(text.length / 4096))) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h ^ text.length) >>> 0;
}

const formattingOptions: FormattingOptions = { tabSize: 4, insertSpaces: true };

let workspaceCounter = 0;

/** Runs one input through the whole server; returns every failure (throws only for an unknown request name in `only`). */
export async function checkInput(services: BizhaServices, input: FuzzInput, options: CheckOptions = {}): Promise<CheckResult> {
    // A misspelt name would run only the build and pass with nothing tested (the callers include plain JavaScript).
    const unknown = [options.only ?? []].flat().filter(name => !(requestNames as readonly string[]).includes(name));
    if (unknown.length > 0) throw new Error(`unknown request name${unknown.length > 1 ? 's' : ''} in only: ${unknown.join(', ')} (known: ${requestNames.join(', ')})`);
    const run = new InputRun(services, input, options);
    await run.run();
    return { failures: run.failures, requests: run.requests, ms: run.totalMs, stats: run.stats, applied: run.applied };
}

class InputRun {
    readonly failures: Failure[] = [];
    readonly stats = new Map<string, RequestStats>();
    requests = 0;
    applied = 0;
    totalMs = 0;
    private readonly rng: Rng;
    private readonly bound: number;
    private readonly lex: LexFn;
    private current = 'setup';

    constructor(private readonly services: BizhaServices, private readonly input: FuzzInput, private readonly options: CheckOptions) {
        this.rng = new Rng(options.seed ?? hashText(input.files[0]?.text ?? ''));
        this.bound = options.boundMs ?? boundFor(input);
        const lex = lexerOf(services);
        // Big inputs: lexing the same text again for every fix checked would dwarf the requests.
        const cache = new Map<string, ReturnType<LexFn>>();
        this.lex = text => {
            let result = cache.get(text);
            if (!result) {
                if (cache.size >= 4) cache.delete(cache.keys().next().value!);
                result = lex(text);
                cache.set(text, result);
            }
            return result;
        };
    }

    private fail(kind: FailureKind, request: string, message: string): void {
        if (this.failures.some(f => f.kind === kind && f.request === request && f.message === message)) return;
        this.failures.push({ kind, request, message: message.length > 4000 ? message.slice(0, 4000) + '...' : message });
    }

    private wants(request: RequestName): boolean {
        const only = this.options.only;
        if (!only || request === 'build') return true;
        return typeof only === 'string' ? only === request : only.includes(request);
    }

    /** Runs one request under the bound; exceptions and logged errors become failures. */
    private async timed<T>(request: string, fn: () => T | PromiseLike<T>): Promise<T | undefined> {
        this.current = request;
        this.options.beacon?.enter(`${request} on ${this.input.label}`, this.bound);
        const start = performance.now();
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
            // A request that never answers (an awaited promise that never settles) is a hang.
            const hang = new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new HangError(`no answer after ${this.bound * hangFactor} ms`)), this.bound * hangFactor);
            });
            return await Promise.race([Promise.resolve().then(fn), hang]);
        } catch (error) {
            if (error instanceof HangError) {
                this.fail('hang', request, error.message);
                return undefined;
            }
            this.fail('exception', request, describeError(error));
            return undefined;
        } finally {
            clearTimeout(timer);
            const ms = performance.now() - start;
            this.options.beacon?.leave();
            this.requests++;
            this.totalMs += ms;
            const stat = this.stats.get(request) ?? { count: 0, totalMs: 0, maxMs: 0 };
            stat.count++;
            stat.totalMs += ms;
            stat.maxMs = Math.max(stat.maxMs, ms);
            this.stats.set(request, stat);
            if (ms > this.bound) this.fail('slow', request, `took ${Math.round(ms)} ms (bound ${this.bound} ms)`);
            this.current = 'between requests';
        }
    }

    async run(): Promise<void> {
        const originalError = console.error;
        const onRejection = (reason: unknown) => this.fail('exception', `${this.current} (unhandled rejection)`, describeError(reason));
        console.error = (...args: unknown[]) => this.fail('logged-error', this.current, args.map(a => a instanceof Error ? describeError(a) : String(a)).join(' '));
        process.on('unhandledRejection', onRejection);
        try {
            await this.runAll();
        } catch (error) {
            this.fail('exception', this.current, describeError(error));
        } finally {
            console.error = originalError;
            process.off('unhandledRejection', onRejection);
        }
    }

    private async runAll(): Promise<void> {
        const { services } = this;
        const workspace = services.shared.workspace;
        const folder = `file:///fuzz/w${++workspaceCounter}/`;
        // A fresh workspace per input: remove the previous input's documents.
        const previous = workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        if (previous.length > 0) await workspace.DocumentBuilder.update([], previous);
        // Lexing and parsing happen here, outside DocumentBuilder.build (in the server they are part of the update).
        const documents = (await this.timed('parse', () => this.input.files.map(file => {
            const document = workspace.LangiumDocumentFactory.fromString(file.text, URI.parse(folder + encodePath(file.path)));
            workspace.LangiumDocuments.addDocument(document);
            return document;
        }))) ?? [];
        await this.timed('build', () => workspace.DocumentBuilder.build(documents, { validation: true }));
        const document = documents[0];
        if (!document || document.diagnostics === undefined) {
            this.fail('invalid', 'build', 'the document has no diagnostics after a build with validation');
            return;
        }
        this.checkDiagnostics(document);
        const text = document.textDocument.getText();
        const uri = document.uri.toString();
        const lsp = services.lsp;
        const textDocument = { uri };

        if (lsp.DocumentSymbolProvider && this.wants('documentSymbols')) {
            const symbols = await this.timed('documentSymbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
            this.checkSymbols(document, symbols ?? []);
        }
        if (lsp.FoldingRangeProvider && this.wants('foldingRanges')) {
            const ranges = await this.timed('foldingRanges', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
            for (const r of ranges ?? []) {
                if (!(r.startLine >= 0 && r.endLine >= r.startLine && r.endLine < document.textDocument.lineCount)) this.fail('invalid', 'foldingRanges', `bad folding range ${JSON.stringify(r)}`);
            }
        }
        if (lsp.SemanticTokenProvider && this.wants('semanticTokens')) {
            const tokens = await this.timed('semanticTokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
            if (tokens && tokens.data.length % 5 !== 0) this.fail('invalid', 'semanticTokens', `data length ${tokens.data.length} is not a multiple of 5`);
            if (tokens && tokens.data.some(n => !Number.isInteger(n) || n < 0)) this.fail('invalid', 'semanticTokens', 'data holds a negative or non-integer number');
            const range = this.randomRange(document);
            await this.timed('semanticTokensRange', () => lsp.SemanticTokenProvider!.semanticHighlightRange(document, { textDocument, range }));
        }
        if (this.wants('preview')) {
            const result = await this.timed('preview', () => previewAnalysis(services, uri));
            if (result && !Array.isArray(result.groups)) this.fail('invalid', 'preview', 'no groups array');
            if (result) {
                try {
                    JSON.stringify(result);
                } catch (error) {
                    this.fail('invalid', 'preview', `result does not serialise: ${describeError(error)}`);
                }
            }
        }
        if (services.shared.lsp.WorkspaceSymbolProvider && this.wants('workspaceSymbols')) {
            await this.timed('workspaceSymbols', () => services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: this.rng.pick(['', 'B', 'Host', 'x']) }));
        }

        for (const offset of this.positions(document)) {
            const position = document.textDocument.positionAt(offset);
            const params = { textDocument, position };
            if (lsp.CompletionProvider && this.wants('completion')) {
                const list = await this.timed('completion', () => lsp.CompletionProvider!.getCompletion(document, params));
                for (const item of list?.items ?? []) {
                    if (typeof item.label !== 'string') this.fail('invalid', 'completion', `label is not a string: ${JSON.stringify(item.label)}`);
                    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
                    if (edit && !this.validRange(document, edit)) this.fail('invalid', 'completion', `text edit range outside the document: ${JSON.stringify(edit)}`);
                }
            }
            if (lsp.HoverProvider && this.wants('hover')) {
                const hover = await this.timed('hover', () => lsp.HoverProvider!.getHoverContent(document, params));
                if (hover && hover.range && !this.validRange(document, hover.range)) this.fail('invalid', 'hover', `range outside the document: ${JSON.stringify(hover.range)}`);
            }
            if (lsp.DefinitionProvider && this.wants('definition')) {
                await this.timed('definition', () => lsp.DefinitionProvider!.getDefinition(document, params));
            }
            if (lsp.ReferencesProvider && this.wants('references')) {
                await this.timed('references', () => lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } }));
            }
            if (lsp.DocumentHighlightProvider && this.wants('documentHighlight')) {
                await this.timed('documentHighlight', () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params));
            }
            if (lsp.RenameProvider && this.wants('rename')) {
                const range = await this.timed('prepareRename', () => lsp.RenameProvider!.prepareRename(document, params));
                if (range && 'start' in range) {
                    const edit = await this.timed('rename', () => lsp.RenameProvider!.rename(document, { ...params, newName: this.rng.pick(['Renamed', 'R-2', 'x']) }));
                    if (edit) this.checkWorkspaceEdit('rename', edit, documents, false);
                }
            }
            if (lsp.SignatureHelp && this.wants('signatureHelp')) {
                await this.timed('signatureHelp', () => lsp.SignatureHelp!.provideSignatureHelp(document, params));
            }
        }
        if (lsp.InlayHintProvider && this.wants('inlayHints')) {
            await this.timed('inlayHints', () => lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: this.wholeRange(document) }));
        }
        if (lsp.CodeLensProvider && this.wants('codeLens')) {
            await this.timed('codeLens', () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }));
        }
        if (lsp.DocumentLinkProvider && this.wants('documentLinks')) {
            await this.timed('documentLinks', () => lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument }));
        }

        if (lsp.CodeActionProvider && this.wants('codeActions')) await this.codeActions(document, documents);
        if (lsp.Formatter && (this.wants('formatting') || this.wants('rangeFormatting'))) await this.formatting(document, text);
    }

    // ---- positions --------------------------------------------------------------------------

    private positions(document: LangiumDocument): number[] {
        const text = document.textDocument.getText();
        const { tokens, comments } = this.lex(text);
        const all = [...tokens, ...comments];
        const boundaries = all.flatMap(t => [t.offset, t.end, t.offset + Math.floor(t.image.length / 2)]);
        if (this.options.positions === 'all') {
            const every = [...new Set([0, text.length, ...boundaries])].sort((a, b) => a - b);
            const cap = 400;
            return every.length <= cap ? every : Array.from({ length: cap }, (_, i) => every[Math.floor(i * every.length / cap)]);
        }
        const picks = [text.length];
        const n = this.input.large ? 3 : 5;
        for (let i = 0; i < n; i++) {
            picks.push(this.rng.weighted<() => number>([
                [3, () => boundaries.length > 0 ? this.rng.pick(boundaries) : 0],
                [2, () => this.rng.int(text.length + 1)],
                [1, () => {
                    const d = (document.diagnostics ?? [])[this.rng.int(document.diagnostics?.length ?? 0)];
                    return d ? document.textDocument.offsetAt(d.range.start) : 0;
                }]
            ])());
        }
        return picks;
    }

    private randomRange(document: LangiumDocument): Range {
        const length = document.textDocument.getText().length;
        const a = this.rng.int(length + 1);
        const b = this.rng.int(length + 1);
        return { start: document.textDocument.positionAt(Math.min(a, b)), end: document.textDocument.positionAt(Math.max(a, b)) };
    }

    private wholeRange(document: LangiumDocument): Range {
        return { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    }

    // ---- result checks ----------------------------------------------------------------------

    private validPosition(document: LangiumDocument, p: Position | undefined): boolean {
        if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
        const lines = document.textDocument.lineCount;
        if (p.line >= lines) return false;
        // A position past the end of its line is tolerated by clients; past the document's end is not.
        return true;
    }

    private validRange(document: LangiumDocument, r: Range | undefined): boolean {
        if (!r || !this.validPosition(document, r.start) || !this.validPosition(document, r.end)) return false;
        return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
    }

    private checkDiagnostics(document: LangiumDocument): void {
        for (const d of document.diagnostics ?? []) {
            if (!this.validRange(document, d.range)) this.fail('invalid', 'diagnostics', `range outside the document: ${JSON.stringify(d.range)} (${d.message})`);
            if (typeof d.message !== 'string' || d.message.length === 0) this.fail('invalid', 'diagnostics', `empty message: ${JSON.stringify(d)}`);
            else if (/An error occurred/.test(d.message)) this.fail('exception', 'diagnostics', d.message);
            try {
                JSON.stringify(d);
            } catch (error) {
                this.fail('invalid', 'diagnostics', `diagnostic does not serialise: ${describeError(error)}`);
            }
        }
    }

    private checkSymbols(document: LangiumDocument, symbols: Array<{ range: Range; selectionRange: Range; name: string; children?: unknown[] }>): void {
        const visit = (list: typeof symbols) => {
            for (const s of list) {
                if (!this.validRange(document, s.range) || !this.validRange(document, s.selectionRange)) this.fail('invalid', 'documentSymbols', `range outside the document: ${s.name}`);
                // VS Code rejects a symbol whose name is empty.
                if (typeof s.name !== 'string' || s.name.length === 0) this.fail('invalid', 'documentSymbols', `symbol with an empty name at ${JSON.stringify(s.range)}`);
                visit((s.children ?? []) as typeof symbols);
            }
        };
        visit(symbols);
    }

    // ---- code actions and quick fixes -------------------------------------------------------

    private async codeActions(document: LangiumDocument, documents: LangiumDocument[]): Promise<void> {
        const lsp = this.services.lsp;
        const uri = document.uri.toString();
        // As the client sends them: the published diagnostics, through JSON.
        const published = JSON.parse(JSON.stringify(document.diagnostics ?? [])) as Diagnostic[];
        const max = this.options.maxCodeActionRequests ?? (this.input.large ? 8 : 40);
        const requests: Array<{ range: Range; diagnostics: Diagnostic[] }> = [];
        const withRule = published.filter(d => typeof d.code === 'string');
        const chosen = withRule.length <= max - 2 ? withRule : Array.from({ length: max - 2 }, () => this.rng.pick(withRule));
        for (const d of chosen) requests.push({ range: d.range, diagnostics: [d] });
        for (let i = 0; i < 2; i++) {
            const range = this.randomRange(document);
            requests.push({ range, diagnostics: published.filter(d => overlaps(d.range, range)).slice(0, 50) });
        }
        for (const request of requests) {
            const actions = await this.timed('codeActions', () => lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri }, range: request.range, context: { diagnostics: request.diagnostics } }));
            for (const action of actions ?? []) {
                if (!isCodeAction(action)) continue;
                if (typeof action.title !== 'string' || action.title.length === 0) this.fail('invalid', 'codeActions', 'action without a title');
                if (action.edit) this.checkWorkspaceEdit(`quick fix "${action.title}"`, action.edit, documents, true, action.diagnostics ?? []);
            }
        }
    }

    /** Edits are in range and disjoint; applied, they keep every comment and (for fixes) add no lexer garbage. */
    private checkWorkspaceEdit(what: string, edit: WorkspaceEdit, documents: LangiumDocument[], isFix: boolean, about: Diagnostic[] = []): void {
        const perUri = new Map<string, TextEdit[]>();
        for (const [u, edits] of Object.entries(edit.changes ?? {})) perUri.set(u, [...(perUri.get(u) ?? []), ...edits]);
        for (const change of edit.documentChanges ?? []) {
            if ('edits' in change) {
                const target = documents.find(d => d.uri.toString() === change.textDocument.uri);
                if (target && change.textDocument.version !== null && change.textDocument.version !== undefined && change.textDocument.version !== target.textDocument.version) {
                    this.fail('lost-text', what, `edit targets version ${change.textDocument.version} of ${change.textDocument.uri}, the document is at ${target.textDocument.version}`);
                }
                perUri.set(change.textDocument.uri, [...(perUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
            }
        }
        const request = isFix ? 'codeActions' : 'rename';
        for (const [u, edits] of perUri) {
            const target = documents.find(d => d.uri.toString() === u);
            if (!target) {
                this.fail('invalid', request, `${what} edits ${u}, which is not in the workspace`);
                continue;
            }
            if (this.options.lostText === false) continue;
            const before = target.textDocument.getText();
            const after = this.applyChecked(request, what, target, edits);
            if (after === undefined) continue;
            this.applied++;
            // A fix may remove the suppression comment its diagnostic is about (an unused `// bizha-ignore`), nothing else.
            const aboutOffsets = about.map(d => [target.textDocument.offsetAt(d.range.start), target.textDocument.offsetAt(d.range.end)]);
            const exempt = (c: Tok) => /^\/\/\s*bizha-ignore\b/.test(c.image) && aboutOffsets.some(([s, e]) => c.offset <= e && s <= c.end);
            this.checkComments(request, what, before, after, 'subsequence', exempt);
        }
    }

    private applyChecked(request: string, what: string, document: LangiumDocument, edits: TextEdit[]): string | undefined {
        const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
        for (const e of sorted) {
            if (!this.validRange(document, e.range)) {
                this.fail('invalid', request, `${what}: edit range outside the document ${JSON.stringify(e.range)}`);
                return undefined;
            }
            if (typeof e.newText !== 'string') {
                this.fail('invalid', request, `${what}: edit without text`);
                return undefined;
            }
        }
        for (let i = 1; i < sorted.length; i++) {
            if (compare(sorted[i].range.start, sorted[i - 1].range.end) < 0) {
                this.fail('invalid', request, `${what}: overlapping edits ${JSON.stringify(sorted[i - 1].range)} and ${JSON.stringify(sorted[i].range)}`);
                return undefined;
            }
        }
        return TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'bizha', 0, document.textDocument.getText()), sorted);
    }

    /** Every comment of the input is still in the output, byte for byte and in order. */
    private checkComments(request: string, what: string, before: string, after: string, mode: 'equal' | 'subsequence', exempt: (c: Tok) => boolean = () => false): void {
        const a = this.lex(before).comments.filter(c => !exempt(c)).map(c => c.image);
        const b = this.lex(after).comments.map(c => c.image);
        let j = 0;
        for (const comment of a) {
            while (j < b.length && b[j] !== comment) {
                if (mode === 'equal') break;
                j++;
            }
            if (j >= b.length || b[j] !== comment) {
                this.fail('lost-text', request, `${what} loses or changes the comment ${JSON.stringify(comment.length > 200 ? comment.slice(0, 200) + '...' : comment)}`);
                return;
            }
            j++;
        }
        if (mode === 'equal' && j !== b.length) this.fail('lost-text', request, `${what} adds a comment ${JSON.stringify(b[j])}`);
    }

    // ---- formatting -------------------------------------------------------------------------

    private async formatting(document: LangiumDocument, text: string): Promise<void> {
        const formatter = this.services.lsp.Formatter!;
        const uri = document.uri.toString();
        if (this.wants('rangeFormatting')) {
            // One random range; for minimising, whole-line ranges of 1, 4 and 40 lines from (up to) 60 start lines.
            const lines = document.textDocument.lineCount;
            const ranges = this.options.positions === 'all'
                ? Array.from({ length: Math.min(lines, 60) }, (_, i) => Math.floor(i * lines / Math.min(lines, 60)))
                    .flatMap(a => [0, 3, 39].map(k => ({ start: { line: a, character: 0 }, end: { line: Math.min(lines - 1, a + k), character: 100_000 } })))
                : [this.randomRange(document)];
            for (const range of ranges) {
                const edits = await this.timed('rangeFormatting', () => formatter.formatDocumentRange(document, { textDocument: { uri }, range, options: formattingOptions }));
                if (edits && edits.length > 0 && this.options.lostText !== false) {
                    const after = this.applyChecked('rangeFormatting', 'range formatting', document, edits);
                    if (after !== undefined) {
                        this.applied++;
                        this.checkFormatted('rangeFormatting', text, after);
                    }
                }
            }
        }
        if (!this.wants('formatting')) return;
        const edits = await this.timed('formatting', () => formatter.formatDocument(document, { textDocument: { uri }, options: formattingOptions }));
        if (!edits || this.options.lostText === false) return;
        const once = edits.length === 0 ? text : this.applyChecked('formatting', 'formatting', document, edits);
        if (once === undefined) return;
        this.applied++;
        this.checkFormatted('formatting', text, once);
        // Formatting twice equals formatting once.
        const workspace = this.services.shared.workspace;
        const again = (await this.timed('parse', () => workspace.LangiumDocumentFactory.fromString(once, URI.parse(uri.replace(/\.bizha$/, '') + '.formatted.bizha'))))!;
        if (!again) return;
        workspace.LangiumDocuments.addDocument(again);
        await this.timed('build', () => workspace.DocumentBuilder.build([again], { validation: false }));
        const clean = (d: LangiumDocument) => d.parseResult.lexerErrors.length === 0 && d.parseResult.parserErrors.length === 0;
        if (clean(document) && !clean(again)) {
            this.fail('lost-text', 'formatting', `formatting a document without syntax errors made one with errors: ${[...again.parseResult.lexerErrors.map(e => e.message), ...again.parseResult.parserErrors.map(e => e.message)][0]}`);
        }
        const secondEdits = await this.timed('formatting', () => formatter.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options: formattingOptions }));
        if (secondEdits && secondEdits.length > 0) {
            const twice = this.applyChecked('formatting', 'formatting twice', again, secondEdits);
            if (twice !== undefined && twice !== once) {
                this.fail('lost-text', 'formatting', `formatting twice differs from formatting once at offset ${firstDifference(once, twice)}: ${JSON.stringify(once.slice(Math.max(0, firstDifference(once, twice) - 30), firstDifference(once, twice) + 30))} became ${JSON.stringify(twice.slice(Math.max(0, firstDifference(once, twice) - 30), firstDifference(once, twice) + 30))}`);
            }
        }
        await workspace.DocumentBuilder.update([], [again.uri]);
    }

    /** Formatting changes only blanks: comments equal, every other character kept, in order. */
    private checkFormatted(request: string, before: string, after: string): void {
        this.checkComments(request, request, before, after, 'equal');
        const strip = (s: string) => s.replace(/\s+/g, '');
        const a = strip(before);
        const b = strip(after);
        if (a !== b) {
            const at = firstDifference(a, b);
            this.fail('lost-text', request, `changes more than blanks: ${JSON.stringify(a.slice(Math.max(0, at - 30), at + 30))} became ${JSON.stringify(b.slice(Math.max(0, at - 30), at + 30))}`);
        }
    }
}

function isCodeAction(action: Command | CodeAction): action is CodeAction {
    return typeof (action as Command).command !== 'string';
}

function compare(a: Position, b: Position): number {
    return a.line - b.line || a.character - b.character;
}

function overlaps(a: Range, b: Range): boolean {
    return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

function firstDifference(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

function encodePath(path: string): string {
    return path.split('/').map(encodeURIComponent).join('/');
}

export function describeError(error: unknown): string {
    if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 8).join('\n');
    return String(error);
}

/** The part of a failure that identifies it across inputs: kind, request and first line of the message, without numbers. */
export function signature(failure: Failure): string {
    const first = failure.message.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"');
    return `${failure.kind} in ${failure.request}: ${failure.kind === 'slow' ? '' : first.slice(0, 160)}`;
}

// ---------------------------------------------------------------------------------------------
// A run
// ---------------------------------------------------------------------------------------------

export interface RunOptions {
    readonly seed: number;
    /** Stop after this many inputs ... */
    readonly iterations?: number;
    /** ... or at this time (Date.now()), whichever comes first. */
    readonly deadline?: number;
    readonly startIteration?: number;
    readonly beacon?: Beacon;
    readonly onFailure?: (input: FuzzInput, iteration: number, failures: Failure[]) => void | Promise<void>;
}

export interface RunSummary {
    inputs: number;
    requests: number;
    applied: number;
    failures: Array<{ iteration: number; label: string; failures: Failure[] }>;
    ms: number;
    stats: Map<string, RequestStats>;
    maxRequestMs: number;
}

export async function fuzz(services: BizhaServices, corpus: CorpusEntry[], options: RunOptions): Promise<RunSummary> {
    const lex = lexerOf(services);
    const summary: RunSummary = { inputs: 0, requests: 0, applied: 0, failures: [], ms: 0, stats: new Map(), maxRequestMs: 0 };
    const start = performance.now();
    for (let i = options.startIteration ?? 0; ; i++) {
        if (options.iterations !== undefined && summary.inputs >= options.iterations) break;
        if (options.deadline !== undefined && Date.now() >= options.deadline) break;
        const input = generateInput(corpus, lex, options.seed, i);
        const result = await checkInput(services, input, { seed: iterationSeed(options.seed, i), beacon: options.beacon });
        addResult(summary, result);
        if (result.failures.length > 0) {
            summary.failures.push({ iteration: i, label: input.label, failures: result.failures });
            await options.onFailure?.(input, i, result.failures);
        }
    }
    summary.ms = performance.now() - start;
    return summary;
}

export function addResult(summary: RunSummary, result: CheckResult): void {
    summary.inputs++;
    summary.requests += result.requests;
    summary.applied += result.applied;
    for (const [name, stat] of result.stats) {
        const total = summary.stats.get(name) ?? { count: 0, totalMs: 0, maxMs: 0 };
        total.count += stat.count;
        total.totalMs += stat.totalMs;
        total.maxMs = Math.max(total.maxMs, stat.maxMs);
        summary.stats.set(name, total);
        summary.maxRequestMs = Math.max(summary.maxRequestMs, stat.maxMs);
    }
}

export function formatStats(stats: Map<string, RequestStats>): string {
    return [...stats].sort(([a], [b]) => a.localeCompare(b))
        .map(([name, s]) => `  ${name.padEnd(20)} ${String(s.count).padStart(7)} requests, mean ${(s.totalMs / s.count).toFixed(1).padStart(7)} ms, max ${s.maxMs.toFixed(0).padStart(6)} ms`)
        .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Minimising (delta debugging) and regression tests
// ---------------------------------------------------------------------------------------------

/**
 * ddmin (Zeller): the smallest text, by lines and then by characters, for which `fails` still
 * holds. `fails` must be deterministic; the budget bounds the number of tries.
 */
export async function minimise(text: string, fails: (candidate: string) => Promise<boolean>, budget = { tries: 600, ms: 120_000 }): Promise<string> {
    const start = Date.now();
    let tries = 0;
    const test = async (candidate: string) => {
        if (tries >= budget.tries || Date.now() - start > budget.ms) return false;
        tries++;
        return fails(candidate);
    };
    const ddmin = async (parts: string[]): Promise<string[]> => {
        let n = 2;
        while (parts.length >= 2) {
            const size = Math.ceil(parts.length / n);
            let reduced = false;
            for (let i = 0; i < n && !reduced; i++) {
                const complement = [...parts.slice(0, i * size), ...parts.slice((i + 1) * size)];
                if (complement.length > 0 && complement.length < parts.length && await test(complement.join(''))) {
                    parts = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                }
            }
            if (!reduced) {
                if (n >= parts.length) break;
                n = Math.min(n * 2, parts.length);
            }
            if (tries >= budget.tries || Date.now() - start > budget.ms) break;
        }
        return parts;
    };
    let parts = splitLines(text);
    parts = await ddmin(parts);
    let current = parts.join('');
    if (current.length <= 20_000) current = (await ddmin([...current])).join('');
    return current;
}

/** A vitest test to paste into test/robustness/regressions.test.ts. */
export function regressionTest(input: FuzzInput, failure: Failure, minimised: string, origin: string): string {
    const siblings = input.files.slice(1);
    const only = requestOf(failure.request);
    const onlyOption = only ? `only: ${JSON.stringify(only)}, ` : '';
    const files = [`{ path: ${JSON.stringify(input.files[0].path)}, text: ${jsStringLiteral(minimised)} }`,
        ...siblings.map(f => `{ path: ${JSON.stringify(f.path)}, text: ${jsStringLiteral(f.text)} }`)];
    return `test(${JSON.stringify(`${failure.kind} in ${failure.request} (${origin})`)}, async () => {
    const input = { label: 'regression', files: [
        ${files.join(',\n        ')}
    ] };
    const { failures } = await checkInput(await services(), input, { ${onlyOption}positions: 'all' });
    expect(failures).toEqual([]);
});`;
}

/** A JS string literal that survives copy and paste: every unusual character escaped. */
export function jsStringLiteral(text: string): string {
    let out = "'";
    for (const ch of text) {
        const code = ch.codePointAt(0)!;
        if (ch === "'" || ch === '\\') out += '\\' + ch;
        else if (ch === '\n') out += '\\n';
        else if (ch === '\r') out += '\\r';
        else if (ch === '\t') out += '\\t';
        else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029 || (code >= 0x200b && code <= 0x206f) || code === 0xfeff || code >= 0xd800 && code <= 0xdfff || code > 0x7e && code > 0xffff) {
            if (code > 0xffff) out += `\\u{${code.toString(16)}}`;
            else out += `\\u${code.toString(16).padStart(4, '0')}`;
        } else if (code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
        else out += ch;
    }
    return out + "'";
}

// ---------------------------------------------------------------------------------------------
// Watchdog: a synchronous hang cannot be caught by a timer on the hung thread
// ---------------------------------------------------------------------------------------------

/** A beacon in shared memory: [startedAt, boundMs] and the label, readable from another thread. */
export class SharedBeacon implements Beacon {
    readonly times: Float64Array;
    readonly label: Uint8Array;
    constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16 + 4096)) {
        this.times = new Float64Array(buffer, 0, 2);
        this.label = new Uint8Array(buffer, 16, 4096);
    }
    enter(label: string, boundMs: number): void {
        const bytes = new TextEncoder().encode(label.slice(0, 1000));
        this.label.fill(0);
        this.label.set(bytes.subarray(0, 4095));
        this.times[1] = boundMs;
        this.times[0] = Date.now();
    }
    leave(): void {
        this.times[0] = 0;
    }
}

export function readBeacon(buffer: SharedArrayBuffer): { startedAt: number; boundMs: number; label: string } {
    const times = new Float64Array(buffer, 0, 2);
    const bytes = new Uint8Array(buffer, 16, 4096);
    const end = bytes.indexOf(0);
    return { startedAt: times[0], boundMs: times[1], label: new TextDecoder().decode(bytes.slice(0, end < 0 ? bytes.length : end)) };
}

/**
 * Kills this process when a request runs past `hangFactor` times its bound without returning to
 * the event loop (a synchronous hang no timer can interrupt), after printing what was running.
 * For in-process runs (the vitest quick run); the long run uses a worker it can terminate.
 */
export function startWatchdog(beacon: SharedBeacon): { stop(): void } {
    const source = `
        const { workerData } = require('node:worker_threads');
        const fs = require('node:fs');
        const times = new Float64Array(workerData.buffer, 0, 2);
        const bytes = new Uint8Array(workerData.buffer, 16, 4096);
        setInterval(() => {
            const startedAt = times[0];
            if (startedAt > 0 && Date.now() - startedAt > Math.max(times[1] * ${hangFactor}, 10000) + 5000) {
                const end = bytes.indexOf(0);
                const label = new TextDecoder().decode(bytes.slice(0, end < 0 ? bytes.length : end));
                fs.writeSync(2, '\\nbizha fuzz watchdog: HANG, no answer after ' + (Date.now() - startedAt) + ' ms: ' + label + '\\n');
                process.kill(process.pid, 'SIGKILL');
            }
        }, 250);`;
    const worker = new Worker(source, { eval: true, workerData: { buffer: beacon.buffer } });
    worker.unref();
    return { stop: () => void worker.terminate() };
}
