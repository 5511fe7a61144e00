import { describe, expect, test } from 'vitest';
import { cleanGroup, clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-RECV-POP3';

const findings = findingsOf(ID);

describe(ID, () => {
    test('a shared mailbox polled from two computers is an error, on the handler', async () => {
        const text = withHost('host MailHost { receive POP3 (shared-mailbox)  bitness 32  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host MailHost', 'POP3'));
        expect(hits[0].message).toContain('receive POP3 on MailHost');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        expect(hits[0].message).toContain('received twice');
    });

    test('a shared mailbox on a single instance is an error: it cannot be scaled out', async () => {
        const hits = await findings(withHost('host MailHost { receive POP3 (shared-mailbox)  bitness 32  instances on BTS01 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('runs only on BTS01');
    });

    test('scaled out with unknown mailbox locking is a warning that asks to check the server', async () => {
        const hits = await findings(withHost('host MailHost { receive POP3  bitness 32  instances on BTS01, BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('MailHost');
        expect(hits[0].message).toContain('shared-mailbox');
    });

    test('does not fire for a shared mailbox in a clustered host', async () => {
        expect(await findings(withHost('host MailHost { receive POP3 (shared-mailbox)  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
    });

    test('does not fire for one instance of an unshared mailbox: an ordinary host SPOF (HA-HOST-SPOF)', async () => {
        const { diagnostics } = await validate(withHost('host MailHost { receive POP3  bitness 32  instances on BTS01 }'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire for the clean group', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
