import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { createTestServices, validate } from '../helpers.js';
import { fixCorpus } from './fix-cases.js';
import { flawedTopologies } from './flawed-topologies.js';

const services = createTestServices();
const provider = new BizhaCodeActionProvider(services);

describe('fix coverage', () => {
    test('at least 95% of the error and warning diagnostics on the examples and generated flawed topologies offer a fix', async () => {
        const sources = [...fixCorpus().filter(c => c.name.startsWith('examples/')), ...flawedTopologies(24)];
        let findings = 0;
        let fixable = 0;
        const missing = new Map<string, number>();
        for (const { text } of sources) {
            const { document, diagnostics } = await validate(text, services);
            for (const diagnostic of diagnostics.filter(d => d.severity === 1 || d.severity === 2)) {
                findings++;
                const actions = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
                if (actions.some(a => !a.title.startsWith('Suppress') && !a.title.startsWith('Fix all'))) fixable++;
                else missing.set(String(diagnostic.code), (missing.get(String(diagnostic.code)) ?? 0) + 1);
            }
        }
        const share = fixable / findings;
        console.log(`fix coverage: ${fixable} of ${findings} error and warning diagnostics offer a fix (${(share * 100).toFixed(1)}%)`
            + (missing.size > 0 ? `; without a fix: ${[...missing].map(([code, n]) => `${code} ${n}`).join(', ')}` : ''));
        expect(findings).toBeGreaterThan(200);
        expect(share).toBeGreaterThanOrEqual(0.95);
    });
});
