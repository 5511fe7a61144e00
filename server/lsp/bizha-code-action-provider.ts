import { CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { BizhaServices } from '../../language/bizha-module.js';
import type { AnalyzedGroup } from '../../language/analysis/analysis-service.js';
import { findRule, unusedSuppressionRuleId } from '../../language/rules/registry.js';
import { TextEditor, type Fix } from '../../language/rules/fix.js';

/** The client command that puts the cursor where the suppression reason goes. */
export const placeCursorCommand = 'bizha.placeCursor';

/**
 * Quick fixes: each rule module's own fixes for its diagnostics, "suppress with a reason" on
 * every rule diagnostic, and "fix all of this rule in the file" where the fixes do not overlap.
 */
export class BizhaCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: BizhaServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        const groups = this.services.analysis.Analysis.forDocument(document);
        const fixAllDone = new Set<string>();
        for (const diagnostic of params.context.diagnostics) {
            const ruleId = ruleIdOf(diagnostic);
            if (!ruleId) continue;
            if (ruleId === unusedSuppressionRuleId) {
                actions.push(this.removeComment(document, diagnostic));
                continue;
            }
            for (const fix of this.fixesFor(document, groups, diagnostic)) {
                actions.push(this.toAction(document, fix, [diagnostic]));
            }
            const suppression = this.suppression(document, diagnostic, ruleId);
            if (suppression) actions.push(suppression);
            // One "fix all" per rule and request, however many of its diagnostics the request names.
            if (!fixAllDone.has(ruleId)) {
                fixAllDone.add(ruleId);
                const fixAll = this.fixAll(document, groups, ruleId);
                if (fixAll) actions.push(fixAll);
            }
        }
        return actions;
    }

    /** The fixes the rule offers for one diagnostic; never throws. */
    fixesFor(document: LangiumDocument, groups: AnalyzedGroup[], diagnostic: Diagnostic): Fix[] {
        const rule = findRule(ruleIdOf(diagnostic) ?? '');
        if (!rule?.fix) return [];
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const analyzed = groups.find(g => {
            const cst = g.model.node.$cstNode;
            return cst && cst.offset <= offset && offset <= cst.end;
        });
        if (!analyzed) return [];
        try {
            return rule.fix({
                diagnostic,
                data: (diagnostic.data ?? {}) as Record<string, unknown>,
                group: analyzed.model,
                analysis: analyzed.analysis,
                document,
                editor: new TextEditor(document)
            }).filter(fix => fix.edits.length > 0);
        } catch (error) {
            console.error(`bizha: quick fix of ${rule.id} failed:`, error);
            return [];
        }
    }

    private toAction(document: LangiumDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
        return {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri.toString()]: fix.edits } }
        };
    }

    private removeComment(document: LangiumDocument, diagnostic: Diagnostic): CodeAction {
        const line = diagnostic.range.start.line;
        return {
            title: 'Remove this bizha-ignore comment',
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }] } }
        };
    }

    private suppression(document: LangiumDocument, diagnostic: Diagnostic, ruleId: string): CodeAction | undefined {
        const line = diagnostic.range.start.line;
        // A line that starts inside a block comment (`group /* a` + newline + `b */ G {`): the
        // suppression line would be inserted into the comment (robustness test). None offered.
        const lineStart = document.textDocument.offsetAt({ line, character: 0 });
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, lineStart) : undefined;
        if (leaf?.hidden && leaf.offset < lineStart && lineStart < leaf.end) return undefined;
        const lineText = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        const indent = /^[ \t]*/.exec(lineText)![0];
        const comment = `${indent}// bizha-ignore ${ruleId} -- `;
        return {
            title: `Suppress ${ruleId} on this line with a reason`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${comment}\n` }] } },
            command: { title: 'Type the reason', command: placeCursorCommand, arguments: [document.uri.toString(), line, comment.length] }
        };
    }

    /** Every diagnostic of the rule in the file, each with its preferred fix, skipping overlapping edits. */
    private fixAll(document: LangiumDocument, groups: AnalyzedGroup[], ruleId: string): CodeAction | undefined {
        const diagnostics = (document.diagnostics ?? []).filter(d => ruleIdOf(d) === ruleId);
        // Collecting is quadratic (overlap checks): past a few hundred findings of one rule, a
        // code action request on every cursor move took seconds (robustness test).
        if (diagnostics.length < 2 || diagnostics.length > maxFixAll) return undefined;
        const edits: TextEdit[] = [];
        const fixed: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const fix = this.fixesFor(document, groups, diagnostic).find(f => f.preferred);
            if (!fix || fix.edits.some(edit => edits.some(other => overlaps(edit, other, document)))) continue;
            edits.push(...fix.edits);
            fixed.push(diagnostic);
        }
        if (fixed.length < 2) return undefined;
        return {
            title: `Fix all ${ruleId} in this file (${fixed.length})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: fixed,
            edit: { changes: { [document.uri.toString()]: edits } }
        };
    }
}

/** Most findings of one rule "fix all" collects. */
const maxFixAll = 500;

function ruleIdOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { ruleId?: string } | undefined;
    return data?.ruleId ?? (typeof diagnostic.code === 'string' && findRule(diagnostic.code) ? diagnostic.code : undefined);
}

/** Two edits conflict when their ranges overlap or they insert at the same place. */
function overlaps(a: TextEdit, b: TextEdit, document: LangiumDocument): boolean {
    const offsets = (edit: TextEdit) => [document.textDocument.offsetAt(edit.range.start), document.textDocument.offsetAt(edit.range.end)];
    const [aStart, aEnd] = offsets(a);
    const [bStart, bEnd] = offsets(b);
    if (aStart === bStart) return true;
    return aStart < bEnd && bStart < aEnd;
}
