import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-DB-MSGBOX-COUNT';

const findings = findingsOf(ID);

const databases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';
const withMessageBoxes = (extra: string) => variant([[databases, `${databases}, ${extra}`]]);

describe(ID, () => {
    test('fires on the second MessageBox when there are exactly two', async () => {
        const text = withMessageBoxes('messagebox BizTalkMsgBoxDb2');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, databases, 'BizTalkMsgBoxDb2'));
        expect(hits[0].message).toContain('two MessageBox databases (BizTalkMsgBoxDb, the master, and BizTalkMsgBoxDb2)');
        expect(hits[0].message).toContain('at least three');
    });

    test('does not fire with one MessageBox', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});

describe(`${ID} with three or more MessageBoxes`, () => {
    const three = (master: string) => variant([[databases, `databases BizTalkMgmtDb, ${master}, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, messagebox BizTalkMsgBoxDb2, messagebox BizTalkMsgBoxDb3`]]);

    test('fires on the master while it still publishes, on its publication option when written', async () => {
        const text = three('BizTalkMsgBoxDb');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, databases.slice(0, 20), 'BizTalkMsgBoxDb'));
        expect(hits[0].message).toContain('BizTalkMsgBoxDb is the master of 3 MessageBox databases but still accepts new messages');
        const explicit = three('BizTalkMsgBoxDb (publication on)');
        const onOption = await findings(explicit);
        expect(rangeStart(onOption[0])).toEqual(startOf(explicit, 'publication on', 'on)'));
    });

    test('does not fire when publication is off on the master', async () => {
        expect(await findings(three('BizTalkMsgBoxDb (publication off)'))).toEqual([]);
    });
});
