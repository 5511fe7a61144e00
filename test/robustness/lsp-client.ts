/**
 * A minimal LSP client for the bundled server (out/server/main.cjs --stdio): spawns it, speaks
 * JSON-RPC over its stdio, answers the server's own requests (configuration, registrations) and
 * records every diagnostics notification.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import { bundleSources } from '../bundles.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBundle = path.join(repoRoot, 'out', 'server', 'main.cjs');

/**
 * The server to test: BIZHA_SERVER_BUNDLE if set (e.g. out/server/main.cjs as packaged), else
 * server/main.ts bundled now exactly as esbuild.mjs does, into a temporary <root>/out/server/
 * (so a stale out/ never makes the server and the in-process build disagree). Returns the
 * bundle and the rules documentation folder it links diagnostics to.
 */
export async function serverUnderTest(): Promise<{ bundle: string; rulesDocsFolder: string; dispose(): void }> {
    const given = process.env.BIZHA_SERVER_BUNDLE;
    if (given) {
        const bundle = path.resolve(repoRoot, given);
        return { bundle, rulesDocsFolder: path.join(path.dirname(bundle), '..', '..', 'docs', 'rules'), dispose: () => undefined };
    }
    const bundles = await bundleSources(['server']);
    return { bundle: bundles.server, rulesDocsFolder: bundles.rulesDocsFolder, dispose: bundles.dispose };
}

export interface Published {
    readonly uri: string;
    readonly version?: number;
    readonly diagnostics: Diagnostic[];
    readonly at: number;
}

export class LspClient {
    readonly published: Published[] = [];
    readonly logs: string[] = [];
    readonly stderr: string[] = [];
    exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    private diagnosticsListeners: Array<(p: Published) => void> = [];

    private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) { }

    static async start(bundle: string, workspaceFolder: string, settings: Record<string, unknown> = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
        if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: build with node esbuild.mjs`);
        // process.execPath: the Node 22 that runs the tests (the system Node 20 cannot run Langium 4).
        const child = spawn(process.execPath, [bundle, '--stdio'], { cwd: workspaceFolder, stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const client = new LspClient(child, connection);
        child.on('exit', (code, signal) => client.exit = { code, signal });
        child.stderr!.on('data', chunk => client.stderr.push(String(chunk)));
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
            const p = { ...params, at: Date.now() };
            client.published.push(p);
            for (const listener of client.diagnosticsListeners) listener(p);
        });
        connection.onNotification('window/logMessage', (params: { message: string }) => void client.logs.push(params.message));
        connection.onNotification('window/showMessage', (params: { message: string }) => void client.logs.push(params.message));
        connection.onNotification(() => { /* telemetry, progress, ... */ });
        connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => item.section === 'bizha' ? settings : item.section?.startsWith('bizha.') ? settings[item.section.slice('bizha.'.length)] ?? null : null));
        connection.onRequest(() => null);
        connection.listen();
        const folderUri = pathToFileURL(workspaceFolder).href;
        const initialize = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: path.basename(workspaceFolder) }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: true },
                    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true }
                }
            }
        });
        await connection.sendNotification('initialized', {});
        return { client, initialize };
    }

    get alive(): boolean {
        return this.exit === undefined && this.process.exitCode === null && !this.process.killed;
    }

    /** A request that must answer within `ms`; resolves with the result, or rejects with the error response. */
    request<T>(method: string, params: unknown, ms: number): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${method}: no answer within ${ms} ms`)), ms);
            this.connection.sendRequest<T>(method, params).then(
                result => { clearTimeout(timer); resolve(result); },
                error => { clearTimeout(timer); reject(error); });
        });
    }

    notify(method: string, params: unknown): void {
        void this.connection.sendNotification(method, params);
    }

    /** Resolves once no diagnostics for `uri` have arrived for `quietMs` (at most `maxMs`). */
    async quiet(uri: string, quietMs: number, maxMs: number): Promise<void> {
        const start = Date.now();
        for (; ;) {
            const last = [...this.published].reverse().find(p => p.uri === uri)?.at ?? start;
            const since = Date.now() - Math.max(last, start);
            if (since >= quietMs || Date.now() - start > maxMs) return;
            await new Promise(r => setTimeout(r, Math.min(quietMs - since, 100) + 5));
        }
    }

    lastDiagnostics(uri: string): Diagnostic[] | undefined {
        return [...this.published].reverse().find(p => p.uri === uri)?.diagnostics;
    }

    async stop(): Promise<void> {
        if (this.alive) {
            try {
                await this.request('shutdown', null, 3000);
                this.notify('exit', null);
            } catch {
                // killed below
            }
        }
        await new Promise(r => setTimeout(r, 100));
        this.connection.dispose();
        if (this.alive) this.process.kill();
    }
}
