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

    test('does not fire with a listener, on an availability group without BizTalk databases, or on databases of other instances', async () => {
        expect(await findings(agGroup)).toEqual([]);
        const empty = variant([['        listener BTSLSN port 1433\n', ''], ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb\n    }', '}\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb on OTHER\n    sql OTHER on SQLCL']], agGroup);
        expect(await findings(empty)).toEqual([]);
    });
});
