import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerImportCommand } from './import-command.js';
import { registerPreview } from './preview-panel.js';

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
        },
        errorHandler: restartingErrorHandler(output)
    };
    // After "suppress with a reason", put the cursor where the reason goes.
    context.subscriptions.push(vscode.commands.registerCommand('bizha.placeCursor', (uri: string, line: number, character: number) => {
        const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
        if (!editor) return;
        const position = new vscode.Position(line, character);
        editor.selection = new vscode.Selection(position, position);
    }));
    // After a fix that needs a name only the user knows (clients without snippet edits), select that name.
    context.subscriptions.push(vscode.commands.registerCommand('bizha.selectRange', (uri: string, line: number, character: number, length: number) => {
        const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
        if (!editor) return;
        editor.selection = new vscode.Selection(new vscode.Position(line, character), new vscode.Position(line, character + length));
    }));
    // What "make highly available" left for the user to decide.
    context.subscriptions.push(vscode.commands.registerCommand('bizha.showFixReport', (message: string) => {
        void vscode.window.showWarningMessage(message);
    }));
    context.subscriptions.push(vscode.commands.registerCommand('bizha.makeHighlyAvailable', (uri?: string) => makeHighlyAvailable(uri)));
    client = new LanguageClient('bizha', 'bizha language server', serverOptions, clientOptions);
    await client.start();
    registerPreview(context, client);
    registerImportCommand(context, client);
    output.info(`language server started (${serverModule})`);
}

/**
 * Runs the server's "Make group highly available" source action on a document (the active editor's
 * when none is given) and applies it: from the command palette and the preview's toolbar.
 */
async function makeHighlyAvailable(uri?: string): Promise<void> {
    const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(target);
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === target.toString());
    const range = editor?.selection ?? new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, range, 'source.bizha.makeHighlyAvailable');
    const action = actions?.find(a => a.edit) ?? actions?.[0];
    if (!action) {
        void vscode.window.showInformationMessage('bizha: no group here has an error a fix can remove.');
        return;
    }
    if (action.disabled) {
        void vscode.window.showWarningMessage(action.disabled.reason);
        return;
    }
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/**
 * If the server process dies, start it again (diagnostics come back with it) and say so in the
 * output channel; give up after 5 crashes within 3 minutes rather than loop.
 */
function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
    const crashes: number[] = [];
    return {
        error: (error, _message, count) => {
            output.error(`language server connection error (${count ?? 1}): ${error.message}`);
            return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
        },
        closed: () => {
            const now = Date.now();
            crashes.push(now);
            while (crashes.length > 0 && now - crashes[0] > 3 * 60_000) crashes.shift();
            if (crashes.length > 5) {
                output.error('the bizha language server stopped 6 times within 3 minutes; not restarting it. Reload the window to try again.');
                return { action: CloseAction.DoNotRestart, message: 'The bizha language server keeps stopping; see the "bizha" output channel.' };
            }
            output.warn(`the bizha language server stopped unexpectedly; restarting it (${crashes.length} of 5 within 3 minutes).`);
            return { action: CloseAction.Restart, handled: true };
        }
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
