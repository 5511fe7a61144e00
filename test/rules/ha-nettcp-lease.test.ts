import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { rangeStart, startOf, variant, withHost } from '../fixtures.js';
import { createTestServices, describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-NETTCP-LEASE';
const netTcp = (options: string) => variant([['nlb WebFarm { members BTS01, BTS02  fronts WebReceive }', 'nlb WebFarm { members BTS01, BTS02  fronts WebReceive, TcpHost }']], withHost(`host TcpHost { receive WCF-NetTcp${options}  instances on BTS01, BTS02 }`));

describe(ID, () => {
    test('a load-balanced WCF-NetTcp receive with the default lease is information on the handler', async () => {
        const text = netTcp('');
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host TcpHost', 'WCF-NetTcp'));
        expect(hits[0].message).toContain('behind load balancer WebFarm with the default connection lease (5 minutes)');
        expect(hits[0].message).toContain('`lease-timeout 30`');
    });

    test('a lease of five minutes or more is reported; a shorter one is not', async () => {
        expect(withCode((await validate(netTcp(' (lease-timeout 600)'))).diagnostics, ID)[0].message).toContain('a 600-second connection lease');
        expect(withCode((await validate(netTcp(' (lease-timeout 30)'))).diagnostics, ID)).toEqual([]);
    });

    test('the quick fix adds lease-timeout 30 to the handler', async () => {
        const services = createTestServices();
        const text = netTcp('');
        const { document, diagnostics } = await validate(text, services);
        const hit = withCode(diagnostics, ID)[0];
        const actions = (await new BizhaCodeActionProvider(services).getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: hit.range, context: { diagnostics: [hit] } }) ?? []) as CodeAction[];
        const fix = actions.find(a => a.title === 'Set the connection lease of WCF-NetTcp to 30 seconds')!;
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), Object.values(fix.edit!.changes!)[0]);
        expect(fixed).toContain('receive WCF-NetTcp (lease-timeout 30)');
        expect(withCode((await validate(fixed)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire without a load balancer in front', async () => {
        expect(withCode((await validate(withHost('host TcpHost { receive WCF-NetTcp  instances on BTS01, BTS02 }'))).diagnostics, ID)).toEqual([]);
    });
});
