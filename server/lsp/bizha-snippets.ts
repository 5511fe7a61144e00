import type { SnippetScope } from './bizha-completion-provider.js';
import { instanceComputers } from './group-facts.js';

/**
 * Snippets for whole blocks, offered next to the keyword that starts them (so only where the
 * grammar allows that declaration). Defaults come from the surrounding topology when it has
 * fitting computers, clusters or SQL instances; the text follows the formatter's layout.
 */
export interface BlockSnippet {
    readonly label: string;
    readonly detail: string;
    /** LSP snippet syntax. */
    readonly body: string;
    /** The text inserted when every placeholder keeps its default. */
    readonly preview: string;
}

/** Escapes literal text for a snippet body. */
function lit(text: string): string {
    return text.replace(/[\\$}]/g, match => `\\${match}`);
}

class SnippetBuilder {
    private next = 1;
    private readonly parts: string[] = [];
    private readonly previewParts: string[] = [];

    text(text: string): this {
        this.parts.push(lit(text));
        this.previewParts.push(text);
        return this;
    }

    /** A placeholder; returns its number so that it can be mirrored. */
    field(value: string): number {
        const index = this.next++;
        this.parts.push(`\${${index}:${lit(value)}}`);
        this.previewParts.push(value);
        return index;
    }

    choice(values: string[]): number {
        const index = this.next++;
        this.parts.push(`\${${index}|${values.map(v => v.replace(/[\\,|]/g, m => `\\${m}`)).join(',')}|}`);
        this.previewParts.push(values[0]);
        return index;
    }

    mirror(index: number, value: string): this {
        this.parts.push(`\${${index}}`);
        this.previewParts.push(value);
        return this;
    }

    build(label: string, detail: string): BlockSnippet {
        return { label, detail, body: this.parts.join('') + '$0', preview: this.previewParts.join('') };
    }
}

const coreDatabases = ['BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb'];

function pick(candidates: readonly string[], fallback: string[], count: number): string[] {
    const result = candidates.slice(0, count);
    for (const name of fallback) {
        if (result.length >= count) break;
        if (!result.includes(name)) result.push(name);
    }
    return result;
}

/** Comma list of fields, each mirrored later if needed. */
function fieldList(builder: SnippetBuilder, values: string[]): Array<{ index: number; value: string }> {
    return values.map((value, i) => {
        if (i > 0) builder.text(', ');
        return { index: builder.field(value), value };
    });
}

export function blockSnippets(rule: string, keyword: string, scope: SnippetScope): BlockSnippet[] {
    if (rule === 'Host' && keyword === 'host' && scope.inGroup) return [scaledOutHost(scope), clusteredHost(scope)];
    if (rule === 'SqlInstance' && keyword === 'sql') return [sqlFailoverClusterInstance(scope)];
    if (rule === 'AvailabilityGroup' && keyword === 'availability-group') return [availabilityGroup(scope)];
    if (rule === 'Nlb' && keyword === 'nlb' && scope.inGroup) return [nlbFrontingHost(scope)];
    if (rule === 'Group' && keyword === 'group') return [smallHaGroup()];
    if (rule === 'Bam' && keyword === 'bam') return [bam(scope)];
    return [];
}

function biztalkComputers(scope: SnippetScope): string[] {
    const running = scope.computers.filter(c => scope.facts.hostsOn.has(c));
    const spare = scope.computers.filter(c => !running.includes(c) && !scope.facts.clustersOf.has(c));
    return [...running, ...spare];
}

function scaledOutHost(scope: SnippetScope): BlockSnippet {
    const b = new SnippetBuilder();
    b.text('host ');
    b.field('ReceiveHost');
    b.text(' {\n    receive ');
    b.field('FILE');
    b.text('\n    instances on ');
    fieldList(b, pick(biztalkComputers(scope), ['BTS01', 'BTS02'], 2));
    b.text('\n}');
    return b.build('host (scaled out)', 'Host with instances on two computers');
}

function clusteredHost(scope: SnippetScope): BlockSnippet {
    // Prefer a cluster whose nodes already run BizTalk hosts and that holds no SQL instance.
    const biztalkCluster = scope.clusters.find(c => !scope.facts.sqlOn.has(c) && scope.clusterNodes(c).some(n => scope.facts.hostsOn.has(n)))
        ?? scope.clusters.find(c => !scope.facts.sqlOn.has(c));
    const b = new SnippetBuilder();
    b.text('host ');
    b.field('ClusteredReceiveHost');
    b.text(' {\n    receive ');
    b.choice(['SFTP', 'FTP', 'MSMQ', 'POP3', 'SAP', 'WCF-NetMsmq']);
    b.text('\n    clustered on ');
    b.field(biztalkCluster ?? 'BTSCL');
    b.text('\n    instances on ');
    const nodes = biztalkCluster ? scope.clusterNodes(biztalkCluster) : [];
    fieldList(b, nodes.length >= 2 ? nodes : pick(nodes, ['BTS01', 'BTS02'], 2));
    b.text('\n}');
    return b.build('host (clustered)', 'Clustered host with an instance on every node of its cluster');
}

function databaseLine(b: SnippetBuilder, scope: SnippetScope): void {
    if (!scope.inGroup) return; // a top-level instance lists no databases
    const missing = coreDatabases.filter(name => !scope.facts.placedDatabases.has(name.toLowerCase()));
    if (missing.length === 0) return;
    b.text('\n    databases ');
    b.field(missing.join(', '));
}

function sqlFailoverClusterInstance(scope: SnippetScope): BlockSnippet {
    const b = new SnippetBuilder();
    const sqlCluster = scope.clusters.find(c => !scope.clusterNodes(c).some(n => scope.facts.hostsOn.has(n)));
    if (sqlCluster) {
        b.text('sql ');
        b.field('BTSSQL');
        b.text(' on ');
        b.field(sqlCluster);
    } else {
        // No cluster to put it on yet: declare two nodes and the cluster with it.
        b.text('computer ');
        const [first, second] = fieldList(b, ['SQL01', 'SQL02']);
        b.text('\n\ncluster ');
        const cluster = b.field('SQLCL');
        b.text(' {\n    nodes ');
        b.mirror(first.index, first.value).text(', ').mirror(second.index, second.value);
        b.text('\n    storage ');
        b.field('SAN01');
        b.text('\n    msdtc\n}\n\nsql ');
        b.field('BTSSQL');
        b.text(' on ').mirror(cluster, 'SQLCL');
    }
    b.text(' {\n    edition enterprise');
    databaseLine(b, scope);
    b.text('\n}');
    return b.build('sql (failover cluster instance)', 'SQL Server failover cluster instance on a cluster');
}

function availabilityGroup(scope: SnippetScope): BlockSnippet {
    const b = new SnippetBuilder();
    b.text('availability-group ');
    b.field('BizTalkAG');
    b.text(' {\n    replicas ');
    const [a, c] = pick(scope.sqlInstances, ['SQLA', 'SQLB'], 2);
    b.field(a);
    b.text(' synchronous, ');
    b.field(c);
    b.text(' synchronous\n    listener ');
    b.field('BTSLISTENER');
    b.text(' port 1433\n    dtc-support per-database\n    jobs-and-logins replicated');
    databaseLine(b, scope);
    b.text('\n}');
    return b.build('availability-group (synchronous, per-database DTC, listener, jobs and logins)', 'Always On availability group as BizTalk supports it');
}

function bam(scope: SnippetScope): BlockSnippet {
    const computers = biztalkComputers(scope);
    const b = new SnippetBuilder();
    b.text('bam {\n    portal on ');
    fieldList(b, pick(computers, ['WEB01', 'WEB02'], 2));
    b.text('\n    event-bus on ');
    fieldList(b, pick(computers, ['BTS01', 'BTS02'], 2));
    b.text('\n    backup "');
    b.field('\\\\\\\\fs01\\\\bam');
    b.text('"\n}');
    return b.build('bam (portal, event bus, backup)', 'BAM portal and event bus on two computers each, with the BAM databases\' backup');
}

function nlbFrontingHost(scope: SnippetScope): BlockSnippet {
    const isolated = scope.facts.hosts.find(h => h.hostType === 'isolated');
    const members = isolated ? [...new Set(instanceComputers(isolated))] : [];
    const onClusterNodes = members.some(m => scope.facts.clustersOf.has(m));
    const b = new SnippetBuilder();
    b.text('nlb ');
    b.field('WebFarm');
    b.text(' {\n    kind ');
    // Windows NLB is not supported on failover-cluster nodes.
    b.choice(onClusterNodes ? ['hardware', 'windows'] : ['windows', 'hardware']);
    b.text('\n    members ');
    fieldList(b, members.length >= 2 ? members : pick(members, biztalkComputers(scope).length ? biztalkComputers(scope) : ['BTS01', 'BTS02'], 2));
    b.text('\n    fronts ');
    b.field(isolated?.name ?? 'WebReceiveHost');
    b.text('\n}');
    return b.build('nlb (fronting a host)', 'Load balancer in front of an isolated host\'s computers');
}

function smallHaGroup(): BlockSnippet {
    const b = new SnippetBuilder();
    b.text('// Small high-availability group: two BizTalk computers, a two-node SQL failover cluster\ngroup ');
    b.field('ContosoProd');
    const domain = () => b.mirror(domainField, 'CONTOSO');
    b.text(' {\n    version 2020\n    edition enterprise\n    availability high\n    receive-location-fault-tolerance on\n\n    computer BTS01, BTS02\n    computer SQL01, SQL02\n    computer DR01\n\n');
    b.text('    cluster SQLCL {\n        nodes SQL01, SQL02\n        storage SAN01\n        msdtc\n        witness disk\n        network-name SQLCLSSO\n    }\n\n');
    b.text(`    sql BTSSQL on SQLCL {\n        edition enterprise\n        databases ${coreDatabases.join(', ')}\n    }\n\n`);
    b.text('    sql DRSQL on DR01\n\n');
    b.text('    sso {\n        master-secret-server on SQLCL\n        backup "\\\\\\\\fs01\\\\sso"\n        administrators ');
    const domainField = b.field('CONTOSO');
    b.text('\\SSOAdmins\n    }\n\n');
    const host = (name: string, work: string) => {
        b.text(`    host ${name} {\n        ${work}\n        instances on BTS01, BTS02\n        account `);
        domain();
        b.text('\\svc-bts\n    }\n');
    };
    host('ReceiveHost', 'receive FILE (path "\\\\\\\\fs01\\\\in")');
    host('ProcessingHost', 'orchestrations');
    host('SendHost', 'send FILE, SMTP');
    host('TrackingHost', 'tracking');
    host('WebReceive isolated', 'receive WCF-BasicHttp');
    b.text('\n    nlb WebFarm {\n        members BTS01, BTS02\n        fronts WebReceive\n    }\n\n');
    b.text('    backup-job {\n        destination "\\\\\\\\fs01\\\\btsbackup"\n        log-shipping to DRSQL\n    }\n}');
    return b.build('group (small high-availability group)', 'A complete group that bizha reports nothing on');
}

/** Resolves a snippet body to the text it inserts with every default kept (for tests). */
export function expandSnippet(body: string): string {
    const defaults = new Map<string, string>();
    const unescape = (text: string) => text.replace(/\\([\\$}|,])/g, '$1');
    // First pass: remember the defaults of fields and choices.
    for (const match of body.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) defaults.set(match[1], unescape(match[2]));
    for (const match of body.matchAll(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g)) defaults.set(match[1], unescape(match[2].split(/(?<!\\),/)[0]));
    let result = '';
    for (let i = 0; i < body.length;) {
        const rest = body.slice(i);
        const field = /^\$\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)?\}/.exec(rest);
        if (field) {
            result += defaults.get(field[1]) ?? '';
            i += field[0].length;
        } else if (rest.startsWith('$0')) {
            i += 2;
        } else if (rest[0] === '\\' && rest.length > 1) {
            result += rest[1];
            i += 2;
        } else {
            result += rest[0];
            i += 1;
        }
    }
    return result;
}
