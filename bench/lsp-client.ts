/**
 * A minimal LSP client over stdio for the benchmark: spawns the bundled server, answers the
 * requests a server sends to its client, and waits for publishDiagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mainThreadCpuMs } from './stats.js';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
    DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification,
    ConfigurationRequest, RegistrationRequest, UnregistrationRequest, WorkDoneProgressCreateRequest, ShowMessageRequest,
    LogMessageNotification, type ProtocolConnection, type InitializeResult, type Diagnostic, type Range
} from 'vscode-languageserver-protocol/node';

export const fileUri = (p: string): string => pathToFileURL(p).href;

interface Published {
    seq: number;
    at: number;
    uri: string;
    diagnostics: Diagnostic[];
}

export interface StartOptions {
    serverPath: string;
    /** Workspace folder (absolute path); none when undefined. */
    folder?: string;
    /** Extra node flags for the server (e.g. --cpu-prof). */
    nodeArgs?: string[];
    cwd?: string;
}

export class LspSession {
    readonly startedAt: number;
    readonly process: ChildProcess;
    readonly connection: ProtocolConnection;
    initializeResult?: InitializeResult;
    initializedAt = 0;
    private seq = 0;
    private readonly published: Published[] = [];
    private readonly latest = new Map<string, Published>();
    private waiters: Array<{ match: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
    readonly log: string[] = [];
    private lastPublishAt = 0;
    private exited = false;

    private constructor(private readonly options: StartOptions) {
        this.startedAt = performance.now();
        this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], {
            cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe']
        });
        this.process.on('exit', () => { this.exited = true; });
        this.process.stderr!.on('data', chunk => this.log.push(String(chunk)));
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(UnregistrationRequest.type, () => undefined);
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        this.connection.onRequest(ShowMessageRequest.type, () => null);
        this.connection.onNotification(LogMessageNotification.method, (params: { message: string }) => { this.log.push(params.message); });
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            const entry: Published = { seq: ++this.seq, at: performance.now(), uri: params.uri, diagnostics: params.diagnostics };
            this.lastPublishAt = entry.at;
            this.published.push(entry);
            this.latest.set(params.uri, entry);
            const ready = this.waiters.filter(w => w.match(entry));
            this.waiters = this.waiters.filter(w => !ready.includes(w));
            ready.forEach(w => w.resolve(entry));
        });
        this.connection.listen();
    }

    static async start(options: StartOptions): Promise<LspSession> {
        const session = new LspSession(options);
        await session.initialize();
        return session;
    }

    get pid(): number {
        return this.process.pid!;
    }

    private async initialize(): Promise<void> {
        const folder = this.options.folder;
        this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folder ? fileUri(folder) : null,
            workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'bench' }] : null,
            capabilities: {
                workspace: {
                    configuration: true,
                    workspaceFolders: true,
                    didChangeWatchedFiles: { dynamicRegistration: false },
                    didChangeConfiguration: { dynamicRegistration: false }
                },
                textDocument: {
                    synchronization: { didSave: true, dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    codeAction: {
                        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
                        dataSupport: true, isPreferredSupport: true, resolveSupport: { properties: ['edit'] }
                    }
                },
                window: { workDoneProgress: true }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        this.initializedAt = performance.now();
    }

    get capabilities(): InitializeResult['capabilities'] {
        return this.initializeResult!.capabilities;
    }

    /** Sequence number of the last publishDiagnostics received. */
    get mark(): number {
        return this.seq;
    }

    latestDiagnostics(uri: string): Diagnostic[] {
        return this.latest.get(uri)?.diagnostics ?? [];
    }

    /** The first publishDiagnostics for `uri` after sequence number `after` (already received or future). */
    diagnosticsAfter(uri: string, after: number, timeoutMs = 120_000): Promise<Published> {
        const match = (p: Published): boolean => p.uri === uri && p.seq > after;
        const known = this.published.find(match);
        if (known) return Promise.resolve(known);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${this.log.join('').slice(-2000)}`)), timeoutMs);
            this.waiters.push({ match, resolve: p => { clearTimeout(timer); resolve(p); } });
        });
    }

    /** Resolves when every uri has received at least one publishDiagnostics. */
    async allDiagnostics(uris: string[], timeoutMs = 300_000): Promise<number> {
        let at = 0;
        for (const uri of uris) at = Math.max(at, (await this.diagnosticsAfter(uri, 0, timeoutMs)).at);
        return at;
    }

    /** Waits until no diagnostics have been published for `quietMs`. */
    async quiet(quietMs: number, maxMs = 60_000): Promise<void> {
        const start = performance.now();
        this.lastPublishAt = Math.max(this.lastPublishAt, start);
        while (performance.now() - this.lastPublishAt < quietMs && performance.now() - start < maxMs) {
            await new Promise(r => setTimeout(r, 25));
        }
    }

    async open(uri: string, text: string, version = 1): Promise<void> {
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bizha', version, text } });
    }

    async change(uri: string, version: number, range: Range, text: string): Promise<void> {
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range, text }]
        });
    }

    async request<R>(method: string, params: unknown): Promise<{ ms: number; cpu: number; result: R }> {
        const c0 = this.cpuMs();
        const t0 = performance.now();
        const result = await this.connection.sendRequest(method, params) as R;
        return { ms: performance.now() - t0, cpu: this.cpuMs() - c0, result };
    }

    /** CPU time of the server's main thread so far, ms. */
    cpuMs(): number {
        return mainThreadCpuMs(this.pid);
    }

    /** Peak and current resident set size of the server process, in MB (Linux /proc). */
    memory(): { peakRssMB: number; rssMB: number } | undefined {
        try {
            const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
            const kb = (key: string): number => Number(/\d+/.exec(status.split('\n').find(l => l.startsWith(key)) ?? '')?.[0] ?? NaN);
            return { peakRssMB: Math.round(kb('VmHWM:') / 1024), rssMB: Math.round(kb('VmRSS:') / 1024) };
        } catch {
            return undefined;
        }
    }

    async stop(): Promise<void> {
        if (this.exited) return;
        const exited = new Promise<void>(resolve => this.process.once('exit', () => resolve()));
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 5000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch { /* the server may be gone already */ }
        const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
        this.connection.dispose();
    }
}
