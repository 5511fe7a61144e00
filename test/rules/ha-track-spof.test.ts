import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-TRACK-SPOF';

const tracking = (instances: string, base = cleanGroup) =>
    variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }', `host TrackingHost { tracking  instances on ${instances} }`]], base);
// Three MessageBoxes: N + 1 = 4 tracking computers recommended.
const threeMessageBoxes = variant([['BizTalkRuleEngineDb\n', 'BizTalkRuleEngineDb, messagebox BizTalkMsgBoxDb2, messagebox BizTalkMsgBoxDb3\n']]);

describe(ID, () => {
    test('is an error, on the tracking setting, when tracking runs on one computer', async () => {
        const text = tracking('BTS01');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'host TrackingHost'));
        expect(found[0].message).toContain('Tracking runs only on BTS01');
        // The candidate computer for the second instance.
        expect(found[0].message).toContain('BTS02');
    });

    test('a disabled instance does not count', async () => {
        const found = withCode((await validate(tracking('BTS01, BTS02 (disabled)'))).diagnostics, ID);
        expect(found.map(severityOf)).toEqual(['error']);
    });

    test('is a warning below N+1 computers with three MessageBoxes', async () => {
        const found = withCode((await validate(threeMessageBoxes)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(found[0].message).toContain('3 MessageBox');
        expect(found[0].message).toContain('at least 4');
    });

    test('drops to a warning below two computers with availability standard', async () => {
        const text = variant([['edition enterprise', 'edition enterprise\n    availability standard']], tracking('BTS01'));
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toEqual(['warning']);
    });

    test('does not fire with tracking on two computers and one MessageBox', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('counts tracking computers across tracking hosts', async () => {
        const text = variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }',
            'host TrackingA { tracking  instances on BTS01 }\n    host TrackingB { tracking  instances on BTS02 }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire with N+1 tracking computers for three MessageBoxes', async () => {
        const text = tracking('BTS01, BTS02, BTS03, BTS04', variant([['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04']], threeMessageBoxes));
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    // A clustered host has one active instance whatever its number of nodes: the others are standbys.
    const fourNodes = variant([['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04, BTS05, BTS06\n    cluster TRKCL { nodes BTS03, BTS04, BTS05, BTS06  msdtc }']], threeMessageBoxes);

    test('a clustered tracking host counts as one active instance (and one standby) towards N+1', async () => {
        const text = variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  clustered on TRKCL  instances on BTS03, BTS04, BTS05, BTS06 }']], fourNodes);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(found[0].message).toContain('at least 4');
        expect(found[0].message).toContain('clustered');
    });

    test('does not fire with a clustered tracking host and one MessageBox: its standby node is the spare', async () => {
        const text = variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04\n    cluster TRKCL { nodes BTS03, BTS04  msdtc }'],
            ['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  clustered on TRKCL  instances on BTS03, BTS04 }']
        ]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire with a clustered tracking host plus two scaled-out tracking computers for three MessageBoxes', async () => {
        const text = variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }',
            'host TrackingHost { tracking  instances on BTS01, BTS02 }\n    host ClusteredTracking { tracking  clustered on TRKCL  instances on BTS03, BTS04, BTS05, BTS06 }']], fourNodes);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
