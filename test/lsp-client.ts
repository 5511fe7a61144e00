/**
 * The LSP client of the tests and the benchmark: spawns the bundled server (`main.cjs --stdio`,
 * see bundles.ts), speaks JSON-RPC over its stdio, answers the requests a server sends to its
 * client (configuration, registrations, progress) and records every diagnostics notification.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, Range } from 'vscode-languageserver-protocol';

export const fileUri = (file: string): string => pathToFileURL(file).href;

export interface StartOptions {
    /** The bundled server, e.g. `bundleSources(['server'])`'s `server`. */
    readonly server: string;
    /** The workspace folder (absolute path); none when undefined. */
    readonly folder?: string;
    /** The server's working directory (default: the workspace folder). */
    readonly cwd?: string;
    /** The `bizha` settings the client answers `workspace/configuration` with. */
    readonly settings?: Record<string, unknown>;
    /** Extra Node flags for the server (e.g. --cpu-prof). */
    readonly nodeArgs?: readonly string[];
}

export interface Published {
    /** 1, 2, ... in the order received (see `mark` and `diagnosticsAfter`). */
    readonly seq: number;
    /** performance.now() when it arrived. */
    readonly at: number;
    readonly uri: string;
    readonly version?: number;
    readonly diagnostics: Diagnostic[];
}

export class LspClient {
    readonly published: Published[] = [];
    /** window/logMessage and window/showMessage texts. */
    readonly logs: string[] = [];
    readonly stderr: string[] = [];
    exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    /** performance.now() at spawn and after `initialized`. */
    readonly startedAt = performance.now();
    initializedAt = 0;
    initializeResult: InitializeResult | undefined;
    private readonly latest = new Map<string, Published>();
    private waiters: Array<{ match: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
    private lastPublishAt = 0;

    private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) { }

    static async start(options: StartOptions): Promise<LspClient> {
        if (!fs.existsSync(options.server)) throw new Error(`${options.server} is missing: bundle it with bundleSources() or node esbuild.mjs`);
        // process.execPath: the Node 22 that runs the tests (an older system Node cannot run Langium 4).
        const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.server, '--stdio'], { cwd: options.cwd ?? options.folder, stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const client = new LspClient(child, connection);
        child.on('exit', (code, signal) => client.exit = { code, signal });
        child.stderr.on('data', chunk => client.stderr.push(String(chunk)));
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => client.received(params));
        connection.onNotification('window/logMessage', (params: { message: string }) => void client.logs.push(params.message));
        connection.onNotification('window/showMessage', (params: { message: string }) => void client.logs.push(params.message));
        connection.onNotification(() => { /* telemetry, progress, ... */ });
        const settings = options.settings ?? {};
        connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => item.section === 'bizha' ? settings : item.section?.startsWith('bizha.') ? settings[item.section.slice('bizha.'.length)] ?? null : null));
        // Registrations, progress tokens, message boxes: accepted without an answer.
        connection.onRequest(() => null);
        connection.listen();
        const folder = options.folder;
        client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: folder ? fileUri(folder) : null,
            workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: false } },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: true },
                    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    codeAction: {
                        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
                        dataSupport: true, isPreferredSupport: true, resolveSupport: { properties: ['edit'] }
                    },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true }
                },
                window: { workDoneProgress: true }
            }
        });
        await connection.sendNotification('initialized', {});
        client.initializedAt = performance.now();
        return client;
    }

    private received(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void {
        const entry: Published = { ...params, seq: this.published.length + 1, at: performance.now() };
        this.lastPublishAt = entry.at;
        this.published.push(entry);
        this.latest.set(entry.uri, entry);
        const ready = this.waiters.filter(w => w.match(entry));
        this.waiters = this.waiters.filter(w => !ready.includes(w));
        for (const waiter of ready) waiter.resolve(entry);
    }

    get pid(): number {
        return this.process.pid!;
    }

    get alive(): boolean {
        return this.exit === undefined && this.process.exitCode === null && !this.process.killed;
    }

    get capabilities(): InitializeResult['capabilities'] {
        return this.initializeResult!.capabilities;
    }

    /** The sequence number of the last diagnostics received (for `diagnosticsAfter`). */
    get mark(): number {
        return this.published.length;
    }

    /** A request; with `timeoutMs`, it must answer within that time. Rejects with the error response. */
    request<T>(method: string, params: unknown, timeoutMs?: number): Promise<T> {
        const answer = this.connection.sendRequest<T>(method, params);
        if (timeoutMs === undefined) return answer;
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${method}: no answer within ${timeoutMs} ms`)), timeoutMs);
            answer.then(
                result => { clearTimeout(timer); resolve(result); },
                error => { clearTimeout(timer); reject(error); });
        });
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bizha', version, text } });
    }

    /** Replaces `range`, or the whole text without one. */
    change(uri: string, version: number, text: string, range?: Range): Promise<void> {
        return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
    }

    lastDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.latest.get(uri)?.diagnostics;
    }

    /** The first diagnostics for `uri` after sequence number `after` (already received or still to come). */
    diagnosticsAfter(uri: string, after: number, timeoutMs = 120_000): Promise<Published> {
        const match = (p: Published): boolean => p.uri === uri && p.seq > after;
        const known = this.published.find(match);
        if (known) return Promise.resolve(known);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr.join('').slice(-2000)}`)), timeoutMs);
            this.waiters.push({ match, resolve: p => { clearTimeout(timer); resolve(p); } });
        });
    }

    /** Resolves when every uri has received diagnostics at least once; returns when the last of them arrived. */
    async allDiagnostics(uris: readonly string[], timeoutMs = 300_000): Promise<number> {
        let at = 0;
        for (const uri of uris) at = Math.max(at, (await this.diagnosticsAfter(uri, 0, timeoutMs)).at);
        return at;
    }

    /** Resolves once no diagnostics (for `uri`, or for any document) have arrived for `quietMs`, or after `maxMs`. */
    async quiet(quietMs: number, maxMs = 60_000, uri?: string): Promise<void> {
        const start = performance.now();
        for (; ;) {
            const last = uri ? this.latest.get(uri)?.at ?? start : this.lastPublishAt;
            const since = performance.now() - Math.max(last, start);
            if (since >= quietMs || performance.now() - start > maxMs) return;
            await new Promise(resolve => setTimeout(resolve, Math.min(quietMs - since, 100) + 5));
        }
    }

    async stop(): Promise<void> {
        if (this.alive) {
            const exited = new Promise<void>(resolve => this.process.once('exit', () => resolve()));
            try {
                await this.request('shutdown', null, 5000);
                await this.notify('exit', null);
                await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
            } catch {
                // killed below
            }
        }
        this.connection.dispose();
        if (this.alive) this.process.kill('SIGKILL');
    }
}
