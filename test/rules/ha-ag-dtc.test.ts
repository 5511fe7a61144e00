import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-DTC';

describe(ID, () => {
    test('fires on dtc-support none', async () => {
        const text = variant([['dtc-support per-database', 'dtc-support none']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'dtc-support none'));
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('per-database');
    });

    test('fires on the availability group when DTC support is not declared', async () => {
        const text = variant([['        dtc-support per-database\n', '']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(startLine(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
    });

    test('does not fire with per-database DTC support', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire for an availability group that holds no BizTalk database', async () => {
        const text = variant([['    computer DR01\n', `    computer DR01
    sql APPA on SQL01 { version 2019 }
    sql APPB on SQL02 { version 2019 }
    availability-group AppAG { replicas APPA, APPB  databases OrdersDb }
    availability-group EmptyAG { replicas APPA, APPB }
`]], agGroup);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
