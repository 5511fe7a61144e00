#!/usr/bin/env node
// The `npm run bench` entry. Bundles bench/*.ts with esbuild into bench/out/harness.cjs, builds
// the language server bundle, generates the topologies, then runs the in-process and the LSP
// measurements in child processes, prints a table and writes bench/results.json.
//
//   node bench/run.mjs            full run (about 5-8 minutes on 2 cores)
//   node bench/run.mjs --quick    small sizes, 1 repetition, no 50k: proves it works (< 60 s)
//   node bench/run.mjs --strict   exit 1 when a budget fails
//   node bench/run.mjs --profile  CPU profiles (node --cpu-prof) of the slow paths, summarised by file:line
//   --no-server-build             measure out/server/main.cjs as it is
//   --only=inproc|lsp             run one half
//   --only=diagram                only the topology diagram of the 1,000-computer group (no other input generated)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';
import { nodeBundleOptions } from '../esbuild-options.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const outDir = path.join(benchDir, 'out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const profile = args.includes('--profile');
const only = args.find(a => a.startsWith('--only='))?.slice('--only='.length);
const serverPath = path.join(root, 'out', 'server', 'main.cjs');
const harness = path.join(outDir, 'harness.cjs');
const dataDir = path.join(outDir, quick ? 'data-quick' : 'data');
const node = process.execPath;
const started = Date.now();

if (Number(process.versions.node.split('.')[0]) < 22) {
    console.error(`bench: Node ${process.versions.node} runs Langium poorly here; run with Node 22 (PATH=$PWD/node_modules/.bin:$PATH).`);
}

function log(message) {
    process.stderr.write(`${message}\n`);
}

function run(argv, options = {}) {
    const result = spawnSync(node, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    if (result.status !== 0) throw new Error(`${path.basename(node)} ${argv.join(' ')} exited with ${result.status}\n${result.stdout ?? ''}`);
    return result.stdout;
}

async function bundle() {
    fs.mkdirSync(outDir, { recursive: true });
    const esbuild = await import('esbuild');
    await esbuild.build({
        entryPoints: [path.join(benchDir, 'harness.ts')],
        outfile: harness,
        ...nodeBundleOptions,
        sourcemap: true, logLevel: 'warning'
    });
    if (!args.includes('--no-server-build') || !fs.existsSync(serverPath)) {
        log('bench: building out/server/main.cjs (node esbuild.mjs)');
        run([path.join(root, 'esbuild.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
    }
}

function gitInfo() {
    const git = a => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim();
    return { commit: git(['rev-parse', '--short', 'HEAD']), dirty: (git(['status', '--porcelain', '--', 'language', 'server']) ?? '').length > 0 };
}

function machine() {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model?.trim() ?? 'unknown',
        cores: cpus.length,
        memoryGB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.versions.node,
        platform: `${os.platform()} ${os.release()}`,
        loadAverageAtStart: os.loadavg().map(x => Math.round(x * 100) / 100)
    };
}

// ---- budgets -----------------------------------------------------------------

function budgets(r) {
    const s = r.inProcess?.single ?? {};
    const lsp = r.lsp ?? {};
    const rows = [];
    const status = (x, limit) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : x <= limit ? 'PASS' : 'FAIL');
    const add = (id, title, measured, cpu, limit, unit) => {
        const valid = x => x !== undefined && x !== null && !Number.isNaN(x);
        rows.push({
            id, title, limit, unit,
            measured: valid(measured) ? measured : null,
            ratio: valid(measured) ? round2(measured / limit) : null,
            status: status(measured, limit),
            cpu: valid(cpu) ? round2(cpu) : null,
            cpuStatus: status(cpu, limit)
        });
    };
    const ten = s['10k'];
    const fifty = s['50k'];
    add('build-vs-parse-10k', 'full build ÷ parse only, 10k lines', ten?.fullBuildOverParse, ten?.cpu.fullBuildOverParse, 2.5, '×');
    add('build-50k-vs-10k', 'full build 50k ÷ full build 10k', fifty && ten ? round2(fifty.fullBuild.median / ten.fullBuild.median) : undefined,
        fifty && ten ? fifty.cpu.fullBuild.median / ten.cpu.fullBuild.median : undefined, 5.5, '×');
    const sc = r.inProcess?.scaling;
    // Near linear: growth exponent at most 1.5 for a doubling (2^1.5 = 2.83; linear 2, quadratic 4).
    add('analysis-scaling', `analysis core ${sc?.large.computers ?? 2000} ÷ ${sc?.small.computers ?? 1000} computers (linear 2, quadratic 4)`, sc?.analysisRatio, sc?.analysisRatioCpu, 2.83, '×');
    const e10 = lsp.edit?.['10k'];
    const e1 = lsp.edit?.['1k'];
    add('edit-10k-p95', 'edit → diagnostics p95, 10k lines', e10?.editToDiagnostics.p95, e10?.cpu.editToDiagnostics.p95, 300, 'ms');
    add('completion-10k-p95', 'completion p95, 10k lines', e10?.completion?.p95, e10?.cpu.completion?.p95, 50, 'ms');
    add('hover-10k-p95', 'hover p95, 10k lines', e10?.hover?.p95, e10?.cpu.hover?.p95, 30, 'ms');
    add('edit-1k-p95', 'edit → diagnostics p95, 1k lines', e1?.editToDiagnostics.p95, e1?.cpu.editToDiagnostics.p95, 60, 'ms');
    add('first-diagnostics', 'server start → first diagnostics (small-ha), median', lsp.firstDiagnostics?.startToFirstDiagnostics.median, lsp.firstDiagnostics?.serverCpuToFirstDiagnostics.median, 500, 'ms');
    const pv = r.inProcess?.preview;
    add('preview-8000-databases', `preview of one group listing ${pv?.databases ?? 8000} databases, in process`, pv?.wall.median, pv?.cpu.median, 500, 'ms');
    add('workspace-inproc', `${r.inProcess?.workspace?.files ?? 300}-file workspace indexed + validated, in process`, r.inProcess?.workspace?.indexAndValidate.median, r.inProcess?.workspace?.indexAndValidateCpu.median, 3000, 'ms');
    add('workspace-lsp', `${lsp.workspace?.files ?? 300}-file workspace, server start → all diagnostics`, lsp.workspace?.startToAllDiagnostics.median, lsp.workspace?.serverCpuToAllDiagnostics.median, 3000, 'ms');
    add('memory-50k', 'server peak RSS (VmHWM), 50k lines', lsp.memory?.peakRssMB, undefined, 300, 'MB');
    // Issue 13: opening the Diagram view of a 1,000-computer group (ELK layout and SVG) within 5 s.
    add('diagram-1000', `topology diagram, ${r.diagram?.computers ?? 1000} computers: ELK layout + SVG, median`, r.diagram?.layoutAndDraw.wall.median, r.diagram?.layoutAndDraw.cpu.median, 5000, 'ms');
    return rows;
}

const round2 = x => Math.round(x * 100) / 100;

// ---- table -----------------------------------------------------------------------

function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(String(h).length, ...rows.map(r => String(r[i] ?? '').length)));
    const line = cells => cells.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ');
    return [line(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = x => (x === undefined || x === null ? '—' : x >= 100 ? `${Math.round(x)}` : `${Math.round(x * 10) / 10}`);
const med = st => (st ? `${ms(st.median)} ±${st.spreadPct}%` : '—');

export function render(r) {
    const out = [];
    const m = r.machine;
    out.push(`bizha benchmark${r.quick ? ' (quick)' : ''} — ${r.date} — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, load ${m.loadAverageAtStart.join('/')} → ${m.loadAverageAtEnd?.join('/') ?? '?'} — ${r.git.commit}${r.git.dirty ? '+dirty' : ''}`);
    out.push('Times are wall clock (median ± half the min–max spread). "cpu" is CPU time for the same work (in process: the main thread;');
    out.push('over LSP: the server\'s main thread): other processes competing for the cores do not inflate it.');
    const s = r.inProcess?.single;
    if (s) {
        out.push('', 'In process (ms)');
        out.push(table(['size', 'lines', 'groups', 'reps', 'parse only', 'cpu', 'full build', 'cpu', 'build÷parse (cpu)', 'analysis core', 'cpu', 'model build', 'rules', 'diagnostics'],
            Object.values(s).map(x => [x.label, x.lines, x.groups, x.parse.n, med(x.parse), ms(x.cpu.parse.median), med(x.fullBuild), ms(x.cpu.fullBuild.median),
                `${x.fullBuildOverParse}× (${x.cpu.fullBuildOverParse}×)`, med(x.analysisCore), ms(x.cpu.analysisCore.median), med(x.modelBuild), med(x.rules),
                `${x.diagnostics.error}E ${x.diagnostics.warning}W ${x.diagnostics.information}I${x.diagnostics.analysisSkipped ? ' (ANALYSIS SKIPPED: large file)' : ''}`])));
        out.push('', 'Full build by phase (ms, median; validate = all checks, rules and the analysis)');
        const phaseNames = ['parse', 'index', 'scopes', 'link', 'indexRefs', 'validate'];
        out.push(table(['size', 'time', ...phaseNames], Object.values(s).flatMap(x => [
            [x.label, 'wall', ...phaseNames.map(p => ms(x.phases[p]))],
            [x.label, 'cpu', ...phaseNames.map(p => ms(x.phasesCpu?.[p]))]
        ])));
    }
    const w = r.inProcess?.workspace;
    const sc = r.inProcess?.scaling;
    if (w || sc || r.inProcess?.preview) {
        out.push('');
        const rows = [];
        const pv = r.inProcess?.preview;
        if (pv) rows.push([`preview: one group listing ${pv.databases} databases (in process)`, `${med(pv.wall)} (cpu ${ms(pv.cpu.median)})`, `n=${pv.wall.n}`]);
        if (w) rows.push([`workspace: ${w.files} files, ${w.lines} lines (in process)`, `${med(w.indexAndValidate)} (cpu ${ms(w.indexAndValidateCpu.median)})`, `first (cold) run ${ms(w.coldFirstRun)}; parse ${ms(w.phases.parse)}, link ${ms(w.phases.link)}, validate ${ms(w.phases.validate)}`]);
        if (sc) {
            for (const p of [sc.small, sc.large]) {
                rows.push([`scaling: one group, ${p.computers} computers, ${p.instances} instances, ${p.functions} functions`, `analysis ${med(p.analysisCore)} (cpu ${ms(p.analysisCoreCpu.median)}, ${p.analysisPerFunctionUs} µs/function)`, `model ${ms(p.modelBuild.median)}, rules ${ms(p.rules.median)}, full build ${ms(p.fullBuild)} (cpu ${ms(p.fullBuildCpu)})`]);
            }
            rows.push([`scaling ratio ${sc.large.computers} ÷ ${sc.small.computers} (linear = 2)`, `analysis ${sc.analysisRatio}× (cpu ${sc.analysisRatioCpu}×)`, `model ${sc.modelBuildRatio}×, rules ${sc.rulesRatio}×, full build ${sc.fullBuildRatio}× (cpu ${sc.fullBuildRatioCpu}×)`]);
        }
        out.push(table(['multi-file and scaling', 'time (ms)', 'detail (ms)'], rows));
    }
    const l = r.lsp;
    if (l) {
        out.push('', 'Over LSP (stdio, out/server/main.cjs; cpu = server main thread)');
        const rows = [];
        const lat = (v, c) => `p50 ${ms(v.p50)} p95 ${ms(v.p95)}${c ? ` (cpu ${ms(c.p50)} / ${ms(c.p95)})` : ''}`;
        if (l.firstDiagnostics) rows.push([`start → first diagnostics (${l.firstDiagnostics.example})`, `median ${med(l.firstDiagnostics.startToFirstDiagnostics)} (cpu ${ms(l.firstDiagnostics.serverCpuToFirstDiagnostics.median)})`, `initialize ${ms(l.firstDiagnostics.startToInitialized.median)}, n=${l.firstDiagnostics.startToFirstDiagnostics.n}`]);
        for (const [label, e] of Object.entries(l.edit ?? {})) {
            rows.push([`${label} (${e.lines} lines): open → diagnostics`, `${ms(e.openToDiagnostics)} (cpu ${ms(e.cpu.openToDiagnostics)})`, `${e.diagnosticsCount} diagnostics, peak RSS ${e.peakRssMB} MB`]);
            rows.push([`${label}: edit → diagnostics`, lat(e.editToDiagnostics, e.cpu.editToDiagnostics), `max ${ms(e.editToDiagnostics.max)}, n=${e.editToDiagnostics.n}`]);
            if (e.analysisSkipped) rows.push([`${label}: ANALYSIS SKIPPED`, '—', 'the file is larger than bizha.maxFileSizeKB']);
            const names = { completion: 'completion', hover: 'hover', codeAction: 'code action', semanticTokens: 'semantic tokens (full)', documentSymbols: 'document symbols' };
            for (const [k, name] of Object.entries(names)) {
                const v = e[k];
                if (!v) continue;
                rows.push([`${label}: ${name}`, v.skipped ? 'n/a' : lat(v, e.cpu[k]), v.skipped ?? `max ${ms(v.max)}, n=${v.n}`]);
            }
        }
        if (l.memory) rows.push([`${l.memory.lines} lines: open → diagnostics / peak RSS`, `${ms(l.memory.openToDiagnostics)} (cpu ${ms(l.memory.cpu.openToDiagnostics)}) / ${l.memory.peakRssMB} MB`, `RSS after ${l.memory.editToDiagnostics.n} edits ${l.memory.rssMB} MB, edit p50 ${ms(l.memory.editToDiagnostics.p50)} (cpu ${ms(l.memory.cpu.editToDiagnostics.p50)})`]);
        if (l.workspace) rows.push([`workspace folder, ${l.workspace.files} files: start → all diagnostics`, `${med(l.workspace.startToAllDiagnostics)} (cpu ${ms(l.workspace.serverCpuToAllDiagnostics.median)})`, `peak RSS ${l.workspace.peakRssMB} MB, n=${l.workspace.startToAllDiagnostics.n}`]);
        out.push(table(['measure', 'ms', 'detail'], rows));
    }
    const d = r.diagram;
    if (d) {
        out.push('', 'Topology diagram (ms)');
        out.push(table(['computers', 'boxes', 'edges', 'reps', 'ELK layout + SVG', 'cpu', 'SVG redraw (a failure)', 'cpu', 'SVG size'],
            [[d.computers, d.boxes, d.edges, d.reps, med(d.layoutAndDraw.wall), ms(d.layoutAndDraw.cpu.median), med(d.draw.wall), ms(d.draw.cpu.median), `${d.svgKB} KB`]]));
    }
    out.push('', `Budgets (issue 5)${r.quick ? ' — quick mode: smaller inputs and 1 repetition, indicative only' : ''}`);
    const fmt = (x, unit) => (x === null || x === undefined ? '—' : `${x >= 100 ? Math.round(x) : x} ${unit}`);
    out.push(table(['budget', 'measured', 'limit', 'measured÷limit', 'status', 'on cpu time', 'status (cpu)'],
        r.budgets.map(b => [b.title, fmt(b.measured, b.unit), `${b.limit} ${b.unit}`, b.ratio ?? '—', b.status, fmt(b.cpu, b.unit), b.cpuStatus])));
    return out.join('\n');
}

// ---- profiles ---------------------------------------------------------------------

const maps = new Map();
function sourceMapFor(url) {
    if (!url.startsWith('file://')) return undefined;
    const file = fileURLToPath(url);
    if (!maps.has(file)) {
        const mapFile = `${file}.map`;
        maps.set(file, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : undefined);
    }
    return maps.get(file);
}

function locate(frame) {
    const map = sourceMapFor(frame.url);
    if (map && frame.lineNumber >= 0) {
        const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
        if (entry?.originalSource) {
            const source = entry.originalSource.replace(/^.*?(node_modules\/|language\/|server\/|bench\/)/, '$1');
            return `${source}:${entry.originalLine + 1}`;
        }
    }
    return frame.url ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : '(native)';
}

/** Self and inclusive time per function of a .cpuprofile, with original file:line. */
export function summariseProfile(file, top = 25) {
    const p = JSON.parse(fs.readFileSync(file, 'utf8'));
    const byId = new Map(p.nodes.map(n => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = new Map();
    const key = n => {
        if (!keyOf.has(n.id)) keyOf.set(n.id, `${n.callFrame.functionName || '(anonymous)'} ${locate(n.callFrame)}`);
        return keyOf.get(n.id);
    };
    const self = new Map();
    const total = new Map();
    let sampled = 0;
    for (let i = 0; i < p.samples.length; i++) {
        const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
        const n = byId.get(p.samples[i]);
        if (!n || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
        sampled += dt;
        self.set(key(n), (self.get(key(n)) ?? 0) + dt);
        const seen = new Set();
        for (let id = n.id; id !== undefined; id = parent.get(id)) {
            const k = key(byId.get(id));
            if (seen.has(k)) continue;
            seen.add(k);
            total.set(k, (total.get(k) ?? 0) + dt);
        }
    }
    const sort = m => [...m.entries()].sort((a, b) => b[1] - a[1]);
    const own = ([k]) => / (language|server)\/\S+:\d+$/.test(k);
    const fmt = ([k, v]) => `${String(Math.round(v)).padStart(7)} ms ${String(Math.round((v / sampled) * 1000) / 10).padStart(5)}%  ${k}`;
    return [
        `${path.basename(file)}: ${Math.round(sampled)} ms of samples (idle excluded)`,
        `  top self time:`, ...sort(self).slice(0, top).map(e => `  ${fmt(e)}`),
        `  top inclusive time in bizha's own code (language/, server/):`, ...sort(total).filter(own).slice(0, top).map(e => `  ${fmt(e)}`)
    ].join('\n');
}

async function profileRun() {
    const dir = path.join(outDir, 'profiles');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const prof = name => ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${name}.cpuprofile`, '--cpu-prof-interval', '200'];
    log('profile: in-process full build, 10k lines × 10');
    run([...prof('build-10k'), harness, 'profile-build', dataDir, '10k', '10']);
    log('profile: in-process full build, scaling group (2,000 computers) × 2');
    run([...prof('build-scale-2000'), harness, 'profile-build', dataDir, path.join(dataDir, 'scale-2000.bizha'), '2']);
    log('profile: server during 10k edits and requests, and during the workspace start');
    run([harness, 'lsp-profile', dataDir, path.join(dir, 'lsp.json'), serverPath, root, dir]);
    const summaries = fs.readdirSync(dir).filter(f => f.endsWith('.cpuprofile')).sort().map(f => summariseProfile(path.join(dir, f)));
    const text = summaries.join('\n\n');
    fs.writeFileSync(path.join(dir, 'summary.txt'), text + '\n');
    console.log(text);
    log(`profile: profiles and summary.txt in ${path.relative(root, dir)}/ (open .cpuprofile files in Chrome DevTools or VS Code)`);
}

// ---- main -------------------------------------------------------------------------

async function main() {
    await bundle();
    if (only !== 'diagram' && (!fs.existsSync(path.join(dataDir, 'manifest.json')) || !args.includes('--reuse-data'))) {
        log(`bench: generating topologies into ${path.relative(root, dataDir)}/`);
        run([harness, 'generate', dataDir, ...(quick ? ['--quick'] : [])]);
    }
    if (profile) return profileRun();

    const manifest = only === 'diagram' ? undefined : JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
    const result = { quick, date: new Date().toISOString(), machine: machine(), git: gitInfo(), manifest };
    if (!only || only === 'inproc') {
        log('bench: in-process measurements');
        const file = path.join(outDir, 'inproc.json');
        run(['--expose-gc', harness, 'inproc', dataDir, file, ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
        result.inProcess = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    if (!only || only === 'lsp') {
        log('bench: LSP measurements');
        const file = path.join(outDir, 'lsp.json');
        run([harness, 'lsp', dataDir, file, serverPath, root, ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
        result.lsp = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    if (!only || only === 'diagram') {
        log('bench: topology diagram');
        const file = path.join(outDir, 'diagram.json');
        run(['--expose-gc', harness, 'diagram', file, ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
        result.diagram = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    result.machine.loadAverageAtEnd = os.loadavg().map(x => Math.round(x * 100) / 100);
    result.durationSeconds = Math.round((Date.now() - started) / 1000);
    result.budgets = budgets(result);
    const resultsFile = path.join(benchDir, quick ? 'results-quick.json' : only ? `results-${only}.json` : 'results.json');
    fs.writeFileSync(resultsFile, JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, path.basename(resultsFile).replace(/\.json$/, '.txt')), render(result) + '\n');
    console.log(render(result));
    console.log(`\n${path.relative(root, resultsFile)} written (${result.durationSeconds} s).`);
    if (result.machine.loadAverageAtStart[0] > result.machine.cores) {
        console.log(`warning: load average ${result.machine.loadAverageAtStart[0]} exceeded ${result.machine.cores} cores at the start: other processes competed for the CPU.`);
    }
    const failed = result.budgets.filter(b => b.status === 'FAIL');
    if (strict && failed.length > 0) {
        console.error(`bench --strict: ${failed.length} budget(s) failed: ${failed.map(b => b.id).join(', ')}`);
        process.exitCode = 1;
    }
}

main().catch(error => {
    console.error(error);
    process.exitCode = 2;
});
