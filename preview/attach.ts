import type { FunctionKind, FunctionResult, GroupAnalysis, TopologyView } from '../language/analysis/types.js';
import type { Range, SourceRef } from '../language/model/topology.js';
import type { PreviewDiagnostic, PreviewFunction, PreviewGroup } from './protocol.js';

/**
 * Attaches a document's rule diagnostics to the functions of a group: the preview shows them on
 * the row of the function they are about. Pure data, no Langium: the server calls it per group.
 *
 * A diagnostic goes to the functions whose kind fits its rule's area and whose own declaration
 * its range overlaps; failing that, to those with a scope (host, SQL instance, SSO block, ...)
 * it overlaps; failing that, for rules about one kind of function (databases, tracking, SSO),
 * to the functions of that kind the analysis placed on the group itself (a missing database,
 * missing tracking). Anything else is a group finding.
 */

const allKinds: readonly FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'database', 'master-secret-server', 'bam-event-bus', 'bam-portal', 'http-entry', 'file-server', 'queue-manager'];
const hostKinds: readonly FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'http-entry'];

/** Function kinds a rule area can be about; areas missing here concern the whole group. */
const kindsOfArea: Record<string, readonly FunctionKind[]> = {
    group: allKinds,
    hosts: hostKinds,
    adapters: ['receive', 'send', 'http-entry', 'queue-manager'],
    'clustered hosts': hostKinds,
    SSO: ['master-secret-server', 'database'],
    databases: ['database'],
    'availability groups': ['database'],
    tracking: ['tracking'],
    BAM: ['bam-portal', 'bam-event-bus', 'database'],
    accounts: allKinds,
    sites: allKinds
};

/** Areas about one kind of function: their group-level findings belong to that kind's placeholder rows. */
const kindSpecificAreas = new Set(['databases', 'tracking', 'SSO']);

export function rangesOverlap(a: Range, b: Range): boolean {
    return !(before(a.end, b.start) || before(b.end, a.start));
}

export function rangeContains(outer: Range, inner: Range): boolean {
    return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export interface AttachInput {
    readonly analysis: GroupAnalysis;
    /** The diagram's view of the group. */
    readonly topology: TopologyView;
    /** Scopes of each function by id. */
    readonly scopes: ReadonlyMap<string, SourceRef[]>;
    /** The document's rule diagnostics. */
    readonly diagnostics: readonly PreviewDiagnostic[];
    /** The document the diagnostics belong to. */
    readonly uri: string;
    /** Rule id → area (from the rule registry); unknown rules may concern any function. */
    readonly areaOf: (ruleId: string) => string | undefined;
}

export function attachDiagnostics({ analysis, topology, scopes, diagnostics, uri, areaOf }: AttachInput): PreviewGroup {
    const functions: PreviewFunction[] = analysis.functions.map(fn => ({ ...fn, scopes: scopes.get(fn.id) ?? [], diagnostics: [] }));
    const groupDiagnostics: PreviewDiagnostic[] = [];
    const groupRange = analysis.source.uri === uri ? analysis.source.range : undefined;
    const synthetic = (fn: FunctionResult) => fn.source.uri === analysis.source.uri && sameRange(fn.source.range, analysis.source.range);

    // Indexed by position: a group may have thousands of functions and diagnostics.
    const declarations = new OverlapIndex<PreviewFunction>();
    const scopeIndex = new OverlapIndex<PreviewFunction>();
    const syntheticOfKind = new Map<FunctionKind, PreviewFunction[]>();
    for (const fn of functions) {
        if (synthetic(fn)) {
            const list = syntheticOfKind.get(fn.kind) ?? [];
            list.push(fn);
            syntheticOfKind.set(fn.kind, list);
        } else if (fn.source.uri === uri) {
            declarations.add(fn.source.range, fn);
        }
        for (const scope of fn.scopes) if (scope.uri === uri) scopeIndex.add(scope.range, fn);
    }

    for (const diagnostic of diagnostics) {
        if (!groupRange || !rangeContains(groupRange, diagnostic.range)) continue;
        const area = areaOf(diagnostic.ruleId);
        const kinds = area === undefined ? allKinds : kindsOfArea[area] ?? [];
        const fits = (fn: PreviewFunction) => kinds.includes(fn.kind);
        let targets = declarations.overlapping(diagnostic.range).filter(fits);
        if (targets.length === 0) targets = [...new Set(scopeIndex.overlapping(diagnostic.range))].filter(fits);
        if (targets.length === 0 && area !== undefined && kindSpecificAreas.has(area)) {
            targets = (syntheticOfKind.get(area === 'SSO' ? 'master-secret-server' : area === 'tracking' ? 'tracking' : 'database') ?? []).filter(fits);
        }
        if (targets.length === 0) groupDiagnostics.push(diagnostic);
        else for (const fn of targets) fn.diagnostics.push(diagnostic);
    }
    return { ...analysis, topology, functions, diagnostics: groupDiagnostics };
}

/**
 * Ranges with their items, answering "which overlap this range" without scanning them all: items
 * are sorted by start, and only those starting at most `narrowLines` lines before the query can
 * reach it; the few longer ranges are checked one by one.
 */
class OverlapIndex<T> {
    private static readonly narrowLines = 64;
    private readonly narrow: Array<{ range: Range; item: T }> = [];
    private readonly wide: Array<{ range: Range; item: T }> = [];
    private sorted = true;

    add(range: Range, item: T): void {
        const entry = { range, item };
        if (range.end.line - range.start.line > OverlapIndex.narrowLines) {
            this.wide.push(entry);
        } else {
            this.sorted &&= this.narrow.length === 0 || !before(range.start, this.narrow[this.narrow.length - 1].range.start);
            this.narrow.push(entry);
        }
    }

    overlapping(range: Range): T[] {
        if (!this.sorted) {
            this.narrow.sort((a, b) => before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0);
            this.sorted = true;
        }
        const result: T[] = [];
        // First entry that may reach the range: it starts no more than narrowLines lines before it.
        const fromLine = range.start.line - OverlapIndex.narrowLines;
        let low = 0, high = this.narrow.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.narrow[middle].range.start.line < fromLine) low = middle + 1;
            else high = middle;
        }
        for (let i = low; i < this.narrow.length && !before(range.end, this.narrow[i].range.start); i++) {
            if (rangesOverlap(this.narrow[i].range, range)) result.push(this.narrow[i].item);
        }
        for (const entry of this.wide) if (rangesOverlap(entry.range, range)) result.push(entry.item);
        return result;
    }
}
