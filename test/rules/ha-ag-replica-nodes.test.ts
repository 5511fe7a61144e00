import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-REPLICA-NODES';
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
    test('fires on the replica that shares a computer with another replica', async () => {
        const text = variant([['sql SQLB on SQL02', 'sql SQLB on SQL01']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(line(found[0])).toBe(lineOf(text, 'replicas SQLA, SQLB'));
        expect(found[0].message).toContain('SQLA and SQLB');
        expect(found[0].message).toContain('SQL01');
    });

    test('fires on the availability group when its replicas are not nodes of one failover cluster', async () => {
        const text = variant([
            ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'],
            ['sql SQLB on SQL02', 'sql SQLB on SQL03']
        ], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(line(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(found[0].message).toContain('SQL03');
        expect(found[0].message).toContain('cluster');
    });

    test('does not fire for replicas on two nodes of the same cluster', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
    });
});
