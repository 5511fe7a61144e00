import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DB-ACTIVE-ACTIVE-CAPACITY';

// A second failover cluster instance on the same two-node cluster: active/active.
const activeActive = variant([
    ['SSODB, BizTalkRuleEngineDb', 'SSODB'],
    ['sql DRSQL on DR01', 'sql DRSQL on DR01\n    sql RULESQL on SQLCL { databases BizTalkRuleEngineDb }']
]);

describe(ID, () => {
    test('fires on the cluster when two SQL instances share two nodes with no spare', async () => {
        const found = withCode((await validate(activeActive)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(activeActive, 'cluster SQLCL'));
        expect(found[0].message).toContain('SQLCL');
        expect(found[0].message).toContain('BTSSQL and RULESQL');
        expect(found[0].message).toContain('passive node');
    });

    test('does not fire for one instance on a two-node cluster (active/passive)', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire with a spare node (active/active/passive)', async () => {
        const text = variant([
            ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'],
            ['nodes SQL01, SQL02', 'nodes SQL01, SQL02, SQL03']
        ], activeActive);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
