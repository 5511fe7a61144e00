import { describe, expect, test } from 'vitest';
import { clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-RECV-SQL-SAP';

const findings = findingsOf(ID);

describe(ID, () => {
    test('SAP receive in a non-clustered host is an error, on the handler', async () => {
        const text = withHost('host SapHost { receive SAP  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host SapHost', 'SAP '));
        expect(hits[0].message).toContain('receive SAP on SapHost');
        expect(hits[0].message).toContain('two-phase commit');
    });

    test('WCF-SAP receive on a single instance is an error too', async () => {
        const hits = await findings(withHost('host SapHost { receive WCF-SAP  instances on BTS01 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
    });

    test('legacy SQL receive in a non-clustered host is a warning', async () => {
        const hits = await findings(withHost('host SqlHost { receive SQL  instances on BTS01, BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('legacy SQL adapter');
        expect(hits[0].message).toContain('SqlHost');
    });

    test('WCF-SQL polling from two computers is a warning asking for a concurrency-safe statement', async () => {
        const hits = await findings(withHost('host PollHost { receive WCF-SQL  instances on BTS01, BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('PollHost');
        expect(hits[0].message).toContain('concurrency-safe or cluster the host');
    });

    test('does not fire for WCF-SQL on one instance: an ordinary host SPOF (HA-HOST-SPOF)', async () => {
        const { diagnostics } = await validate(withHost('host PollHost { receive WCF-SQL  instances on BTS01 }'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire for SAP and SQL receive in a clustered host, or for SAP send', async () => {
        expect(await findings(withHost('host SapHost { receive SAP, SQL  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
        expect(await findings(withHost('host SapSend { send SAP, SQL  instances on BTS01, BTS02 }'))).toEqual([]);
    });
});
