import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { createTestServices, validate, type Diagnostic } from '../helpers.js';

const services = createTestServices();
const provider = new BizhaCodeActionProvider(services);

/** The quick fixes offered for one diagnostic of `text` (suppressions left out). */
export async function getFixes(text: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const { document } = await validate(text, services);
    const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
    return actions.filter(action => !action.title.startsWith('Suppress'));
}

/** `text` with a quick fix's edits applied. */
export function applyFix(text: string, action: CodeAction): string {
    const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), edits);
}
