import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-HOST-SEPARATION';

const findings = findingsOf(ID);

const processing = 'host ProcessingHost { orchestrations  instances on BTS01, BTS02 }';

describe(ID, () => {
    test('orchestrations in the host that also sends is information, on the orchestrations keyword', async () => {
        const text = variant([[processing, 'host ProcessingHost { orchestrations  send WCF-BasicHttp  instances on BTS01, BTS02 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('host ProcessingHost'));
        expect(hits[0].range.start.line).toBe(line);
        expect(hits[0].range.start.character).toBe(lines[line].indexOf('orchestrations'));
        expect(hits[0].message).toContain('ProcessingHost mixes processing with sending');
    });

    test('names both receiving and sending', async () => {
        const hits = await findings(variant([[processing, 'host ProcessingHost { receive AzureBlob  orchestrations  send SMTP  instances on BTS01, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('receiving and sending');
    });

    test('is a warning when the host also does tracking', async () => {
        const hits = await findings(variant([[processing, 'host ProcessingHost { receive AzureBlob  orchestrations  tracking  instances on BTS01, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('receiving and tracking');
    });

    test('does not fire for separate hosts (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('does not fire for receive and send in one host, nor for tracking with handlers (HA-TRACK-DEDICATED)', async () => {
        expect(await findings(variant([['send FILE, SMTP  instances on BTS01, BTS02', 'receive AzureBlob  send FILE, SMTP  instances on BTS01, BTS02']]))).toEqual([]);
        const tracking = await validate(variant([['send FILE, SMTP  instances on BTS01, BTS02', 'send FILE, SMTP  tracking  instances on BTS01, BTS02']]));
        expect(withCode(tracking.diagnostics, ID)).toEqual([]);
        expect(withCode(tracking.diagnostics, 'HA-TRACK-DEDICATED').length).toBeGreaterThan(0);
    });

    test('does not fire for orchestrations alongside tracking only', async () => {
        expect(await findings(variant([[processing, 'host ProcessingHost { orchestrations  tracking  instances on BTS01, BTS02 }']]))).toEqual([]);
    });
});
