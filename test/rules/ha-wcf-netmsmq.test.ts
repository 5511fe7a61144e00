import { describe, expect, test } from 'vitest';
import { clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-WCF-NETMSMQ';

const findings = findingsOf(ID);

describe(ID, () => {
    test('WCF-NetMsmq receive in a scaled-out host is a warning, on the handler', async () => {
        const text = withHost('host QueueHost { receive WCF-NetMsmq  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host QueueHost', 'WCF-NetMsmq'));
        expect(hits[0].message).toContain('receive WCF-NetMsmq on QueueHost');
        expect(hits[0].message).toContain('clustered host');
    });

    test('fires for a single instance too, next to the HA-HOST-SPOF error', async () => {
        const { diagnostics } = await validate(withHost('host QueueHost { receive WCF-NetMsmq  instances on BTS01 }'));
        expect(withCode(diagnostics, ID)).toHaveLength(1);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire in a clustered host', async () => {
        expect(await findings(withHost('host QueueHost { receive WCF-NetMsmq  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
    });

    test('does not fire for WCF-NetMsmq send, or for an ordered receive (HA-ORDERED-RECV)', async () => {
        expect(await findings(withHost('host QueueSend { send WCF-NetMsmq  instances on BTS01, BTS02 }'))).toEqual([]);
        const ordered = await validate(withHost('host QueueHost { receive WCF-NetMsmq (ordered)  instances on BTS01, BTS02 }'));
        expect(withCode(ordered.diagnostics, ID)).toEqual([]);
        expect(withCode(ordered.diagnostics, 'HA-ORDERED-RECV')).toHaveLength(1);
    });
});
