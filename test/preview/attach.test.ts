import { describe, expect, test } from 'vitest';
import { attachDiagnostics, rangeContains, rangesOverlap } from '../../preview/attach.js';
import type { FunctionKind, FunctionResult, GroupAnalysis } from '../../language/analysis/types.js';
import type { Range, SourceRef } from '../../language/model/topology.js';
import type { PreviewDiagnostic } from '../../preview/protocol.js';

const uri = 'file:///w/topology.bizha';
const kinds: FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'database', 'master-secret-server', 'http-entry', 'file-server', 'queue-manager'];
const areas = ['hosts', 'adapters', 'databases', 'tracking', 'SSO', 'group', 'sites', undefined];

/** A small seeded generator, so a failure names its case. */
function random(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function range(next: () => number, lines: number, maxSpan: number): Range {
    const line = 1 + Math.floor(next() * lines);
    const span = Math.floor(next() * next() * maxSpan);
    return { start: { line, character: Math.floor(next() * 20) }, end: { line: line + span, character: Math.floor(next() * 20) } };
}

/** The matching rules of preview/attach.ts, written plainly: every diagnostic against every function. */
function attachPlainly(analysis: GroupAnalysis, scopes: Map<string, SourceRef[]>, diagnostics: PreviewDiagnostic[], areaOf: (id: string) => string | undefined) {
    const kindsOf: Record<string, FunctionKind[]> = {
        group: kinds, hosts: ['receive', 'processing', 'send', 'tracking', 'http-entry'], adapters: ['receive', 'send', 'http-entry', 'queue-manager'],
        SSO: ['master-secret-server', 'database'], databases: ['database'], tracking: ['tracking'], sites: kinds
    };
    const same = (a: Range, b: Range) => JSON.stringify(a) === JSON.stringify(b);
    const synthetic = (fn: FunctionResult) => fn.source.uri === analysis.source.uri && same(fn.source.range, analysis.source.range);
    const overlaps = (source: SourceRef, r: Range) => source.uri === uri && rangesOverlap(source.range, r);
    const attached = new Map<string, PreviewDiagnostic[]>(analysis.functions.map(fn => [fn.id, []]));
    const group: PreviewDiagnostic[] = [];
    for (const diagnostic of diagnostics) {
        if (!rangeContains(analysis.source.range, diagnostic.range)) continue;
        const area = areaOf(diagnostic.ruleId);
        const candidates = analysis.functions.filter(fn => (area === undefined ? kinds : kindsOf[area] ?? []).includes(fn.kind));
        let targets = candidates.filter(fn => !synthetic(fn) && overlaps(fn.source, diagnostic.range));
        if (targets.length === 0) targets = candidates.filter(fn => (scopes.get(fn.id) ?? []).some(s => overlaps(s, diagnostic.range)));
        if (targets.length === 0 && area && ['databases', 'tracking', 'SSO'].includes(area)) {
            targets = candidates.filter(fn => synthetic(fn) && fn.kind === (area === 'SSO' ? 'master-secret-server' : area === 'tracking' ? 'tracking' : 'database'));
        }
        if (targets.length === 0) group.push(diagnostic);
        else for (const fn of targets) attached.get(fn.id)!.push(diagnostic);
    }
    return { attached, group };
}

describe('attaching diagnostics to functions (preview)', () => {
    test('the position index finds exactly what comparing every diagnostic with every function finds', () => {
        for (let seed = 1; seed <= 40; seed++) {
            const next = random(seed);
            const lines = 50 + Math.floor(next() * 2000);
            const groupSource: SourceRef = { uri, range: { start: { line: 0, character: 0 }, end: { line: lines + 200, character: 1 } } };
            const scopes = new Map<string, SourceRef[]>();
            const functions = Array.from({ length: 5 + Math.floor(next() * 300) }, (_, i): FunctionResult => {
                const id = `f${i}`;
                scopes.set(id, Array.from({ length: Math.floor(next() * 3) }, () => ({ uri: next() < 0.9 ? uri : 'file:///w/other.bizha', range: range(next, lines, next() < 0.2 ? 400 : 30) })));
                const source: SourceRef = next() < 0.1 ? groupSource : { uri: next() < 0.9 ? uri : 'file:///w/other.bizha', range: range(next, lines, next() < 0.1 ? 200 : 3) };
                return {
                    id, kind: kinds[Math.floor(next() * kinds.length)], label: id, mechanism: 'single', providers: [], placements: [], paths: [], dependsOn: [],
                    ownRedundancy: 1, ownSingleFailures: [], redundancy: 1, singleFailures: [], doubleFailures: [], source
                };
            });
            const analysis: GroupAnalysis = { group: 'G', source: groupSource, availability: 'high', functions, components: [] };
            const diagnostics: PreviewDiagnostic[] = Array.from({ length: Math.floor(next() * 400) }, (_, i) => ({
                ruleId: `R${i % areas.length}`, severity: 'warning', message: `d${i}`, range: range(next, lines + 150, next() < 0.1 ? 300 : 4)
            }));
            const areaOf = (id: string) => areas[Number(id.slice(1))];
            const topology = { hosts: [], clusters: [], loadBalancers: [], sqlInstances: [], availabilityGroups: [] };
            const indexed = attachDiagnostics({ analysis, topology, scopes, diagnostics, uri, areaOf });
            const plain = attachPlainly(analysis, scopes, diagnostics, areaOf);
            for (const fn of indexed.functions) expect(fn.diagnostics.map(d => d.message), `seed ${seed}, ${fn.id}`).toEqual(plain.attached.get(fn.id)!.map(d => d.message));
            expect(indexed.diagnostics.map(d => d.message), `seed ${seed}`).toEqual(plain.group.map(d => d.message));
        }
    });
});
