import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { createTestServices, describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-SAME-INSTANCE';

/** The availability group fixture with BizTalk 2016 CU5 and the given SQL Server release on both replicas. */
function agWith(sqlVersion: string, biztalkVersion = '2016 cu 5', base = agGroup): string {
    return variant([
        ['version 2020 cu 6', `version ${biztalkVersion}`],
        ['sql SQLA on SQL01 { edition enterprise version 2019', `sql SQLA on SQL01 { edition enterprise version ${sqlVersion}`],
        ['sql SQLB on SQL02 { edition enterprise version 2019', `sql SQLB on SQL02 { edition enterprise version ${sqlVersion}`]
    ], base);
}

/** Four instance pairs, four availability groups: Microsoft's layout before SQL Server 2016 SP2. */
const splitLayout = variant([[`    sql SQLA on SQL01 { edition enterprise version 2019 }
    sql SQLB on SQL02 { edition enterprise version 2019 }
    availability-group BTSAG {
        replicas SQLA, SQLB
        listener BTSLSN port 1433
        dtc-support per-database
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`, ['Sso', 'Mgmt', 'Box', 'Dta'].map(name => `    sql ${name}A on SQL01 { edition enterprise version 2016 sp 1 }
    sql ${name}B on SQL02 { edition enterprise version 2016 sp 1 }
    availability-group ${name}AG {
        replicas ${name}A, ${name}B
        listener ${name}LSN port 1433
        dtc-support per-database
        databases ${{ Sso: 'SSODB', Mgmt: 'BizTalkMgmtDb', Box: 'BizTalkMsgBoxDb, BizTalkRuleEngineDb, BAMPrimaryImport', Dta: 'BizTalkDTADb, EsbExceptionDb' }[name]}
    }`).join('\n')]], variant([['version 2020 cu 6', 'version 2016 cu 5']], agGroup));

describe(ID, () => {
    test('SQL Server 2016 SP1 replicas holding every BizTalk database: one error per instance, on its replica', async () => {
        const text = variant([['sql SQLB on SQL02 { edition enterprise version 2016 sp 1', 'sql SQLB on SQL02 { edition enterprise version 2016']], agWith('2016 sp 1'));
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.every(h => severityOf(h) === 'error')).toBe(true);
        expect(hits.map(startLine)).toEqual([lineOf(text, 'replicas SQLA, SQLB'), lineOf(text, 'replicas SQLA, SQLB')]);
        expect(hits[0].message).toContain('SQLA (SQL Server 2016 SP1)');
        expect(hits[0].message).toContain('BizTalkMgmtDb; BizTalkMsgBoxDb and BizTalkRuleEngineDb; BizTalkDTADb; SSODB.');
        expect(hits[0].message).toContain('Upgrade the replicas to SQL Server 2016 SP2');
        expect(hits[1].message).toContain('SQLB (SQL Server 2016)');
    });

    test('two MessageBoxes on one instance are enough', async () => {
        const text = variant([['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb\n    }', 'databases BizTalkMsgBoxDb, messagebox BizTalkMsgBoxDb2\n    }\n    databases BizTalkMgmtDb, BizTalkDTADb, SSODB on BTSSQL2\n    sql BTSSQL2 on SQLCL']], agWith('2016 sp 1'));
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits).toHaveLength(2);
        expect(hits[0].message).toContain('with each other: BizTalkMsgBoxDb; BizTalkMsgBoxDb2.');
    });

    test('the quick fix upgrades the instance to SQL Server 2016 SP2', async () => {
        const services = createTestServices();
        const text = agWith('2016 sp 1');
        const { document, diagnostics } = await validate(text, services);
        const first = withCode(diagnostics, ID)[0];
        const actions = (await new BizhaCodeActionProvider(services).getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: first.range, context: { diagnostics: [first] } }) ?? []) as CodeAction[];
        const upgrade = actions.find(a => a.title === 'Upgrade SQLA to SQL Server 2016 SP2');
        expect(upgrade?.isPreferred).toBe(true);
        const edits = Object.values(upgrade!.edit?.changes ?? {})[0] ?? [];
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), edits);
        expect(fixed).toContain('sql SQLA on SQL01 { edition enterprise version 2016 sp 2 }');
        expect(withCode((await validate(fixed)).diagnostics, ID).map(d => d.message.slice(0, 4))).toEqual(['SQLB']);
    });

    test('does not fire with SQL Server 2016 SP2 or later, nor on undeclared SQL versions', async () => {
        expect(withCode((await validate(agWith('2016 sp 2'))).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(agWith('2017'))).diagnostics, ID)).toEqual([]);
        const unknown = variant([['version 2020 cu 6', 'version 2016 cu 5'], ['{ edition enterprise version 2019 }', '{ edition enterprise }'], ['{ edition enterprise version 2019 }', '{ edition enterprise }']], agGroup);
        expect(withCode((await validate(unknown)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on Microsoft\'s split layout: one instance group per instance pair and availability group', async () => {
        const { diagnostics } = await validate(splitLayout);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-AG-VERSION')).toEqual([]);
    });

    test('leaves BizTalk versions without availability group support to HA-AG-VERSION', async () => {
        const { diagnostics } = await validate(agWith('2016 sp 1', '2016 cu 4'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-AG-VERSION')).toHaveLength(1);
        const biztalk2020 = await validate(agWith('2016 sp 1', '2020 cu 6'));
        expect(withCode(biztalk2020.diagnostics, ID)).toEqual([]);
        expect(withCode(biztalk2020.diagnostics, 'HA-AG-VERSION')).toHaveLength(1);
    });
});
