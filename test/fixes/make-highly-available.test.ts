import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BizhaCodeActionProvider, makeHighlyAvailableKind } from '../../server/lsp/bizha-code-action-provider.js';
import { applyFixesUntilDone } from '../../language/rules/fixpoint.js';
import { exampleFiles } from '../fixtures.js';
import { createTestServices, describe as show, validate, type Diagnostic } from '../helpers.js';
import { flawedTopologies } from './flawed-topologies.js';

const services = createTestServices();

async function makeHighlyAvailable(text: string, group?: string) {
    const { document } = await validate(text, services);
    const result = await applyFixesUntilDone(services, document, { level: 'errors', group });
    const after = await validate(result.text, services);
    return { result, after };
}

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.severity === 1);

describe('make a group highly available', () => {
    test('examples/two-computer-not-ha ends with no error, keeping its comments', async () => {
        const text = exampleFiles().find(f => f.path === 'two-computer-not-ha/topology.bizha')!.text;
        const { result, after } = await makeHighlyAvailable(text, 'ContosoTwoBox');
        console.log(`two-computer-not-ha: ${result.applied.length} fixes\n  ${result.applied.join('\n  ')}\n${result.text}`);
        expect(errors(after.diagnostics).map(show)).toEqual([]);
        expect(result.remaining).toEqual([]);
        expect(result.stopped).toBeUndefined();
        expect(after.document.parseResult.parserErrors).toEqual([]);
        for (const comment of text.match(/\/\/[^\n]*/g)!) expect(result.text).toContain(comment);
    });

    test.each(flawedTopologies(24).map(t => [t.name, t.text]))('%s ends with no error', async (_name, text) => {
        const { result, after } = await makeHighlyAvailable(text);
        expect(errors(after.diagnostics).map(show), `${result.applied.join('\n')}\n${result.text}`).toEqual([]);
        expect(result.stopped).toBeUndefined();
    });

    test('a second run changes nothing', async () => {
        const text = flawedTopologies(1)[0].text;
        const { result } = await makeHighlyAvailable(text);
        const again = await makeHighlyAvailable(result.text);
        expect(again.result.applied).toEqual([]);
        expect(again.result.text).toBe(result.text);
    });

    test('stops with a message naming what only the user can decide', async () => {
        // Which SQL Server should hold the BizTalk databases of a group that declares none is the user's call.
        const text = 'group Empty {\n    computer BTS01\n}\n';
        const { result } = await makeHighlyAvailable(text);
        expect(result.remaining.map(d => d.code)).toContain('HA-DB-MISSING');
        expect(result.stopped).toMatch(/^\d+ findings? needs? a choice only you can make: .*HA-DB-MISSING \(line 1\): Group Empty places no BizTalkMgmtDb/);
    });
});

describe('the source action', () => {
    test('offers "Make group X highly available" only when asked for its kind, as one edit that leaves no error', async () => {
        const provider = new BizhaCodeActionProvider(services);
        const text = exampleFiles().find(f => f.path === 'two-computer-not-ha/topology.bizha')!.text;
        const { document } = await validate(text, services);
        const at = document.textDocument.positionAt(text.indexOf('host BizTalkServerIsolatedHost'));
        const ask = (only?: string[]) => provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: { start: at, end: at }, context: { diagnostics: [], only } });
        expect(await ask()).toEqual([]);
        const [action] = (await ask(['source'])) as CodeAction[];
        expect(action.title).toBe('Make group ContosoTwoBox highly available');
        expect(action.kind).toBe(makeHighlyAvailableKind);
        const edits = Object.values(action.edit!.changes!)[0];
        expect(edits).toHaveLength(1);
        const after = await validate(TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), edits), services);
        expect(errors(after.diagnostics).map(show)).toEqual([]);
    });
});
