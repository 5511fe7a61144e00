import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-SYNC';

describe(ID, () => {
    test('fires on an asynchronous replica', async () => {
        const text = variant([['replicas SQLA, SQLB', 'replicas SQLA, SQLB asynchronous']], agGroup);
        const { diagnostics } = await validate(text);
        const found = withCode(diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'replicas SQLA'));
        expect(found[0].message).toContain('SQLB');
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('synchronous');
        // The single synchronous replica left is a single point of failure as well.
        expect(withCode(diagnostics, 'HA-DB-SPOF')).toHaveLength(1);
    });

    test('fires once per asynchronous replica', async () => {
        const text = variant([['replicas SQLA, SQLB', 'replicas SQLA asynchronous, SQLB asynchronous']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(2);
        expect(found.map(d => d.message.split(' ')[1]).sort()).toEqual(['SQLA', 'SQLB']);
    });

    test('does not fire on synchronous replicas, explicit or by default', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
        const explicit = variant([['replicas SQLA, SQLB', 'replicas SQLA synchronous, SQLB synchronous']], agGroup);
        expect(withCode((await validate(explicit)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire for an availability group that holds no BizTalk database', async () => {
        const text = variant([['    computer DR01\n', `    computer DR01
    sql APPA on SQL01 { version 2019 }
    sql APPB on SQL02 { version 2019 }
    availability-group AppAG { replicas APPA, APPB asynchronous  databases OrdersDb }
`]], agGroup);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
