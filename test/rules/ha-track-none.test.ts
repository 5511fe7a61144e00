import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-TRACK-NONE';

const trackingHost = '    host TrackingHost { tracking  instances on BTS01, BTS02 }\n';

describe(ID, () => {
    test('fires on the group name when no host does tracking', async () => {
        const text = variant([[trackingHost, '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'group Prod'));
        expect(found[0].message).toContain('Prod');
        expect(found[0].message).toContain('MessageBox');
        expect(found[0].message).toContain('tracking');
    });

    test('fires when only an isolated host is marked for tracking (it cannot track)', async () => {
        const text = variant([
            [trackingHost, ''],
            ['host WebReceive isolated { receive WCF-BasicHttp ', 'host WebReceive isolated { receive WCF-BasicHttp tracking ']
        ]);
        expect(withCode((await validate(text)).diagnostics, ID)).toHaveLength(1);
    });

    test('does not fire with a dedicated tracking host', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when a processing host does the tracking (HA-TRACK-DEDICATED warns instead)', async () => {
        const text = variant([
            [trackingHost, ''],
            ['host ProcessingHost { orchestrations ', 'host ProcessingHost { orchestrations tracking ']
        ]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-TRACK-DEDICATED')).toHaveLength(1);
    });
});
