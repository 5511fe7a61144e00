/**
 * In-process measurements with the language services (no LSP connection): parse only, full
 * build, analysis core, the multi-file workspace and the analysis-scaling check.
 */
import { DocumentState, EmptyFileSystem, URI, eagerLoad, type LangiumDocument } from 'langium';
import { createBizhaServices, type BizhaServices } from '../language/bizha-module.js';
import { analyzeGroup } from '../language/analysis/analyze-group.js';
import { buildGroupModel, type WorkspaceInfrastructure } from '../language/model/build-topology.js';
import { Cluster, Computer, isCluster, isComputer, isGroup, isNlb, Nlb, type Group, type Model } from '../language/generated/ast.js';
import type { GroupModel } from '../language/model/topology.js';
import { previewGroups } from '../server/preview-request.js';
import { gc, repeat, stats, threadCpuMs, timed, type Stats } from './stats.js';

/** New services with every service created up front (the parser's construction is not part of a build). */
export function newServices(): BizhaServices {
    const { shared, Bizha } = createBizhaServices({ ...EmptyFileSystem });
    eagerLoad(shared);
    eagerLoad(Bizha);
    return Bizha;
}

const now = (): number => performance.now();

/** How many calls of `fn` make about 100 ms (at least 1). */
function batchSize(fn: () => void): number {
    fn();
    const t0 = now();
    fn();
    const one = Math.max(now() - t0, 0.01);
    return Math.max(1, Math.min(1000, Math.round(100 / one)));
}

function perCall(result: { wall: Stats; cpu: Stats }, batch: number): { wall: Stats; cpu: Stats } {
    const scale = (st: Stats): Stats => ({ ...st, median: st.median / batch, min: st.min / batch, max: st.max / batch, p95: st.p95 / batch });
    return { wall: scale(result.wall), cpu: scale(result.cpu) };
}

export interface DiagnosticCounts {
    lexer: number;
    parser: number;
    linking: number;
    error: number;
    warning: number;
    information: number;
    hint: number;
    /** The rule engine skipped the analysis (file larger than bizha.maxFileSizeKB). */
    analysisSkipped: number;
}

export function countDiagnostics(document: LangiumDocument): DiagnosticCounts {
    const counts: DiagnosticCounts = {
        lexer: document.parseResult.lexerErrors.length,
        parser: document.parseResult.parserErrors.length,
        linking: 0, error: 0, warning: 0, information: 0, hint: 0, analysisSkipped: 0
    };
    for (const d of document.diagnostics ?? []) {
        if (d.code === 'bizha-large-file') counts.analysisSkipped++;
        if ((d.data as { code?: string } | undefined)?.code === 'linking-error') counts.linking++;
        const severity = (['', 'error', 'warning', 'information', 'hint'] as const)[d.severity ?? 1] || 'error';
        counts[severity]++;
    }
    return counts;
}

/** The workspace infrastructure exactly as BizhaAnalysisService computes it. */
export function infrastructureOf(services: BizhaServices): WorkspaceInfrastructure {
    const index = services.shared.workspace.IndexManager;
    return {
        clusters: index.allElements(Cluster.$type).map(d => d.node).filter(isCluster).toArray(),
        nlbs: index.allElements(Nlb.$type).map(d => d.node).filter(isNlb).toArray(),
        computers: index.allElements(Computer.$type).map(d => d.node).filter(isComputer).toArray()
    };
}

const phases = [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated] as const;
const phaseNames: Record<number, string> = {
    [DocumentState.IndexedContent]: 'index',
    [DocumentState.ComputedScopes]: 'scopes',
    [DocumentState.Linked]: 'link',
    [DocumentState.IndexedReferences]: 'indexRefs',
    [DocumentState.Validated]: 'validate'
};

/** Builds fresh documents from text, as the server does for a newly opened file, timing each phase. */
async function buildFresh(services: BizhaServices, texts: Array<{ name: string; text: string }>): Promise<{ total: number; cpu: number; phases: Record<string, number>; phasesCpu: Record<string, number>; documents: LangiumDocument[] }> {
    const shared = services.shared;
    const marks: Array<[string, number, number]> = [];
    const disposables = phases.map(state => shared.workspace.DocumentBuilder.onBuildPhase(state, () => { marks.push([phaseNames[state], now(), threadCpuMs()]); }));
    const c0 = threadCpuMs();
    const t0 = now();
    const documents = texts.map(({ name, text }) => shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///bench/${name}`)));
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    const parsed = now();
    const parsedCpu = threadCpuMs();
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const t1 = now();
    const cpu = threadCpuMs() - c0;
    disposables.forEach(d => d.dispose());
    const wall: Record<string, number> = { parse: parsed - t0 };
    const cpuPhases: Record<string, number> = { parse: parsedCpu - c0 };
    let previous = parsed;
    let previousCpu = parsedCpu;
    for (const [name, at, atCpu] of marks) {
        wall[name] = at - previous;
        cpuPhases[name] = atCpu - previousCpu;
        previous = at;
        previousCpu = atCpu;
    }
    return { total: t1 - t0, cpu, phases: wall, phasesCpu: cpuPhases, documents };
}

async function remove(services: BizhaServices, documents: LangiumDocument[]): Promise<void> {
    await services.shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri));
}

export interface SingleFileResult {
    label: string;
    lines: number;
    groups: number;
    /** Wall time, ms. */
    parse: Stats;
    fullBuild: Stats;
    /** Median time of each build phase (parse is the document factory's parse inside the build). */
    phases: Record<string, number>;
    phasesCpu: Record<string, number>;
    /** analyzeGroup over every group of the file, on models already built. */
    analysisCore: Stats;
    /** buildGroupModel over every group (the step between the AST and the analysis). */
    modelBuild: Stats;
    /** The rule engine over the file with the analysis cached (all rules, suppressions, settings). */
    rules: Stats;
    fullBuildOverParse: number;
    /** The same on main-thread CPU time (robust when other processes compete for the cores). */
    cpu: { parse: Stats; fullBuild: Stats; analysisCore: Stats; fullBuildOverParse: number };
    diagnostics: DiagnosticCounts;
}

interface SizeState {
    label: string;
    text: string;
    reps: number;
    services: BizhaServices;
    parseWall: number[];
    parseCpu: number[];
    buildWall: number[];
    buildCpu: number[];
    phaseWall: Record<string, number[]>;
    phaseCpu: Record<string, number[]>;
    kept?: LangiumDocument;
}

/**
 * Parse only and full build of every size, interleaved: each round parses and builds each size
 * once (parse, then build of the same text), so a burst of load elsewhere on the machine hits
 * parse and build, 10k and 50k alike, and the ratios stay meaningful. Sizes with fewer
 * repetitions drop out of the later rounds. The first round is a warm-up. One services instance
 * per size, warm like a running server; each build is a new document (new URI) and the previous
 * one is deleted through `DocumentBuilder.update`, which also empties the workspace caches.
 */
export async function measureSingleFiles(sizes: Array<{ label: string; text: string; reps: number }>, warmup = 1, progress?: (message: string) => void): Promise<SingleFileResult[]> {
    const states: SizeState[] = sizes.map(size => ({
        ...size, services: newServices(), parseWall: [], parseCpu: [], buildWall: [], buildCpu: [], phaseWall: {}, phaseCpu: {}
    }));
    const rounds = Math.max(...sizes.map(s => s.reps)) + warmup;
    for (let round = 0; round < rounds; round++) {
        progress?.(`round ${round + 1}/${rounds}`);
        for (const state of states) {
            if (round >= state.reps + warmup) continue;
            const counted = round >= warmup;
            gc();
            const parsed = await timed(() => state.services.parser.LangiumParser.parse(state.text));
            if (parsed.value.lexerErrors.length + parsed.value.parserErrors.length > 0) throw new Error(`${state.label}: lexer or parser errors`);
            gc();
            const built = await buildFresh(state.services, [{ name: `${state.label}-${round}.bizha`, text: state.text }]);
            if (counted) {
                state.parseWall.push(parsed.wall);
                state.parseCpu.push(parsed.cpu);
                state.buildWall.push(built.total);
                state.buildCpu.push(built.cpu);
                for (const [k, v] of Object.entries(built.phases)) (state.phaseWall[k] ??= []).push(v);
                for (const [k, v] of Object.entries(built.phasesCpu)) (state.phaseCpu[k] ??= []).push(v);
            }
            if (round === state.reps + warmup - 1) state.kept = built.documents[0];
            else await remove(state.services, built.documents);
        }
    }
    const results: SingleFileResult[] = [];
    for (const state of states) results.push(await finishSingleFile(state, warmup));
    return results;
}

async function finishSingleFile(state: SizeState, warmup: number): Promise<SingleFileResult> {
    const { services, reps, label } = state;
    const document = state.kept!;
    const diagnostics = countDiagnostics(document);
    const model = document.parseResult.value as Model;
    const groups = (model.declarations ?? []).filter(isGroup);
    const infrastructure = infrastructureOf(services);

    let models: GroupModel[] = [];
    const modelBuild = await repeat(reps, warmup, () => { models = groups.map(group => buildGroupModel(group, infrastructure)); });
    const analyzeAll = (): void => { for (const groupModel of models) analyzeGroup(groupModel); };
    const batch = batchSize(analyzeAll);
    const analysis = perCall(await repeat(reps, warmup, () => { for (let k = 0; k < batch; k++) analyzeAll(); }, gc), batch);
    services.analysis.Analysis.forDocument(document);
    const rules = await repeat(reps, warmup, () => services.validation.RuleEngine.validate(model, () => { /* discard */ }));
    const parse = stats(state.parseWall);
    const parseCpu = stats(state.parseCpu);
    const fullBuild = stats(state.buildWall);
    const fullBuildCpu = stats(state.buildCpu);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const median = (samples: Record<string, number[]>): Record<string, number> => Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v).median]));
    return {
        label, lines: state.text.split('\n').length, groups: groups.length,
        parse, fullBuild,
        phases: median(state.phaseWall),
        phasesCpu: median(state.phaseCpu),
        analysisCore: analysis.wall,
        modelBuild: modelBuild.wall,
        rules: rules.wall,
        fullBuildOverParse: ratio(fullBuild.median, parse.median),
        cpu: { parse: parseCpu, fullBuild: fullBuildCpu, analysisCore: analysis.cpu, fullBuildOverParse: ratio(fullBuildCpu.median, parseCpu.median) },
        diagnostics
    };
}

export interface WorkspaceResult {
    files: number;
    lines: number;
    /** Create every document from its text, index, link and validate all of them (fresh services each repetition). */
    indexAndValidate: Stats;
    indexAndValidateCpu: Stats;
    /** The first repetition, in a fresh process (cold JIT), as a server sees it once after start. */
    coldFirstRun: number;
    phases: Record<string, number>;
    diagnostics: DiagnosticCounts;
}

export async function measureWorkspace(files: Record<string, string>, reps: number, warmup = 1): Promise<WorkspaceResult> {
    const texts = Object.entries(files).map(([name, text]) => ({ name: `ws/${name}`, text }));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const phaseSamples: Record<string, number[]> = {};
    let diagnostics: DiagnosticCounts | undefined;
    let cold = NaN;
    for (let i = 0; i < warmup + reps; i++) {
        const services = newServices();
        gc();
        const { total, cpu, phases: p, documents } = await buildFresh(services, texts);
        if (i === 0) cold = Math.round(total);
        if (i >= warmup) {
            times.push(total);
            cpuTimes.push(cpu);
            for (const [k, v] of Object.entries(p)) (phaseSamples[k] ??= []).push(v);
        }
        if (!diagnostics) {
            diagnostics = documents.map(countDiagnostics).reduce((a, b) => {
                const sum = { ...a };
                for (const key of Object.keys(sum) as Array<keyof DiagnosticCounts>) sum[key] += b[key];
                return sum;
            });
        }
    }
    return {
        files: texts.length,
        lines: texts.reduce((n, t) => n + t.text.split('\n').length, 0),
        indexAndValidate: stats(times),
        indexAndValidateCpu: stats(cpuTimes),
        coldFirstRun: cold,
        phases: Object.fromEntries(Object.entries(phaseSamples).map(([k, v]) => [k, stats(v).median])),
        diagnostics: diagnostics!
    };
}

export interface ScalingPoint {
    computers: number;
    instances: number;
    functions: number;
    /** analyzeGroup on the group's model (per call; batches of calls are timed). */
    analysisCore: Stats;
    analysisCoreCpu: Stats;
    /** CPU time per function of the analysis, µs. */
    analysisPerFunctionUs: number;
    modelBuild: Stats;
    rules: Stats;
    /** One full build of the file (parse, link, validate), wall and CPU. */
    fullBuild: number;
    fullBuildCpu: number;
}

export interface ScalingResult {
    small: ScalingPoint;
    large: ScalingPoint;
    /** analyzeGroup(large) / analyzeGroup(small); linear is 2 for a doubling, quadratic 4. */
    analysisRatio: number;
    analysisRatioCpu: number;
    modelBuildRatio: number;
    rulesRatio: number;
    fullBuildRatio: number;
    fullBuildRatioCpu: number;
}

interface ScalingSubject {
    computers: number;
    instances: number;
    model: GroupModel;
    group: Group;
    document: LangiumDocument;
    services: BizhaServices;
    infrastructure: WorkspaceInfrastructure;
    fullBuild: number;
    fullBuildCpu: number;
}

async function scalingSubject(text: string, computers: number, instances: number): Promise<ScalingSubject> {
    const services = newServices();
    gc();
    const { total, cpu, documents } = await buildFresh(services, [{ name: `scale-${computers}.bizha`, text }]);
    const document = documents[0];
    const counts = countDiagnostics(document);
    if (counts.lexer + counts.parser + counts.linking > 0) throw new Error(`scaling group ${computers}: ${JSON.stringify(counts)}`);
    const group = (document.parseResult.value as Model).declarations.filter(isGroup)[0];
    const infrastructure = infrastructureOf(services);
    const model = buildGroupModel(group, infrastructure);
    const instanceCount = [...model.hosts.values()].reduce((n, h) => n + h.instances.length, 0);
    if (model.computers.size !== computers || instanceCount !== instances) {
        throw new Error(`scaling group: expected ${computers} computers / ${instances} instances, got ${model.computers.size} / ${instanceCount}`);
    }
    return { computers, instances, model, group, document, services, infrastructure, fullBuild: Math.round(total), fullBuildCpu: Math.round(cpu) };
}

/**
 * Times `fn` on both subjects in alternating batches, so that whatever else the machine does
 * slows both sides alike; each batch runs about `batchMs`.
 */
async function alternate(subjects: ScalingSubject[], rounds: number, fn: (subject: ScalingSubject) => void, batchMs: number): Promise<Array<{ wall: Stats; cpu: Stats }>> {
    const batches = subjects.map(subject => {
        fn(subject);
        const t0 = now();
        fn(subject);
        return Math.max(1, Math.min(2000, Math.round(batchMs / Math.max(now() - t0, 0.01))));
    });
    const wall: number[][] = subjects.map(() => []);
    const cpu: number[][] = subjects.map(() => []);
    for (let round = 0; round < rounds + 1; round++) {
        for (let k = 0; k < subjects.length; k++) {
            gc();
            const t = await timed(() => { for (let i = 0; i < batches[k]; i++) fn(subjects[k]); });
            if (round === 0) continue; // warm-up round
            wall[k].push(t.wall / batches[k]);
            cpu[k].push(t.cpu / batches[k]);
        }
    }
    return subjects.map((_, k) => ({ wall: stats(wall[k]), cpu: stats(cpu[k]) }));
}

export async function measureScaling(small: { text: string; computers: number; instances: number }, large: { text: string; computers: number; instances: number }, reps: number, batchMs = 200): Promise<ScalingResult> {
    const subjects = [await scalingSubject(small.text, small.computers, small.instances), await scalingSubject(large.text, large.computers, large.instances)];
    // A second build of the small group, now that the JIT is warm, so the full-build ratio is fair.
    const warm = await scalingSubject(small.text, small.computers, small.instances);
    subjects[0] = warm;
    const functions = subjects.map(s => analyzeGroup(s.model).functions.length);
    const analysis = await alternate(subjects, reps, s => { analyzeGroup(s.model); }, batchMs);
    const modelBuild = await alternate(subjects, Math.min(reps, 5), s => { buildGroupModel(s.group, s.infrastructure); }, batchMs);
    const rules = await alternate(subjects, Math.min(reps, 3), s => s.services.validation.RuleEngine.validate(s.document.parseResult.value as Model, () => { /* discard */ }), batchMs);
    const points = subjects.map((s, k): ScalingPoint => ({
        computers: s.computers, instances: s.instances, functions: functions[k],
        analysisCore: analysis[k].wall, analysisCoreCpu: analysis[k].cpu,
        analysisPerFunctionUs: Math.round((analysis[k].cpu.median / functions[k]) * 1000 * 100) / 100,
        modelBuild: modelBuild[k].wall, rules: rules[k].wall,
        fullBuild: s.fullBuild, fullBuildCpu: s.fullBuildCpu
    }));
    const [a, b] = points;
    const ratio = (x: number, y: number): number => Math.round((x / y) * 100) / 100;
    return {
        small: a, large: b,
        analysisRatio: ratio(b.analysisCore.median, a.analysisCore.median),
        analysisRatioCpu: ratio(b.analysisCoreCpu.median, a.analysisCoreCpu.median),
        modelBuildRatio: ratio(b.modelBuild.median, a.modelBuild.median),
        rulesRatio: ratio(b.rules.median, a.rules.median),
        fullBuildRatio: ratio(b.fullBuild, a.fullBuild),
        fullBuildRatioCpu: ratio(b.fullBuildCpu, a.fullBuildCpu)
    };
}

export interface PreviewResult {
    readonly databases: number;
    readonly wall: Stats;
    readonly cpu: Stats;
}

/**
 * The redundancy preview of one group that lists thousands of databases (a fuzz-found case: the
 * preview compared every diagnostic with every function and took seconds; it now indexes them by
 * position). Only the preview is timed, not the build. Budget: 500 ms median.
 */
export async function measurePreviewOfManyDatabases(databases: number, reps: number): Promise<PreviewResult> {
    const services = newServices();
    const text = `group G {\n  databases ${Array.from({ length: databases }, () => 'SendHost').join(', ')}\n}\n`;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('file:///bench/preview-databases.bizha'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const { wall, cpu } = await repeat(reps, 1, () => previewGroups(services, document), gc);
    return { databases, wall, cpu };
}
