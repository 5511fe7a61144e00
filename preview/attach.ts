import type { FunctionKind, FunctionResult, GroupAnalysis } from '../language/analysis/types.js';
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

const allKinds: readonly FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'database', 'master-secret-server', 'http-entry'];
const hostKinds: readonly FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'http-entry'];

/** Function kinds a rule area can be about; areas missing here concern the whole group. */
const kindsOfArea: Record<string, readonly FunctionKind[]> = {
    group: allKinds,
    hosts: hostKinds,
    adapters: ['receive', 'send', 'http-entry'],
    'clustered hosts': hostKinds,
    SSO: ['master-secret-server', 'database'],
    databases: ['database'],
    'availability groups': ['database'],
    tracking: ['tracking'],
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
    /** Scopes of each function by id. */
    readonly scopes: ReadonlyMap<string, SourceRef[]>;
    /** The document's rule diagnostics. */
    readonly diagnostics: readonly PreviewDiagnostic[];
    /** The document the diagnostics belong to. */
    readonly uri: string;
    /** Rule id → area (from the rule registry); unknown rules may concern any function. */
    readonly areaOf: (ruleId: string) => string | undefined;
}

export function attachDiagnostics({ analysis, scopes, diagnostics, uri, areaOf }: AttachInput): PreviewGroup {
    const functions: PreviewFunction[] = analysis.functions.map(fn => ({ ...fn, scopes: scopes.get(fn.id) ?? [], diagnostics: [] }));
    const groupDiagnostics: PreviewDiagnostic[] = [];
    const groupRange = analysis.source.uri === uri ? analysis.source.range : undefined;
    const synthetic = (fn: FunctionResult) => fn.source.uri === analysis.source.uri && sameRange(fn.source.range, analysis.source.range);
    const overlaps = (source: SourceRef, range: Range) => source.uri === uri && rangesOverlap(source.range, range);

    for (const diagnostic of diagnostics) {
        if (!groupRange || !rangeContains(groupRange, diagnostic.range)) continue;
        const area = areaOf(diagnostic.ruleId);
        const kinds = area === undefined ? allKinds : kindsOfArea[area] ?? [];
        const candidates = functions.filter(fn => kinds.includes(fn.kind));
        let targets = candidates.filter(fn => !synthetic(fn) && overlaps(fn.source, diagnostic.range));
        if (targets.length === 0) targets = candidates.filter(fn => fn.scopes.some(scope => overlaps(scope, diagnostic.range)));
        if (targets.length === 0 && area !== undefined && kindSpecificAreas.has(area)) {
            targets = candidates.filter(fn => synthetic(fn) && fn.kind === (area === 'SSO' ? 'master-secret-server' : area === 'tracking' ? 'tracking' : 'database'));
        }
        if (targets.length === 0) groupDiagnostics.push(diagnostic);
        else for (const fn of targets) fn.diagnostics.push(diagnostic);
    }
    return { ...analysis, functions, diagnostics: groupDiagnostics };
}
