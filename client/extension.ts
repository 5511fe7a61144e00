import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('bizha', { log: true });
    context.subscriptions.push(output);
    const serverModule = context.asAbsolutePath('out/server/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'bizha' }],
        outputChannel: output,
        synchronize: {
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.bizha,bizha.json}')
        }
    };
    // After "suppress with a reason", put the cursor where the reason goes.
    context.subscriptions.push(vscode.commands.registerCommand('bizha.placeCursor', (uri: string, line: number, character: number) => {
        const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
        if (!editor) return;
        const position = new vscode.Position(line, character);
        editor.selection = new vscode.Selection(position, position);
    }));
    client = new LanguageClient('bizha', 'bizha language server', serverOptions, clientOptions);
    await client.start();
    output.info(`language server started (${serverModule})`);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
