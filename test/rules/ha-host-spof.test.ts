import { describe, expect, test } from 'vitest';
import { cleanGroup, firstLineWith, variant, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';
import { applyFix, getFixes } from '../fixes/fix-helpers.js';

const ID = 'HA-HOST-SPOF';

const findings = findingsOf(ID);

const processing = 'host ProcessingHost { orchestrations  instances on BTS01, BTS02 }';

describe(ID, () => {
    test('a processing host with one instance fires once, on its instances list', async () => {
        const text = variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const line = firstLineWith(text, 'host ProcessingHost');
        expect(hits[0].range.start.line + 1).toBe(line);
        expect(hits[0].range.start.character).toBe(text.split('\n')[line - 1].indexOf('instances on'));
        expect(hits[0].message).toContain('ProcessingHost');
        expect(hits[0].message).toContain('processing (orchestrations)');
        expect(hits[0].message).toContain('BTS01');
        expect(hits[0].message).toContain('(BTS02)'); // the computer to add an instance on
    });

    test('names every send handler of the host that stops', async () => {
        const hits = await findings(variant([['send FILE, SMTP  instances on BTS01, BTS02', 'send FILE, SMTP  instances on BTS01']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('send FILE and send SMTP stop when BTS01 fails');
    });

    test('two instances listed on one computer are still a single point of failure', async () => {
        const hits = await findings(variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS02, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('runs only on BTS02');
    });

    test('a disabled second instance does not count, and the message says so', async () => {
        const hits = await findings(variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01, BTS02 (disabled) }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('runs only on BTS01');
        expect(hits[0].message).toContain('BTS02 is disabled');
    });

    test('availability standard lowers it to a warning', async () => {
        const text = variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01 }'], ['edition enterprise', 'edition enterprise\n    availability standard']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
    });

    test('a host mixing a scale-out handler with FTP names both, and says FTP needs a clustered host', async () => {
        const text = variant([['receive FILE (path', 'receive FTP, FILE (path'], ['instances on BTS01, BTS02  account', 'bitness 32  instances on BTS01  account']]);
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('receive FTP and receive FILE stop when BTS01 fails');
        expect(hits[0].message).toContain('Add an instance of ReceiveHost on a second computer (BTS02)');
        expect(hits[0].message).toContain('receive FTP needs a clustered host rather than a second active instance');
        // The adapter rule still says how to fix FTP, on the handler rather than on the instances.
        const ftp = withCode(diagnostics, 'HA-RECV-MUST-CLUSTER');
        expect(ftp).toHaveLength(1);
        expect(ftp[0].range).not.toEqual(hits[0].range);
    });

    // A host with one unclustered instance is a single point of failure whatever adapter rule
    // also applies: these gave no error at all before (the adapter rules' own are warnings).
    test.each([
        ['legacy SQL receive', 'host SqlHost { receive SQL  instances on BTS01 }', 'receive SQL', 'HA-RECV-SQL-SAP'],
        ['WCF-NetMsmq receive', 'host QueueHost { receive WCF-NetMsmq  instances on BTS01 }', 'receive WCF-NetMsmq', 'HA-WCF-NETMSMQ'],
        ['non-transactional MSMQ send', 'host MsmqSend { send MSMQ (non-transactional)  instances on BTS01 }', 'send MSMQ', 'HA-MSMQ-CLUSTER'],
        ['FTP receive', 'host FtpHost { receive FTP  bitness 32  instances on BTS01 }', 'receive FTP', 'HA-RECV-MUST-CLUSTER'],
        ['ordered MSMQ receive', 'host OrderedHost { receive MSMQ (ordered)  instances on BTS01 }', 'receive MSMQ', 'HA-ORDERED-RECV']
    ])('%s on one computer is an error, and the adapter rule still reports it', async (_name, host, stops, adapterRule) => {
        const text = withHost(host);
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain(`${stops} stops when BTS01 fails`);
        expect(hits[0].message).toContain('needs a clustered host rather than a second active instance');
        expect(hits[0].message).not.toContain('Add an instance');
        const name = host.split(' ')[1];
        expect(hits[0].range.start.line + 1).toBe(firstLineWith(text, `host ${name}`));
        expect(withCode(diagnostics, adapterRule)).toHaveLength(1);
        expect(diagnostics.filter(d => d.severity === 1).length).toBeGreaterThan(0);
    });

    test('a perimeter-network host is told to add its second instance in the perimeter network, not on an internal computer', async () => {
        const dmz = 'host Dmz isolated { receive HTTP  instances on WEB01 }';
        const alone = withHost(dmz, variant([['computer BTS01, BTS02', 'computer BTS01, BTS02\n    computer WEB01 { zone perimeter }']]));
        const [hit] = (await findings(alone)).filter(d => d.message.startsWith('Dmz'));
        expect(hit.message).toContain('Add an instance of Dmz on a second computer in the perimeter network.');
        expect(hit.message).not.toContain('BTS01');
        const paired = withHost(dmz, variant([['computer BTS01, BTS02', 'computer BTS01, BTS02\n    computer WEB01 { zone perimeter }\n    computer WEB02 { zone perimeter }\n    host Dmz2 isolated { receive SOAP  instances on WEB02 }']]));
        const [other] = (await findings(paired)).filter(d => d.message.startsWith('Dmz runs'));
        expect(other.message).toContain('Add an instance of Dmz on a second computer (WEB02).');
    });

    test('in Standard edition on one computer the advice and the fix start with Enterprise edition', async () => {
        const single = cleanGroup.replace('computer BTS01, BTS02', 'computer BTS01').replaceAll('BTS01, BTS02', 'BTS01')
            .replace('edition enterprise\n', 'edition standard\n    availability standard\n');
        const [hit] = (await findings(single)).filter(d => d.message.startsWith('ProcessingHost'));
        expect(hit.message).toContain('Standard edition allows one BizTalk computer per group, so first change the group to `edition enterprise`. Then add an instance of ProcessingHost on a second computer.');
        const [fix] = await getFixes(single, hit);
        expect(fix.title).toMatch(/^Set edition enterprise, declare computer BTS\d+ and add an instance of ProcessingHost on it/);
        expect(applyFix(single, fix)).toContain('edition enterprise');
    });

    test('does not fire for hosts on two computers (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('does not fire for a clustered host', async () => {
        const text = variant([
            ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  msmq }\n'],
            ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
            ['    nlb WebFarm', '    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']
        ]);
        expect(await findings(text)).toEqual([]);
    });

    test('does not fire for a host with no work, a tracking-only host or a host with no instance (other rules)', async () => {
        const idle = await validate(variant([['    nlb WebFarm', '    host Spare { instances on BTS01 }\n    nlb WebFarm']]));
        expect(withCode(idle.diagnostics, ID)).toEqual([]);

        const tracking = await validate(variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  instances on BTS01 }']]));
        expect(withCode(tracking.diagnostics, ID)).toEqual([]);
        expect(withCode(tracking.diagnostics, 'HA-TRACK-SPOF')).toHaveLength(1);

        const none = await validate(variant([[processing, 'host ProcessingHost { orchestrations }']]));
        expect(withCode(none.diagnostics, ID)).toEqual([]);
        expect(withCode(none.diagnostics, 'HA-HOST-NO-INSTANCES')).toHaveLength(1);
    });

    test('does not fire when both instances share one site: HA-SITE-SPOF covers site failures', async () => {
        const { diagnostics } = await validate(variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02 { site DC1 }']]));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SITE-SPOF').length).toBeGreaterThan(0);
    });
});
