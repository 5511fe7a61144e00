import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-TRACK-DEDICATED';

const processingTracks = variant([['host ProcessingHost { orchestrations ', 'host ProcessingHost { orchestrations tracking ']]);

describe(ID, () => {
    test('is information on a work host that also tracks while a dedicated tracking host exists', async () => {
        const found = withCode((await validate(processingTracks)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('information');
        expect(startLine(found[0])).toBe(lineOf(processingTracks, 'host ProcessingHost'));
        expect(found[0].message).toContain('ProcessingHost');
        expect(found[0].message).toContain('dedicated tracking host');
    });

    test('is a warning when only work hosts do tracking', async () => {
        const text = variant([['    host TrackingHost { tracking  instances on BTS01, BTS02 }\n', '']], processingTracks);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(found[0].message).toContain('stopping ProcessingHost stops tracking');
    });

    test('does not fire with a dedicated tracking host only', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });
});
