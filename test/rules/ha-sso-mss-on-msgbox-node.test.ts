import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-MSS-ON-MSGBOX-NODE';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const preferring = (sqlOwner: string, mssOwner: string) => variant([
    ['        edition enterprise\n        version 2019\n', `        edition enterprise\n        version 2019\n        preferred-owner ${sqlOwner}\n`],
    ['master-secret-server on SQLCL', `master-secret-server on SQLCL preferred-owner ${mssOwner}`]
]);

describe(ID, () => {
    test('fires on the preferred owner of the master secret server when the MessageBox instance prefers the same node', async () => {
        const text = preferring('SQL01', 'SQL01');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'master-secret-server on SQLCL', 'SQL01'));
        expect(hits[0].message).toContain('BTSSQL');
        expect(hits[0].message).toContain('both prefer SQL01');
        expect(hits[0].message).toContain('(SQL02)');
    });

    test('does not fire on different preferred owners, or when either is not declared', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(preferring('SQL01', 'SQL02'))).toEqual([]);
        expect(await findings(variant([['master-secret-server on SQLCL', 'master-secret-server on SQLCL preferred-owner SQL01']]))).toEqual([]);
    });
});
