import { describe, expect, test } from 'vitest';
import { clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-ORDERED-RECV';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

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
});
