import { describe, expect, test } from 'vitest';
import { bamGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-NLB-IIS-BAM';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const unbalanced = variant([['fronts WebReceive, bam-portal', 'fronts WebReceive']], bamGroup);

describe(ID, () => {
    test('fires on a portal on one computer', async () => {
        const text = variant([['portal on BTS01, BTS02', 'portal on BTS01']], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'portal on BTS01', 'BTS01'));
        expect(hits[0].message).toContain('The BAM portal runs only on BTS01');
    });

    test('fires on a portal on two computers without a load balancer', async () => {
        const hits = await findings(unbalanced);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('no load balancer fronts it');
    });

    test('fires when the load balancer of the portal has one portal computer as member', async () => {
        const text = variant([['nlb WebFarm { members BTS01, BTS02  fronts WebReceive, bam-portal }', 'nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n    nlb BamFarm { members BTS01  fronts bam-portal }']], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('has only BTS01 as a member');
    });

    test('does not fire on a load-balanced portal on two computers, or without a portal', async () => {
        expect(await findings(bamGroup)).toEqual([]);
        expect(await findings(variant([['        portal on BTS01, BTS02\n', '']], unbalanced))).toEqual([]);
    });
});
