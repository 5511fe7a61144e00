import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-MSDTC-NETWORK';

describe(ID, () => {
    test('fires on a BizTalk computer with network DTC access disabled', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { msdtc off }, BTS02']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'computer BTS01'));
        expect(found[0].message).toContain('BTS01 runs BizTalk Server');
        expect(found[0].message).toContain('msdtc off');
    });

    test('fires on a SQL cluster node', async () => {
        const found = withCode((await validate(variant([['computer SQL01, SQL02', 'computer SQL01, SQL02 { msdtc off }']]))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SQL02 runs SQL Server');
    });

    test('lands in the group file when the computer is declared in an inventory file', async () => {
        const inventory = 'computer SQL01 { msdtc off }, SQL02\ncluster SQLCL {\n    nodes SQL01, SQL02\n    storage SAN01\n}\nsql BTSSQL on SQLCL\n';
        const group = 'group Prod {\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on BTSSQL\n}\n';
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
        const found = withCode(result.get('group.bizha')!, ID);
        expect(found.map(startLine)).toEqual([2]);
        expect(found[0].message).toContain('SQL01');
    });

    test('does not fire with msdtc on, or on a computer with no BizTalk or SQL role', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(variant([['computer BTS01, BTS02', 'computer BTS01 { msdtc on }, BTS02']]))).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(variant([['computer DR01', 'computer DR01, SPARE { msdtc off }']]))).diagnostics, ID)).toEqual([]);
    });
});
