import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleIds } from '../language/rules/registry.js';
import type { LoadedWorkspace } from './workspace.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
const severities: Severity[] = ['error', 'error', 'warning', 'information', 'hint'];

export interface Finding {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly rule: string;
    readonly message: string;
}

/** Langium's own diagnostics carry their kind in data.code. */
function ruleOf(diagnostic: Diagnostic): string {
    if (diagnostic.code !== undefined) return String(diagnostic.code);
    const code = (diagnostic.data as { code?: string } | undefined)?.code;
    if (code === 'lexing-error' || code === 'parsing-error') return 'bizha-syntax';
    if (code === 'linking-error') return 'bizha-unresolved';
    return code ?? 'bizha';
}

export function findings(workspace: LoadedWorkspace): Finding[] {
    const result: Finding[] = [];
    for (const problem of workspace.configProblems) {
        result.push({ file: relative(problem.file), line: problem.line + 1, column: problem.character + 1, endLine: problem.line + 1, endColumn: problem.character + problem.length + 1, severity: 'warning', rule: 'bizha-config', message: problem.message });
    }
    for (const document of workspace.documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            result.push({
                file: relative(document.uri.fsPath),
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: severities[diagnostic.severity ?? 1],
                rule: ruleOf(diagnostic),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
            });
        }
    }
    return result.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** A file as the output names it: relative to the working directory, with `/` on every OS (as tsc prints). */
export function relative(file: string): string {
    return (path.relative(process.cwd(), file) || file).split(path.sep).join('/');
}

export function formatText(list: Finding[]): string {
    return list.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`).join('\n');
}

export function summary(list: Finding[]): { errors: number; warnings: number; information: number } {
    return {
        errors: list.filter(f => f.severity === 'error').length,
        warnings: list.filter(f => f.severity === 'warning').length,
        information: list.filter(f => f.severity === 'information' || f.severity === 'hint').length
    };
}

/** With a documentation URL (--docs-url), each diagnostic of a rule links to its page (`help`); never a path of this machine. */
export function formatJson(list: Finding[], files: string[], docsUrl?: URL): string {
    const diagnostics = docsUrl ? list.map(f => ruleIds.has(f.rule) ? { ...f, help: new URL(`${f.rule}.md`, docsUrl).href } : f) : list;
    return JSON.stringify({ files: files.map(relative), diagnostics, summary: summary(list) }, null, 2);
}
