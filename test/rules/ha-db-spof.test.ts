import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-DB-SPOF';

const standalone = variant([['sql BTSSQL on SQLCL', 'sql BTSSQL on SQL01']]);
const withOwnInstance = (database: string, from = `, ${database}`) => variant([
    [from, ''],
    ['sql DRSQL on DR01', `sql DRSQL on DR01\n    sql EXTRASQL on SQL01 { databases ${database} }`]
]);
const sqlBlock = `sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`;
const availabilityGroup = (replicas: string) => variant([[sqlBlock, `sql SQLA on SQL01 { edition enterprise version 2019 }
    sql SQLB on SQL02 { edition enterprise version 2019 }
    availability-group BTSAG {
        replicas ${replicas}
        dtc-support per-database
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`]]);

describe(ID, () => {
    test('fires once, on the standalone SQL instance that holds the BizTalk databases', async () => {
        const found = withCode((await validate(standalone)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(standalone, 'sql BTSSQL'));
        for (const text of ['BTSSQL', 'SQL01', 'BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'every BizTalk function']) expect(found[0].message).toContain(text);
    });

    test('is a warning when only BizTalkRuleEngineDb is on the standalone instance', async () => {
        const text = withOwnInstance('BizTalkRuleEngineDb');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, 'sql EXTRASQL'));
        expect(found[0].message).toContain('BizTalkRuleEngineDb');
        expect(found[0].message).not.toContain('every BizTalk function');
    });

    test('is information for BAMArchive alone', async () => {
        const text = variant([['sql DRSQL on DR01', 'sql DRSQL on DR01\n    sql BAMSQL on SQL01 { databases BAMArchive }']]);
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toEqual(['information']);
    });

    test('is a warning when the group declares availability standard', async () => {
        const text = variant([['edition enterprise', 'edition enterprise\n    availability standard']], standalone);
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toEqual(['warning']);
    });

    test('fires on an availability group with a single synchronous replica', async () => {
        const text = availabilityGroup('SQLA, SQLB asynchronous');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('SQL01');
    });

    test('fires on an availability group with no synchronous replica at all', async () => {
        const found = withCode((await validate(availabilityGroup('SQLA asynchronous, SQLB asynchronous'))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('no synchronous replica');
    });

    test('lands in the group file when the standalone instance is declared in an inventory file', async () => {
        const inventory = 'computer SQL01\nsql BTSSQL on SQL01\n';
        const group = 'group Prod {\n    computer BTS01, BTS02\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on BTSSQL\n}\n';
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
        const found = withCode(result.get('group.bizha')!, ID);
        expect(found).toHaveLength(1);
        expect(startLine(found[0])).toBe(lineOf(group, 'databases BizTalkMgmtDb'));
        expect(found[0].message).toContain('SQL01');
    });

    test('does not fire for a failover cluster instance or two synchronous replicas', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(availabilityGroup('SQLA, SQLB synchronous'))).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when both cluster nodes share one site (HA-SITE-SPOF reports the site)', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }']]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SITE-SPOF').map(startLine)).toContain(lineOf(text, 'sql BTSSQL'));
    });

    test('names only the computer when a standalone instance is also in a site', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02']], standalone);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SQL01 fails');
        expect(found[0].message).not.toContain('DC1');
    });
});
