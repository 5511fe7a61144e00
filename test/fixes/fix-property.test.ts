import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { createTestServices, describe as show, validate, type Diagnostic } from '../helpers.js';
import { fixCorpus } from './fix-cases.js';

const services = createTestServices();
const provider = new BizhaCodeActionProvider(services);

function apply(text: string, action: CodeAction): string {
    const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), edits);
}

/** Error counts per code: a fix may reword another diagnostic, but must not add an error. */
function errorCounts(diagnostics: Diagnostic[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of diagnostics.filter(d => d.severity === 1)) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
    return counts;
}

describe('every quick fix, on every example and fix case', () => {
    const corpus = fixCorpus();
    test('the corpus triggers fixable diagnostics', async () => {
        let offered = 0;
        for (const { text } of corpus) {
            const { document, diagnostics } = await validate(text, services);
            for (const diagnostic of diagnostics) {
                offered += (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []).length;
            }
        }
        expect(offered).toBeGreaterThan(40);
    });

    test.each(corpus.map(c => [c.name, c.text]))('%s: fixes parse, remove their diagnostic and add no error', async (_name, text) => {
        const { document, diagnostics } = await validate(text, services);
        for (const diagnostic of diagnostics) {
            const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
            for (const action of actions) {
                if (action.title.startsWith('Suppress')) continue;
                const fixed = apply(text, action);
                const after = await validate(fixed, services);
                const where = `${show(diagnostic)}\n  fix: ${action.title}\n${fixed}`;
                expect(after.document.parseResult.parserErrors, where).toEqual([]);
                expect(after.document.parseResult.lexerErrors, where).toEqual([]);
                const before = diagnostics.filter(d => d.code === diagnostic.code).length;
                const remaining = after.diagnostics.filter(d => d.code === diagnostic.code);
                expect(remaining.length, `${where}\nremaining: ${remaining.map(show).join('\n')}`).toBeLessThan(before);
                const beforeErrors = errorCounts(diagnostics);
                const newErrors = [...errorCounts(after.diagnostics)].filter(([code, count]) => count > (beforeErrors.get(code) ?? 0));
                expect(newErrors, `${where}\nafter:\n${after.diagnostics.filter(d => d.severity === 1).map(show).join('\n')}`).toEqual([]);
            }
        }
    });

    test('suppressing with a reason silences exactly that diagnostic', async () => {
        const text = fixCorpus().find(c => c.name === 'HA-HOST-SPOF')!.text;
        const { document, diagnostics } = await validate(text, services);
        const target = diagnostics.find(d => d.code === 'HA-HOST-SPOF')!;
        const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: target.range, context: { diagnostics: [target] } }) ?? []) as CodeAction[];
        const suppress = actions.find(a => a.title.startsWith('Suppress'))!;
        expect(suppress.command?.command).toBe('bizha.placeCursor');
        const withReason = apply(text, suppress).replace('-- \n', '-- single send host accepted until Q3\n');
        const after = await validate(withReason, services);
        expect(after.diagnostics.filter(d => d.code === 'HA-HOST-SPOF')).toEqual([]);
        expect(after.diagnostics.filter(d => d.code === 'BIZHA-UNUSED-SUPPRESSION')).toEqual([]);
    });
});
