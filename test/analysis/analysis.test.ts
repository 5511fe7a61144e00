import { describe, expect, test } from 'vitest';
import { computeRedundancy } from '../../language/analysis/redundancy.js';
import { simulateFailures } from '../../language/analysis/simulate.js';
import { isGroup } from '../../language/generated/ast.js';
import { bamGroup, cleanGroup, variant } from '../fixtures.js';
import { createTestServices, validate } from '../helpers.js';

const services = createTestServices();

async function analyze(text: string) {
    const { document } = await validate(text, services);
    const group = document.parseResult.value.declarations.find(isGroup)!;
    return services.analysis.Analysis.forGroup(group).analysis;
}

/** Brute force: the smallest set of components (up to 3) whose failure hits every path. */
function bruteForce(paths: string[][]): number {
    const components = [...new Set(paths.flat())];
    const hits = (set: string[]) => paths.every(path => path.some(c => set.includes(c)));
    if (paths.length === 0) return 0;
    for (const a of components) if (hits([a])) return 1;
    for (const a of components) for (const b of components) if (hits([a, b])) return 2;
    return 3;
}

describe('redundancy (minimum hitting set, capped at 3)', () => {
    test.each([
        [[], 0],
        [[['computer:A']], 1],
        [[['computer:A'], ['computer:A']], 1],
        [[['computer:A'], ['computer:B']], 2],
        [[['computer:A'], ['computer:B'], ['computer:C']], 3],
        [[['computer:A', 'site:X'], ['computer:B', 'site:X']], 1],
        [[['computer:A', 'site:X'], ['computer:B', 'site:Y']], 2],
        [[['computer:A', 'site:X'], ['computer:B', 'site:X'], ['computer:C', 'site:Y']], 2]
    ])('%j has redundancy %i', (paths, expected) => {
        const result = computeRedundancy(paths);
        expect(result.redundancy).toBe(expected);
        expect(result.redundancy).toBe(bruteForce(paths));
    });

    test('agrees with brute force on random provider layouts', () => {
        let seed = 7;
        const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
        for (let round = 0; round < 300; round++) {
            const paths = Array.from({ length: random(5) }, () => {
                const path = [`computer:C${random(4)}`];
                if (random(2)) path.push(`site:S${random(2)}`);
                return path;
            });
            expect(computeRedundancy(paths).redundancy, JSON.stringify(paths)).toBe(bruteForce(paths));
        }
    });

    test('singles are exactly the components every path needs', () => {
        expect(computeRedundancy([['computer:A', 'site:X'], ['computer:B', 'site:X']]).singles).toEqual(['site:X']);
    });
});

describe('group analysis', () => {
    test('the clean HA group survives any single computer failure', async () => {
        const analysis = await analyze(cleanGroup);
        for (const fn of analysis.functions) expect(fn.redundancy, fn.label).toBeGreaterThanOrEqual(2);
        expect(analysis.worstSingleFailure).toBeUndefined();
    });

    test('two instances on one computer still make a single point of failure', async () => {
        const analysis = await analyze(variant([['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  instances on BTS01, BTS01 }']]));
        const send = analysis.functions.find(fn => fn.id === 'send:SendHost:SMTP')!;
        expect(send.ownRedundancy).toBe(1);
        expect(send.ownSingleFailures).toEqual(['computer:BTS01']);
        expect(send.mechanism).toBe('single');
    });

    test('two SQL instances on the same single computer are still redundancy 1', async () => {
        const analysis = await analyze(variant([
            ['sql BTSSQL on SQLCL {', 'sql BTSSQL on SQL01 {'],
            ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb\n    }\n    sql BTSSQL2 on SQL01 {\n        databases SSODB, BizTalkRuleEngineDb']
        ]));
        for (const name of ['BizTalkMgmtDb', 'SSODB']) {
            const db = analysis.functions.find(fn => fn.id === `database:${name}`)!;
            expect(db.ownRedundancy).toBe(1);
            expect(db.ownSingleFailures).toEqual(['computer:SQL01']);
        }
    });

    test('a standalone MessageBox makes every BizTalk function depend on its computer', async () => {
        const analysis = await analyze(variant([['sql BTSSQL on SQLCL {', 'sql BTSSQL on SQL01 {']]));
        const receive = analysis.functions.find(fn => fn.id === 'receive:ReceiveHost:FILE')!;
        expect(receive.ownRedundancy).toBe(2);
        expect(receive.redundancy).toBe(1);
        expect(receive.singleFailures).toContainEqual({ component: 'computer:SQL01', via: 'database:BizTalkMgmtDb' });
        expect(analysis.worstSingleFailure).toBe('computer:SQL01');
    });

    test('disabled instances do not count as providers', async () => {
        const analysis = await analyze(variant([['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01, BTS02 (disabled) }']]));
        const processing = analysis.functions.find(fn => fn.id === 'processing:ProcessingHost')!;
        expect(processing.providers).toEqual(['BTS01']);
        expect(processing.placements).toContainEqual({ computer: 'BTS02', role: 'disabled' });
        expect(processing.ownRedundancy).toBe(1);
    });

    test('a clustered host fails over between the nodes that have an instance', async () => {
        const analysis = await analyze(variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03'],
            ['host TrackingHost', 'cluster BTSCL { nodes BTS01, BTS03  msdtc }\n    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS03 }\n    host TrackingHost']
        ]));
        const ftp = analysis.functions.find(fn => fn.id === 'receive:FtpHost:FTP')!;
        expect(ftp.mechanism).toBe('clustered-failover');
        expect(ftp.placements).toEqual([{ computer: 'BTS01', role: 'active' }, { computer: 'BTS03', role: 'standby' }]);
        expect(ftp.ownRedundancy).toBe(2);
    });

    test('a clustered tracking host is tracking by failover: one active node, the others standby', async () => {
        const analysis = await analyze(variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04\n    cluster TRKCL { nodes BTS03, BTS04  msdtc }'],
            ['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  clustered on TRKCL  instances on BTS03, BTS04 }']
        ]));
        const tracking = analysis.functions.find(fn => fn.id === 'tracking')!;
        expect(tracking.mechanism).toBe('clustered-failover');
        expect(tracking.placements).toEqual([{ computer: 'BTS03', role: 'active' }, { computer: 'BTS04', role: 'standby' }]);
        expect(tracking.ownRedundancy).toBe(2);
    });

    // HA-RECV-NLB's finding, modelled: without a load balancer clients address one computer.
    test('an HTTP-style receive on two computers with no load balancer is a single point of failure of each', async () => {
        const analysis = await analyze(variant([['    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n', '']]));
        const web = analysis.functions.find(fn => fn.id === 'receive:WebReceive:WCF-BasicHttp')!;
        expect(web.mechanism).toBe('unbalanced');
        expect(web.providers).toEqual(['BTS01', 'BTS02']);
        expect(web.ownRedundancy).toBe(1);
        expect(web.ownSingleFailures).toEqual(['computer:BTS01', 'computer:BTS02']);
        expect(analysis.components.find(c => c.id === 'computer:BTS01')!.stops).toContain(web.id);
        // The host's other functions are not affected.
        const balanced = await analyze(cleanGroup);
        expect(balanced.functions.find(fn => fn.id === 'receive:WebReceive:WCF-BasicHttp')).toMatchObject({ mechanism: 'load-balanced', ownRedundancy: 2 });
    });

    test('an isolated host on the nodes of a cluster with clustered IIS fails over with IIS: no load balancer needed', async () => {
        const analysis = await analyze(variant([
            ['computer BTS01, BTS02', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc  iis }'],
            ['    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n', '']
        ]));
        const web = analysis.functions.find(fn => fn.id === 'receive:WebReceive:WCF-BasicHttp')!;
        expect(web.mechanism).toBe('clustered-failover');
        expect(web.placements).toEqual([{ computer: 'BTS01', role: 'active' }, { computer: 'BTS02', role: 'standby' }]);
        expect(web.ownRedundancy).toBe(2);
    });

    test('an in-process WCF-NetTcp receive needs the load balancer too, or is failover in a clustered host', async () => {
        const nettcp = 'host TcpHost { receive WCF-NetTcp  instances on BTS01, BTS02 }';
        const unbalanced = await analyze(variant([['    nlb WebFarm', `    ${nettcp}\n    nlb WebFarm`]]));
        expect(unbalanced.functions.find(fn => fn.id === 'receive:TcpHost:WCF-NetTcp')).toMatchObject({ mechanism: 'unbalanced', ownRedundancy: 1 });
        const fronted = await analyze(variant([['    nlb WebFarm', `    ${nettcp}\n    nlb TcpFarm { members BTS01, BTS02  fronts TcpHost }\n    nlb WebFarm`]]));
        expect(fronted.functions.find(fn => fn.id === 'receive:TcpHost:WCF-NetTcp')).toMatchObject({ mechanism: 'load-balanced', ownRedundancy: 2 });
    });

    test('sites: two computers in one site survive a computer failure but not the site', async () => {
        const analysis = await analyze(variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02 { site DC1 }']]));
        const processing = analysis.functions.find(fn => fn.id === 'processing:ProcessingHost')!;
        expect(processing.ownRedundancy).toBe(1);
        expect(processing.ownSingleFailures).toEqual(['site:DC1']);
    });

    test('an availability group counts only synchronous replicas', async () => {
        const analysis = await analyze(`group G {
            computer SQL01, SQL02
            cluster SQLCL { nodes SQL01, SQL02  msdtc }
            sql A on SQL01 { version 2019 }
            sql B on SQL02 { version 2019 }
            availability-group AG { replicas A, B asynchronous  dtc-support per-database  databases BizTalkMgmtDb }
        }`);
        const db = analysis.functions.find(fn => fn.id === 'database:BizTalkMgmtDb')!;
        expect(db.mechanism).toBe('availability-group');
        expect(db.providers).toEqual(['SQL01']);
        expect(db.ownRedundancy).toBe(1);
    });

    test('a UNC path on a declared computer makes a file server the handler depends on', async () => {
        const analysis = await analyze(variant([['computer DR01', 'computer DR01, FS01'], ['(path "\\\\\\\\fs-cluster\\\\in")', '(path "\\\\\\\\fs01.contoso.com\\\\in")']]));
        const server = analysis.functions.find(fn => fn.id === 'file-server:FS01')!;
        expect(server).toMatchObject({ kind: 'file-server', label: 'file server FS01', mechanism: 'single', providers: ['FS01'], ownRedundancy: 1 });
        const receive = analysis.functions.find(fn => fn.id === 'receive:ReceiveHost:FILE')!;
        expect(receive.dependsOn).toContain('file-server:FS01');
        expect(receive.ownRedundancy).toBe(2);
        expect(receive.redundancy).toBe(1);
        expect(receive.singleFailures).toEqual([{ component: 'computer:FS01', via: 'file-server:FS01' }]);
        expect(analysis.components.find(c => c.id === 'computer:FS01')?.stops).toEqual(['receive:ReceiveHost:FILE', 'file-server:FS01']);
        // The send handler has no path: it does not depend on the file server.
        expect(analysis.functions.find(fn => fn.id === 'send:SendHost:FILE')!.dependsOn).not.toContain('file-server:FS01');
    });

    test('a file server on a cluster fails over between its nodes', async () => {
        const analysis = await analyze(variant([['(path "\\\\\\\\fs-cluster\\\\in")', '(path "\\\\\\\\sqlcl\\\\in")']]));
        const server = analysis.functions.find(fn => fn.id === 'file-server:SQLCL')!;
        expect(server).toMatchObject({ mechanism: 'clustered-failover', providers: ['SQL01', 'SQL02'], ownRedundancy: 2 });
        expect(server.placements.map(p => p.role)).toEqual(['active', 'standby']);
        expect(analysis.functions.find(fn => fn.id === 'receive:ReceiveHost:FILE')!.redundancy).toBe(2);
    });

    test('backup shares show as file servers that no runtime function depends on; undeclared servers do not show', async () => {
        const clean = await analyze(cleanGroup);
        expect(clean.functions.filter(fn => fn.kind === 'file-server')).toEqual([]);
        const analysis = await analyze(variant([['computer DR01', 'computer DR01, FS01']]));
        expect(analysis.functions.filter(fn => fn.kind === 'file-server').map(fn => fn.id)).toEqual(['file-server:FS01']);
        expect(analysis.functions.filter(fn => fn.dependsOn.includes('file-server:FS01'))).toEqual([]);
    });

    test('hypervisors: virtual machines on one physical host survive a computer failure but not the host', async () => {
        const analysis = await analyze(variant([['computer BTS01, BTS02', 'computer BTS01 { hypervisor HV1 }, BTS02 { hypervisor HV1 }']]));
        const processing = analysis.functions.find(fn => fn.id === 'processing:ProcessingHost')!;
        expect(processing.ownRedundancy).toBe(1);
        expect(processing.ownSingleFailures).toEqual(['hypervisor:HV1']);
        expect(processing.paths).toEqual([['computer:BTS01', 'hypervisor:HV1'], ['computer:BTS02', 'hypervisor:HV1']]);
        const hypervisor = analysis.components.find(c => c.id === 'hypervisor:HV1')!;
        expect(hypervisor).toMatchObject({ kind: 'hypervisor', name: 'HV1', tier: 'other' });
        expect(hypervisor.stops).toContain('processing:ProcessingHost');
        expect(analysis.components.find(c => c.id === 'computer:BTS01')).toMatchObject({ hypervisor: 'HV1' });
        expect(simulateFailures(analysis, ['hypervisor:HV1']).states['processing:ProcessingHost']).toBe('down');
        expect(simulateFailures(analysis, ['computer:BTS01']).states['processing:ProcessingHost']).toBe('degraded');
        // On two hypervisors, no single failure stops it.
        const spread = await analyze(variant([['computer BTS01, BTS02', 'computer BTS01 { hypervisor HV1 }, BTS02 { hypervisor HV2 }']]));
        expect(spread.functions.find(fn => fn.id === 'processing:ProcessingHost')!.ownRedundancy).toBe(2);
    });

    test('queue managers: a function of their own, which the MQSeries handlers naming them depend on', async () => {
        const analysis = await analyze(variant([
            ['computer DR01', 'computer DR01, MQ01, MQ02\n    cluster MQCL { nodes MQ01, MQ02 }\n    queue-manager QM1 on MQ01\n    queue-manager QM2 on MQCL'],
            ['host SendHost { send FILE, SMTP', 'host SendHost { send FILE, SMTP, MQSeries (queue-manager QM1)'],
            ['receive FILE (path', 'receive MQSeries (queue-manager QM2), FILE (path']
        ]));
        const single = analysis.functions.find(fn => fn.id === 'queue-manager:QM1')!;
        expect(single).toMatchObject({ kind: 'queue-manager', label: 'queue manager QM1', mechanism: 'single', providers: ['MQ01'], ownRedundancy: 1 });
        const clustered = analysis.functions.find(fn => fn.id === 'queue-manager:QM2')!;
        expect(clustered).toMatchObject({ mechanism: 'clustered-failover', providers: ['MQ01', 'MQ02'], ownRedundancy: 2 });
        const send = analysis.functions.find(fn => fn.id === 'send:SendHost:MQSeries')!;
        expect(send.dependsOn).toContain('queue-manager:QM1');
        expect(send.singleFailures).toEqual([{ component: 'computer:MQ01', via: 'queue-manager:QM1' }]);
        const receive = analysis.functions.find(fn => fn.id === 'receive:ReceiveHost:MQSeries')!;
        expect(receive.dependsOn).toContain('queue-manager:QM2');
        expect(receive.redundancy).toBe(2);
        expect(analysis.functions.find(fn => fn.id === 'send:SendHost:FILE')!.dependsOn.some(id => id.startsWith('queue-manager:'))).toBe(false);
    });

    test('a UNC path naming a cluster\'s network name is served by that cluster', async () => {
        const analysis = await analyze(variant([
            ['        network-name SQLCLSSO\n', '        network-name SQLFS\n'],
            ['(path "\\\\\\\\fs-cluster\\\\in")', '(path "\\\\\\\\sqlfs\\\\in")']
        ]));
        expect(analysis.functions.find(fn => fn.id === 'file-server:SQLCL')).toMatchObject({ mechanism: 'clustered-failover', providers: ['SQL01', 'SQL02'] });
    });

    test('the result is plain JSON', async () => {
        const analysis = await analyze(cleanGroup);
        // Plain objects and arrays only; a value with toJSON (a lazily located source) stands for what it serializes to.
        const plain = (value: unknown): unknown => {
            if (value === null || typeof value !== 'object') return value;
            if ('toJSON' in value && typeof value.toJSON === 'function') return plain(value.toJSON());
            if (Array.isArray(value)) return value.map(plain);
            expect(Object.getPrototypeOf(value), 'a Map, Set or class instance would not survive JSON').toBe(Object.prototype);
            return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
        };
        const json = JSON.parse(JSON.stringify(analysis)) as typeof analysis;
        expect(json).toEqual(plain(analysis));
        const { source } = analysis.functions[0];
        expect(source.range.start.line).toBeGreaterThan(0);
        expect(json.functions[0].source).toEqual({ uri: source.uri, range: source.range });
    });
});

describe('failure simulation', () => {
    test('failing one BizTalk computer degrades the hosts; failing both stops them', async () => {
        const analysis = await analyze(cleanGroup);
        const one = simulateFailures(analysis, ['computer:BTS01']);
        expect(one.stopped).toEqual([]);
        expect(one.states['processing:ProcessingHost']).toBe('degraded');
        const both = simulateFailures(analysis, ['computer:BTS01', 'computer:BTS02']);
        expect(both.states['processing:ProcessingHost']).toBe('down');
        expect(both.states['database:BizTalkMgmtDb']).toBe('up');
    });

    test('a database going down stops the functions that depend on it', async () => {
        const analysis = await analyze(variant([['sql BTSSQL on SQLCL {', 'sql BTSSQL on SQL01 {']]));
        const result = simulateFailures(analysis, ['computer:SQL01']);
        expect(result.states['database:BizTalkMsgBoxDb']).toBe('down');
        expect(result.states['receive:ReceiveHost:FILE']).toBe('down');
        expect(result.states['master-secret-server']).toBe('down');
    });

    test('simulating each single failure agrees with the computed single failures', async () => {
        const analysis = await analyze(variant([['sql BTSSQL on SQLCL {', 'sql BTSSQL on SQL01 {'], ['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  instances on BTS02 }']]));
        for (const component of analysis.components) {
            const stopped = simulateFailures(analysis, [component.id]).stopped.sort();
            expect(stopped, component.id).toEqual([...component.stops].sort());
        }
    });
});

describe('BAM portal and event bus', () => {
    const fn = (analysis: Awaited<ReturnType<typeof analyze>>, id: string) => analysis.functions.find(f => f.id === id);

    test('a portal on two computers behind a load balancer that fronts it is load-balanced and survives one failure', async () => {
        const analysis = await analyze(bamGroup);
        expect(fn(analysis, 'bam-portal')).toMatchObject({ kind: 'bam-portal', label: 'BAM portal', mechanism: 'load-balanced', providers: ['BTS01', 'BTS02'], redundancy: 2 });
        expect(fn(analysis, 'bam-portal')!.placements.map(p => p.role)).toEqual(['nlb-member', 'nlb-member']);
        expect(fn(analysis, 'bam-portal')!.dependsOn).toEqual(['database:BAMPrimaryImport']);
        expect(fn(analysis, 'bam-event-bus')).toMatchObject({ kind: 'bam-event-bus', label: 'BAM event bus', mechanism: 'scale-out', providers: ['BTS01', 'BTS02'], redundancy: 2 });
        expect(fn(analysis, 'bam-event-bus')!.dependsOn).toContain('database:BAMPrimaryImport');
    });

    test('without a load balancer, users address one portal computer each: every portal computer is a single point of failure', async () => {
        const analysis = await analyze(variant([['fronts WebReceive, bam-portal', 'fronts WebReceive']], bamGroup));
        const portal = fn(analysis, 'bam-portal')!;
        expect(portal).toMatchObject({ mechanism: 'unbalanced', providers: ['BTS01', 'BTS02'], redundancy: 1 });
        expect(portal.ownSingleFailures).toEqual(['computer:BTS01', 'computer:BTS02']);
        expect(analysis.components.find(c => c.id === 'computer:BTS02')!.stops).toContain('bam-portal');
    });

    test('a load balancer with one portal computer as member gives the portal one provider', async () => {
        const analysis = await analyze(variant([['fronts WebReceive, bam-portal', 'fronts WebReceive'], ['    bam {', '    nlb BamFarm { members BTS02  fronts bam-portal }\n    bam {']], bamGroup));
        expect(fn(analysis, 'bam-portal')).toMatchObject({ mechanism: 'single', providers: ['BTS02'], redundancy: 1 });
    });

    test('an event bus left undeclared runs in the tracking host; one on a single computer fails with it', async () => {
        const undeclared = await analyze(variant([['        event-bus on BTS01, BTS02\n', ''], ['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  instances on BTS02, BTS01 }']], bamGroup));
        expect(fn(undeclared, 'bam-event-bus')).toMatchObject({ mechanism: 'scale-out', providers: ['BTS02', 'BTS01'] });
        const single = await analyze(variant([['event-bus on BTS01, BTS02', 'event-bus on BTS02']], bamGroup));
        expect(fn(single, 'bam-event-bus')).toMatchObject({ mechanism: 'single', providers: ['BTS02'], redundancy: 1 });
    });

    test('a group without bam has neither function', async () => {
        const analysis = await analyze(cleanGroup);
        expect(analysis.functions.filter(f => f.kind === 'bam-portal' || f.kind === 'bam-event-bus')).toEqual([]);
    });
});
