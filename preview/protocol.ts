import type { FunctionResult, GroupAnalysis, TopologyView } from '../language/analysis/types.js';
import type { Range, SourceRef } from '../language/model/topology.js';

/**
 * What the language server sends the redundancy preview, and the messages between the preview
 * panel's webview and the extension. Plain JSON; shared by the server, the extension, the
 * webview script and the CLI report.
 */

export const analysisRequestMethod = 'bizha/analysis';

export interface AnalysisParams {
    readonly uri: string;
}

export type PreviewSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A rule diagnostic of the document, as the editor shows it. */
export interface PreviewDiagnostic {
    readonly ruleId: string;
    readonly severity: PreviewSeverity;
    readonly message: string;
    readonly range: Range;
}

export interface PreviewFunction extends FunctionResult {
    /** Declarations that configure the function besides its own source: its host, SQL instance or availability group, SSO block, load balancer. */
    readonly scopes: SourceRef[];
    /** Rule diagnostics about this function (by range: its own declaration first, else one of its scopes). */
    readonly diagnostics: PreviewDiagnostic[];
}

export interface PreviewGroup extends Omit<GroupAnalysis, 'functions'> {
    readonly functions: PreviewFunction[];
    /** What the topology diagram draws besides the components and functions (language/analysis/topology-view.ts). */
    readonly topology: TopologyView;
    /** Rule diagnostics inside the group that concern no single function (group settings, accounts, DR, ...). */
    readonly diagnostics: PreviewDiagnostic[];
}

export interface AnalysisResult {
    readonly uri: string;
    /** Version of the open text document the analysis was built from; null when the file is not open. */
    readonly version: number | null;
    readonly groups: PreviewGroup[];
}

/** Failed components per group key (see `groupKey`). */
export type FailedSets = Record<string, string[]>;

export function groupKey(group: Pick<PreviewGroup, 'group' | 'source'>): string {
    return `${group.source.uri}#${group.group}`;
}

/** Extension → webview. */
export type ToWebview =
    | { readonly type: 'update'; readonly data: AnalysisResult; readonly fileName: string }
    | { readonly type: 'highlight'; readonly uri: string; readonly position: { line: number; character: number }; readonly word?: string }
    | { readonly type: 'status'; readonly text: string }
    | { readonly type: 'view'; readonly view: 'matrix' | 'diagram' };

/** The diagrams of an export, drawn by the webview (it has the layout engine; the extension host does not load it). */
export interface DrawnReportDiagrams {
    /** Per group key: for the report page (focusable, coloured by the page). */
    readonly page: Record<string, string>;
    /** Per group key: for the standalone SVG file (its own colours). */
    readonly standalone: Record<string, string>;
}

/** What a drawn diagram shows, by group (the webview reports it; the VS Code tests read it). */
export interface DrawnDiagram {
    readonly group: string;
    readonly computers: string[];
    readonly clusters: string[];
    readonly failed: string[];
}

/** Webview → extension. */
export type FromWebview =
    | { readonly type: 'ready' }
    | { readonly type: 'reveal'; readonly source: SourceRef }
    | { readonly type: 'export'; readonly failed: FailedSets; readonly diagrams?: DrawnReportDiagrams }
    | { readonly type: 'diagram-drawn'; readonly groups: DrawnDiagram[] }
    | { readonly type: 'makeHighlyAvailable' };

/** What the webview keeps with getState/setState (and the serializer hands back after a reload). */
export interface WebviewState {
    readonly uri?: string;
    readonly failed?: FailedSets;
    readonly scrollX?: number;
    readonly scrollY?: number;
    readonly focus?: string;
    /** The view shown: the matrix or the topology diagram. */
    readonly view?: 'matrix' | 'diagram';
}
