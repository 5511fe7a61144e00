import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-BACKUP';

const backupLine = String.raw`        backup "\\\\fs01\\sso"
`;
const noBackup = variant([[backupLine, '']]);

describe(ID, () => {
    test('fires on the sso block when the master secret has no declared backup', async () => {
        const found = withCode((await validate(noBackup)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(noBackup, 'sso {'));
        expect(found[0].message).toContain('master secret');
        expect(found[0].message).toContain('backup');
        // A clustered master secret server: the secret must be restored on every node.
        expect(found[0].message).toContain('every node');
    });

    test('does not ask for a restore on every node when the master secret server is one computer', async () => {
        const text = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']], noBackup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).not.toContain('every node');
    });

    test('is information when the group declares availability standard', async () => {
        const text = variant([['edition enterprise', 'edition enterprise\n    availability standard']], noBackup);
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toEqual(['information']);
    });

    test('does not fire when a backup location is declared', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire without an sso block (HA-SSO-MSS-UNDECLARED reports that)', async () => {
        const text = variant([[String.raw`    sso {
        master-secret-server on SQLCL
        backup "\\\\fs01\\sso"
        administrators CONTOSO\SSOAdmins
    }
`, '']]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-MSS-UNDECLARED')).toHaveLength(1);
    });
});
