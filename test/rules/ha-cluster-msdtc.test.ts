import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-CLUSTER-MSDTC';

const findings = findingsOf(ID);

/** The clean group plus BizTalk cluster BTSCL (resources given) and optionally a clustered FTP host on it. */
function bizTalkCluster(resources: string, clusteredHost: boolean): string {
    return variant([
        ['computer BTS01, BTS02\n', `computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02 ${resources} }\n`],
        ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
        ['    nlb WebFarm', `${clusteredHost ? '    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }\n' : ''}    nlb WebFarm`]
    ]);
}

function clusterNameAt(text: string, name: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(`cluster ${name}`));
    return [line, lines[line].indexOf(name)];
}

describe(ID, () => {
    test('a cluster with a clustered BizTalk host and no clustered MSDTC is an error, on the cluster name', async () => {
        const text = bizTalkCluster(' msmq', true);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(clusterNameAt(text, 'BTSCL'));
        expect(hits[0].message).toContain('Cluster BTSCL runs clustered host FtpHost');
        expect(hits[0].message).toContain('no clustered MSDTC');
    });

    test('BizTalk Server installed on cluster nodes needs it even without a clustered host', async () => {
        const hits = await findings(bizTalkCluster('', false));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('BizTalk Server on BTS01 and BTS02');
    });

    test('a SQL cluster holding BizTalk databases and the master secret server is a warning', async () => {
        const text = variant([['        storage SAN01\n        msdtc\n', '        storage SAN01\n']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(clusterNameAt(text, 'SQLCL'));
        expect(hits[0].message).toContain('the master secret server');
        expect(hits[0].message).toContain('SQL Server instances holding BizTalk databases');
    });

    test('does not fire when each cluster declares msdtc', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(bizTalkCluster(' msdtc  msmq', true))).toEqual([]);
    });

    test('does not fire for a cluster that runs nothing of BizTalk (a file-server cluster)', async () => {
        expect(await findings(variant([['computer DR01', 'computer DR01, FS01, FS02\n    cluster FSCL { nodes FS01, FS02 }']]))).toEqual([]);
    });
});
