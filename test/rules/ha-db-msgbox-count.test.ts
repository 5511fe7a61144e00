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

    test('does not fire with one MessageBox or with three', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(withMessageBoxes('messagebox BizTalkMsgBoxDb2, messagebox BizTalkMsgBoxDb3'))).toEqual([]);
    });
});
