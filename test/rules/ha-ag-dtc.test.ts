import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-DTC';
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

describe(ID, () => {
    test('fires on dtc-support none', async () => {
        const text = variant([['dtc-support per-database', 'dtc-support none']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(line(found[0])).toBe(lineOf(text, 'dtc-support none'));
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('per-database');
    });

    test('fires on the availability group when DTC support is not declared', async () => {
        const text = variant([['        dtc-support per-database\n', '']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(line(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
    });

    test('does not fire with per-database DTC support', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
    });
});
