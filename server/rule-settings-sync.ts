import * as fs from 'node:fs';
import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { BizhaServices } from '../language/bizha-module.js';
import { parseBizhaJson, parseRuleOverrides } from '../language/config/rule-settings.js';

/**
 * Keeps rule severity overrides in step with `bizha.json` at the workspace root and the
 * `bizha.rules` editor setting, reports problems in either, and revalidates on change.
 */
export class RuleSettingsSync {
    private readonly published = new Set<string>();

    constructor(
        private readonly connection: Connection,
        private readonly shared: LangiumSharedServices,
        private readonly bizha: BizhaServices
    ) { }

    start(): void {
        this.shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === 'bizha') this.reloadInBackground();
        });
        this.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(change => change.uri.endsWith('/bizha.json'))) this.reloadInBackground();
        });
        this.shared.workspace.WorkspaceManager.ready.then(() => this.reloadInBackground(), error => this.connection.console.error(`bizha: ${error}`));
    }

    /** From an event handler: nobody awaits the reload, so its failure is logged here. */
    private reloadInBackground(): void {
        this.reload().catch(error => this.connection.console.error(`bizha: reloading the rule settings failed: ${error instanceof Error ? error.stack ?? error.message : error}`));
    }

    async reload(): Promise<void> {
        await this.loadWorkspaceFile();
        await this.loadEditorSetting();
        await this.revalidate();
    }

    private async loadWorkspaceFile(): Promise<void> {
        const settings = this.bizha.validation.RuleSettings;
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        const overrides = new Map();
        const stale = [...this.published];
        this.published.clear();
        await Promise.all(stale.map(uri => this.connection.sendDiagnostics({ uri, diagnostics: [] })));
        for (const folder of folders) {
            const file = UriUtils.joinPath(URI.parse(folder.uri), 'bizha.json');
            if (file.scheme !== 'file' || !fs.existsSync(file.fsPath)) continue;
            let text: string;
            try {
                text = fs.readFileSync(file.fsPath, 'utf8');
            } catch (error) {
                this.connection.console.warn(`bizha: cannot read ${file.fsPath}: ${error}`);
                continue;
            }
            const parsed = parseBizhaJson(text);
            parsed.overrides.forEach((value, key) => overrides.set(key, value));
            const diagnostics: Diagnostic[] = parsed.problems.map(problem => ({
                range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character + problem.length } },
                severity: DiagnosticSeverity.Warning,
                source: 'bizha',
                code: 'bizha-config',
                message: problem.message
            }));
            await this.connection.sendDiagnostics({ uri: file.toString(), diagnostics });
            this.published.add(file.toString());
        }
        settings.setFileOverrides(overrides);
    }

    private async loadEditorSetting(): Promise<void> {
        let rules: unknown;
        try {
            rules = await this.shared.workspace.ConfigurationProvider.getConfiguration('bizha', 'rules');
        } catch {
            rules = undefined;
        }
        const parsed = parseRuleOverrides(rules);
        for (const problem of parsed.problems) {
            void this.connection.window.showWarningMessage(`bizha.rules setting: ${problem.message}`);
        }
        this.bizha.validation.RuleSettings.setEditorOverrides(parsed.overrides);
        let maxFileSizeKB: unknown;
        try {
            maxFileSizeKB = await this.shared.workspace.ConfigurationProvider.getConfiguration('bizha', 'maxFileSizeKB');
        } catch {
            maxFileSizeKB = undefined;
        }
        this.bizha.validation.RuleSettings.maxFileSizeKB = typeof maxFileSizeKB === 'number' && maxFileSizeKB > 0 ? maxFileSizeKB : 4096;
    }

    /** Severity settings changed: every document's diagnostics must be recomputed. */
    private async revalidate(): Promise<void> {
        await this.shared.workspace.WorkspaceLock.write(async token => {
            const documents: LangiumDocument[] = this.shared.workspace.LangiumDocuments.all.toArray();
            for (const document of documents) {
                if (document.state >= DocumentState.Validated) this.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            }
            await this.shared.workspace.DocumentBuilder.build(documents, { validation: true }, token);
        });
    }
}
