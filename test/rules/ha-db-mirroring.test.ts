import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DB-MIRRORING';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const databases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';

describe(ID, () => {
    test('fires on the mirrored option of a database, as an error', async () => {
        const text = variant([[databases, 'databases BizTalkMgmtDb, BizTalkMsgBoxDb (recovery full, mirrored), BizTalkDTADb, SSODB, BizTalkRuleEngineDb']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'BizTalkMsgBoxDb (', 'mirrored'));
        expect(hits[0].message).toContain('BizTalkMsgBoxDb is protected by database mirroring');
        expect(hits[0].message).toContain('failover cluster instance');
    });

    test('fires once per mirrored database, in a placement too', async () => {
        const text = variant([[databases, 'databases BizTalkMgmtDb (mirrored), BizTalkMsgBoxDb, BizTalkDTADb, SSODB (mirrored), BizTalkRuleEngineDb']]);
        expect((await findings(text)).map(show)).toHaveLength(2);
        const placed = variant([['    computer DR01\n', '    computer DR01\n    databases BAMPrimaryImport (mirrored) on BTSSQL\n']]);
        expect((await findings(placed)).map(show)).toHaveLength(1);
    });

    test('does not fire without the option or with other options', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([[databases, 'databases BizTalkMgmtDb (recovery full, vss), BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb']]))).toEqual([]);
    });
});
