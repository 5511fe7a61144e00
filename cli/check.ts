import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { allRules } from '../language/rules/registry.js';
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
    readonly help?: string;
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
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                help: diagnostic.codeDescription?.href as string | undefined
            });
        }
    }
    return result.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function relative(file: string): string {
    return path.relative(process.cwd(), file) || file;
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

export function formatJson(list: Finding[], files: string[]): string {
    return JSON.stringify({ files: files.map(relative), diagnostics: list, summary: summary(list) }, null, 2);
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, with every rule bizha knows and its documentation page. */
export function formatSarif(list: Finding[], version: string, docsUrl: (id: string) => string): string {
    const rules = allRules.map(rule => ({
        id: rule.id,
        name: rule.id,
        shortDescription: { text: rule.summary },
        helpUri: docsUrl(rule.id),
        defaultConfiguration: { level: sarifLevel[rule.defaultSeverity] },
        properties: { area: rule.area }
    }));
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    return JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'bizha', version, informationUri: docsUrl('README').replace(/README\.md$/, ''), rules } },
            results: list.map(f => ({
                ruleId: f.rule,
                ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
                level: sarifLevel[f.severity],
                message: { text: f.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: f.file.split(path.sep).join('/') },
                        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    }
                }]
            }))
        }]
    }, null, 2);
}
