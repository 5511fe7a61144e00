import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-MSS-UNDECLARED';

const ssoBlock = String.raw`    sso {
        master-secret-server on SQLCL
        backup "\\\\fs01\\sso"
        administrators CONTOSO\SSOAdmins
    }
`;

describe(ID, () => {
    test('fires on the sso block when it does not say where the master secret server runs', async () => {
        const text = variant([['        master-secret-server on SQLCL\n', '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, 'sso {'));
        expect(found[0].message).toContain('master secret server');
        expect(found[0].message).toContain('Prod');
    });

    test('fires on the group name when the group has no sso block at all', async () => {
        const text = variant([[ssoBlock, '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(startLine(found[0])).toBe(1);
    });

    test('does not fire when the master secret server is declared, clustered or not', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        const single = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']]);
        expect(withCode((await validate(single)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on a declared but unresolved server: the linker reports the unknown name', async () => {
        const text = variant([['master-secret-server on SQLCL', 'master-secret-server on NOPE']]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(diagnostics.some(d => d.message.includes('NOPE'))).toBe(true);
    });
});
