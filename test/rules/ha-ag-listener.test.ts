import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-LISTENER';

const findings = findingsOf(ID);

describe(ID, () => {
    test('an availability group holding BizTalk databases without a listener is an error on the group', async () => {
        const text = variant([['        listener BTSLSN port 1433\n', '']], agGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(startLine(hits[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(hits[0].message).toContain('Availability group BTSAG holds BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB and BizTalkRuleEngineDb but declares no listener');
        expect(hits[0].message).toContain('listener <name> port 1433');
    });

    test('a database placed on a replica instance instead of the group is an error on the database, and HA-DB-SPOF leaves it', async () => {
        const text = variant([['    computer DR01', '    databases BAMPrimaryImport on SQLA\n    computer DR01']], agGroup);
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(startLine(hits[0])).toBe(lineOf(text, 'databases BAMPrimaryImport on SQLA'));
        expect(hits[0].message).toContain('BAMPrimaryImport is placed on SQLA, a replica of availability group BTSAG');
        expect(hits[0].message).toContain('databases BAMPrimaryImport on BTSAG');
        expect(withCode(diagnostics, 'HA-DB-SPOF')).toEqual([]);
    });

    test('the same on a replica\'s own databases list', async () => {
        const text = variant([['sql SQLB on SQL02 { edition enterprise version 2019 }', 'sql SQLB on SQL02 { edition enterprise version 2019  databases BizTalkRuleEngineDb }'], ['SSODB, BizTalkRuleEngineDb', 'SSODB']], agGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(startLine(hits[0])).toBe(lineOf(text, 'sql SQLB on SQL02'));
        expect(hits[0].message).toContain('BizTalkRuleEngineDb is placed on SQLB');
    });

    test('a listener spanning two subnets is an error', async () => {
        const hits = await findings(variant([['listener BTSLSN port 1433', 'listener BTSLSN port 1433 subnets 2']], agGroup));
        expect(hits.map(severityOf)).toEqual(['error']);
        expect(hits[0].message).toContain('spans 2 subnets');
        expect(hits[0].message).toContain('MultiSubnetFailover');
    });

    test('a port other than 1433 needs a SQL alias on every BizTalk computer: a warning naming those without', async () => {
        const port = variant([['listener BTSLSN port 1433', 'listener BTSLSN port 1533']], agGroup);
        const hits = await findings(variant([['computer BTS01, BTS02', 'computer BTS01 { sql-alias BTSAG }, BTS02']], port));
        expect(hits.map(severityOf)).toEqual(['warning']);
        expect(hits[0].message).toContain('listens on port 1533, not 1433, and BTS02 has no SQL alias');
        expect(await findings(variant([['computer BTS01, BTS02', 'computer BTS01 { sql-alias BTSAG }, BTS02 { sql-alias BTSAG }']], port))).toEqual([]);
    });

    test('does not fire with a listener, on an availability group without BizTalk databases, or on databases of other instances', async () => {
        expect(await findings(agGroup)).toEqual([]);
        const empty = variant([['        listener BTSLSN port 1433\n', ''], ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb\n    }', '}\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb on OTHER\n    sql OTHER on SQLCL']], agGroup);
        expect(await findings(empty)).toEqual([]);
    });
});
