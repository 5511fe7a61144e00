import { describe, expect, test } from 'vitest';
import { clusteredBase, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-MSMQ-CLUSTER';

const findings = findingsOf(ID);

function at(text: string, host: string, word: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(host));
    return [line, lines[line].indexOf(word)];
}

describe(ID, () => {
    test('MSMQ send in a scaled-out, non-clustered host is an error, on the handler', async () => {
        const text = withHost('host MsmqSend { send MSMQ  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(at(text, 'host MsmqSend', 'MSMQ'));
        expect(hits[0].message).toContain('send MSMQ on MsmqSend');
        expect(hits[0].message).toContain('outgoing queue');
    });

    test('MSMQ receive of local transactional queues in a non-clustered host is an error', async () => {
        const hits = await findings(withHost('host MsmqRecv { receive MSMQ  instances on BTS01, BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('receive MSMQ on MsmqRecv reads local transactional queues');
    });

    test('the message agrees with the failure analysis: scaled out, the receive goes on but a failed computer strands its own queues', async () => {
        const scaled = await findings(withHost('host MsmqRecv { receive MSMQ  instances on BTS01, BTS02 }'));
        expect(scaled[0].message).toContain('each of BTS01 and BTS02 has its own: the other instances keep receiving from theirs, but when one computer fails the messages already in its queues are stranded until it returns');
        expect(scaled[0].message).not.toContain('receiving stops');
        const single = await findings(withHost('host MsmqRecv { receive MSMQ  instances on BTS01 }'));
        expect(single[0].message).toContain('reads local transactional queues on BTS01: receiving stops when BTS01 fails');
    });

    test('non-transactional MSMQ send is a warning', async () => {
        const hits = await findings(withHost('host MsmqSend { send MSMQ (non-transactional)  instances on BTS01, BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
    });

    test('a clustered MSMQ host on a cluster without a clustered MSMQ resource is an error, on `clustered on`', async () => {
        const text = withHost('host MsmqHost { receive MSMQ  send MSMQ  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase.replace('msdtc  msmq }', 'msdtc }'));
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(at(text, 'host MsmqHost', 'clustered on'));
        expect(hits[0].message).toContain('MsmqHost');
        expect(hits[0].message).toContain('cluster BTSCL declares no clustered MSMQ resource');
    });

    test('does not fire for a clustered host in the group of a clustered MSMQ resource', async () => {
        expect(await findings(withHost('host MsmqHost { receive MSMQ  send MSMQ  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
    });

    test('does not fire for scaled-out receives of remote queues or non-transactional queues', async () => {
        expect(await findings(withHost('host MsmqRecv { receive MSMQ (remote-queue), MSMQ (non-transactional)  instances on BTS01, BTS02 }'))).toEqual([]);
    });

    test('does not fire for an ordered MSMQ receive: HA-ORDERED-RECV reports it', async () => {
        const { diagnostics } = await validate(withHost('host MsmqRecv { receive MSMQ (ordered)  instances on BTS01, BTS02 }'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-ORDERED-RECV')).toHaveLength(1);
    });
});
