import { CstUtils, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { biztalkComputers, sqlComputers } from '../../language/rules/helpers.js';
import { createTestServices, describe as show, validate, type Diagnostic } from '../helpers.js';
import { fixCorpus } from './fix-cases.js';
import { flawedTopologies } from './flawed-topologies.js';

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

/**
 * Rules that only apply once a group spans two computers. A fix that gives a one-computer group
 * its second computer reveals what they report (a local account, Standard edition): those were
 * latent and are fixable in turn; every other new error fails the test.
 */
const multiComputerRules: Record<string, (counts: { biztalk: number; all: number }) => boolean> = {
    'HA-DOM-GROUPS': c => c.all >= 2,
    'HA-DOM-BUILTIN': c => c.all >= 2,
    'HA-EDITION-SCALEOUT': c => c.biztalk >= 2
};

function computerCounts(document: LangiumDocument): { biztalk: number; all: number } {
    const group = services.analysis.Analysis.forDocument(document)[0]?.model;
    if (!group) return { biztalk: 0, all: 0 };
    return { biztalk: biztalkComputers(group).length, all: new Set([...biztalkComputers(group), ...sqlComputers(group)]).size };
}

/** The comments of a parsed document, as written (sorted: a fix may move a comment, never drop or change it). */
function comments(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).filter(node => node.hidden && /^\/[/*]/.test(node.text)).map(node => node.text).toArray().sort();
}

async function format(document: LangiumDocument): Promise<string> {
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

async function actionsFor(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
}

/** A rule's own fixes: not "suppress", nor "fix all" (checked through the single fixes it combines). */
const isRuleFix = (action: CodeAction) => !action.title.startsWith('Suppress') && !action.title.startsWith('Fix all');

const generated = flawedTopologies(24);
const corpus = [...fixCorpus(), ...generated];

describe('every quick fix, on every example, fix case and generated flawed topology', () => {
    test('the corpus triggers fixable diagnostics', async () => {
        let offered = 0;
        for (const { text } of corpus) {
            const { document, diagnostics } = await validate(text, services);
            for (const diagnostic of diagnostics) offered += (await actionsFor(document, diagnostic)).filter(isRuleFix).length;
        }
        expect(offered).toBeGreaterThan(200);
    });

    test('the generated topologies parse, are formatted and cover both shapes', async () => {
        expect(new Set(generated.map(g => g.shape))).toEqual(new Set(['single-server', 'two-computer']));
        for (const { name, text } of generated) {
            const { document, diagnostics } = await validate(text, services);
            expect(document.parseResult.parserErrors, name).toEqual([]);
            expect(diagnostics.filter(d => d.code === undefined).map(show), name).toEqual([]);
            expect(diagnostics.filter(d => d.severity === 1).length, name).toBeGreaterThan(3);
            expect(await format(document), name).toBe(text);
        }
    });

    test.each(corpus.map(c => [c.name, c.text]))('%s: fixes parse, remove their diagnostic, add no error, keep every comment and are formatted', async (_name, text) => {
        const { document, diagnostics } = await validate(text, services);
        const commentsBefore = comments(document);
        const countsBefore = computerCounts(document);
        const formattedBefore = (await format(document)) === text;
        for (const diagnostic of diagnostics) {
            for (const action of (await actionsFor(document, diagnostic)).filter(isRuleFix)) {
                const fixed = apply(text, action);
                const after = await validate(fixed, services);
                const where = `${show(diagnostic)}\n  fix: ${action.title}\n${fixed}`;
                expect(after.document.parseResult.parserErrors, where).toEqual([]);
                expect(after.document.parseResult.lexerErrors, where).toEqual([]);
                const before = diagnostics.filter(d => d.code === diagnostic.code).length;
                const remaining = after.diagnostics.filter(d => d.code === diagnostic.code);
                expect(remaining.length, `${where}\nremaining: ${remaining.map(show).join('\n')}`).toBeLessThan(before);
                const beforeErrors = errorCounts(diagnostics);
                const countsAfter = computerCounts(after.document);
                const revealed = (code: string) => !!multiComputerRules[code] && !multiComputerRules[code](countsBefore) && multiComputerRules[code](countsAfter);
                const newErrors = [...errorCounts(after.diagnostics)].filter(([code, count]) => count > (beforeErrors.get(code) ?? 0) && !revealed(code));
                for (const error of after.diagnostics.filter(d => d.severity === 1 && revealed(String(d.code)))) {
                    expect((await actionsFor(after.document, error)).filter(isRuleFix).length, `${where}
revealed without a fix: ${show(error)}`).toBeGreaterThan(0);
                }
                expect(newErrors, `${where}\nafter:\n${after.diagnostics.filter(d => d.severity === 1).map(show).join('\n')}`).toEqual([]);
                // Removing an unused suppression comment is that fix's purpose.
                if (diagnostic.code !== 'BIZHA-UNUSED-SUPPRESSION') expect(comments(after.document), where).toEqual(commentsBefore);
                // What a fix inserts is laid out as the formatter would write it: a formatted file stays formatted.
                if (formattedBefore) expect(await format(after.document), where).toBe(fixed);
            }
        }
    });

    test('suppressing with a reason silences exactly that diagnostic', async () => {
        const text = fixCorpus().find(c => c.name === 'HA-HOST-SPOF')!.text;
        const { document, diagnostics } = await validate(text, services);
        const target = diagnostics.find(d => d.code === 'HA-HOST-SPOF')!;
        const suppress = (await actionsFor(document, target)).find(a => a.title.startsWith('Suppress'))!;
        expect(suppress.command?.command).toBe('bizha.placeCursor');
        const withReason = apply(text, suppress).replace('-- \n', '-- single send host accepted until Q3\n');
        const after = await validate(withReason, services);
        expect(after.diagnostics.filter(d => d.code === 'HA-HOST-SPOF')).toEqual([]);
        expect(after.diagnostics.filter(d => d.code === 'BIZHA-UNUSED-SUPPRESSION')).toEqual([]);
    });
});
