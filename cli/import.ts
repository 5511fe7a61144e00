import * as fs from 'node:fs';
import * as path from 'node:path';
import { importFromTexts } from '../importer/run.js';
import { findings, summary } from './check.js';
import { InputError, loadTexts } from './workspace.js';

export interface ImportOptions {
    readonly bindings: readonly string[];
    readonly collector?: string;
    readonly output?: string;
    readonly force: boolean;
}

/**
 * `bizha import`: reads the sources (collector first, then binding files), writes one .bizha file
 * and checks it. Nothing is written when an input is malformed; an existing file is replaced only
 * with --force, through a temporary file and a rename so it is never left half-written.
 * Returns the exit code of `check` on the result.
 */
export async function runImport(options: ImportOptions, out: (text: string) => void): Promise<number> {
    if (!options.collector && options.bindings.length === 0) throw new InputError('import needs --collector FILE.json and/or --bindings FILE.xml');
    if (!options.output) throw new InputError('import needs -o <topology.bizha>');
    const target = path.resolve(options.output);
    if (!target.endsWith('.bizha')) throw new InputError(`-o must name a .bizha file: ${options.output}`);
    if (fs.existsSync(target) && !options.force) throw new InputError(`${options.output} exists: use --force to replace it`);

    const result = importFromTexts({
        collector: options.collector ? { file: options.collector, text: readInput(options.collector) } : undefined,
        bindings: options.bindings.map(file => ({ file, text: readInput(file) }))
    });
    if (!result.ok) throw new InputError(result.error);

    const workspace = await loadTexts([{ file: target, text: result.text }]);
    const list = findings(workspace);
    const broken = list.filter(f => f.rule === 'bizha-syntax' || f.rule === 'bizha-unresolved');
    // The importer writes only what the language accepts: a parse or link error is a bug here, not bad input.
    if (broken.length > 0) throw new Error(`the imported topology does not parse: ${broken[0].line}:${broken[0].column} ${broken[0].message}`);

    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
        fs.writeFileSync(temporary, result.text, { flag: 'wx' });
        fs.renameSync(temporary, target);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw new InputError(`cannot write ${options.output}: ${(error as Error).message}`);
    }
    const counts = summary(list);
    const c = result.counts;
    out(`wrote ${options.output}: ${c.computers} computers, ${c.hosts} hosts, ${c.handlers} handlers in use, ${c.sqlInstances} SQL Server instances, ${c.databases} databases; `
        + `${result.todos} TODO(import) comment${result.todos === 1 ? '' : 's'} to review\n`);
    out(`check: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.information} information (bizha check ${options.output})\n`);
    return counts.errors > 0 ? 1 : 0;
}

function readInput(file: string): string {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        throw new InputError(`cannot read ${file}`);
    }
}
