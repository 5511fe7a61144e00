import { describe, expect, test } from 'vitest';
import { cleanGroup, startOf, rangeStart, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-HOST-TOO-MANY';

const findings = findingsOf(ID);

/** The clean group (5 hosts on BTS01 and BTS02) plus `count` send hosts on `instances`. */
function withSendHosts(count: number, instances = 'BTS01, BTS02'): string {
    let text = cleanGroup;
    for (let i = 1; i <= count; i++) text = withHost(`host Send${i} { send SMTP  instances on ${instances} }`, text);
    return text;
}

describe(ID, () => {
    test('fires on each computer that runs 11 host instances, as information, naming the hosts', async () => {
        const text = withSendHosts(6);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.every(hit => severityOf(hit) === 'information')).toBe(true);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'computer BTS01, BTS02', 'BTS01'));
        expect(rangeStart(hits[1])).toEqual(startOf(text, 'computer BTS01, BTS02', 'BTS02'));
        expect(hits[0].message).toContain('BTS01 runs 11 host instances');
        expect(hits[0].message).toContain('Send6');
        expect(hits[0].message).toContain('merge hosts');
    });

    test('counts per computer: only the computer above the limit fires', async () => {
        const text = withSendHosts(6, 'BTS01');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('BTS01 runs 11');
    });

    test('does not fire at exactly 10 host instances on a computer', async () => {
        expect(await findings(withSendHosts(5))).toEqual([]);
    });

    test('does not count disabled instances or a host listed twice on one computer', async () => {
        expect(await findings(withSendHosts(5).replace('host Send5 { send SMTP  instances on BTS01, BTS02 }', 'host Send5 { send SMTP  instances on BTS01, BTS02 }\n    host Spare { send SMTP  instances on BTS01 (disabled), BTS02 (disabled) }'))).toEqual([]);
        expect(await findings(withSendHosts(5).replace('host Send5 { send SMTP  instances on BTS01, BTS02 }', 'host Send5 { send SMTP  instances on BTS01, BTS02, BTS01 }'))).toEqual([]);
    });

    test('does not fire on the clean group', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
