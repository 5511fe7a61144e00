import { describe, expect, test } from 'vitest';
import { rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-CLHOST-OWNERS';

const findings = findingsOf(ID);

/** The clean group plus cluster BTSCL (BTS01-03) and a clustered FTP host with the given instances. */
function clustered(instances: string): string {
    return variant([
        ['computer BTS01, BTS02\n', 'computer BTS01, BTS02, BTS03\n    cluster BTSCL { nodes BTS01, BTS02, BTS03  msdtc  msmq }\n'],
        ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
        ['    nlb WebFarm', `    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on ${instances} }\n    nlb WebFarm`]
    ]);
}

describe(ID, () => {
    test('a cluster node without an instance of the clustered host is an error, on `clustered on`', async () => {
        const text = clustered('BTS01, BTS02');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host FtpHost', 'clustered on'));
        expect(hits[0].message).toContain('FtpHost is clustered on BTSCL');
        expect(hits[0].message).toContain('BTS03 has no instance');
        expect(hits[0].message).toContain('that node');
    });

    test('a disabled instance on a node fires too, and both problems are named in one diagnostic', async () => {
        const hits = await findings(clustered('BTS01, BTS02 (disabled)'));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('BTS03 has no instance');
        expect(hits[0].message).toContain('the instance on BTS02 is disabled');
        expect(hits[0].message).toContain('those nodes');
    });

    test('availability standard lowers it to a warning', async () => {
        const hits = await findings(variant([['edition enterprise', 'edition enterprise\n    availability standard']], clustered('BTS01, BTS02')));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
    });

    test('does not fire with an enabled instance on every node', async () => {
        expect(await findings(clustered('BTS01, BTS02, BTS03'))).toEqual([]);
    });

    test('does not fire for a non-clustered host that skips a cluster node', async () => {
        expect(await findings(variant([['clustered on BTSCL  ', '']], clustered('BTS01, BTS02')))).toEqual([]);
    });
});
