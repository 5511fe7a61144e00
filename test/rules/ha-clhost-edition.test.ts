import { describe, expect, test } from 'vitest';
import { rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-CLHOST-EDITION';

const findings = findingsOf(ID);

/** The clean group plus a BizTalk cluster and a clustered FTP host (hardware load balancer: BTS01/02 are cluster nodes). */
const clustered = (edition: string) => variant([
    ['edition enterprise\n', `edition ${edition}\n`],
    ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  msmq }\n'],
    ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
    ['    nlb WebFarm', '    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']
]);

describe(ID, () => {
    test('a clustered host in a Standard edition group is an error, on `clustered on`', async () => {
        const text = clustered('standard');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host FtpHost', 'clustered on'));
        expect(hits[0].message).toContain('FtpHost is clustered');
        expect(hits[0].message).toContain('standard edition');
        expect(hits[0].message).toContain('Enterprise');
    });

    test('fires for Branch edition, once per clustered host', async () => {
        const text = variant([['    nlb WebFarm', '    host MsmqHost { receive MSMQ  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']], clustered('branch'));
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.map(h => h.message).join(' ')).toMatch(/FtpHost[\s\S]*MsmqHost/);
    });

    test('does not fire for Enterprise or Developer edition', async () => {
        expect(await findings(clustered('enterprise'))).toEqual([]);
        expect(await findings(clustered('developer'))).toEqual([]);
    });

    test('does not fire for Standard edition without a clustered host (HA-EDITION-SCALEOUT covers the edition itself)', async () => {
        const { diagnostics } = await validate(variant([['edition enterprise\n', 'edition standard\n']]));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-EDITION-SCALEOUT')).toHaveLength(1);
    });
});
