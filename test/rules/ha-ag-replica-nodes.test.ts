import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-REPLICA-NODES';

describe(ID, () => {
    test('fires on the replica that shares a computer with another replica', async () => {
        const text = variant([['sql SQLB on SQL02', 'sql SQLB on SQL01']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'replicas SQLA, SQLB'));
        expect(found[0].message).toContain('SQLA and SQLB');
        expect(found[0].message).toContain('SQL01');
    });

    test('fires on the availability group when its replicas are not nodes of one failover cluster', async () => {
        const text = variant([
            ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'],
            ['sql SQLB on SQL02', 'sql SQLB on SQL03']
        ], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(startLine(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(found[0].message).toContain('SQL03');
        expect(found[0].message).toContain('cluster');
    });

    test('does not fire for replicas on two nodes of the same cluster', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
    });
});
