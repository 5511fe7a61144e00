import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-STD-EDITION';

const standardSqla = variant([['sql SQLA on SQL01 { edition enterprise', 'sql SQLA on SQL01 { edition standard']], agGroup);

describe(ID, () => {
    test('fires on a Standard edition availability group that holds several databases', async () => {
        const found = withCode((await validate(standardSqla)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(standardSqla, 'availability-group BTSAG'));
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('5 databases');
        expect(found[0].message).toContain('SQLA');
    });

    test('does not fire on a Standard edition basic availability group with one database', async () => {
        const text = variant([
            ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases SSODB'],
            ['computer DR01', 'computer DR01\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, BizTalkRuleEngineDb on SQLCLSQL\n    sql SQLCLSQL on SQLCL']
        ], standardSqla);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on Enterprise edition replicas', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
    });
});
