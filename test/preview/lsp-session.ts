import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoRoot } from './preview-fixtures.js';
import { nodeBundleOptions } from '../../esbuild-options.mjs';

/** The language server bundled fresh from the sources and started over stdio, with a bare-bones client. */
export class LspSession {
    private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, readonly stderr: string[]) { }

    static async start(): Promise<LspSession> {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-preview-lsp-'));
        const outfile = path.join(folder, 'out', 'server', 'main.cjs');
        await esbuild.build({
            entryPoints: [path.join(repoRoot, 'server', 'main.ts')], outfile,
            ...nodeBundleOptions, logLevel: 'silent'
        });
        const child = spawn(process.execPath, [outfile, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const stderr: string[] = [];
        child.stderr!.on('data', chunk => stderr.push(String(chunk)));
        const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        connection.onRequest((method: string, params: unknown) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
        connection.onNotification(() => undefined);
        connection.listen();
        const session = new LspSession(child, connection, stderr);
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
        await connection.sendNotification('initialized', {});
        return session;
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bizha', version, text } });
    }

    change(uri: string, text: string, version: number): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    request<T>(method: string, params: unknown): Promise<T> {
        return this.connection.sendRequest<T>(method, params);
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // already gone
        }
        this.connection.dispose();
        if (this.process.exitCode === null) this.process.kill();
    }
}
