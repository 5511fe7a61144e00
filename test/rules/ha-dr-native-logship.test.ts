import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DR-NATIVE-LOGSHIP';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const databases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';

describe(ID, () => {
    test('fires on sql-log-shipping of a database of the backup job, as an error', async () => {
        const text = variant([[databases, 'databases BizTalkMgmtDb (sql-log-shipping), BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'BizTalkMgmtDb (', 'sql-log-shipping'));
        expect(hits[0].message).toContain("BizTalkMgmtDb is log-shipped by SQL Server's own log shipping");
        expect(hits[0].message).toContain('BizTalk log shipping');
    });

    test('fires for a secondary MessageBox and for BAMPrimaryImport', async () => {
        const text = variant([[databases, `${databases}, messagebox BizTalkMsgBoxDb2 (sql-log-shipping), messagebox BizTalkMsgBoxDb3, BAMPrimaryImport (sql-log-shipping)`]]);
        expect((await findings(text)).map(show)).toHaveLength(2);
    });

    test('does not fire on databases outside the backup job, or without the option', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([[databases, `${databases}, BAMStarSchema (sql-log-shipping), SSISDB (sql-log-shipping)`]]))).toEqual([]);
    });
});
