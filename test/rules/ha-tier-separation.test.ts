import { describe, expect, test } from 'vitest';
import { cleanGroup, firstLineWith, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-TIER-SEPARATION';

const findings = findingsOf(ID);

describe(ID, () => {
    test('a standalone SQL instance with the BizTalk databases on a BizTalk computer warns, on the sql', async () => {
        const text = variant([['sql BTSSQL on SQLCL', 'sql BTSSQL on BTS01']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].range.start.line + 1).toBe(firstLineWith(text, 'sql BTSSQL on BTS01'));
        expect(hits[0].message).toContain('BTSSQL');
        expect(hits[0].message).toContain('BTS01');
        expect(hits[0].message).not.toContain('master secret server');
    });

    test('is an error when the shared computer is also a node of the cluster where the master secret server is clustered', async () => {
        const text = variant([['nodes SQL01, SQL02', 'nodes SQL01, SQL02, BTS01']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].range.start.line + 1).toBe(firstLineWith(text, 'sql BTSSQL on SQLCL'));
        expect(hits[0].message).toContain('BTS01');
        expect(hits[0].message).toContain('master secret server');
    });

    test('an instance declared in an inventory at the top level is reported where the group places its databases', async () => {
        const text = `computer BTS03
sql SHAREDSQL on BTS03
` + variant([
            ['        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb\n', ''],
            ['    sso {', '    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb on SHAREDSQL\n\n    sso {'],
            ['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01, BTS02, BTS03 }']
        ]).replace('group Prod', 'group Inventoried');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].range.start.line + 1).toBe(firstLineWith(text, 'on SHAREDSQL'));
        expect(hits[0].message).toContain('SHAREDSQL');
        expect(hits[0].message).toContain('BTS03');
    });

    test('does not fire for dedicated SQL cluster nodes (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('does not fire for a SQL instance on a BizTalk computer that holds no BizTalk database (the log-shipping standby)', async () => {
        expect(await findings(variant([['sql DRSQL on DR01', 'sql DRSQL on BTS01']]))).toEqual([]);
    });
});
