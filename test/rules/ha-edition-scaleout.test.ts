import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-EDITION-SCALEOUT';

const findings = findingsOf(ID);

/** A one-computer group declared not highly available: what Standard edition allows. */
const singleServerStandard = variant([['edition enterprise\n', 'edition standard\n    availability standard\n']],
    cleanGroup.replaceAll('instances on BTS01, BTS02', 'instances on BTS01').replace('members BTS01, BTS02', 'members BTS01'));

describe(ID, () => {
    test('Standard edition on two BizTalk computers fires once, on the edition setting', async () => {
        const text = variant([['edition enterprise\n', 'edition standard\n']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].range.start.line + 1).toBe(3);
        expect(hits[0].message).toContain('Standard edition');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        // Declaring availability standard would not remove this one: the message must not offer it.
        expect(hits[0].message).not.toContain('availability standard');
        expect(hits[0].message).toContain('Enterprise edition');
    });

    test('Branch edition with a clustered host names the host', async () => {
        const text = variant([
            ['edition enterprise\n', 'edition branch\n'],
            ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  msmq }\n'],
            ['    nlb WebFarm', '    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']
        ]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('Branch edition');
        expect(hits[0].message).toContain('FtpHost is a clustered host');
    });

    test('a second MessageBox fires even in a single-computer group not meant to be highly available', async () => {
        const text = variant([['BizTalkMsgBoxDb,', 'BizTalkMsgBoxDb, messagebox BizTalkMsgBoxDb2,']], singleServerStandard);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('2 MessageBox databases');
        expect(severityOf(hits[0])).toBe('warning'); // availability standard lowers error to warning
    });

    test('Standard edition in a group that claims high availability fires, and offers availability standard', async () => {
        const text = singleServerStandard.replace('    availability standard\n', '');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('declared highly available');
        expect(hits[0].message).toContain('availability standard');
    });

    test('does not fire for Standard edition on one computer with availability standard', async () => {
        expect(await findings(singleServerStandard)).toEqual([]);
    });

    test('does not fire for Enterprise edition (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('Developer edition with availability high is a warning: it is not licensed for production', async () => {
        const text = variant([['edition enterprise\n', 'edition developer\n']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].range.start.line + 1).toBe(3);
        expect(hits[0].message).toContain('Developer edition');
        expect(hits[0].message).toContain('production');
        expect(hits[0].message).toContain('availability standard');
    });

    test('does not fire for Developer edition declared availability standard', async () => {
        expect(await findings(variant([['edition enterprise\n', 'edition developer\n    availability standard\n']]))).toEqual([]);
    });
});
