import { AstUtils, type AstNode } from 'langium';
import * as ast from '../../language/generated/ast.js';
import { databasesOf } from '../../language/validation/bizha-validator.js';
import { oncePer } from '../../language/workspace/once-per.js';

/**
 * What completion needs to know about the elements of one group, read from its syntax tree only
 * (reference texts, no linking, no analysis), so that it stays cheap on every keystroke.
 */
export interface GroupFacts {
    /** Host names per computer that runs an instance of them. */
    readonly hostsOn: Map<string, string[]>;
    /** Cluster names per node. */
    readonly clustersOf: Map<string, string[]>;
    /** SQL instance names per server (computer or cluster) they are declared on. */
    readonly sqlOn: Map<string, string[]>;
    /** Names of the well-known databases the group places, lower-cased. */
    readonly placedDatabases: Set<string>;
    readonly hosts: ast.Host[];
    readonly clusters: ast.Cluster[];
    /** Computers declared in the group, in order. */
    readonly computers: string[];
}

export function enclosingGroup(node: AstNode | undefined): ast.Group | undefined {
    return AstUtils.getContainerOfType(node, ast.isGroup);
}

function push(map: Map<string, string[]>, key: string | undefined, value: string | undefined): void {
    // Half-typed declarations have no name or reference yet.
    if (!key || !value) return;
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
}

export function groupFacts(group: ast.Group | undefined, model?: ast.Model): GroupFacts {
    const facts = emptyFacts();
    collect(group?.members ?? [], facts);
    if (model) merge(facts, topLevelFacts(model));
    for (const database of group ? databasesOf(group) : []) if (database.name) facts.placedDatabases.add(database.name.toLowerCase());
    return facts;
}

function emptyFacts(): GroupFacts {
    return { hostsOn: new Map(), clustersOf: new Map(), sqlOn: new Map(), placedDatabases: new Set(), hosts: [], clusters: [], computers: [] };
}

/** The facts of a file's top-level declarations, once per parse: the outline asks for every group of the file. */
const topLevelFacts = oncePer((model: ast.Model): GroupFacts => collect(model.declarations ?? [], emptyFacts()));

function collect(members: readonly AstNode[], facts: GroupFacts): GroupFacts {
    for (const member of members) {
        if (ast.isHost(member)) {
            facts.hosts.push(member);
            for (const list of member.properties.filter(ast.isInstances)) {
                for (const instance of list.instances) push(facts.hostsOn, instance.computer?.$refText, member.name);
            }
        } else if (ast.isCluster(member)) {
            facts.clusters.push(member);
            for (const list of member.properties.filter(ast.isClusterNodes)) {
                for (const node of list.nodes) push(facts.clustersOf, node?.$refText, member.name);
            }
        } else if (ast.isSqlInstance(member)) {
            push(facts.sqlOn, member.server?.$refText, member.name);
        } else if (ast.isComputerDecl(member)) {
            facts.computers.push(...member.computers.map(c => c.name).filter(name => !!name));
        }
    }
    return facts;
}

/** A group's facts with another file's top-level facts after them (an element declared in an inventory file). */
export function withTopLevelFacts(facts: GroupFacts, model: ast.Model): GroupFacts {
    const combined = emptyFacts();
    merge(combined, facts);
    merge(combined, topLevelFacts(model));
    return combined;
}

/** Adds `more` after what `facts` holds, as if its members came after. */
function merge(facts: GroupFacts, more: GroupFacts): void {
    for (const [target, source] of [[facts.hostsOn, more.hostsOn], [facts.clustersOf, more.clustersOf], [facts.sqlOn, more.sqlOn]] as const) {
        for (const [key, values] of source) for (const value of values) push(target, key, value);
    }
    facts.hosts.push(...more.hosts);
    facts.clusters.push(...more.clusters);
    facts.computers.push(...more.computers);
}

/** The computers a host has instances on, in order. */
export function instanceComputers(host: ast.Host): string[] {
    return host.properties.filter(ast.isInstances).flatMap(list => list.instances.flatMap(i => i.computer?.$refText ? [i.computer.$refText] : []));
}

/** "receive FILE, FTP · orchestrations · tracking", from the syntax tree. */
export function hostWorkText(host: ast.Host): string {
    const parts: string[] = [];
    const receive = host.properties.filter(ast.isReceiveHandlers).flatMap(r => r.handlers.map(h => h.adapter));
    const send = host.properties.filter(ast.isSendHandlers).flatMap(r => r.handlers.map(h => h.adapter));
    if (receive.length) parts.push(`receive ${receive.join(', ')}`);
    if (host.properties.some(ast.isOrchestrations)) parts.push('orchestrations');
    if (send.length) parts.push(`send ${send.join(', ')}`);
    if (host.properties.some(ast.isTracking)) parts.push('tracking');
    return parts.length ? parts.join(' · ') : 'no work yet';
}

/** One line saying what a declared element is, for completion details and symbols. */
export function elementDetail(node: AstNode, facts?: GroupFacts): string {
    if (ast.isComputer(node)) {
        const hosts = facts?.hostsOn.get(node.name) ?? [];
        const clusters = facts?.clustersOf.get(node.name) ?? [];
        const sql = facts?.sqlOn.get(node.name) ?? [];
        const clusterSql = clusters.flatMap(c => facts?.sqlOn.get(c) ?? []);
        const roles: string[] = [];
        if (hosts.length) roles.push(`BizTalk computer: ${hosts.join(', ')}`);
        if (sql.length || clusterSql.length) roles.push(`SQL computer: ${[...sql, ...clusterSql].join(', ')}`);
        if (clusters.length) roles.push(`node of ${clusters.join(', ')}`);
        return roles.length ? roles.join(' · ') : 'computer, no role yet';
    }
    if (ast.isCluster(node)) {
        const nodes = node.properties.filter(ast.isClusterNodes).flatMap(n => n.nodes.map(r => r.$refText));
        const sql = facts?.sqlOn.get(node.name) ?? [];
        return `cluster: nodes ${nodes.length ? nodes.join(', ') : 'none'}${sql.length ? ` · SQL ${sql.join(', ')}` : ''}`;
    }
    if (ast.isHost(node)) {
        const computers = instanceComputers(node);
        const clustered = node.properties.find(ast.isClusteredOn);
        return `${node.hostType ?? 'in-process'} host${clustered ? `, clustered on ${clustered.cluster?.$refText ?? '?'}` : ''}: ${hostWorkText(node)}`
            + (computers.length ? ` · on ${computers.join(', ')}` : ' · no instances');
    }
    if (ast.isSqlInstance(node)) {
        const server = node.server?.ref;
        const kind = ast.isCluster(server) ? 'SQL failover cluster instance' : 'standalone SQL instance';
        return `${kind} on ${node.server?.$refText ?? '?'}`;
    }
    if (ast.isAvailabilityGroup(node)) {
        const replicas = node.properties.filter(ast.isAgReplicas).flatMap(r => r.replicas.map(x => x.sql?.$refText ?? '?'));
        return `availability group: replicas ${replicas.join(', ') || 'none'}`;
    }
    if (ast.isNlb(node)) {
        const fronts = node.properties.filter(ast.isNlbFronts).flatMap(f => [...f.hosts.map(h => h.$refText), ...f.bamPortal.map(() => 'the BAM portal')]);
        return `load balancer${fronts.length ? ` fronting ${[...new Set(fronts)].join(', ')}` : ''}`;
    }
    if (ast.isQueueManager(node)) {
        const server = node.server?.ref;
        return `IBM MQ queue manager on ${ast.isCluster(server) ? 'cluster ' : ''}${node.server?.$refText ?? '?'}`;
    }
    if (ast.isBam(node)) {
        const computers = (lists: Array<ast.BamPortal | ast.BamEventBus>) => lists.flatMap(list => list.computers.map(c => c.$refText)).join(', ') || 'none';
        return `BAM: portal on ${computers(node.properties.filter(ast.isBamPortal))} · event bus on ${computers(node.properties.filter(ast.isBamEventBus))}`;
    }
    if (ast.isGroup(node)) return 'BizTalk group';
    if (ast.isDatabase(node)) return 'database';
    return node.$type;
}
