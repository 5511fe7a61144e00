import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-SSODB-HA';

// SSODB moved from the failover cluster instance to its own standalone instance on SQL01.
const standaloneSsodb = variant([
    ['SSODB, BizTalkRuleEngineDb', 'BizTalkRuleEngineDb'],
    ['sql DRSQL on DR01', 'sql DRSQL on DR01\n    sql SSOSQL on SQL01 { databases SSODB }']
]);

describe(ID, () => {
    test('fires at the master secret server when SSODB is on a standalone SQL instance', async () => {
        const { diagnostics } = await validate(standaloneSsodb);
        const found = withCode(diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        // Reported in SSO context, at the master secret server, even though SSO itself is clustered.
        expect(startLine(found[0])).toBe(lineOf(standaloneSsodb, 'master-secret-server on SQLCL'));
        expect(found[0].message).toContain('SSODB');
        expect(found[0].message).toContain('SQL01');
        // HA-DB-SPOF reports the instance itself, on its own declaration.
        expect(withCode(diagnostics, 'HA-DB-SPOF').map(startLine)).toEqual([lineOf(standaloneSsodb, 'sql SSOSQL')]);
    });

    test('fires when SSODB is in an availability group with no synchronous replica', async () => {
        const text = variant([[String.raw`sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`, String.raw`sql SQLA on SQL01 { edition enterprise version 2019 }
    sql SQLB on SQL02 { edition enterprise version 2019 }
    availability-group BTSAG {
        replicas SQLA asynchronous, SQLB asynchronous
        dtc-support per-database
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`]]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('BTSAG');
    });

    test('does not fire when SSODB is on a failover cluster instance', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when both SQL nodes share one site (a site failure is HA-SITE-SPOF)', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire without a master secret server (HA-SSO-MSS-UNDECLARED reports that)', async () => {
        const text = variant([['        master-secret-server on SQLCL\n', '']], standaloneSsodb);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
