import { describe, expect, test } from 'vitest';
import { cleanGroup, clusteredBase, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-CLHOST-NETNAME';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const networkName = '        network-name SQLCLSSO\n';

describe(ID, () => {
    test('fires on the cluster of the master secret server when it has no network name', async () => {
        const text = variant([[networkName, '']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'cluster SQLCL', 'SQLCL'));
        expect(hits[0].message).toContain('SQLCL runs the master secret server but declares no network name');
        expect(hits[0].message).toContain('`network-name`');
    });

    test('fires on a cluster of clustered hosts without a network name, naming them', async () => {
        const text = variant([['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  clustered on BTSCL  instances on BTS01, BTS02 }']], clusteredBase);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'cluster BTSCL', 'BTSCL'));
        expect(hits[0].message).toContain('clustered host SendHost');
    });

    test('does not fire with a network name, or on a cluster that holds neither hosts nor SSO', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(clusteredBase)).toEqual([]);
        expect(await findings(variant([['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  clustered on BTSCL  instances on BTS01, BTS02 }'], ['cluster BTSCL { nodes BTS01, BTS02', 'cluster BTSCL { network-name BTSCLHOSTS  nodes BTS01, BTS02']], clusteredBase))).toEqual([]);
    });
});
