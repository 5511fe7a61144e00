/**
 * Entry point of the bundled benchmark (bench/out/harness.cjs), run by bench/run.mjs in child
 * processes so that in-process measurements, LSP measurements and profiles do not share a heap.
 *
 *   harness generate <dataDir> [--quick]
 *   harness inproc   <dataDir> <out.json> [--quick]
 *   harness lsp      <dataDir> <out.json> <server.cjs> <repoRoot> [--quick]
 *   harness profile-build <dataDir> <label> <reps>
 *   harness diagram  <out.json> [--quick]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateScalingGroup, generateSingleFile, generateWorkspace, lineCount } from './generate.js';
import { measureDiagram } from './diagram.js';
import { measurePreviewOfManyDatabases, measureScaling, measureSingleFiles, measureWorkspace, newServices } from './inprocess.js';
import { measureEditSession, measureFirstDiagnostics, measureWorkspaceLsp } from './lsp-bench.js';
import { EmptyFileSystem, URI } from 'langium';
import { createBizhaServices } from '../language/bizha-module.js';

/** What each mode generates and measures. */
export interface Plan {
    sizes: Array<{ label: string; lines: number; reps: number }>;
    workspaceFiles: number;
    workspaceReps: number;
    scaling: { small: number; large: number; instancesPerComputer: number; reps: number; batchMs: number };
    preview: { databases: number; reps: number };
    lsp: {
        firstDiagnosticsReps: number;
        edits: Record<string, number>;
        requests: number;
        workspaceReps: number;
        memoryLabel?: string;
        /** The size on which completion, hover and code actions are timed. */
        requestsOn: string;
    };
}

export function plan(quick: boolean): Plan {
    return quick
        ? {
            sizes: [{ label: '1k', lines: 1000, reps: 1 }, { label: '3k', lines: 3000, reps: 1 }],
            workspaceFiles: 20, workspaceReps: 1,
            scaling: { small: 200, large: 400, instancesPerComputer: 2.5, reps: 2, batchMs: 30 },
            preview: { databases: 8000, reps: 2 },
            lsp: { firstDiagnosticsReps: 1, edits: { '1k': 6, '3k': 4 }, requests: 10, workspaceReps: 1, requestsOn: '3k' }
        }
        : {
            sizes: [{ label: '1k', lines: 1000, reps: 15 }, { label: '10k', lines: 10_000, reps: 15 }, { label: '50k', lines: 50_000, reps: 5 }],
            workspaceFiles: 300, workspaceReps: 5,
            scaling: { small: 1000, large: 2000, instancesPerComputer: 2.5, reps: 9, batchMs: 200 },
            preview: { databases: 8000, reps: 9 },
            lsp: { firstDiagnosticsReps: 7, edits: { '1k': 60, '10k': 40 }, requests: 100, workspaceReps: 3, memoryLabel: '50k', requestsOn: '10k' }
        };
}

const singleFile = (dataDir: string, label: string): string => path.join(dataDir, `single-${label}`, 'topology.bizha');
const scalingFile = (dataDir: string, computers: number): string => path.join(dataDir, `scale-${computers}.bizha`);
const workspaceDir = (dataDir: string): string => path.join(dataDir, 'workspace');

function listFiles(dir: string, base = dir): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? listFiles(full, base) : entry.name.endsWith('.bizha') ? [path.relative(base, full)] : [];
    }).sort();
}

function generate(dataDir: string, quick: boolean): void {
    const p = plan(quick);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const manifest: Record<string, unknown> = {};
    for (const size of p.sizes) {
        const text = generateSingleFile(size.lines, 1);
        const file = singleFile(dataDir, size.label);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        manifest[size.label] = { file: path.relative(dataDir, file), lines: lineCount(text) };
    }
    const ws = generateWorkspace(p.workspaceFiles, 7);
    for (const [name, text] of Object.entries(ws.files)) {
        const file = path.join(workspaceDir(dataDir), name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
    manifest.workspace = { files: Object.keys(ws.files).length, lines: Object.values(ws.files).reduce((n, t) => n + lineCount(t), 0) };
    for (const computers of [p.scaling.small, p.scaling.large]) {
        const text = generateScalingGroup(computers, Math.round(computers * p.scaling.instancesPerComputer));
        fs.writeFileSync(scalingFile(dataDir, computers), text);
    }
    fs.writeFileSync(path.join(dataDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    process.stdout.write(JSON.stringify(manifest) + '\n');
}

async function inproc(dataDir: string, out: string, quick: boolean): Promise<void> {
    const p = plan(quick);
    const result: Record<string, unknown> = { single: {} };
    const sizes = p.sizes.map(size => ({ label: size.label, reps: size.reps, text: fs.readFileSync(singleFile(dataDir, size.label), 'utf8') }));
    process.stderr.write(`  in-process parse and full build, interleaved: ${sizes.map(s => `${s.label} (${lineCount(s.text)} lines, ${s.reps} reps)`).join(', ')}...\n`);
    for (const single of await measureSingleFiles(sizes, 1)) (result.single as Record<string, unknown>)[single.label] = single;
    const dir = workspaceDir(dataDir);
    const files = Object.fromEntries(listFiles(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    process.stderr.write(`  in-process workspace (${Object.keys(files).length} files, ${p.workspaceReps} reps)...\n`);
    result.workspace = await measureWorkspace(files, p.workspaceReps, 1);
    process.stderr.write(`  analysis scaling (${p.scaling.small} vs ${p.scaling.large} computers)...\n`);
    const point = (computers: number) => ({ text: fs.readFileSync(scalingFile(dataDir, computers), 'utf8'), computers, instances: Math.round(computers * p.scaling.instancesPerComputer) });
    result.scaling = await measureScaling(point(p.scaling.small), point(p.scaling.large), p.scaling.reps, p.scaling.batchMs);
    process.stderr.write(`  preview of a group with ${p.preview.databases} databases (${p.preview.reps} reps)...\n`);
    result.preview = await measurePreviewOfManyDatabases(p.preview.databases, p.preview.reps);
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

async function lsp(dataDir: string, out: string, server: string, root: string, quick: boolean): Promise<void> {
    const p = plan(quick);
    const result: Record<string, unknown> = {};
    const example = path.join(root, 'examples', 'small-ha', 'topology.bizha');
    process.stderr.write(`  LSP first diagnostics of ${path.relative(root, example)} (${p.lsp.firstDiagnosticsReps} starts)...\n`);
    result.firstDiagnostics = await measureFirstDiagnostics(server, example, p.lsp.firstDiagnosticsReps, root);
    result.edit = {};
    for (const [label, edits] of Object.entries(p.lsp.edits)) {
        const withRequests = label === p.lsp.requestsOn;
        process.stderr.write(`  LSP ${label}: ${edits} edits${withRequests ? `, ${p.lsp.requests} completion/hover/code-action requests` : ''}...\n`);
        (result.edit as Record<string, unknown>)[label] = await measureEditSession({
            serverPath: server, file: singleFile(dataDir, label), cwd: root, edits, requests: p.lsp.requests, withRequests
        });
    }
    if (p.lsp.memoryLabel) {
        process.stderr.write(`  LSP ${p.lsp.memoryLabel}: open, 4 edits, peak memory...\n`);
        result.memory = await measureEditSession({ serverPath: server, file: singleFile(dataDir, p.lsp.memoryLabel), cwd: root, edits: 4, requests: 0, withRequests: false });
    }
    const dir = workspaceDir(dataDir);
    const files = listFiles(dir);
    process.stderr.write(`  LSP workspace folder (${files.length} files, ${p.lsp.workspaceReps} starts)...\n`);
    result.workspace = await measureWorkspaceLsp(server, dir, files, p.lsp.workspaceReps, root);
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

/** Repeated full builds of one generated file, for `node --cpu-prof`. */
async function profileBuild(dataDir: string, label: string, reps: number): Promise<void> {
    const text = fs.existsSync(singleFile(dataDir, label)) ? fs.readFileSync(singleFile(dataDir, label), 'utf8') : fs.readFileSync(label, 'utf8');
    const services = newServices();
    for (let i = 0; i < reps; i++) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///profile/${i}.bizha`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }
}

/** The server under `--cpu-prof`: 10k-line edits and requests, then the workspace start. */
async function lspProfile(dataDir: string, out: string, server: string, root: string, profDir: string): Promise<void> {
    const prof = (name: string): string[] => ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `${name}.cpuprofile`, '--cpu-prof-interval', '200'];
    const edit = await measureEditSession({ serverPath: server, file: singleFile(dataDir, '10k'), cwd: root, edits: 20, requests: 40, withRequests: true, nodeArgs: prof('server-10k-edits') });
    const dir = workspaceDir(dataDir);
    const workspace = await measureWorkspaceLsp(server, dir, listFiles(dir), 1, root, prof('server-workspace-start'));
    fs.writeFileSync(out, JSON.stringify({ edit, workspace }, null, 2));
}

/** Parses, links and validates every .bizha file under a folder together; prints error counts as JSON. */
async function check(dir: string): Promise<void> {
    const services = createBizhaServices({ ...EmptyFileSystem }).Bizha;
    const files = fs.statSync(dir).isDirectory() ? listFiles(dir).map(f => path.join(dir, f)) : [dir];
    const documents = files.map(f => services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(f, 'utf8'), URI.file(path.resolve(f))));
    documents.forEach(d => services.shared.workspace.LangiumDocuments.addDocument(d));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const summary = documents.map(d => ({
        file: d.uri.fsPath,
        lexer: d.parseResult.lexerErrors.length,
        parser: d.parseResult.parserErrors.length,
        linking: (d.diagnostics ?? []).filter(x => (x.data as { code?: string } | undefined)?.code === 'linking-error').length,
        diagnostics: (d.diagnostics ?? []).length
    }));
    process.stdout.write(JSON.stringify(summary.filter(s => s.lexer + s.parser + s.linking > 0).slice(0, 20), null, 2) + '\n');
    process.stdout.write(`${summary.length} files, ${summary.reduce((n, s) => n + s.lexer + s.parser + s.linking, 0)} lexer/parser/linking errors, ${summary.reduce((n, s) => n + s.diagnostics, 0)} diagnostics\n`);
}

async function main(): Promise<void> {
    const [command, ...args] = process.argv.slice(2);
    const quick = args.includes('--quick');
    const positional = args.filter(a => !a.startsWith('--'));
    switch (command) {
        case 'generate': return generate(positional[0], quick);
        case 'inproc': return inproc(positional[0], positional[1], quick);
        case 'lsp': return lsp(positional[0], positional[1], positional[2], positional[3], quick);
        case 'profile-build': return profileBuild(positional[0], positional[1], Number(positional[2] ?? 5));
        case 'check': return check(positional[0]);
        case 'diagram': {
            const p = plan(quick);
            process.stderr.write(`  topology diagram of a ${p.scaling.small}-computer group (ELK layout + SVG, ${quick ? 1 : 5} reps)...\n`);
            fs.writeFileSync(positional[0], JSON.stringify(await measureDiagram(p.scaling.small, p.scaling.instancesPerComputer, quick ? 1 : 5), null, 2));
            return;
        }
        case 'lsp-profile': return lspProfile(positional[0], positional[1], positional[2], positional[3], positional[4]);
        default: throw new Error(`unknown command ${command}`);
    }
}

main().then(() => process.exit(0), error => {
    console.error(error);
    process.exit(1);
});
