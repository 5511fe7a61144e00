import { describe, expect, test } from 'vitest';
import { clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-ORDERED-RECV';

const findings = findingsOf(ID);

describe(ID, () => {
    test('an ordered MQSeries receive on two computers is an error (order broken), on the handler', async () => {
        const text = withHost('host MqHost { receive MQSeries (ordered)  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host MqHost', 'MQSeries'));
        expect(hits[0].message).toContain('receive MQSeries (ordered) on MqHost');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        expect(hits[0].message).toContain('break the delivery order');
    });

    test('an ordered MSMQ receive on one computer is an error (single point of failure)', async () => {
        const { diagnostics } = await validate(withHost('host MsmqHost { receive MSMQ (ordered)  instances on BTS02 }'));
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('runs only on BTS02');
        // The host is a single point of failure as well; this rule says how to fix it.
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire in a clustered host', async () => {
        expect(await findings(withHost('host MsmqHost { receive MSMQ (ordered)  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
    });

    test('does not fire for an ordered send port, which is safe scaled out', async () => {
        expect(await findings(withHost('host MqSend { send MQSeries (ordered)  instances on BTS01, BTS02 }'))).toEqual([]);
    });

    test('does not fire for an unordered MQSeries receive scaled out (the clean design)', async () => {
        expect(await findings(withHost('host MqHost { receive MQSeries  instances on BTS01, BTS02 }'))).toEqual([]);
    });

    // Only MSMQ, MQSeries and WCF-NetMsmq preserve message order on receive; elsewhere `ordered` means nothing.
    test.each([
        ['FILE', 'host FileHost { receive FILE (ordered, path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02 }'],
        ['WCF-BasicHttp', 'host OrderedWeb isolated { receive WCF-BasicHttp (ordered)  instances on BTS01, BTS02 }'],
        ['SFTP', 'host SftpHost { receive SFTP (ordered)  clustered on BTSCL  instances on BTS01, BTS02 }']
    ])('`ordered` on a %s receive is a warning that it has no effect, not an error', async (adapter, host) => {
        const text = withHost(host, clusteredBase);
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain(`receive ${adapter}`);
        expect(hits[0].message).toContain('MSMQ, MQSeries and WCF-NetMsmq');
        expect(hits[0].message).toContain('no effect');
        expect(rangeStart(hits[0])).toEqual(startOf(text, host.slice(0, 14), 'ordered'));
    });

    test('its quick fix removes the meaningless `ordered`', async () => {
        const { getFixes, applyFix } = await import('../fixes/fix-helpers.js');
        const text = withHost('host FileHost { receive FILE (ordered, path "x")  instances on BTS01, BTS02 }', clusteredBase);
        const { diagnostics } = await validate(text);
        const hit = withCode(diagnostics, ID)[0];
        const [fix] = await getFixes(text, hit);
        expect(fix.title).toContain('Remove');
        expect(applyFix(text, fix)).toContain('receive FILE (path "x")');
        const single = withHost('host FileHost { receive FILE (ordered)  instances on BTS01, BTS02 }', clusteredBase);
        const [only] = await getFixes(single, withCode((await validate(single)).diagnostics, ID)[0]);
        expect(applyFix(single, only)).toContain('receive FILE  instances');
    });

    test('an ordered send is not this rule\'s (ordered delivery works on any send port)', async () => {
        expect(await findings(withHost('host OrderedSend { send FILE (ordered)  instances on BTS01, BTS02 }'))).toEqual([]);
    });
});
