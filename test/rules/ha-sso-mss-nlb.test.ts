import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-MSS-NLB';

describe(ID, () => {
    test('fires when the master secret server is a member of a load balancer', async () => {
        const text = variant([['master-secret-server on SQLCL', 'master-secret-server on BTS01']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'master-secret-server on BTS01'));
        expect(found[0].message).toContain('master secret server');
        expect(found[0].message).toContain('BTS01');
        expect(found[0].message).toContain('WebFarm');
    });

    test('fires when the master secret server cluster has load-balanced nodes', async () => {
        const text = variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc }'],
            ['master-secret-server on SQLCL', 'master-secret-server on BTSCL']
        ]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('BTS01 and BTS02');
    });

    test('does not fire for a hardware load balancer: only Windows NLB makes its members an NLB cluster', async () => {
        const text = variant([
            ['master-secret-server on SQLCL', 'master-secret-server on BTS01'],
            ['nlb WebFarm { members', 'nlb WebFarm { kind hardware  members']
        ]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(1);
    });

    test('does not fire when the master secret server is on computers no load balancer includes', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        const single = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']]);
        const { diagnostics } = await validate(single);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(1);
    });
});
