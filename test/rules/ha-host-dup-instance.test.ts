import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-HOST-DUP-INSTANCE';

const findings = findingsOf(ID);

const processing = 'host ProcessingHost { orchestrations  instances on BTS01, BTS02 }';

describe(ID, () => {
    test('a host listed twice on one computer fires once, on the second instance', async () => {
        const text = variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01, BTS02, BTS01 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('host ProcessingHost'));
        expect(hits[0].range.start.line).toBe(line);
        expect(hits[0].range.start.character).toBe(lines[line].lastIndexOf('BTS01'));
        expect(hits[0].message).toContain('ProcessingHost');
        expect(hits[0].message).toContain('already has an instance on BTS01');
    });

    test('fires across two instances lists of the same host, and for a disabled duplicate', async () => {
        expect(await findings(variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01, BTS02  instances on BTS02 }']]))).toHaveLength(1);
        expect(await findings(variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01, BTS02, BTS02 (disabled) }']]))).toHaveLength(1);
    });

    test('reports every extra copy', async () => {
        const hits = await findings(variant([[processing, 'host ProcessingHost { orchestrations  instances on BTS01, BTS01, BTS01, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(2);
    });

    test('does not fire for instances of different hosts on the same computer (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
