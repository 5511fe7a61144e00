import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-NLB-ON-WSFC';

const findings = findingsOf(ID);

/** BTS01 and BTS02 become nodes of a BizTalk cluster running a clustered FTP host. */
const clustered = variant([
    ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  msmq }\n'],
    ['    nlb WebFarm', '    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']
]);

describe(ID, () => {
    test('a Windows NLB whose members are failover-cluster nodes fires once, on the nlb name', async () => {
        const hits = await findings(clustered);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const lines = clustered.split('\n');
        const line = lines.findIndex(l => l.includes('nlb WebFarm'));
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual([line, lines[line].indexOf('WebFarm')]);
        expect(hits[0].message).toContain('WebFarm is a Windows NLB');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        expect(hits[0].message).toContain('BTSCL');
    });

    test('fires with the explicit kind windows and with one member on a cluster', async () => {
        expect(await findings(variant([['nlb WebFarm {', 'nlb WebFarm { kind windows ']], clustered))).toHaveLength(1);
        const oneNode = variant([['computer BTS01, BTS02\n', 'computer BTS01, BTS02, BTS03\n    cluster OTHERCL { nodes BTS02, BTS03  msdtc }\n']]);
        const hits = await findings(oneNode);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('BTS02 is a node of failover cluster OTHERCL');
    });

    test('does not fire for a hardware load balancer in front of cluster nodes', async () => {
        expect(await findings(variant([['nlb WebFarm {', 'nlb WebFarm { kind hardware ']], clustered))).toEqual([]);
    });

    test('does not fire for a Windows NLB on computers that are not cluster nodes (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
