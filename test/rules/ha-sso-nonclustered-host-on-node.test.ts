import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, ssoHostClusterGroup, startLine, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SSO-NONCLUSTERED-HOST-ON-NODE';

// SSO clustered on an application cluster whose FTP host is clustered in the same cluster group.
const appCluster = variant([
    ['computer SQL01, SQL02', 'computer SQL01, SQL02, APP01, APP02\n    cluster APPCL { nodes APP01, APP02  msdtc }'],
    ['master-secret-server on SQLCL', 'master-secret-server on APPCL'],
    ['    nlb WebFarm', '    host FtpHost { receive FTP  bitness 32  clustered on APPCL  instances on APP01, APP02 }\n    nlb WebFarm']
]);

describe(ID, () => {
    test('fires on each instance of an unclustered host on a node where SSO is clustered', async () => {
        const text = variant([['    nlb WebFarm', '    host Extra { send SMTP  instances on APP01, APP02 }\n    nlb WebFarm']], appCluster);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(2);
        expect(found.map(severityOf)).toEqual(['error', 'error']);
        expect(found.map(startLine)).toEqual([lineOf(text, 'host Extra'), lineOf(text, 'host Extra')]);
        expect(found[0].message).toContain('Extra');
        expect(found[0].message).toContain('APPCL');
        expect(found.map(d => d.message.slice(0, 5)).sort()).toEqual(['APP01', 'APP02']);
    });

    test('fires for every host of the two-computer design that clusters SSO on the BizTalk computers', async () => {
        const text = variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc }'],
            ['master-secret-server on SQLCL', 'master-secret-server on BTSCL']
        ]);
        // Four unclustered in-process hosts, each with an instance on both nodes; the isolated
        // host is HA-SSO-IIS-CLUSTER's.
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toHaveLength(8);
        expect(withCode(diagnostics, 'HA-SSO-IIS-CLUSTER')).toHaveLength(1);
    });

    test('does not fire for a host clustered in the same cluster as SSO', async () => {
        expect(withCode((await validate(appCluster)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when SSO is clustered on SQL nodes that run no BizTalk host', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when the master secret server is a single computer', async () => {
        const text = variant([['master-secret-server on SQLCL', 'master-secret-server on BTS01']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('Microsoft\'s design with SSO and the hosts in one cluster group gives no error at all', async () => {
        const { diagnostics } = await validate(ssoHostClusterGroup);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 1).map(show)).toEqual([]);
        // Clustering the hosts is what this design requires: no rule asks to undo it.
        expect(withCode(diagnostics, 'HA-CLHOST-UNNEEDED').map(show)).toEqual([]);
    });

    test('leaves an isolated host on the SSO nodes to HA-SSO-IIS-CLUSTER (isolated hosts cannot be clustered)', async () => {
        const text = variant([['witness file-share  msdtc  iis }', 'witness file-share  msdtc }']], ssoHostClusterGroup);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-IIS-CLUSTER')).toHaveLength(1);
    });
});
