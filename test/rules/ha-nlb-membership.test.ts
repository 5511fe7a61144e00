import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-NLB-MEMBERSHIP';

const findings = findingsOf(ID);

const members = 'members BTS01, BTS02  fronts';
const web = 'receive WCF-BasicHttp  instances on BTS01, BTS02';

/** 0-based [line, character] of the members list. */
function membersAt(text: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes('nlb WebFarm'));
    return [line, lines[line].indexOf('members')];
}

describe(ID, () => {
    test('a member without an instance of the fronted host is an error, on the members list', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03'], [members, 'members BTS01, BTS02, BTS03  fronts']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(membersAt(text));
        expect(hits[0].message).toContain('BTS03 is a member of WebFarm');
        expect(hits[0].message).toContain('WebReceive');
    });

    test('a member whose instance is disabled counts as a member without an instance', async () => {
        const hits = await findings(variant([['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03'], [members, 'members BTS01, BTS02, BTS03  fronts'], [web, 'receive WCF-BasicHttp  instances on BTS01, BTS02, BTS03 (disabled)']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('BTS03 is a member');
    });

    test('a host computer outside the load balancer is a warning', async () => {
        const hits = await findings(variant([['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03'], [web, 'receive WCF-BasicHttp  instances on BTS01, BTS02, BTS03']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('WebReceive runs on BTS03');
        expect(hits[0].message).toContain('not a member of WebFarm');
    });

    test('a single member is an error, and the host computer left out is a warning', async () => {
        const hits = await findings(variant([[members, 'members BTS01  fronts']]));
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.map(severityOf).sort()).toEqual(['error', 'warning']);
        expect(hits.find(h => severityOf(h) === 'error')!.message).toContain('WebFarm has one member (BTS01)');
        expect(hits.find(h => severityOf(h) === 'warning')!.message).toContain('BTS02');
    });

    test('a load balancer with no members is reported on its name', async () => {
        const text = variant([[members, 'fronts']]);
        const hits = await findings(text);
        const error = hits.find(h => h.message.includes('has no member'));
        expect(error, hits.map(show).join('\n')).toBeDefined();
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('nlb WebFarm'));
        expect([error!.range.start.line, error!.range.start.character]).toEqual([line, lines[line].indexOf('WebFarm')]);
    });

    test('does not fire when members match the host computers (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
