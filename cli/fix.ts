import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { applyFixesUntilDone } from '../language/rules/fixpoint.js';
import { findRule } from '../language/rules/registry.js';
import { relative } from './check.js';
import { unifiedDiff } from './diff.js';
import { collectFiles, InputError, loadWorkspace } from './workspace.js';

export interface FixOptions {
    readonly paths: string[];
    /** Only these rules' findings (ids as in `bizha rules`); every rule with a fix when empty. */
    readonly rules: string[];
    readonly write: boolean;
    /** With --write, also print what changed. */
    readonly diff: boolean;
    readonly config?: string;
}

/**
 * `bizha fix`: applies the rules' preferred fixes to each file until nothing they fix is left
 * (errors and warnings). Without --write it prints a unified diff and changes nothing; with it
 * it rewrites the .bizha files that change, each through a temporary file renamed over it.
 * Exit code: 0 when nothing is left to fix, 1 when errors remain (or, without --write, when a
 * file would change), 2 on bad input.
 */
export async function runFix(options: FixOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
    const unknown = options.rules.filter(id => !findRule(id));
    if (unknown.length > 0) throw new InputError(`unknown rule ${unknown.join(', ')} (see bizha rules)`);
    const rules = options.rules.length > 0 ? new Set(options.rules) : undefined;
    const files = collectFiles(options.paths);
    const workspace = await loadWorkspace(files, options.config);
    let errorsLeft = 0;
    let changedFiles = 0;
    let fixes = 0;
    for (const document of workspace.documents) {
        const file = document.uri.fsPath;
        const name = relative(file);
        const before = document.textDocument.getText();
        if (hasSyntaxErrors(document)) {
            err(`${name}: not fixed: it has syntax errors (run bizha check)\n`);
            errorsLeft++;
            continue;
        }
        const result = await applyFixesUntilDone(workspace.services, document, { level: 'warnings', rules });
        errorsLeft += result.diagnostics.filter(d => d.severity === 1).length;
        if (result.stopped) err(`${name}: ${result.stopped}\n`);
        if (result.text === before) continue;
        changedFiles++;
        fixes += result.applied.length;
        if (!options.write || options.diff) out(unifiedDiff(before, result.text, `a/${name}`, `b/${name}`));
        if (options.write) {
            writeAtomically(file, result.text);
            out(`fixed ${name}: ${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'}\n`);
            for (const title of result.applied) out(`  ${title}\n`);
        }
    }
    const verb = options.write ? 'changed' : 'would change';
    out(`${files.length} file${files.length === 1 ? '' : 's'}: ${fixes} fix${fixes === 1 ? '' : 'es'}, ${verb} ${changedFiles} file${changedFiles === 1 ? '' : 's'}; ${errorsLeft} error${errorsLeft === 1 ? '' : 's'} left\n`);
    if (errorsLeft > 0) return 1;
    return !options.write && changedFiles > 0 ? 1 : 0;
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/**
 * Writes a file so that readers see the old text or the new one, never a part: a temporary file
 * in the same folder (same file system), with the original's permissions, renamed over it.
 */
function writeAtomically(file: string, text: string): void {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.bizha-fix.tmp`);
    try {
        fs.writeFileSync(temporary, text, { mode: fs.statSync(file).mode });
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw new InputError(`cannot write ${file}: ${(error as Error).message}`);
    }
}
