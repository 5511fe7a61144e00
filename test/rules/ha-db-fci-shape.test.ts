import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-DB-FCI-SHAPE';

describe(ID, () => {
    test('fires on the failover cluster instance when its cluster has no shared storage', async () => {
        const text = variant([['        storage SAN01\n', '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'sql BTSSQL'));
        expect(found[0].message).toContain('BTSSQL');
        expect(found[0].message).toContain('SQLCL');
        expect(found[0].message).toContain('shared storage');
        // Only what is missing is asked for: the cluster already has two nodes.
        expect(found[0].message).not.toContain('two or more SQL nodes');
    });

    test('fires when the cluster has a single node', async () => {
        const text = variant([['nodes SQL01, SQL02', 'nodes SQL01']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('single node (SQL01)');
        expect(found[0].message).toContain('two or more SQL nodes');
    });

    test('lands in the group file for an inventory cluster without storage', async () => {
        const inventory = 'computer SQL01, SQL02\ncluster SQLCL {\n    nodes SQL01, SQL02\n    msdtc\n}\nsql BTSSQL on SQLCL\n';
        const group = 'group Prod {\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on BTSSQL\n}\n';
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
        const found = withCode(result.get('group.bizha')!, ID);
        expect(found).toHaveLength(1);
        expect(startLine(found[0])).toBe(2);
    });

    test('does not fire for a two-node cluster with shared storage', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire for a standalone instance (HA-DB-SPOF reports it)', async () => {
        const text = variant([['sql BTSSQL on SQLCL', 'sql BTSSQL on SQL01'], ['        storage SAN01\n', '']]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-DB-SPOF')).toHaveLength(1);
    });
});
