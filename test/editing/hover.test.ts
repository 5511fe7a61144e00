import { CstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { expectHover, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import type { AnalyzedGroup } from '../../language/analysis/analysis-service.js';
import type { Group } from '../../language/generated/ast.js';
import { cleanGroup, variant } from '../fixtures.js';
import { createEditingServices, offsetOf, position, readExample, workspace } from './editing.js';

const services = createEditingServices();
const hover = expectHover(services);

async function hoverAt(document: LangiumDocument, offset: number): Promise<string | undefined> {
    const result: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, position(document, offset));
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
}

/** Hover text at the first occurrence of `needle` (offset `delta` into it) in a one-file workspace. */
async function hoverIn(text: string, needle: string, delta = 0): Promise<string> {
    const document = (await workspace(services, { 'topology.bizha': text })).get('topology.bizha')!;
    return (await hoverAt(document, offsetOf(text, needle, delta))) ?? '';
}

/** Every construct of the language, so that each keyword can be hovered. */
const kitchenSink = `computer INV01, INV02
cluster INVCL {
    nodes INV01, INV02
    storage SAN9
    msdtc
}
sql INVSQL on INVCL {
    edition standard
    version 2016 sp 2 cu 7
}
nlb INVLB {
    kind hardware
    members INV01, INV02
}

group Sink {
    version 2013 r2 cu 3
    edition enterprise
    edition standard
    edition branch
    edition developer
    availability standard
    availability high

    computer BTS01 { site DC1 msdtc on }, BTS02 { msdtc off }
    computer SQLA, SQLB

    cluster BTSCL {
        nodes BTS01, BTS02
        msdtc
        msmq
        iis
    }

    sql SQLA1 on SQLA { edition enterprise  version 2019 cu 18 }
    sql SQLB1 on SQLB

    availability-group AG1 {
        replicas SQLA1 synchronous, SQLB1 asynchronous
        listener AGL port 1433
        dtc-support per-database
        dtc-support none
        databases BizTalkMgmtDb, messagebox BizTalkMsgBoxDb, tracking BizTalkDTADb, sso SSODB, rules BizTalkRuleEngineDb, bam BAMPrimaryImport, management MgmtCopy
    }

    databases EsbItineraryDb on INVSQL

    sso {
        master-secret-server on BTSCL
        backup "\\\\\\\\fs01\\\\sso"
        administrators LocalSystem
    }

    host H1 in-process {
        receive MSMQ (ordered, remote-queue, non-transactional), POP3 (shared-mailbox), FILE (path "\\\\\\\\fs\\\\in"), sql
        send msmq, SMTP
        orchestrations
        tracking
        bitness 32
        clustered on BTSCL
        instances on BTS01, BTS02 (disabled)
        account NetworkService
        windows-group LocalService
    }
    host H2 isolated { receive HTTP  instances on BTS01, BTS02 }

    nlb LB { kind windows  members BTS01, BTS02  fronts H2 }

    backup-job {
        destination "\\\\\\\\fs01\\\\bk"
        log-shipping to SQLB1
    }
}
`;

/** Keywords that name no concept: structure only. */
const structural = new Set(['on', 'to', '{', '}', '(', ')', ',']);

describe('hover on keywords', () => {
    test('every concept keyword has glossary text and a Microsoft Learn source', async () => {
        const document = await parseDocument(services, kitchenSink);
        expect(document.parseResult.parserErrors).toEqual([]);
        const keywords = CstUtils.flattenCst(document.parseResult.value.$cstNode!)
            .filter(leaf => GrammarAST.isKeyword(leaf.grammarSource) && !structural.has(leaf.text)).toArray();
        const seen = new Set<string>();
        for (const leaf of keywords) {
            const text = await hoverAt(document, leaf.offset);
            expect(text, `hover on '${leaf.text}' (line ${leaf.range.start.line + 1})`).toMatch(/https:\/\/learn\.microsoft\.com\/en-us\/biztalk\/[a-z0-9/-]+\)/);
            seen.add(leaf.text);
        }
        // The sink really covers the grammar's concept keywords.
        for (const keyword of ['host', 'in-process', 'isolated', 'clustered', 'instances', 'tracking', 'orchestrations', 'receive', 'send',
            'nlb', 'cluster', 'nodes', 'storage', 'msdtc', 'msmq', 'iis', 'sql', 'databases', 'availability-group', 'replicas', 'listener',
            'dtc-support', 'synchronous', 'asynchronous', 'master-secret-server', 'backup', 'administrators', 'backup-job', 'log-shipping',
            'edition', 'availability', 'version', 'bitness', 'site', 'windows-group', 'account', 'ordered', 'remote-queue',
            'non-transactional', 'shared-mailbox', 'disabled', 'kind', 'members', 'fronts', 'messagebox', 'management', 'sso', 'rules', 'bam',
            'destination', 'path', 'group', 'computer']) {
            expect(seen, keyword).toContain(keyword);
        }
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    });

    test('keywords with two meanings are explained by where they stand', async () => {
        const hostTracking = await hoverIn(kitchenSink, '        tracking\n', 8);
        expect(hostTracking).toContain('**Tracking host**');
        const databaseTracking = await hoverIn(kitchenSink, 'tracking BizTalkDTADb');
        expect(databaseTracking).toContain('**Tracking database**');
        expect(await hoverIn(kitchenSink, 'sso {')).toContain('**Enterprise Single Sign-On**');
        expect(await hoverIn(kitchenSink, 'sso SSODB')).toContain('**SSO database**');
        expect(await hoverIn(kitchenSink, 'msdtc on')).toContain('**Network DTC access**');
        expect(await hoverIn(kitchenSink, '        msdtc\n        msmq', 8)).toContain('**Clustered MSDTC**');
        expect(await hoverIn(kitchenSink, 'edition standard\n    version 2016')).toContain('**SQL Server edition**');
        expect(await hoverIn(kitchenSink, 'edition developer')).toContain('**BizTalk Server edition**');
    });

    test('the master secret server keyword explains the cache and the restore on every node', async () => {
        const text = await hoverIn(cleanGroup, 'master-secret-server');
        expect(text).toContain('**Master secret server**');
        expect(text).toContain('running host instances keep working from the secret cached');
        expect(text).toContain('restored on every node');
        expect(text).toContain('cannot express');
        expect(text).toContain('(https://learn.microsoft.com/en-us/biztalk/core/high-availability-for-enterprise-single-sign-on)');
    });

    test('glossary text on `isolated` with its source page', async () => {
        await hover({
            text: 'group G { host Web <|>isolated { receive HTTP } }',
            index: 0,
            hover: /\*\*Isolated host\*\*[\s\S]*IIS[\s\S]*\(https:\/\/learn\.microsoft\.com\/en-us\/biztalk\/core\/hosts\)/,
            disposeAfterCheck: true
        });
    });

    test('no hover on structural keywords and punctuation', async () => {
        await hover({ text: 'group G { sql S <|>on X }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'group G <|>{ }', index: 0, hover: undefined, disposeAfterCheck: true });
    });
});

describe('hover on adapters, databases and accounts', () => {
    test('an adapter that needs a clustered host', async () => {
        const text = await hoverIn(readExample('two-computer-not-ha/topology.bizha'), 'FTP\n');
        expect(text).toContain('**FTP adapter**: receive handler');
        expect(text).toContain('**Receive HA:** needs a clustered host');
        expect(text).toContain('**Receive host type:** in-process; 32-bit only');
        // What the analysis found for this handler here.
        expect(text).toContain('receive FTP on BizTalkServerApplication');
        expect(text).toContain('**Availability:** one computer: stops if BTS01 fails');
        expect(text).toContain('**Also stops if:** SQL01 fails (through database BizTalkMgmtDb');
        expect(text).toContain('core/considerations-for-running-adapter-handlers-within-a-clustered-host1');
    });

    test('an isolated adapter that needs a load balancer, and send handlers', async () => {
        const receive = await hoverIn(cleanGroup, 'WCF-BasicHttp  instances');
        expect(receive).toContain('**Receive HA:** needs a load balancer');
        expect(receive).toContain('**Receive host type:** isolated');
        expect(receive).toContain('**Availability:** scaled out on 2 computers (BTS01 and BTS02) behind a load balancer: keeps running if any one of them fails');
        const send = await hoverIn(cleanGroup, 'SMTP');
        expect(send).toContain('**SMTP adapter**: send handler');
        expect(send).toContain('**Send HA:** scale out');
    });

    test('lower-case adapter names that are keywords elsewhere, and unknown adapters', async () => {
        expect(await hoverIn(kitchenSink, 'msmq, SMTP')).toContain('**MSMQ adapter**: send handler');
        expect(await hoverIn(kitchenSink, 'sql\n')).toContain('**SQL adapter**: receive handler');
        expect(await hoverIn('group G { host H { receive Custom-Thing } }', 'Custom-Thing')).toContain('Not an adapter bizha knows');
    });

    test('a database name says what the database is and where it is placed', async () => {
        const text = await hoverIn(cleanGroup, 'BizTalkMsgBoxDb');
        expect(text).toContain('**BizTalkMsgBoxDb**: MessageBox database (the master MessageBox)');
        expect(text).toContain('publish/subscribe');
        expect(text).toContain('**Placed on:** SQL instance BTSSQL');
        expect(text).toContain('SQL failover cluster instance on SQL01 and SQL02');
        expect(text).toContain('core/databases-in-biztalk-server');
        const custom = await hoverIn(kitchenSink, 'MgmtCopy');
        expect(custom).toContain('Management database');
    });

    test('accounts: domain, local and built-in, and why it matters', async () => {
        const domain = await hoverIn(cleanGroup, 'CONTOSO\\svc-bts');
        expect(domain).toContain('service account of host ReceiveHost');
        expect(domain).toContain('A **domain** account or group (domain CONTOSO)');
        const local = await hoverIn(readExample('two-computer-not-ha/topology.bizha'), 'BTS01\\SSOAdmins');
        expect(local).toContain('the SSO Administrators group');
        expect(local).toContain('A **local** account or group of BTS01');
        expect(local).toContain('HA-DOM-GROUPS');
        const builtIn = await hoverIn(kitchenSink, 'NetworkService');
        expect(builtIn).toContain('A **built-in** Windows identity');
        expect(builtIn).toContain('core/domain-groups');
    });
});

describe('hover on declared elements and references', () => {
    test('a scaled-out host: functions, instances and its availability in words', async () => {
        const text = await hoverIn(cleanGroup, 'ReceiveHost', 0);
        expect(text).toContain('**host `ReceiveHost`**: in-process host in group **Prod**');
        expect(text).toContain('**Functions:** receive FILE');
        expect(text).toContain('**Instances:** BTS01, BTS02');
        expect(text).toContain('**Availability:** scaled out on 2 computers (BTS01 and BTS02): keeps running if any one of them fails');
        expect(text).not.toContain('stops if');
        // No jargon: the words say what happens.
        expect(text).not.toMatch(/Mechanism|Redundancy|provider/);
    });

    test('a host with one instance lists the single failures that stop it', async () => {
        const text = await hoverIn(variant([['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01 }']]), 'ProcessingHost');
        expect(text).toContain('**Functions:** processing');
        expect(text).toContain('**Availability:** one computer: stops if BTS01 fails');
        expect(text).not.toMatch(/Mechanism|Redundancy|provider/);
    });

    test('a reference shows the same as its declaration', async () => {
        const document = (await workspace(services, { 'topology.bizha': cleanGroup })).get('topology.bizha')!;
        const declaration = await hoverAt(document, offsetOf(cleanGroup, 'BTS01'));
        const reference = await hoverAt(document, offsetOf(cleanGroup, 'instances on BTS01', 'instances on '.length));
        expect(reference).toBe(declaration);
        expect(declaration).toContain('**computer `BTS01`**: BizTalk computer in group **Prod**');
        expect(declaration).toContain('**Runs:** instances of ReceiveHost, ProcessingHost, SendHost, TrackingHost and WebReceive; member of load balancer WebFarm');
        expect(declaration).toContain('**If it fails alone:** no function stops.');
    });

    test('a computer lists every function that stops when it fails', async () => {
        const text = await hoverIn(readExample('two-computer-not-ha/topology.bizha'), 'computer SQL01', 'computer '.length);
        expect(text).toContain('**computer `SQL01`**: SQL computer');
        expect(text).toContain('**Runs:** SQL instance BTSSQL');
        // Summarised by kind on one line, not a list cut off by the hover box.
        expect(text).toContain('**If it fails alone, 14 functions stop:** receive handlers (FILE on BizTalkServerApplication, FTP on BizTalkServerApplication, WCF-BasicHttp on BizTalkServerIsolatedHost), processing on BizTalkServerApplication, send handlers (FILE on BizTalkServerApplication, SMTP on BizTalkServerApplication, WCF-BasicHttp on BizTalkServerApplication), tracking, 5 databases and master secret server');
        expect(text.split('\n').length).toBeLessThan(8);
    });

    test('a cluster, a SQL failover cluster instance and the group: summaries with the worst single failure', async () => {
        const cluster = await hoverIn(cleanGroup, 'SQLCL');
        expect(cluster).toContain('**cluster `SQLCL`**: Windows Server failover cluster in group **Prod**');
        expect(cluster).toContain('**Nodes:** SQL01, SQL02');
        expect(cluster).toContain('**Shared storage:** SAN01');
        expect(cluster).toContain('**Clustered resources:** msdtc');
        expect(cluster).toContain('**Roles:** SQL failover cluster instance BTSSQL, master secret server');
        expect(cluster).toContain('**Worst single failure:** none');
        expect(cluster).toContain('restored on every node');
        const sql = await hoverIn(cleanGroup, 'BTSSQL');
        expect(sql).toContain('SQL Server failover cluster instance on SQLCL (nodes SQL01 and SQL02)');
        expect(sql).toContain('**Databases:** BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb');
        expect(sql).toContain('**Availability:** SQL failover cluster instance on SQL01 and SQL02: keeps running if any one of them fails');
        const group = await hoverIn(readExample('two-computer-not-ha/topology.bizha'), 'ContosoTwoBox');
        expect(group).toContain('**group `ContosoTwoBox`**: BizTalk Server 2020 CU6, enterprise edition, target: high availability');
        expect(group).toContain('of which 14 have a single point of failure');
        expect(group).toContain('    - SQL01 fails: 14 functions stop (receive handlers (');
        expect(group).toContain('    - BTS01 fails: 9 functions stop (');
        expect(group).toContain('**Worst single failure:** SQL01 stops 14 functions');
    });

    test('availability groups and load balancers', async () => {
        const text = readExample('availability-group/topology.bizha');
        const document = (await workspace(services, { 'topology.bizha': text })).get('topology.bizha')!;
        const agName = /availability-group (\S+)/.exec(text)![1];
        const ag = (await hoverAt(document, offsetOf(text, `availability-group ${agName}`, 'availability-group '.length)))!;
        expect(ag).toContain(`**availability-group \`${agName}\`**: Always On availability group`);
        expect(ag).toMatch(/\*\*Replicas:\*\* \S+ \(synchronous\), \S+ \(synchronous\)/);
        expect(ag).toContain('**DTC support:** per-database');
        expect(ag).toMatch(/\*\*Availability:\*\* availability group with synchronous replicas on \S+ and \S+: keeps running if any one of them fails/);
        const nlbName = /nlb (\S+)/.exec(text)![1];
        const nlb = (await hoverAt(document, offsetOf(text, `nlb ${nlbName}`, 'nlb '.length)))!;
        expect(nlb).toContain(`**nlb \`${nlbName}\`**: Windows Network Load Balancing`);
        expect(nlb).toContain('**Members:** BTS01, BTS02');
        expect(nlb).toContain('**Availability:** scaled out on 2 computers (BTS01 and BTS02) behind a load balancer: keeps running if any one of them fails');
    });

    test('a top-level element is described in the groups that use it', async () => {
        const files = await workspace(services, {
            'inventory.bizha': readExample('multi-file/inventory.bizha'),
            'group.bizha': readExample('multi-file/group.bizha'),
            'unused.bizha': 'computer SPARE01\n'
        });
        const inventory = files.get('inventory.bizha')!;
        const text = inventory.textDocument.getText();
        const cluster = (await hoverAt(inventory, offsetOf(text, 'cluster SQLCL01', 'cluster '.length)))!;
        expect(cluster).toContain('**cluster `SQLCL01`**: Windows Server failover cluster used by group **ContosoShared**');
        expect(cluster).toContain('**Roles:** SQL failover cluster instance BTSSQL, master secret server');
        const unused = files.get('unused.bizha')!;
        expect(await hoverAt(unused, 'computer '.length)).toContain('No group in the workspace uses it');
    });

    test('redundancy comes from the analysis result, not from counting declarations', async () => {
        const document = (await workspace(services, { 'topology.bizha': cleanGroup })).get('topology.bizha')!;
        const analysis = services.analysis.Analysis;
        const original = analysis.forGroup.bind(analysis);
        // A doctored analysis: the hover must show whatever the analysis says.
        analysis.forGroup = (group: Group): AnalyzedGroup => {
            const real = original(group);
            const functions = real.analysis.functions.map(fn => fn.host === 'SendHost'
                ? { ...fn, redundancy: 1, singleFailures: [{ component: 'computer:BTS02' }] } : fn);
            return { model: real.model, analysis: { ...real.analysis, functions } };
        };
        try {
            const text = (await hoverAt(document, offsetOf(cleanGroup, 'SendHost')))!;
            expect(text).toContain('**Also stops if:** BTS02 fails');
        } finally {
            analysis.forGroup = original;
        }
    });
});
