import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { serverOnFolder } from '../bundles.js';
import type { LspClient } from '../lsp-client.js';
import { exampleFiles } from '../fixtures.js';

/** The source action over LSP, on an editor's untitled document (no file name, no extension). */
describe('make highly available over LSP', () => {
    let server: Awaited<ReturnType<typeof serverOnFolder>>;
    let client: LspClient;

    beforeAll(async () => {
        server = await serverOnFolder('bizha-make-ha-lsp-');
        client = server.client;
    }, 60_000);

    afterAll(async () => server?.stop());

    test('an untitled document gets the action, with its edit', async () => {
        const uri = 'untitled:Untitled-1';
        const text = exampleFiles().find(f => f.path === 'two-computer-not-ha/topology.bizha')!.text;
        await client.open(uri, text);
        await client.diagnosticsAfter(uri, 0, 30_000);
        const at = text.split('\n').findIndex(line => line.startsWith('group '));
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: { start: { line: at, character: 7 }, end: { line: at, character: 7 } },
            context: { diagnostics: [], only: ['source.bizha.makeHighlyAvailable'] }
        }, 60_000);
        expect(actions.map(a => a.title)).toEqual(['Make group ContosoTwoBox highly available']);
        expect(actions[0].edit?.changes?.[uri]).toHaveLength(1);
        expect(client.alive).toBe(true);
    }, 120_000);
});
