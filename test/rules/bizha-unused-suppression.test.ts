import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'BIZHA-UNUSED-SUPPRESSION';

const above = (needle: string, comment: string, base = cleanGroup) => {
    const indent = /^ */.exec(needle)![0];
    return variant([[needle, `${indent}${comment}\n${needle}`]], base);
};
const mssOnSql01 = variant([['master-secret-server on SQLCL', 'master-secret-server on SQL01']]);

describe(ID, () => {
    test('fires on a bizha-ignore that silences nothing on the next line', async () => {
        const text = above('        backup "', '// bizha-ignore HA-SSO-MSS-SPOF -- lab group');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, '// bizha-ignore'));
        expect(found[0].message).toContain('HA-SSO-MSS-SPOF');
        expect(found[0].message).toContain('silences nothing');
    });

    test('fires on an unknown rule id', async () => {
        const text = above('        master-secret-server', '// bizha-ignore HA-NOT-A-RULE -- typo', mssOnSql01);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('unknown rule id HA-NOT-A-RULE');
    });

    test('fires on a comment without a reason or without a rule id', async () => {
        const noReason = above('        master-secret-server', '// bizha-ignore HA-SSO-MSS-SPOF', mssOnSql01);
        expect(withCode((await validate(noReason)).diagnostics, ID)[0]?.message).toContain('needs a reason');
        const noId = above('        backup "', '// bizha-ignore -- no id');
        expect(withCode((await validate(noId)).diagnostics, ID)[0]?.message).toContain('names no rule id');
    });

    test('does not fire on a comment that silences a diagnostic', async () => {
        const text = above('        master-secret-server', '// bizha-ignore HA-SSO-MSS-SPOF -- lab group', mssOnSql01);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toEqual([]);
    });
});
