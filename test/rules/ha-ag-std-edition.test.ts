import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-STD-EDITION';
const line = (d: Diagnostic) => d.range.start.line + 1;
function lineOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`needle must occur exactly once: ${needle}`);
    return text.slice(0, at).split('\n').length;
}

const sqlBlock = `sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`;
// The clean group with its databases in an availability group of two synchronous replicas on the SQL cluster nodes.
const agGroup = variant([[sqlBlock, `sql SQLA on SQL01 { edition enterprise version 2019 }
    sql SQLB on SQL02 { edition enterprise version 2019 }
    availability-group BTSAG {
        replicas SQLA, SQLB
        listener BTSLSN port 1433
        dtc-support per-database
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`]]);

const standardSqla = variant([['sql SQLA on SQL01 { edition enterprise', 'sql SQLA on SQL01 { edition standard']], agGroup);

describe(ID, () => {
    test('fires on a Standard edition availability group that holds several databases', async () => {
        const found = withCode((await validate(standardSqla)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(line(found[0])).toBe(lineOf(standardSqla, 'availability-group BTSAG'));
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
