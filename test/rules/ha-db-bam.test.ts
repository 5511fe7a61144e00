import { describe, expect, test } from 'vitest';
import { bamGroup, cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DB-BAM';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

describe(ID, () => {
    test('fires on the event bus when it runs on one computer, naming the candidates', async () => {
        const text = variant([['event-bus on BTS01, BTS02', 'event-bus on BTS01']], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'event-bus on BTS01', 'event-bus'));
        expect(hits[0].message).toContain('The BAM event bus runs only on BTS01');
        expect(hits[0].message).toContain('(BTS02)');
    });

    test('fires on the bam block when BAMPrimaryImport is not placed', async () => {
        const text = variant([[', BAMPrimaryImport, BAMStarSchema, BAMArchive', '']], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'bam {', 'bam'));
        expect(hits[0].message).toContain('places no BAMPrimaryImport');
    });

    test('does not fire with the event bus on two computers or left to the tracking host, or without BAM', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(bamGroup)).toEqual([]);
        expect(await findings(variant([['        event-bus on BTS01, BTS02\n', '']], bamGroup))).toEqual([]);
    });
});
