import { describe, expect, test } from 'vitest';
import { cleanGroup, startLine, variant } from '../fixtures.js';
import { severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-DB-MISSING';

const databaseList = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';

describe(ID, () => {
    test('fires on the group name when the group places no tracking database', async () => {
        const text = variant([[databaseList, 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, SSODB, BizTalkRuleEngineDb']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(1);
        expect(found[0].message).toContain('Prod');
        expect(found[0].message).toContain('BizTalkDTADb');
        expect(found[0].message).not.toContain('SSODB');
    });

    test('names every missing database in one diagnostic', async () => {
        const text = variant([[databaseList, 'databases BizTalkRuleEngineDb']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        for (const name of ['BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'BizTalkDTADb', 'SSODB']) expect(found[0].message).toContain(name);
    });

    test('does not fire when every required database is placed', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('accepts a MessageBox declared with its kind and a custom name', async () => {
        const text = variant([[databaseList, 'databases BizTalkMgmtDb, messagebox BizTalkMsgBoxDb2, BizTalkDTADb, SSODB']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('accepts databases placed on a SQL instance of an inventory file', async () => {
        const inventory = 'computer SQL01, SQL02\ncluster SQLCL {\n    nodes SQL01, SQL02\n    storage SAN01\n    msdtc\n}\nsql BTSSQL on SQLCL\n';
        const group = 'group Prod {\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb on BTSSQL\n}\n';
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        const found = withCode(result.get('group.bizha')!, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SSODB');
        expect(found[0].message).not.toContain('BizTalkMgmtDb');
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
    });
});
