import { describe, expect, test } from 'vitest';
import { cleanGroup, clusteredBase, lineOf, rangeStart, ssoHostClusterGroup, startLine, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-RL-FAULT-TOLERANCE';

async function findings(text: string) {
    return withCode((await validate(text)).diagnostics, ID);
}

const setting = '    receive-location-fault-tolerance on\n';
const withoutSetting = variant([[setting, '']]);

describe(ID, () => {
    test('fires on the group name of a 2020 group with scaled-out receive hosts and no setting, naming the hosts', async () => {
        const hits = await findings(withoutSetting);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(startLine(hits[0])).toBe(lineOf(withoutSetting, 'group Prod'));
        expect(hits[0].message).toContain('ReceiveHost and WebReceive receive on several computers');
        expect(hits[0].message).toContain('`receive-location-fault-tolerance on`');
    });

    test('fires on the setting when it is off', async () => {
        const text = variant([[setting, '    receive-location-fault-tolerance off\n']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'receive-location-fault-tolerance', 'off'));
        expect(hits[0].message).toContain('is off');
    });

    test('does not fire when it is on, before BizTalk 2020, or without a scaled-out receive host', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([['version 2020 cu 6', 'version 2016 cu 9']], withoutSetting))).toEqual([]);
        const oneReceiver = variant([
            ['host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02', 'host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02 (disabled)'],
            ['    host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }\n', ''], ['fronts WebReceive', '']
        ], withoutSetting);
        expect(await findings(oneReceiver)).toEqual([]);
    });

    test('does not count clustered receive hosts', async () => {
        const clusteredOnly = variant([
            [setting, ''],
            ['host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02', 'host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  clustered on BTSCL  instances on BTS01, BTS02'],
            ['    host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }\n', ''], ['fronts WebReceive', '']
        ], clusteredBase);
        expect(await findings(clusteredOnly)).toEqual([]);
    });

    test('does not count an isolated host that fails over with the clustered IIS of its nodes', async () => {
        // Microsoft's "SSO and a BizTalk host in the same cluster group": the isolated host runs only
        // where the clustered IIS is active, so one instance is active at a time, like a clustered host.
        const text = variant([[setting, '']], ssoHostClusterGroup);
        expect(text).toContain('host WebReceive isolated');
        expect(await findings(text)).toEqual([]);
    });
});
