import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-DB-SQL-STD-NODES';

const threeNodes = variant([
    ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'],
    ['nodes SQL01, SQL02', 'nodes SQL01, SQL02, SQL03']
]);
const standard = (text: string) => variant([['edition enterprise\n        version 2019', 'edition standard\n        version 2019']], text);

describe(ID, () => {
    test('fires on a Standard edition failover cluster instance with three nodes', async () => {
        const text = standard(threeNodes);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'sql BTSSQL'));
        expect(found[0].message).toContain('BTSSQL');
        expect(found[0].message).toContain('SQLCL');
        expect(found[0].message).toContain('3 nodes');
    });

    test('lands in the group file for an inventory instance', async () => {
        const inventory = 'computer SQL01, SQL02, SQL03\ncluster SQLCL {\n    nodes SQL01, SQL02, SQL03\n    storage SAN01\n}\nsql BTSSQL on SQLCL { edition standard }\n';
        const group = 'group Prod {\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on BTSSQL\n}\n';
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
        expect(withCode(result.get('group.bizha')!, ID).map(startLine)).toEqual([2]);
    });

    test('does not fire for Standard edition on two nodes', async () => {
        expect(withCode((await validate(standard(cleanGroup))).diagnostics, ID)).toEqual([]);
    });

    test('does not fire for Enterprise edition on three nodes (active/active/passive)', async () => {
        expect(withCode((await validate(threeNodes)).diagnostics, ID)).toEqual([]);
    });
});
