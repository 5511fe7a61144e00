import { DocumentState, isOperationCancelled, URI, UriUtils, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { FunctionResult } from '../language/analysis/types.js';
import { topologyView } from '../language/analysis/topology-view.js';
import type { BizhaServices } from '../language/bizha-module.js';
import type { GroupModel, SourceRef } from '../language/model/topology.js';
import { allRules } from '../language/rules/registry.js';
import { attachDiagnostics, rangeContains } from '../preview/attach.js';
import { analysisRequestMethod, type AnalysisParams, type AnalysisResult, type PreviewDiagnostic, type PreviewGroup } from '../preview/protocol.js';

/**
 * The `bizha/analysis` request of the redundancy preview: the failure analysis of one document's
 * groups, with the document's rule diagnostics attached to the functions they are about. It
 * answers once the document is validated in the text the editor currently holds, and answers
 * with no groups (never an error) for a document the server does not know.
 */
export function registerPreviewRequest(connection: Connection, services: BizhaServices): void {
    connection.onRequest(analysisRequestMethod, async (params: AnalysisParams, token: CancellationToken) => {
        try {
            return await previewAnalysis(services, params?.uri, token);
        } catch (error) {
            if (isOperationCancelled(error) || token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            connection.console.error(`bizha: ${analysisRequestMethod} failed: ${(error as Error)?.stack ?? error}`);
            return { uri: String(params?.uri ?? ''), version: null, groups: [] } satisfies AnalysisResult;
        }
    });
}

/** Longest wait for a document that is being rebuilt; after it, the last validated state is returned. */
const settleTimeoutMs = 10_000;

export async function previewAnalysis(services: BizhaServices, uri: unknown, token: CancellationToken = CancellationToken.None): Promise<AnalysisResult> {
    const empty: AnalysisResult = { uri: typeof uri === 'string' ? uri : '', version: null, groups: [] };
    if (typeof uri !== 'string' || uri.length === 0) return empty;
    let parsed: URI;
    try {
        parsed = URI.parse(uri);
    } catch {
        return empty;
    }
    const shared = services.shared;
    if (!shared.ServiceRegistry.hasServices(parsed) || shared.ServiceRegistry.getServices(parsed) !== services) return empty;
    // Over LSP, documents exist only once the workspace is initialised (without a connection, e.g. in tests, it never is).
    if (shared.lsp.Connection) await shared.workspace.WorkspaceManager.ready;
    const document = await validatedDocument(services, parsed, token);
    if (!document) return empty;
    const open = shared.workspace.TextDocuments?.get(parsed.toString());
    return { uri, version: open && isCurrent(services, document) ? open.version : null, groups: previewGroups(services, document) };
}

/** Waits until the document is validated in the text the editor holds now (didChange may still be queued). */
async function validatedDocument(services: BizhaServices, uri: URI, token: CancellationToken): Promise<LangiumDocument | undefined> {
    const { LangiumDocuments: documents, DocumentBuilder: builder, TextDocuments: textDocuments } = services.shared.workspace;
    const deadline = Date.now() + settleTimeoutMs;
    for (; ;) {
        const known = documents.hasDocument(uri);
        if (!known && !textDocuments?.get(uri.toString())) return undefined;
        if (known) {
            try {
                await builder.waitUntil(DocumentState.Validated, uri, token);
            } catch (error) {
                if (isOperationCancelled(error) || token.isCancellationRequested) throw error;
                // Excluded from validation or removed meanwhile: fall through and look again.
            }
            const document = documents.getDocument(uri);
            if (document && document.state >= DocumentState.Validated && (isCurrent(services, document) || Date.now() > deadline)) return document;
        }
        if (Date.now() > deadline) return documents.getDocument(uri);
        await nextValidation(services, uri, token, Math.min(deadline - Date.now(), 500));
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
    }
}

/** True when the document was parsed from the text the editor holds now. */
function isCurrent(services: BizhaServices, document: LangiumDocument): boolean {
    const open = services.shared.workspace.TextDocuments?.get(document.uri.toString());
    if (!open) return true;
    const root = document.parseResult.value.$cstNode?.root;
    return root !== undefined && root.fullText === open.getText();
}

function nextValidation(services: BizhaServices, uri: URI, token: CancellationToken, timeoutMs: number): Promise<void> {
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            phase.dispose();
            cancel.dispose();
            resolve();
        };
        const timer = setTimeout(done, Math.max(timeoutMs, 0));
        const phase = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (UriUtils.equals(document.uri, uri)) done();
        });
        const cancel = token.onCancellationRequested(done);
    });
}

const severities = ['error', 'error', 'warning', 'information', 'hint'] as const;
const areas = new Map<string, string>(allRules.map(rule => [rule.id, rule.area]));

export function previewDiagnostics(diagnostics: readonly Diagnostic[]): PreviewDiagnostic[] {
    const result: PreviewDiagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const ruleId = (diagnostic.data as { ruleId?: unknown } | undefined)?.ruleId ?? diagnostic.code;
        if (typeof ruleId !== 'string' || ruleId.length === 0) continue;
        result.push({ ruleId, severity: severities[diagnostic.severity ?? 1] ?? 'error', message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, range: diagnostic.range });
    }
    return result;
}

export function previewGroups(services: BizhaServices, document: LangiumDocument): PreviewGroup[] {
    const diagnostics = previewDiagnostics(document.diagnostics ?? []);
    const uri = document.uri.toString();
    const groups = services.analysis.Analysis.forDocument(document);
    // Each group gets only the diagnostics inside it: with every group given all of them, a
    // half-typed file of thousands of unclosed, nested groups took minutes (robustness test).
    const own: PreviewDiagnostic[][] = groups.map(() => []);
    const starts = groups.map(g => g.analysis.source.range.start);
    for (const diagnostic of diagnostics) {
        // Groups are in document order; the innermost group around a diagnostic is the last one
        // starting before it that contains it (binary search for the last start not after it).
        const at = diagnostic.range.start;
        let lo = 0;
        let hi = groups.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (starts[mid].line < at.line || (starts[mid].line === at.line && starts[mid].character <= at.character)) lo = mid + 1;
            else hi = mid;
        }
        for (let i = lo - 1; i >= 0; i--) {
            const source = groups[i].analysis.source;
            if (source.uri === uri && rangeContains(source.range, diagnostic.range)) {
                own[i].push(diagnostic);
                break;
            }
        }
    }
    return groups.map(({ model, analysis }, i) => attachDiagnostics({
        analysis,
        // Only the preview draws the diagram: its view of the group is read here, not with every analysis.
        topology: topologyView(model, analysis.components),
        scopes: new Map(analysis.functions.map(fn => [fn.id, scopesOf(model, fn)])),
        diagnostics: own[i],
        uri,
        areaOf: id => areas.get(id)
    }));
}

/** The declarations that configure a function besides its own source. */
export function scopesOf(model: GroupModel, fn: FunctionResult): SourceRef[] {
    const scopes: SourceRef[] = [];
    const add = (source: SourceRef | undefined) => {
        if (source && !scopes.some(s => s.uri === source.uri && s.range === source.range)) scopes.push(source);
    };
    const addHost = (name: string | undefined) => {
        const host = name ? model.hosts.get(name) : undefined;
        if (!host) return;
        add(host.source);
        if (host.clusteredOn) add(model.clusters.get(host.clusteredOn)?.source);
        if (fn.kind === 'receive' || fn.kind === 'http-entry') {
            for (const nlb of model.nlbs.values()) if (nlb.fronts.includes(host.name)) add(nlb.source);
        }
    };
    switch (fn.kind) {
        case 'tracking':
            for (const host of model.hosts.values()) if (host.tracking && host.type !== 'isolated') addHost(host.name);
            break;
        case 'database': {
            const database = model.databases.find(d => d.name === fn.database);
            const container = database?.container;
            if (container?.kind === 'sql') add(model.sqlInstances.get(container.name)?.source);
            else if (container?.kind === 'availability-group') {
                const ag = model.availabilityGroups.get(container.name);
                add(ag?.source);
                for (const replica of ag?.replicas ?? []) add(model.sqlInstances.get(replica.sql)?.source);
            }
            break;
        }
        case 'master-secret-server': {
            add(model.sso?.source);
            const mss = model.sso?.masterSecretServer;
            if (mss?.kind === 'cluster') add(model.clusters.get(mss.name)?.source);
            else if (mss) add(model.computers.get(mss.name)?.source);
            break;
        }
        case 'bam-portal':
            add(model.bam?.source);
            for (const nlb of model.nlbs.values()) if (nlb.frontsBamPortal) add(nlb.source);
            break;
        case 'bam-event-bus':
            add(model.bam?.source);
            // Without `event-bus on`, the event bus is the tracking host's.
            if (model.bam?.eventBus.length === 0) for (const host of model.hosts.values()) if (host.tracking && host.type !== 'isolated') addHost(host.name);
            break;
        default:
            addHost(fn.host);
    }
    return scopes;
}
