import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { createTestServices, validate, type Diagnostic } from '../helpers.js';

const services = createTestServices();
const provider = new BizhaCodeActionProvider(services);

/** Every diagnostic of `text` with the quick fixes offered for it (suppressions left out). */
export async function diagnosticsWithFixes(text: string): Promise<Array<{ diagnostic: Diagnostic; fixes: CodeAction[] }>> {
    const { document, diagnostics } = await validate(text, services);
    const result: Array<{ diagnostic: Diagnostic; fixes: CodeAction[] }> = [];
    for (const diagnostic of diagnostics) {
        const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
        result.push({ diagnostic, fixes: actions.filter(action => !action.title.startsWith('Suppress')) });
    }
    return result;
}

/** The quick fixes offered for one diagnostic of `text` (suppressions left out). */
export async function getFixes(text: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const { document } = await validate(text, services);
    const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
    return actions.filter(action => !action.title.startsWith('Suppress'));
}

export function editsOf(action: CodeAction): TextEdit[] {
    return Object.values(action.edit?.changes ?? {})[0] ?? [];
}

/** `text` with a quick fix's edits applied. */
export function applyFix(text: string, action: CodeAction): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), editsOf(action));
}

/** The offsets, in the fixed text, of what a quick fix inserted or replaced. */
export function changedRanges(text: string, action: CodeAction): Array<[number, number]> {
    const document = TextDocument.create('file:///x.bizha', 'bizha', 1, text);
    const edits = editsOf(action)
        .map(edit => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
        .sort((a, b) => a.start - b.start);
    let shift = 0;
    const ranges: Array<[number, number]> = [];
    for (const edit of edits) {
        const start = edit.start + shift;
        ranges.push([start, start + edit.newText.length]);
        shift += edit.newText.length - (edit.end - edit.start);
    }
    return ranges;
}
