import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-MSS-SPOF';

const onSql01 = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']]);

describe(ID, () => {
    test('fires at master-secret-server when the master secret server is one unclustered computer', async () => {
        const found = withCode((await validate(onSql01)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(onSql01, 'master-secret-server on SQL01'));
        expect(found[0].message).toContain('master secret server');
        expect(found[0].message).toContain('SQL01');
        // The fix it proposes: the SQL cluster that already exists.
        expect(found[0].message).toContain('master-secret-server on SQLCL');
    });

    test('fires when the master secret server cluster has a single node', async () => {
        const text = variant([
            ['computer SQL01, SQL02', 'computer SQL01, SQL02\n    cluster MSSCL { nodes SQL01  msdtc }'],
            ['master-secret-server on SQLCL', 'master-secret-server on MSSCL']
        ]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SQL01');
    });

    test('is a warning when the group declares availability standard', async () => {
        const text = variant([['edition enterprise', 'edition enterprise\n    availability standard']], onSql01);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
    });

    test('does not fire for a master secret server clustered on two nodes', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when only a whole site is the single failure (HA-SITE-SPOF reports that)', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }']]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SITE-SPOF').length).toBeGreaterThan(0);
    });
});
