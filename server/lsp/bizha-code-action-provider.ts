import { CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { BizhaServices } from '../../language/bizha-module.js';
import type { AnalyzedGroup } from '../../language/analysis/analysis-service.js';
import { unusedSuppressionRuleId } from '../../language/rules/registry.js';
import type { Fix } from '../../language/rules/fix.js';
import { fixesFor, groupOf, ruleIdOf, workspaceNames } from '../../language/rules/fixes.js';
import { NameAllocator, takenNames } from '../../language/rules/naming.js';
import { applyFixesUntilDone, singleEdit } from '../../language/rules/fixpoint.js';

/** The client command that puts the cursor where the suppression reason goes. */
export const placeCursorCommand = 'bizha.placeCursor';
/** The client command that selects a name the user must choose, for clients without snippet edits. */
export const selectRangeCommand = 'bizha.selectRange';
/** The client command that tells what "make highly available" left for the user to decide. */
export const showFixReportCommand = 'bizha.showFixReport';
/** The source action applying preferred fixes until the group has no error at `availability high`. */
export const makeHighlyAvailableKind = 'source.bizha.makeHighlyAvailable';

/**
 * Quick fixes: each rule module's own fixes for its diagnostics, "suppress with a reason" on
 * every rule diagnostic, and "fix all of this rule in the file" where the fixes do not overlap.
 */
export class BizhaCodeActionProvider implements CodeActionProvider {
    /** Whether the client applies snippet edits in workspace edits (LSP 3.18; vscode-languageclient 10.1 and VS Code 1.101 do). */
    private snippetEdits = false;

    constructor(private readonly services: BizhaServices) {
        services.shared.lsp.LanguageServer?.onInitialize(params => {
            this.snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        // The source action runs every fix of a group in a private workspace: only when asked for.
        const only = params.context.only;
        if (only?.some(kind => makeHighlyAvailableKind === kind || makeHighlyAvailableKind.startsWith(`${kind}.`))) {
            return this.makeHighlyAvailable(document, params);
        }
        if (only && !only.some(kind => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
        return this.quickFixes(document, params);
    }

    /** "Make group X highly available" for the group at the range (every group of the file when the range is outside all of them). */
    private async makeHighlyAvailable(document: LangiumDocument, params: CodeActionParams): Promise<CodeAction[]> {
        const groups = this.services.analysis.Analysis.forDocument(document);
        const offset = document.textDocument.offsetAt(params.range.start);
        const inside = groups.filter(g => g.model.node.$cstNode && g.model.node.$cstNode.offset <= offset && offset <= g.model.node.$cstNode.end);
        const actions: CodeAction[] = [];
        // Outside every group (the preview's toolbar asks for the whole file): one action for all of them.
        const targets: Array<string | undefined> = inside.length > 0 ? inside.map(g => g.model.name)
            : groups.length === 1 ? [groups[0].model.name]
                : groups.length > 1 ? [undefined] : [];
        for (const name of targets) {
            const result = await applyFixesUntilDone(this.services, document, { group: name, level: 'errors' });
            const before = document.textDocument.getText();
            const edit = singleEdit(document.textDocument, before, result.text);
            const title = name === undefined ? 'Make every group of this file highly available' : `Make group ${name} highly available`;
            if (!edit) {
                if (result.stopped) actions.push({ title, kind: makeHighlyAvailableKind, disabled: { reason: result.stopped } });
                continue;
            }
            actions.push({
                title: result.stopped ? `${title} (${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'}; ${result.remaining.length} finding${result.remaining.length === 1 ? '' : 's'} left for you)` : title,
                kind: makeHighlyAvailableKind,
                edit: { changes: { [document.uri.toString()]: [edit] } },
                ...(result.stopped ? { command: { title: 'What is left', command: showFixReportCommand, arguments: [result.stopped] } } : {})
            });
        }
        return actions;
    }

    private quickFixes(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
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
    fixesFor(document: LangiumDocument, groups: AnalyzedGroup[], diagnostic: Diagnostic, names?: NameAllocator): Fix[] {
        return fixesFor(this.services, document, groups, diagnostic, names);
    }

    private toAction(document: LangiumDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
        const action: CodeAction = {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri.toString()]: fix.edits } }
        };
        const placeholder = fix.placeholder;
        const edit = placeholder && fix.edits[placeholder.edit];
        if (!placeholder || !edit) return action;
        const uri = document.uri.toString();
        if (this.snippetEdits) {
            // The name becomes the snippet's placeholder: the cursor lands on it, selected.
            const escape = (text: string) => text.replace(/[\\$}]/g, match => `\\${match}`);
            const snippet = `${escape(edit.newText.slice(0, placeholder.start))}\${1:${escape(edit.newText.slice(placeholder.start, placeholder.end))}}${escape(edit.newText.slice(placeholder.end))}`;
            const edits = fix.edits.map((e, i) => i === placeholder.edit ? { range: e.range, snippet: { kind: 'snippet' as const, value: snippet } } : e);
            action.edit = { documentChanges: [{ textDocument: { uri, version: null }, edits }] };
            return action;
        }
        const start = selectionStart(document, fix.edits, placeholder.edit, placeholder.start);
        action.command = { title: 'Select the name to type', command: selectRangeCommand, arguments: [uri, start.line, start.character, placeholder.end - placeholder.start] };
        return action;
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
        // One allocator per group: two fixes applied together must not declare the same new computer.
        const names = new Map<AnalyzedGroup, NameAllocator>();
        let workspace: Set<string> | undefined;
        for (const diagnostic of diagnostics) {
            const group = groupOf(document, groups, diagnostic);
            if (!group) continue;
            if (!names.has(group)) names.set(group, new NameAllocator(() => takenNames(group.model, document.parseResult.value, workspace ??= workspaceNames(this.services))));
            const fix = this.fixesFor(document, groups, diagnostic, names.get(group)).find(f => f.preferred);
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

/**
 * Where text at `offsetInEdit` of one edit's new text lands once every edit applies. The placeholder
 * sits on one line, so the column of its end is its start plus its length.
 */
function selectionStart(document: LangiumDocument, edits: TextEdit[], index: number, offsetInEdit: number): { line: number; character: number } {
    const text = document.textDocument;
    const target = text.offsetAt(edits[index].range.start);
    let offset = target + offsetInEdit;
    for (const [i, edit] of edits.entries()) {
        const start = text.offsetAt(edit.range.start);
        if (i !== index && start <= target) offset += edit.newText.length - (text.offsetAt(edit.range.end) - start);
    }
    const after = TextDocument.applyEdits(TextDocument.create(text.uri, 'bizha', 0, text.getText()), edits);
    return TextDocument.create(text.uri, 'bizha', 0, after).positionAt(offset);
}

/** Two edits conflict when their ranges overlap or they insert at the same place. */
function overlaps(a: TextEdit, b: TextEdit, document: LangiumDocument): boolean {
    const offsets = (edit: TextEdit) => [document.textDocument.offsetAt(edit.range.start), document.textDocument.offsetAt(edit.range.end)];
    const [aStart, aEnd] = offsets(a);
    const [bStart, bEnd] = offsets(b);
    if (aStart === bStart) return true;
    return aStart < bEnd && bStart < aEnd;
}
