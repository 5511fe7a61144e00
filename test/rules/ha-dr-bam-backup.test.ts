import { describe, expect, test } from 'vitest';
import { bamGroup, cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DR-BAM-BACKUP';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const bamBackup = '        backup "\\\\\\\\fs01\\\\bam"\n';

describe(ID, () => {
    test('fires on the bam block without a backup, naming the databases outside the job', async () => {
        const text = variant([[bamBackup, '']], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'bam {', 'bam'));
        expect(hits[0].message).toContain('BAMStarSchema and BAMArchive are not in the Backup BizTalk Server job');
    });

    test('fires on the first BAM database when the group places BAM databases without a bam block', async () => {
        const text = variant([['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, BAMPrimaryImport']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'BAMPrimaryImport', 'BAMPrimaryImport'));
    });

    test('does not fire with a BAM backup, or without BAM', async () => {
        expect(await findings(bamGroup)).toEqual([]);
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
