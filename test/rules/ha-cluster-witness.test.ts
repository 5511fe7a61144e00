import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { createTestServices, describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-CLUSTER-WITNESS';

/** The clean group declares a disk witness on its SQL cluster; these variants take it away or change the nodes. */
const noWitness = variant([['        witness disk\n', '']]);

describe(ID, () => {
    test('a two-node cluster without a witness is a warning on the cluster', async () => {
        const hits = withCode((await validate(noWitness)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(startLine(hits[0])).toBe(lineOf(noWitness, 'cluster SQLCL'));
        expect(hits[0].message).toContain('Cluster SQLCL has 2 nodes and no witness');
        expect(hits[0].message).toContain('one node (say SQL01) fails');
        expect(hits[0].message).toContain('`witness disk`');
    });

    test('four nodes without a witness: losing half of them stops the cluster', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03, SQL04'], ['nodes SQL01, SQL02', 'nodes SQL01, SQL02, SQL03, SQL04']], noWitness);
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits).toHaveLength(1);
        expect(hits[0].message).toContain('half of the nodes (say SQL01 and SQL02) fail or lose contact');
    });

    test('the quick fix declares a disk witness for a cluster with shared storage', async () => {
        const services = createTestServices();
        const { document, diagnostics } = await validate(noWitness, services);
        const hit = withCode(diagnostics, ID)[0];
        const actions = (await new BizhaCodeActionProvider(services).getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: hit.range, context: { diagnostics: [hit] } }) ?? []) as CodeAction[];
        const preferred = actions.find(a => a.isPreferred)!;
        expect(preferred.title).toBe('Declare a disk witness for cluster SQLCL');
        expect(actions.map(a => a.title)).toContain('Declare a cloud witness for cluster SQLCL');
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, noWitness), Object.values(preferred.edit!.changes!)[0]);
        expect(withCode((await validate(fixed)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire with a witness, or on an odd number of nodes', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(variant([['        witness disk\n', '        witness cloud\n']]))).diagnostics, ID)).toEqual([]);
        const three = variant([['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'], ['nodes SQL01, SQL02', 'nodes SQL01, SQL02, SQL03']], noWitness);
        expect(withCode((await validate(three)).diagnostics, ID)).toEqual([]);
    });
});
