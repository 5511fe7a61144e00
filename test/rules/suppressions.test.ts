import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { cleanGroup, startLine, variant } from '../fixtures.js';
import { validate, withCode } from '../helpers.js';
import { parseSuppressions } from '../../language/validation/suppressions.js';

const UNUSED = 'BIZHA-UNUSED-SUPPRESSION';

// The master secret server on one SQL computer whose SSODB is standalone too: the
// master-secret-server line carries HA-SSO-MSS-SPOF and HA-SSO-SSODB-HA.
const twoOnOneLine = variant([
    ['sql BTSSQL on SQLCL', 'sql BTSSQL on SQL01'],
    ['master-secret-server on SQLCL', 'master-secret-server on SQL01']
]);
const withComment = (comment: string, base = twoOnOneLine, before = '        master-secret-server on SQL01') =>
    variant([[before, `        ${comment}\n${before}`]], base);
const codesOnMssLine = (text: string, diagnostics: Diagnostic[]) => {
    const mssLine = text.split('\n').findIndex(l => l.includes('master-secret-server on SQL01')) + 1;
    return diagnostics.filter(d => startLine(d) === mssLine).map(d => String(d.code)).sort();
};

describe('bizha-ignore suppressions', () => {
    test('the line carries two diagnostics without a comment', async () => {
        const { diagnostics } = await validate(twoOnOneLine);
        expect(codesOnMssLine(twoOnOneLine, diagnostics)).toEqual(['HA-SSO-MSS-SPOF', 'HA-SSO-SSODB-HA']);
    });

    test('a comment with a reason silences that rule on the next line only', async () => {
        const text = withComment('// bizha-ignore HA-SSO-MSS-SPOF -- lab group, secret restored by hand');
        const { diagnostics } = await validate(text);
        expect(codesOnMssLine(text, diagnostics)).toEqual(['HA-SSO-SSODB-HA']);
        expect(withCode(diagnostics, UNUSED)).toEqual([]);
        // Other rules elsewhere are untouched.
        expect(withCode(diagnostics, 'HA-DB-SPOF')).toHaveLength(1);
    });

    test('several ids separated by commas silence each of them', async () => {
        const text = withComment('// bizha-ignore HA-SSO-MSS-SPOF, HA-SSO-SSODB-HA -- lab group');
        const { diagnostics } = await validate(text);
        expect(codesOnMssLine(text, diagnostics)).toEqual([]);
        expect(withCode(diagnostics, UNUSED)).toEqual([]);
    });

    test('a comment two lines above silences nothing and is reported', async () => {
        const text = withComment('// bizha-ignore HA-SSO-MSS-SPOF -- lab group', twoOnOneLine, '    sso {');
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(1);
        expect(withCode(diagnostics, UNUSED)).toHaveLength(1);
    });

    test('a missing reason silences nothing and is reported on the comment', async () => {
        for (const comment of ['// bizha-ignore HA-SSO-MSS-SPOF', '// bizha-ignore HA-SSO-MSS-SPOF --   ']) {
            const text = withComment(comment);
            const { diagnostics } = await validate(text);
            expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(1);
            const unused = withCode(diagnostics, UNUSED);
            expect(unused).toHaveLength(1);
            expect(startLine(unused[0])).toBe(text.split('\n').findIndex(l => l.includes('bizha-ignore')) + 1);
            expect(unused[0].message).toContain('reason');
        }
    });

    test('an unknown rule id is reported', async () => {
        const { diagnostics } = await validate(withComment('// bizha-ignore HA-SSO-MSS-SPF -- typo'));
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(1);
        expect(withCode(diagnostics, UNUSED).map(d => d.message)).toEqual([expect.stringContaining('unknown rule id HA-SSO-MSS-SPF')]);
    });

    test('an unknown id is reported even when another id of the same comment silences a diagnostic', async () => {
        const { diagnostics } = await validate(withComment('// bizha-ignore HA-SSO-MSS-SPOF, HA-BOGUS -- lab only'));
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toHaveLength(0);
        expect(withCode(diagnostics, UNUSED).map(d => d.message)).toEqual([expect.stringContaining('unknown rule id HA-BOGUS')]);
    });

    test('a comment that silences nothing on a clean group is reported', async () => {
        const text = withComment('// bizha-ignore HA-DB-SPOF -- nothing to silence', cleanGroup, '        master-secret-server on SQLCL');
        expect(withCode((await validate(text)).diagnostics, UNUSED)).toHaveLength(1);
    });

    test('parseSuppressions reads ids, reason and position', () => {
        const [suppression] = parseSuppressions('group G {\n    // bizha-ignore HA-DB-SPOF, HA-DR-LOGSHIP -- lab only\n}');
        expect(suppression).toMatchObject({ line: 1, character: 4, ids: ['HA-DB-SPOF', 'HA-DR-LOGSHIP'], reason: 'lab only' });
        expect(parseSuppressions('// bizha-ignore HA-DB-SPOF')[0].reason).toBe('');
        expect(parseSuppressions('host H { } // bizha-ignore HA-DB-SPOF -- trailing')).toEqual([]);
    });
});
