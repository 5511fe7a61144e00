import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { makeNonce, panelHtml } from '../preview/page.js';
import { analysisRequestMethod, type AnalysisResult, type DrawnDiagram, type DrawnReportDiagrams, type FailedSets, type FromWebview, type ToWebview, type WebviewState } from '../preview/protocol.js';
import { buildReport } from '../preview/report.js';

/**
 * The redundancy preview panel: one webview that follows the active `.bizha` editor. Its data
 * is the language server's `bizha/analysis` answer, re-requested (debounced) while the user
 * types and posted to the live webview, which keeps its scroll, focus and failed computers.
 */

export const previewViewType = 'bizha.preview';
const refreshDelayMs = 300;
const highlightDelayMs = 80;
const identifier = /[_a-zA-Z][\w-]*/;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    const manager = new PreviewManager(context, client);
    context.subscriptions.push(
        manager,
        vscode.commands.registerCommand('bizha.openPreviewToSide', (uri?: vscode.Uri) => manager.open(uri, true)),
        vscode.commands.registerCommand('bizha.openPreview', (uri?: vscode.Uri) => manager.open(uri, false)),
        vscode.commands.registerCommand('bizha.openDiagramToSide', (uri?: vscode.Uri) => manager.open(uri, true, 'diagram')),
        // Not contributed (absent from the palette): lets the VS Code end-to-end tests see what the panel was sent.
        vscode.commands.registerCommand('_bizha.preview.state', () => manager.state()),
        vscode.window.registerWebviewPanelSerializer(previewViewType, {
            deserializeWebviewPanel: async (panel, state: WebviewState | undefined) => manager.restore(panel, state)
        })
    );
}

function isBizha(document: vscode.TextDocument): boolean {
    return document.languageId === 'bizha';
}

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

class PreviewManager implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private documentUri: vscode.Uri | undefined;
    private latest: AnalysisResult | undefined;
    private latestJson = '';
    private lastUpdate: ToWebview | undefined;
    private lastHighlight: ToWebview | undefined;
    private lastView: ToWebview | undefined;
    /** What the webview last drew in its Diagram view. */
    private diagram: DrawnDiagram[] | undefined;
    private sequence = 0;
    private updates = 0;
    private pending: vscode.CancellationTokenSource | undefined;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private highlightTimer: ReturnType<typeof setTimeout> | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private panelDisposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (this.panel && editor && isBizha(editor.document)) this.show(editor.document.uri);
            }),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (this.isShown(event.document.uri) && event.contentChanges.length > 0) this.scheduleRefresh();
            }),
            // Another file (an inventory, bizha.json) can change this one's analysis.
            vscode.languages.onDidChangeDiagnostics(event => {
                if (this.documentUri && event.uris.some(uri => this.isShown(uri))) this.scheduleRefresh();
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (this.isShown(event.textEditor.document.uri)) this.scheduleHighlight(event.textEditor);
            })
        );
    }

    private isShown(uri: vscode.Uri): boolean {
        return this.panel !== undefined && this.documentUri !== undefined && uri.toString() === this.documentUri.toString();
    }

    async open(uri: vscode.Uri | undefined, toSide: boolean, view?: 'matrix' | 'diagram'): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        const target = uri ?? (editor && isBizha(editor.document) ? editor.document.uri : this.documentUri);
        if (!target) {
            void vscode.window.showInformationMessage('bizha: open a .bizha file to preview its redundancy.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : editor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.panel) {
            this.panel.reveal(column, toSide);
        } else {
            const panel = vscode.window.createWebviewPanel(previewViewType, 'Redundancy preview', { viewColumn: column, preserveFocus: toSide }, this.webviewOptions());
            this.attach(panel);
        }
        this.show(target);
        if (view) this.post({ type: 'view', view });
    }

    async restore(panel: vscode.WebviewPanel, state: WebviewState | undefined): Promise<void> {
        this.panel?.dispose();
        this.attach(panel);
        const editor = vscode.window.activeTextEditor;
        const uri = state?.uri ? vscode.Uri.parse(state.uri) : editor && isBizha(editor.document) ? editor.document.uri : undefined;
        if (uri) this.show(uri);
        else this.post({ type: 'status', text: 'Open a .bizha file to preview its redundancy.' });
    }

    private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            enableFindWidget: true,
            localResourceRoots: [
                vscode.Uri.joinPath(this.context.extensionUri, 'out', 'preview'),
                vscode.Uri.joinPath(this.context.extensionUri, 'media')
            ]
        };
    }

    private attach(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        this.latestJson = '';
        this.lastUpdate = undefined;
        panel.webview.options = this.webviewOptions();
        panel.iconPath = {
            light: vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview-light.svg'),
            dark: vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview-dark.svg')
        };
        const scriptUri = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'preview', 'webview.js'));
        panel.webview.html = panelHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(), scriptUri: scriptUri.toString() });
        this.panelDisposables.push(
            panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
            panel.onDidChangeViewState(() => {
                if (panel.visible) this.scheduleRefresh(0);
            }),
            panel.onDidDispose(() => this.detach(panel))
        );
    }

    private detach(panel: vscode.WebviewPanel): void {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.documentUri = undefined;
        this.latest = undefined;
        this.pending?.cancel();
        clearTimeout(this.refreshTimer);
        clearTimeout(this.highlightTimer);
        this.panelDisposables.forEach(d => d.dispose());
        this.panelDisposables = [];
    }

    private show(uri: vscode.Uri): void {
        if (!this.panel) return;
        if (this.documentUri?.toString() !== uri.toString()) {
            this.documentUri = uri;
            this.latest = undefined;
            this.latestJson = '';
            this.lastHighlight = undefined;
        }
        this.panel.title = `Preview ${basename(uri)}`;
        void this.refresh();
    }

    private scheduleRefresh(delay = refreshDelayMs): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), delay);
    }

    private async refresh(): Promise<void> {
        const uri = this.documentUri;
        if (!this.panel || !uri) return;
        const sequence = ++this.sequence;
        this.pending?.cancel();
        const source = new vscode.CancellationTokenSource();
        this.pending = source;
        let result: AnalysisResult;
        try {
            result = await this.client.sendRequest<AnalysisResult>(analysisRequestMethod, { uri: uri.toString() }, source.token);
        } catch (error) {
            if (sequence === this.sequence && !source.token.isCancellationRequested) {
                this.post({ type: 'status', text: `The language server did not answer: ${(error as Error)?.message ?? error}` });
            }
            return;
        } finally {
            source.dispose();
            if (this.pending === source) this.pending = undefined;
        }
        if (sequence !== this.sequence || !this.panel || this.documentUri?.toString() !== uri.toString() || !result) return;
        const json = JSON.stringify(result.groups);
        this.latest = result;
        if (json === this.latestJson) return;
        this.latestJson = json;
        this.post({ type: 'update', data: result, fileName: vscode.workspace.asRelativePath(uri) });
    }

    private scheduleHighlight(editor: vscode.TextEditor): void {
        clearTimeout(this.highlightTimer);
        this.highlightTimer = setTimeout(() => {
            if (!this.panel?.visible) return;
            const position = editor.selection.active;
            const wordRange = editor.document.getWordRangeAtPosition(position, identifier);
            this.post({
                type: 'highlight',
                uri: editor.document.uri.toString(),
                position: { line: position.line, character: position.character },
                word: wordRange ? editor.document.getText(wordRange) : undefined
            });
        }, highlightDelayMs);
    }

    private post(message: ToWebview): void {
        if (message.type === 'update') {
            this.lastUpdate = message;
            this.updates++;
        }
        if (message.type === 'highlight') this.lastHighlight = message;
        if (message.type === 'view') this.lastView = message;
        void this.panel?.webview.postMessage(message);
    }

    private async receive(message: FromWebview): Promise<void> {
        switch (message?.type) {
            case 'ready':
                // A (re)loaded webview: give it the last data at once, then fresh data.
                if (this.lastUpdate) void this.panel?.webview.postMessage(this.lastUpdate);
                if (this.lastHighlight) void this.panel?.webview.postMessage(this.lastHighlight);
                if (this.lastView) void this.panel?.webview.postMessage(this.lastView);
                this.scheduleRefresh(0);
                return;
            case 'reveal':
                await this.reveal(message.source);
                return;
            case 'export':
                await this.export(message.failed ?? {}, message.diagrams);
                return;
            case 'diagram-drawn':
                this.diagram = Array.isArray(message.groups) ? message.groups : [];
                return;
            case 'makeHighlyAvailable':
                if (this.documentUri) await vscode.commands.executeCommand('bizha.makeHighlyAvailable', this.documentUri.toString());
                return;
        }
    }

    private async reveal(source: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }): Promise<void> {
        const uri = vscode.Uri.parse(source.uri);
        const range = new vscode.Range(source.range.start.line, source.range.start.character, source.range.end.line, source.range.end.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private async export(failed: FailedSets, diagrams: DrawnReportDiagrams | undefined): Promise<void> {
        const uri = this.documentUri;
        const result = this.latest;
        if (!uri || !result) {
            this.post({ type: 'status', text: 'Nothing to export yet.' });
            return;
        }
        const stem = basename(uri).replace(/\.bizha$/i, '');
        const folder = uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
            title: 'Export redundancy report',
            saveLabel: 'Export',
            defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}.redundancy.html`) : undefined,
            filters: { 'HTML report': ['html', 'htm'] }
        });
        if (!target) {
            this.post({ type: 'status', text: 'Export cancelled.' });
            return;
        }
        if (/\.bizha$/i.test(target.path)) {
            void vscode.window.showErrorMessage('bizha: the report would overwrite a .bizha file; choose an .html file name.');
            this.post({ type: 'status', text: 'Export refused: that is a .bizha file.' });
            return;
        }
        let script: string | undefined;
        try {
            script = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'preview', 'webview.js')));
        } catch {
            script = undefined;
        }
        const version = String(this.context.extension.packageJSON?.version ?? '');
        const report = await buildReport({
            documents: [{ uri: result.uri, label: vscode.workspace.asRelativePath(uri), groups: result.groups }],
            failed,
            script,
            diagrams,
            generator: `bizha ${version}`.trim()
        });
        const svgTarget = target.with({ path: /\.html?$/i.test(target.path) ? target.path.replace(/\.html?$/i, '.svg') : `${target.path}.svg` });
        try {
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.html));
            await vscode.workspace.fs.writeFile(svgTarget, new TextEncoder().encode(report.svg));
        } catch (error) {
            void vscode.window.showErrorMessage(`bizha: could not write the report: ${(error as Error)?.message ?? error}`);
            this.post({ type: 'status', text: 'Export failed.' });
            return;
        }
        this.post({ type: 'status', text: `Exported ${basename(target)} and ${basename(svgTarget)}.` });
        const open = 'Open Report';
        void vscode.window.showInformationMessage(`bizha: wrote ${vscode.workspace.asRelativePath(target)} and ${basename(svgTarget)}.`, open).then(choice => {
            if (choice === open) void vscode.env.openExternal(target);
        });
    }

    /** What the panel shows: for tests, which cannot look inside a webview. */
    state(): { open: boolean; uri?: string; version: number | null; updates: number; groups: Array<{ group: string; functions: string[] }>; diagram?: DrawnDiagram[] } {
        const data = this.lastUpdate?.type === 'update' ? this.lastUpdate.data : undefined;
        return {
            open: this.panel !== undefined,
            uri: this.documentUri?.toString(),
            version: data?.version ?? null,
            updates: this.updates,
            groups: (data?.groups ?? []).map(group => ({ group: group.group, functions: group.functions.map(fn => fn.id) })),
            diagram: this.diagram
        };
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(d => d.dispose());
    }
}
