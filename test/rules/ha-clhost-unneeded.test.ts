import { describe, expect, test } from 'vitest';
import { ssoHostClusterGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-CLHOST-UNNEEDED';

const findings = findingsOf(ID);

/** The clean group plus a BizTalk cluster and the given clustered host body. */
function clustered(body: string): string {
    return variant([
        ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  msmq }\n'],
        ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
        ['    nlb WebFarm', `    host ClHost { ${body}  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm`]
    ]);
}

function at(text: string, word: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes('host ClHost'));
    return [line, lines[line].indexOf(word)];
}

describe(ID, () => {
    test('a clustered host with only scale-out handlers is information, on `clustered on`', async () => {
        const text = clustered('receive AzureBlob  send SMTP');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(at(text, 'clustered on'));
        expect(hits[0].message).toContain('ClHost is clustered');
        expect(hits[0].message).toContain('scaled-out instances');
    });

    test('orchestrations in a clustered host are reported on the orchestrations keyword', async () => {
        const text = clustered('orchestrations');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(at(text, 'orchestrations'));
        expect(hits[0].message).toContain('ClHost is clustered and runs orchestrations');
    });

    test('orchestrations beside FTP are still reported, the FTP handler is not', async () => {
        const hits = await findings(clustered('receive FTP  bitness 32  orchestrations'));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('orchestrations');
    });

    test('a clustered tracking-only host is reported: tracking scales out', async () => {
        const hits = await findings(clustered('tracking'));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('only does tracking');
    });

    test('does not fire for the adapters that need one active instance', async () => {
        for (const body of ['receive FTP  bitness 32', 'receive SFTP', 'receive POP3 (shared-mailbox)  bitness 32', 'receive MSMQ  send MSMQ',
            'receive WCF-NetMsmq', 'receive SAP', 'receive SQL', 'receive MQSeries (ordered)', 'receive WCF-NetTcp', 'receive WCF-Custom']) {
            expect(await findings(clustered(body)), body).toEqual([]);
        }
    });

    test('does not fire for a clustered host with no work', async () => {
        expect(await findings(clustered(''))).toEqual([]);
    });

    test('does not advise to uncluster hosts clustered with SSO, which HA-SSO-NONCLUSTERED-HOST-ON-NODE requires', async () => {
        expect(await findings(ssoHostClusterGroup)).toEqual([]);
        // The same hosts clustered on a cluster without SSO are reported.
        const withoutSso = variant([['master-secret-server on BTSCL', 'master-secret-server on SQLCL']], ssoHostClusterGroup);
        expect((await findings(withoutSso)).length).toBeGreaterThan(0);
    });
});
