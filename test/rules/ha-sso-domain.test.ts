import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-DOMAIN';

const administrators = (account: string) => variant([['administrators CONTOSO\\SSOAdmins', `administrators ${account}`]]);

describe(ID, () => {
    test('fires when clustered SSO is administered by a group local to a node', async () => {
        const text = administrators('SQL01\\SSOAdmins');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'administrators SQL01'));
        expect(found[0].message).toContain('SQLCL');
        expect(found[0].message).toContain('SQL01\\SSOAdmins');
        expect(found[0].message).toContain('local');
    });

    test('fires for a .\\ local group and for a built-in identity', async () => {
        expect(withCode((await validate(administrators('.\\SSOAdmins'))).diagnostics, ID)).toHaveLength(1);
        const builtIn = withCode((await validate(administrators('LocalSystem'))).diagnostics, ID);
        expect(builtIn).toHaveLength(1);
        expect(builtIn[0].message).toContain('built-in');
        expect(builtIn[0].message).toContain('LocalSystem');
    });

    test('does not fire for a domain group', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when SSO is not clustered (HA-DOM-GROUPS covers local groups there)', async () => {
        const text = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']], administrators('.\\SSOAdmins'));
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-DOM-GROUPS')).toHaveLength(1);
    });
});
