import { describe, expect, test } from 'vitest';
import * as ast from '../../language/generated/ast.js';
import { accountKind, accountText } from '../../language/model/roles.js';
import type { GroupModel } from '../../language/model/topology.js';
import { createTestServices, validate, validateWorkspace } from '../helpers.js';

const services = createTestServices();
const isLinkingError = (diagnostic: { data?: unknown }) => (diagnostic.data as { code?: string } | undefined)?.code === 'linking-error';

/** Every construct of language version 2 (docs/language.md, "Version 2"), in one file. */
const everyV2Construct = `computer INV01 { os 2012 r2  zone perimeter  hypervisor HV9  sql-alias AG1 }
queue-manager TOPQM on INV01

group V2 {
    receive-location-fault-tolerance on
    computer BTS01 { os 2019  hypervisor HV1  sql-alias AG1 }, BTS02 { os 2022  hypervisor HV2  sql-alias AG1  sql-alias AG1 }
    computer SQL01, SQL02, WEB01 { zone perimeter  os 2025 }
    cluster SQLCL { nodes SQL01, SQL02  network-name SQLCLNN  witness file-share }
    cluster MQCL { nodes BTS01, BTS02  witness cloud  witness disk }
    sql SQLA on SQL01 { agent stopped  preferred-owner SQL02  server-name "SQL01\\\\INST,1533" }
    sql SQLB on SQL02 { agent disabled }
    sql SQLC on SQLCL
    availability-group AG1 {
        replicas SQLA synchronous, SQLB synchronous
        listener AGL port 1533 subnets 2
        jobs-and-logins replicated
        databases BizTalkMsgBoxDb (recovery simple, publication off, mirrored, sql-log-shipping, vss), messagebox Box2 (publication on)
    }
    databases BizTalkMgmtDb (recovery bulk-logged), BizTalkDTADb on SQLC
    sso { master-secret-server on SQLCL preferred-owner SQL02  backup "\\\\\\\\fs01\\\\sso" }
    bam {
        portal on BTS01, BTS02
        event-bus on BTS02
        backup "\\\\\\\\fs01\\\\bam"
    }
    queue-manager QM1 on MQCL
    host Web isolated { receive "Windows SharePoint Services"  instances on BTS01, BTS02 }
    host Mq {
        receive MQSeries (queue-manager QM1), MQSeries (queue-manager TOPQM, ordered)
        send WCF-NetTcp (lease-timeout 120)
        instances on BTS01 (account CONTOSO\\svc1), BTS02 (disabled, account "CONTOSO\\\\svc two"), WEB01 (account svc3@contoso.com, disabled)
        account contoso.com\\svc-bts
        windows-group CONTOSO\\BizTalkUsers (domain-local)
        windows-group "BizTalk Application Users"
    }
    nlb WebFarm { members BTS01, BTS02  fronts Web, bam-portal }
    nlb BamFarm { members BTS01, BTS02  fronts bam-portal }
}
`;

async function modelOf(text: string): Promise<{ model: GroupModel; diagnostics: Awaited<ReturnType<typeof validate>>['diagnostics'] }> {
    const { document, diagnostics } = await validate(text, services);
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    const group = document.parseResult.value.declarations.find(ast.isGroup)!;
    return { model: services.analysis.Analysis.forGroup(group).model, diagnostics };
}

describe('language version 2', () => {
    test('every construct parses and links without a syntax, reference or language error', async () => {
        const { diagnostics } = await modelOf(everyV2Construct);
        expect(diagnostics.filter(d => d.code === undefined || String(d.code).startsWith('bizha-')).map(d => d.message)).toEqual([]);
    });

    test('group setting and computer properties reach the model', async () => {
        const { model } = await modelOf(everyV2Construct);
        expect(model.receiveLocationFaultTolerance).toBe(true);
        expect(ast.isFaultToleranceSetting(model.receiveLocationFaultToleranceNode)).toBe(true);
        const bts01 = model.computers.get('BTS01')!;
        expect([bts01.os, bts01.hypervisor, bts01.sqlAliases, bts01.zone]).toEqual([{ year: 2019, r2: false, updates: [] }, 'HV1', ['AG1'], undefined]);
        // A repeated alias counts once.
        expect(model.computers.get('BTS02')!.sqlAliases).toEqual(['AG1']);
        expect(model.computers.get('WEB01')!.zone).toBe('perimeter');
        expect(model.computers.get('WEB01')!.os).toEqual({ year: 2025, r2: false, updates: [] });
        expect(model.computers.get('SQL01')!.sqlAliases).toEqual([]);
    });

    test('a top-level computer may alias an availability group of a group', async () => {
        const { model } = await modelOf(everyV2Construct);
        // INV01 is used by the group through the top-level queue manager TOPQM.
        const inv = model.computers.get('INV01')!;
        expect([inv.os, inv.zone, inv.hypervisor, inv.sqlAliases]).toEqual([{ year: 2012, r2: true, updates: [] }, 'perimeter', 'HV9', ['AG1']]);
    });

    test('cluster, SQL and master secret server properties reach the model', async () => {
        const { model } = await modelOf(everyV2Construct);
        const sqlcl = model.clusters.get('SQLCL')!;
        expect([sqlcl.networkName, sqlcl.witness]).toEqual(['SQLCLNN', 'file-share']);
        // The last witness written wins, like the other single-valued properties.
        expect(model.clusters.get('MQCL')!.witness).toBe('disk');
        const sqla = model.sqlInstances.get('SQLA')!;
        expect([sqla.agent, sqla.preferredOwner, sqla.serverName]).toEqual(['stopped', 'SQL02', 'SQL01\\INST,1533']);
        expect(model.sqlInstances.get('SQLB')!.agent).toBe('disabled');
        expect([model.sqlInstances.get('SQLC')!.agent, model.sqlInstances.get('SQLC')!.serverName]).toEqual(['running', undefined]);
        expect(model.sso!.masterSecretServer).toMatchObject({ kind: 'cluster', name: 'SQLCL', preferredOwner: 'SQL02' });
    });

    test('database options and availability group listener details reach the model', async () => {
        const { model } = await modelOf(everyV2Construct);
        const byName = new Map(model.databases.map(d => [d.name, d]));
        expect(byName.get('BizTalkMsgBoxDb')).toMatchObject({ recovery: 'simple', publication: false, mirrored: true, sqlLogShipping: true, vss: true, master: true });
        expect(byName.get('Box2')).toMatchObject({ kind: 'messagebox', recovery: undefined, publication: true, mirrored: false, sqlLogShipping: false, vss: false });
        expect(byName.get('BizTalkMgmtDb')).toMatchObject({ recovery: 'bulk-logged', container: { kind: 'sql', name: 'SQLC' } });
        expect(byName.get('BizTalkDTADb')).toMatchObject({ recovery: undefined, publication: undefined, mirrored: false });
        const ag = model.availabilityGroups.get('AG1')!;
        expect([ag.listener, ag.port, ag.subnets, ag.jobsAndLoginsReplicated]).toEqual(['AGL', 1533, 2, true]);
    });

    test('BAM, load balancers in front of the BAM portal and queue managers reach the model', async () => {
        const { model } = await modelOf(everyV2Construct);
        expect(model.bam).toMatchObject({ portal: ['BTS01', 'BTS02'], eventBus: ['BTS02'], backup: '\\\\fs01\\bam' });
        expect([model.nlbs.get('WebFarm')!.fronts, model.nlbs.get('WebFarm')!.frontsBamPortal]).toEqual([['Web'], true]);
        expect([model.nlbs.get('BamFarm')!.fronts, model.nlbs.get('BamFarm')!.frontsBamPortal]).toEqual([[], true]);
        const qm1 = model.queueManagers.get('QM1')!;
        expect([qm1.local, qm1.server]).toEqual([true, { kind: 'cluster', name: 'MQCL' }]);
        const top = model.queueManagers.get('TOPQM')!;
        expect([top.local, top.server]).toEqual([false, { kind: 'computer', name: 'INV01' }]);
        expect([...model.queueManagers.keys()]).toEqual(['QM1', 'TOPQM']);
    });

    test('handler options, quoted adapters, instance accounts and Windows group options reach the model', async () => {
        const { model } = await modelOf(everyV2Construct);
        expect(model.hosts.get('Web')!.handlers.map(h => h.adapter)).toEqual(['Windows SharePoint Services']);
        const mq = model.hosts.get('Mq')!;
        expect(mq.handlers.map(h => [h.adapter, h.queueManager, h.leaseTimeout, h.ordered])).toEqual([
            ['MQSeries', 'QM1', undefined, false], ['MQSeries', 'TOPQM', undefined, true], ['WCF-NetTcp', undefined, 120, false]
        ]);
        expect(mq.instances.map(i => [i.computer, i.disabled, i.account])).toEqual([
            ['BTS01', false, 'CONTOSO\\svc1'], ['BTS02', true, 'CONTOSO\\svc two'], ['WEB01', true, 'svc3@contoso.com']
        ]);
        expect(mq.accounts.map(a => [a.value, a.role, a.domainLocal])).toEqual([
            ['contoso.com\\svc-bts', 'host account', false],
            ['CONTOSO\\svc1', 'instance account', false],
            ['CONTOSO\\svc two', 'instance account', false],
            ['svc3@contoso.com', 'instance account', false],
            ['CONTOSO\\BizTalkUsers', 'host Windows group', true],
            ['BizTalk Application Users', 'host Windows group', false]
        ]);
    });

    test('defaults apply when no version 2 property is written', async () => {
        const { model } = await modelOf(`group G {
    computer A
    cluster CL { nodes A }
    sql S on A { databases BizTalkMsgBoxDb }
    availability-group AG { replicas S  listener L }
    host H { receive FILE  instances on A  windows-group CONTOSO\\Users }
    nlb N { members A  fronts H }
}`);
        expect(model.receiveLocationFaultTolerance).toBeUndefined();
        expect(model.computers.get('A')).toMatchObject({ os: undefined, zone: undefined, hypervisor: undefined, sqlAliases: [] });
        expect(model.clusters.get('CL')).toMatchObject({ networkName: undefined, witness: undefined });
        expect(model.sqlInstances.get('S')).toMatchObject({ agent: 'running', preferredOwner: undefined, serverName: undefined });
        expect(model.databases[0]).toMatchObject({ recovery: undefined, publication: undefined, mirrored: false, sqlLogShipping: false, vss: false });
        expect(model.availabilityGroups.get('AG')).toMatchObject({ subnets: undefined, jobsAndLoginsReplicated: false });
        expect(model.nlbs.get('N')!.frontsBamPortal).toBe(false);
        expect(model.bam).toBeUndefined();
        expect(model.queueManagers.size).toBe(0);
        expect(model.hosts.get('H')!.accounts[0].domainLocal).toBe(false);
    });
});

describe('version 2 words stay names', () => {
    test('a version 1 file naming computers, hosts and clusters after version 2 keywords still parses and links', async () => {
        const { document, diagnostics } = await validate(`group G {
    computer agent, portal, os, zone, disk, cloud, full, simple, vss, witness, recovery, hypervisor
    cluster running { nodes agent, portal }
    sql stopped on running
    databases mirrored, BizTalkMsgBoxDb (mirrored) on stopped
    host replicated { receive FILE  instances on agent, portal, os (disabled) }
    nlb subnets { members agent, portal  fronts replicated }
}`, services);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.filter(d => d.code === undefined || String(d.code).startsWith('bizha-')).map(d => d.message)).toEqual([]);
        const group = document.parseResult.value.declarations.find(ast.isGroup)!;
        const model = services.analysis.Analysis.forGroup(group).model;
        expect(model.clusters.get('running')!.nodes).toEqual(['agent', 'portal']);
        expect(model.hosts.get('replicated')!.instances.map(i => i.computer)).toEqual(['agent', 'portal', 'os']);
        expect(model.databases.map(d => [d.name, d.mirrored, d.container?.name])).toEqual([['mirrored', false, 'stopped'], ['BizTalkMsgBoxDb', true, 'stopped']]);
    });
});

describe('version 2 references', () => {
    test('unresolved version 2 references name what is missing', async () => {
        const { diagnostics } = await validate(`group G {
    computer A { sql-alias NOAG }
    sql S on A { preferred-owner NOCOMP }
    queue-manager Q on NOHOST
    bam { portal on NOWEB }
    host H { receive MQSeries (queue-manager NOQM)  instances on A }
}`, services);
        const messages = diagnostics.filter(isLinkingError).map(d => d.message);
        expect(messages).toEqual(expect.arrayContaining([
            "No availability group named 'NOAG' is declared in this group.",
            "No computer named 'NOCOMP' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No computer or cluster named 'NOHOST' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No computer named 'NOWEB' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No queue manager named 'NOQM' is declared in this group or at the top level of a .bizha file in the workspace."
        ]));
        expect(messages).toHaveLength(5);
    });

    test('queue manager names are unique in their own namespace and resolve across files', async () => {
        const results = await validateWorkspace({
            'mq.bizha': 'computer MQ01\nqueue-manager QM on MQ01\n',
            'group.bizha': `group G {
    computer BTS01
    host QM { receive MQSeries (queue-manager QM)  instances on BTS01 }
    queue-manager Local on BTS01
    queue-manager Local on BTS01
}`
        });
        expect(results.get('mq.bizha')!.filter(d => d.severity === 1)).toEqual([]);
        const group = results.get('group.bizha')!;
        expect(group.filter(isLinkingError)).toEqual([]);
        // A host and a queue manager may share a name; two queue managers may not.
        const duplicates = group.filter(d => d.message.includes('already declared'));
        expect(duplicates.map(d => d.message)).toEqual(["'Local' is already declared in group G (as a queue manager): names must be unique in their scope."]);
    });
});

describe('values', () => {
    test('an os outside 2012 r2, 2016, 2019, 2022 and 2025 is a located error', async () => {
        const { diagnostics } = await validate('group G { computer A { os 2008 }, B { os 2012 }, C { os 2019 r2 }, D { os 2012 r2 }, E { os 2025 } }', services);
        const found = diagnostics.filter(d => d.code === 'bizha-os');
        expect(found.map(d => d.range.start.character)).toEqual([26, 41, 61]);
    });
});

describe('accounts', () => {
    test('user@domain and domain.tld\\name lex as one account token', async () => {
        const { document } = await validate('group G { computer A  host H { instances on A  account svc@contoso.com  windows-group contoso.com\\BizTalk-Users } }', services);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const host = document.parseResult.value.declarations.find(ast.isGroup)!.members.find(ast.isHost)!;
        expect(host.properties.find(ast.isServiceAccount)!.account).toBe('svc@contoso.com');
        expect(host.properties.find(ast.isWindowsGroup)!.account).toBe('contoso.com\\BizTalk-Users');
    });

    test('an account that starts with a version 2 word is still one account token', async () => {
        const { document } = await validate('group G { host H { account agent@contoso.com  windows-group portal\\Users } }', services);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const host = document.parseResult.value.declarations.find(ast.isGroup)!.members.find(ast.isHost)!;
        expect([host.properties.find(ast.isServiceAccount)!.account, host.properties.find(ast.isWindowsGroup)!.account]).toEqual(['agent@contoso.com', 'portal\\Users']);
    });

    test('a quoted account keeps its spaces and unescapes backslashes', async () => {
        const { document, diagnostics } = await validate('group G { computer A  host H { instances on A  account "CONTOSO\\\\svc bts"  windows-group "BizTalk Application Users" } }', services);
        expect(diagnostics.filter(d => d.code === 'bizha-string-escape')).toEqual([]);
        const host = document.parseResult.value.declarations.find(ast.isGroup)!.members.find(ast.isHost)!;
        expect(host.properties.find(ast.isServiceAccount)!.account).toBe('CONTOSO\\svc bts');
        expect(host.properties.find(ast.isWindowsGroup)!.account).toBe('BizTalk Application Users');
    });

    test('a stray escape in a quoted adapter name or account is a located error', async () => {
        const { diagnostics } = await validate('group G { computer A  host H { receive "C:\\temp"  instances on A  account "CONTOSO\\svc" } }', services);
        expect(diagnostics.filter(d => d.code === 'bizha-string-escape')).toHaveLength(2);
    });

    test('accountKind tells built-in, local, domain, UPN and DNS-domain accounts apart', () => {
        const computers = new Set(['BTS01']);
        expect([
            'LocalSystem', 'NetworkService', 'LocalService', 'NT AUTHORITY\\SYSTEM', '.\\svc', 'BTS01\\svc', 'BizTalk Application Users',
            'CONTOSO\\svc', 'svc@contoso.com', 'contoso.com\\svc'
        ].map(value => accountKind(value, computers))).toEqual([
            'builtin', 'builtin', 'builtin', 'builtin', 'local', 'local', 'local', 'domain', 'upn', 'fqdn-domain'
        ]);
        // Without the computers, a computer prefix cannot be told from a domain.
        expect(accountKind('BTS01\\svc')).toBe('domain');
    });

    test('accountText writes an account back as it lexes: bare when it is one token, quoted otherwise', async () => {
        const values = ['CONTOSO\\svc', 'svc@contoso.com', 'LocalSystem', 'BizTalk Application Users', 'CONTOSO\\svc two', 'say "hi"'];
        expect(values.map(accountText)).toEqual(['CONTOSO\\svc', 'svc@contoso.com', 'LocalSystem', '"BizTalk Application Users"', '"CONTOSO\\\\svc two"', '"say \\"hi\\""']);
        // Each written form parses back to the same value.
        for (const value of values) {
            const { document } = await validate(`group G { host H { account ${accountText(value)} } }`, services);
            expect(document.parseResult.value.declarations.find(ast.isGroup)!.members.find(ast.isHost)!.properties.find(ast.isServiceAccount)!.account).toBe(value);
        }
    });
});
