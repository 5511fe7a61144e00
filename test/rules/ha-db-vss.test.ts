import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DB-VSS';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const databases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';

describe(ID, () => {
    test('fires on the vss option of a database, as an error', async () => {
        const text = variant([[databases, 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb (vss), SSODB, BizTalkRuleEngineDb']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'BizTalkDTADb (', 'vss'));
        expect(hits[0].message).toContain('BizTalkDTADb is protected by Volume Shadow Copy');
        expect(hits[0].message).toContain('Backup BizTalk Server job');
    });

    test('does not fire without the option', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([[databases, 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb (mirrored), SSODB, BizTalkRuleEngineDb']]))).toEqual([]);
    });
});
