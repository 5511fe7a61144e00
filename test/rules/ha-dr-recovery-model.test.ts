import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DR-RECOVERY-MODEL';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const databases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';
const withOptions = (options: string) => variant([[databases, `databases BizTalkMgmtDb, BizTalkMsgBoxDb (${options}), BizTalkDTADb, SSODB, BizTalkRuleEngineDb`]]);

describe(ID, () => {
    test('fires on recovery simple of a BizTalk database, as an error', async () => {
        const text = withOptions('mirrored, recovery simple');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'BizTalkMsgBoxDb (', 'simple'));
        expect(hits[0].message).toContain('BizTalkMsgBoxDb uses the simple recovery model');
        expect(hits[0].message).toContain('recovery full');
    });

    test('does not fire on full or bulk-logged recovery, without the option, or outside the backup job', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(withOptions('recovery full'))).toEqual([]);
        expect(await findings(withOptions('recovery bulk-logged'))).toEqual([]);
        expect(await findings(variant([[databases, `${databases}, BAMArchive (recovery simple)`]]))).toEqual([]);
    });
});
