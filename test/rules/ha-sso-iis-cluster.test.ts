import { describe, expect, test } from 'vitest';
import { cleanGroup, clusteredBase, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-SSO-IIS-CLUSTER';

const findings = findingsOf(ID);

/** The master secret server clustered on the BizTalk cluster BTSCL, whose nodes also run the isolated WebReceive. */
const ssoOnBizTalkNodes = variant([['master-secret-server on SQLCL', 'master-secret-server on BTSCL']], clusteredBase);

describe(ID, () => {
    test('fires on the SSO cluster when its nodes run an isolated host and it has no clustered IIS', async () => {
        const hits = await findings(ssoOnBizTalkNodes);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(ssoOnBizTalkNodes, 'cluster BTSCL', 'BTSCL'));
        expect(hits[0].message).toContain('WebReceive');
        expect(hits[0].message).toContain('add `iis` to BTSCL');
    });

    test('fires when one node of the SSO cluster runs an isolated instance', async () => {
        const text = variant([['computer BTS01, BTS02\n', 'computer BTS01, BTS02, BTS03\n'], ['host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }', 'host WebReceive isolated { receive WCF-BasicHttp  instances on BTS02, BTS03 }'], ['members BTS01, BTS02', 'members BTS02, BTS03']], ssoOnBizTalkNodes);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('in IIS on BTS02');
    });

    test('does not fire when the SSO cluster declares iis', async () => {
        expect(await findings(variant([['msdtc  msmq }', 'msdtc  msmq  iis }']], ssoOnBizTalkNodes))).toEqual([]);
    });

    test('does not fire when the isolated host runs off the SSO cluster, is disabled there, or is absent', async () => {
        expect(await findings(variant([['host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }', 'host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01 (disabled), BTS02 (disabled) }']], ssoOnBizTalkNodes))).toEqual([]);
        expect(await findings(variant([['    host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }\n', ''], ['fronts WebReceive', '']], ssoOnBizTalkNodes))).toEqual([]);
    });

    test('does not fire when the master secret server is on the SQL cluster or a single computer (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(clusteredBase)).toEqual([]);
        expect(await findings(variant([['master-secret-server on SQLCL', 'master-secret-server on BTS01']]))).toEqual([]);
    });
});
