import { describe, expect, test } from 'vitest';
import { agGroup, cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DB-SQLAGENT';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const withAgent = (state: string, base = cleanGroup) => variant([['        edition enterprise\n        version 2019\n', `        edition enterprise\n        version 2019\n        agent ${state}\n`]], base);

describe(ID, () => {
    test('fires on a stopped agent of the instance holding the MessageBox, as an error', async () => {
        const text = withAgent('stopped');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'agent stopped', 'stopped'));
        expect(hits[0].message).toContain('SQL Server Agent is stopped on BTSSQL');
        expect(hits[0].message).toContain('MessageBox cleanup');
        expect(hits[0].message).toContain('`agent running`');
    });

    test('fires on a disabled agent of an availability group replica holding the MessageBox', async () => {
        const text = variant([['sql SQLB on SQL02 { edition enterprise version 2019 }', 'sql SQLB on SQL02 { edition enterprise version 2019 agent disabled }']], agGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('SQL Server Agent is disabled on SQLB');
    });

    test('warns when the instance holds the Management or Tracking database but no MessageBox', async () => {
        const text = variant([
            ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMsgBoxDb, SSODB, BizTalkRuleEngineDb'],
            ['    computer DR01\n', '    computer DR01\n    sql MGMTSQL on SQLCL { agent stopped  databases BizTalkMgmtDb, BizTalkDTADb }\n']
        ]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('Backup BizTalk Server job');
    });

    test('does not fire when the agent runs (or is not written), or on an instance without BizTalk job databases', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(withAgent('running'))).toEqual([]);
        // The log-shipping standby holds none of the group's databases.
        expect(await findings(variant([['sql DRSQL on DR01', 'sql DRSQL on DR01 { agent stopped }']]))).toEqual([]);
        expect(await findings(variant([['    computer DR01\n', '    computer DR01\n    sql BAMSQL on SQLCL { agent stopped  databases BAMStarSchema }\n']]))).toEqual([]);
    });
});
