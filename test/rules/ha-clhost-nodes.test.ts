import { describe, expect, test } from 'vitest';
import { rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-CLHOST-NODES';

const findings = findingsOf(ID);

/** The clean group plus cluster BTSCL with the given nodes and a clustered FTP host with the given instances. */
function clustered(nodes: string, instances: string): string {
    return variant([
        ['computer BTS01, BTS02\n', `computer BTS01, BTS02, BTS03\n    cluster BTSCL { nodes ${nodes}  msdtc  msmq }\n`],
        ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
        ['    nlb WebFarm', `    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on ${instances} }\n    nlb WebFarm`]
    ]);
}

describe(ID, () => {
    test('a one-node cluster is an error, on `clustered on`', async () => {
        const text = clustered('BTS01', 'BTS01');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host FtpHost', 'clustered on'));
        expect(hits[0].message).toContain('FtpHost is clustered on BTSCL');
        expect(hits[0].message).toContain('only one BizTalk Server node (BTS01)');
    });

    test('a node that runs no BizTalk host at all does not count', async () => {
        // BTS03 is a cluster node but runs no host instance: it is not a BizTalk Server computer.
        const hits = await findings(clustered('BTS01, BTS03', 'BTS01'));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('only one BizTalk Server node (BTS01)');
    });

    test('a cluster with no BizTalk node at all fires', async () => {
        const text = variant([['computer DR01', 'computer DR01, FS01, FS02\n    cluster FSCL { nodes FS01, FS02  msdtc }'], ['clustered on BTSCL', 'clustered on FSCL']], clustered('BTS01, BTS02', 'BTS01, BTS02'));
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('no BizTalk Server node');
    });

    test('does not fire for a cluster of two BizTalk computers', async () => {
        expect(await findings(clustered('BTS01, BTS02', 'BTS01, BTS02'))).toEqual([]);
    });

    test('does not fire when the second node is a BizTalk computer without this host (HA-CLHOST-OWNERS)', async () => {
        const { diagnostics } = await validate(clustered('BTS01, BTS02', 'BTS01'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-CLHOST-OWNERS')).toHaveLength(1);
    });
});
