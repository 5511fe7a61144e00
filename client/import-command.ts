import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { importRequestMethod, type ImportFile, type ImportParams, type ImportResponse } from '../importer/protocol.js';

/** Files for the command without dialogs (tests, tasks): fs paths. */
interface ImportArguments {
    readonly collector?: string;
    readonly bindings?: readonly string[];
    readonly output?: string;
}

/**
 * "bizha: Import BizTalk Environment…": pick the collector JSON and/or binding files, choose where
 * the .bizha file goes, and open it beside its redundancy preview. The language server does the
 * import (bizha/import), exactly as `bizha import` does.
 */
export function registerImportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('bizha.importEnvironment', async (args?: ImportArguments) => {
        const inputs = args?.collector || args?.bindings?.length
            ? [...(args.collector ? [vscode.Uri.file(args.collector)] : []), ...(args.bindings ?? []).map(f => vscode.Uri.file(f))]
            : await vscode.window.showOpenDialog({
                title: 'Import a BizTalk environment: the collector output (.json) and exported binding files (.xml)',
                canSelectMany: true, openLabel: 'Import',
                filters: { 'Collector output and binding files': ['json', 'xml'], 'All files': ['*'] }
            });
        if (!inputs || inputs.length === 0) return undefined;
        const collectors = inputs.filter(uri => uri.path.toLowerCase().endsWith('.json'));
        if (collectors.length > 1) {
            void vscode.window.showErrorMessage('Choose one collector file (.json); binding files (.xml) may be several.');
            return undefined;
        }
        const read = async (uri: vscode.Uri): Promise<ImportFile> => ({
            file: vscode.workspace.asRelativePath(uri, false),
            text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))
        });
        const params: ImportParams = {
            collector: collectors[0] ? await read(collectors[0]) : undefined,
            bindings: await Promise.all(inputs.filter(uri => !collectors.includes(uri)).map(read))
        };
        const response = await client.sendRequest<ImportResponse>(importRequestMethod, params);
        if (!response.ok) {
            void vscode.window.showErrorMessage(`bizha import: ${response.error}`);
            return undefined;
        }
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(inputs[0], '..');
        const target = args?.output ? vscode.Uri.file(args.output) : await vscode.window.showSaveDialog({
            title: 'Save the imported topology', saveLabel: 'Save topology',
            defaultUri: vscode.Uri.joinPath(folder, 'topology.bizha'), filters: { 'bizha topology': ['bizha'] }
        });
        if (!target) return undefined;
        // The save dialog has asked before replacing a file; arguments never replace one.
        if (args?.output && await exists(target)) {
            void vscode.window.showErrorMessage(`bizha import: ${target.fsPath} exists; choose another file.`);
            return undefined;
        }
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(response.text));
        const editor = await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One });
        await vscode.commands.executeCommand('bizha.openPreviewToSide', editor.document.uri);
        void vscode.window.showInformationMessage(`Imported ${response.counts.hosts} hosts on ${response.counts.computers} computers into ${vscode.workspace.asRelativePath(target)}: review the ${response.todos} TODO(import) comments.`);
        return target.toString();
    }));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
