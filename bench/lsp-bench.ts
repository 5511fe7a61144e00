/**
 * Measurements over a real LSP client (stdio) against the bundled server out/server/main.cjs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest, CodeActionRequest, SemanticTokensRequest, DocumentSymbolRequest, type Diagnostic, type Position, type Range } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../test/lsp-client.js';
import { Rng } from '../test/random.js';
import { latency, mainThreadCpuMs, processMemory, stats, type Latency, type Stats } from './stats.js';

/** A request's wall time and the server's main-thread CPU time for it, in ms. */
async function timedRequest<R>(client: LspClient, method: string, params: unknown): Promise<{ ms: number; cpu: number; result: R }> {
    const c0 = mainThreadCpuMs(client.pid);
    const t0 = performance.now();
    const result = await client.request<R>(method, params);
    return { ms: performance.now() - t0, cpu: mainThreadCpuMs(client.pid) - c0, result };
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

export interface FirstDiagnosticsResult {
    example: string;
    /** Server spawn to the first publishDiagnostics of the example file. */
    startToFirstDiagnostics: Stats;
    /** Server spawn to the initialize response. */
    startToInitialized: Stats;
    /** CPU time of the server's main thread from its start to the first diagnostics. */
    serverCpuToFirstDiagnostics: Stats;
}

export async function measureFirstDiagnostics(serverPath: string, exampleFile: string, reps: number, cwd: string): Promise<FirstDiagnosticsResult> {
    const toDiag: number[] = [];
    const toInit: number[] = [];
    const cpu: number[] = [];
    const uri = fileUri(exampleFile);
    const text = fs.readFileSync(exampleFile, 'utf8');
    for (let i = 0; i < reps; i++) {
        const session = await LspClient.start({ server: serverPath, folder: path.dirname(exampleFile), cwd });
        await session.open(uri, text);
        const published = await session.diagnosticsAfter(uri, 0, 60_000);
        toDiag.push(published.at - session.startedAt);
        toInit.push(session.initializedAt - session.startedAt);
        cpu.push(mainThreadCpuMs(session.pid));
        await session.stop();
    }
    return { example: path.relative(cwd, exampleFile), startToFirstDiagnostics: stats(toDiag), startToInitialized: stats(toInit), serverCpuToFirstDiagnostics: stats(cpu) };
}

export interface EditSessionResult {
    file: string;
    lines: number;
    /** didOpen to the first diagnostics of the file (the server also indexes the folder on start). */
    openToDiagnostics: number;
    diagnosticsCount: number;
    /** One-character incremental didChange to the next publishDiagnostics of the file. */
    editToDiagnostics: Latency;
    completion?: Latency;
    hover?: Latency;
    codeAction?: Latency | { skipped: string };
    /** Whole-document requests an editor sends after each change (informational). */
    semanticTokens?: Latency;
    documentSymbols?: Latency;
    /** The server skipped the analysis (file larger than bizha.maxFileSizeKB). */
    analysisSkipped?: boolean;
    /** Server main-thread CPU time for the same operations (robust when other processes compete for the cores). */
    cpu: { openToDiagnostics: number; editToDiagnostics: Latency; completion?: Latency; hover?: Latency; codeAction?: Latency; semanticTokens?: Latency; documentSymbols?: Latency };
    peakRssMB?: number;
    rssMB?: number;
}

interface Token { line: number; start: number; end: number }

function tokens(text: string): Token[] {
    const result: Token[] = [];
    text.split('\n').forEach((line, lineNo) => {
        const comment = line.indexOf('//');
        const code = comment >= 0 ? line.slice(0, comment) : line;
        for (const m of code.matchAll(/[A-Za-z_][\w-]*/g)) {
            // Skip tokens inside strings.
            const before = code.slice(0, m.index);
            if ((before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
            if (before.endsWith('\\')) continue;
            result.push({ line: lineNo, start: m.index, end: m.index + m[0].length });
        }
    });
    return result;
}

export interface EditOptions {
    serverPath: string;
    file: string;
    cwd: string;
    edits: number;
    requests: number;
    /** Whether to time completion, hover and code actions in this session. */
    withRequests: boolean;
    seed?: number;
    nodeArgs?: string[];
}

/**
 * Opens a file in a server whose workspace folder holds only that file, then times one-character
 * edits (insert a space at the start of a line, then delete it: the document stays valid) until
 * the next diagnostics, and completion, hover and code actions at many positions.
 */
export async function measureEditSession(options: EditOptions): Promise<EditSessionResult> {
    const { serverPath, file, cwd } = options;
    const rng = new Rng(options.seed ?? 3);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const uri = fileUri(file);
    const session = await LspClient.start({ server: serverPath, folder: path.dirname(file), cwd, nodeArgs: options.nodeArgs });
    try {
        const t0 = performance.now();
        const c0 = mainThreadCpuMs(session.pid);
        await session.open(uri, text, 1);
        const first = await session.diagnosticsAfter(uri, 0, 300_000);
        const openToDiagnostics = first.at - t0;
        const openCpu = mainThreadCpuMs(session.pid) - c0;
        // The server revalidates once more when its settings load: let that settle.
        await session.quiet(1500);

        let version = 1;
        const editTimes: number[] = [];
        const editCpu: number[] = [];
        const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim().length > 0).map(({ i }) => i);
        for (let e = 0; e < options.edits; e += 2) {
            const line = rng.pick(candidates);
            const at: Position = { line, character: 0 };
            for (const [range, insert] of [[{ start: at, end: at }, ' '], [{ start: at, end: { line, character: 1 } }, '']] as Array<[Range, string]>) {
                const mark = session.mark;
                const c = mainThreadCpuMs(session.pid);
                const t = performance.now();
                await session.change(uri, ++version, insert, range);
                const published = await session.diagnosticsAfter(uri, mark, 120_000);
                editTimes.push(published.at - t);
                editCpu.push(mainThreadCpuMs(session.pid) - c);
                await sleep(20);
            }
        }
        const result: EditSessionResult = {
            file: path.relative(cwd, file), lines: lines.length, openToDiagnostics: Math.round(openToDiagnostics),
            diagnosticsCount: (session.lastDiagnostics(uri) ?? []).length,
            analysisSkipped: (session.lastDiagnostics(uri) ?? []).some(d => d.code === 'bizha-large-file'),
            editToDiagnostics: latency(editTimes),
            cpu: { openToDiagnostics: Math.round(openCpu), editToDiagnostics: latency(editCpu) }
        };

        if (options.withRequests) {
            await session.quiet(300);
            const all = tokens(text);
            const warmup = 5;
            const caps = session.capabilities;
            if (caps.completionProvider) {
                const times: number[] = [];
                const cpu: number[] = [];
                for (let i = 0; i < options.requests + warmup; i++) {
                    const token = rng.pick(all);
                    // Alternate: at the start of a word (what can go here) and inside it (a typed prefix).
                    const character = i % 2 === 0 ? token.start : token.start + Math.max(1, Math.floor((token.end - token.start) / 2));
                    const r = await timedRequest(session, CompletionRequest.method, { textDocument: { uri }, position: { line: token.line, character } });
                    if (i >= warmup) { times.push(r.ms); cpu.push(r.cpu); }
                }
                result.completion = latency(times);
                result.cpu.completion = latency(cpu);
            }
            if (caps.hoverProvider) {
                const times: number[] = [];
                const cpu: number[] = [];
                for (let i = 0; i < options.requests + warmup; i++) {
                    const token = rng.pick(all);
                    const r = await timedRequest(session, HoverRequest.method, { textDocument: { uri }, position: { line: token.line, character: Math.floor((token.start + token.end) / 2) } });
                    if (i >= warmup) { times.push(r.ms); cpu.push(r.cpu); }
                }
                result.hover = latency(times);
                result.cpu.hover = latency(cpu);
            }
            if (caps.codeActionProvider) {
                const diagnostics = (session.lastDiagnostics(uri) ?? []);
                const times: number[] = [];
                const cpu: number[] = [];
                for (let i = 0; i < options.requests + warmup; i++) {
                    let range: Range;
                    if (i % 2 === 0 && diagnostics.length > 0) {
                        range = rng.pick(diagnostics).range;
                    } else {
                        const line = rng.pick(candidates);
                        range = { start: { line, character: 0 }, end: { line, character: lines[line].length } };
                    }
                    const context: Diagnostic[] = diagnostics.filter(d => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
                    const r = await timedRequest(session, CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics: context } });
                    if (i >= warmup) { times.push(r.ms); cpu.push(r.cpu); }
                }
                result.codeAction = latency(times);
                result.cpu.codeAction = latency(cpu);
            } else {
                result.codeAction = { skipped: 'the server does not provide code actions' };
            }
            const whole = async (method: string, params: unknown): Promise<[Latency, Latency]> => {
                const times: number[] = [];
                const cpu: number[] = [];
                for (let i = 0; i < 12; i++) {
                    const r = await timedRequest(session, method, params);
                    if (i >= 2) { times.push(r.ms); cpu.push(r.cpu); }
                }
                return [latency(times), latency(cpu)];
            };
            if (caps.semanticTokensProvider) [result.semanticTokens, result.cpu.semanticTokens] = await whole(SemanticTokensRequest.method, { textDocument: { uri } });
            if (caps.documentSymbolProvider) [result.documentSymbols, result.cpu.documentSymbols] = await whole(DocumentSymbolRequest.method, { textDocument: { uri } });
        }
        Object.assign(result, processMemory(session.pid) ?? {});
        return result;
    } finally {
        await session.stop();
    }
}

export interface WorkspaceLspResult {
    files: number;
    /** Server spawn to diagnostics published for every file of the workspace folder. */
    startToAllDiagnostics: Stats;
    /** Server main-thread CPU time from its start to the last of those diagnostics. */
    serverCpuToAllDiagnostics: Stats;
    peakRssMB?: number;
}

export async function measureWorkspaceLsp(serverPath: string, folder: string, files: string[], reps: number, cwd: string, nodeArgs?: string[]): Promise<WorkspaceLspResult> {
    const uris = files.map(f => fileUri(path.join(folder, f)));
    const times: number[] = [];
    const cpu: number[] = [];
    let peak: number | undefined;
    for (let i = 0; i < reps; i++) {
        const session = await LspClient.start({ server: serverPath, folder, cwd, nodeArgs });
        try {
            const at = await session.allDiagnostics(uris, 300_000);
            times.push(at - session.startedAt);
            cpu.push(mainThreadCpuMs(session.pid));
            await session.quiet(1000);
            peak = Math.max(peak ?? 0, processMemory(session.pid)?.peakRssMB ?? 0);
        } finally {
            await session.stop();
        }
    }
    return { files: files.length, startToAllDiagnostics: stats(times), serverCpuToAllDiagnostics: stats(cpu), peakRssMB: peak };
}
