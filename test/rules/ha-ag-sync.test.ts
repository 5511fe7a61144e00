import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-SYNC';
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
    test('fires on an asynchronous replica', async () => {
        const text = variant([['replicas SQLA, SQLB', 'replicas SQLA, SQLB asynchronous']], agGroup);
        const { diagnostics } = await validate(text);
        const found = withCode(diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(line(found[0])).toBe(lineOf(text, 'replicas SQLA'));
        expect(found[0].message).toContain('SQLB');
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('synchronous');
        // The single synchronous replica left is a single point of failure as well.
        expect(withCode(diagnostics, 'HA-DB-SPOF')).toHaveLength(1);
    });

    test('fires once per asynchronous replica', async () => {
        const text = variant([['replicas SQLA, SQLB', 'replicas SQLA asynchronous, SQLB asynchronous']], agGroup);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(2);
        expect(found.map(d => d.message.split(' ')[1]).sort()).toEqual(['SQLA', 'SQLB']);
    });

    test('does not fire on synchronous replicas, explicit or by default', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
        const explicit = variant([['replicas SQLA, SQLB', 'replicas SQLA synchronous, SQLB synchronous']], agGroup);
        expect(withCode((await validate(explicit)).diagnostics, ID)).toEqual([]);
    });
});
