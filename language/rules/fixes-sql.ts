import type { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import type { ClusterModel, SqlInstanceModel } from '../model/topology.js';
import type { Fix, FixContext } from './fix.js';
import { computersText, declareComputersEdits, itemNodes, newComputerNames, newNetworkName, titleOf, type Change } from './fixes-common.js';
import { biztalkComputers, computersOfSql, databaseContainers, listText, sqlComputers } from './helpers.js';

/**
 * Structural fixes for the database tier: SQL failover cluster instances, moving databases to a
 * highly available instance, clustering the master secret server.
 */

/** SQL clusters of the group: what a new SQL cluster's name continues. */
function sqlClusters(context: FixContext): string[] {
    return [...context.group.clusters.values()]
        .filter(c => [...context.group.sqlInstances.values()].some(s => s.server?.kind === 'cluster' && s.server.name === c.name))
        .map(c => c.name);
}

/** A new failover cluster for SQL Server: its name, its nodes, and the edits declaring them. */
export interface NewCluster extends Change {
    readonly name: string;
    readonly nodes: string[];
}

/**
 * Declares a Windows Server failover cluster with shared storage and a clustered MSDTC (BizTalk
 * needs MSDTC on the SQL cluster) of `keep` plus new SQL computers, two nodes in all.
 */
export function newSqlCluster(context: FixContext, keep: string[], forMasterSecretServer = false): NewCluster {
    const added = newComputerNames(context, 'sql', Math.max(0, 2 - keep.length));
    const nodes = [...keep, ...added];
    const name = context.names.next(sqlClusters(context), 'SQLCL');
    const storages = [...context.group.clusters.values()].map(c => c.storage).filter((s): s is string => !!s);
    const storage = context.names.next(storages, 'SAN01');
    const edits: TextEdit[] = [
        ...(added.length > 0 ? declareComputersEdits(context, added, sqlComputers(context.group)) : []),
        ...context.editor.addGroupMember(context.group.node, 'cluster', context.editor.block(`cluster ${name}`, [`nodes ${nodes.join(', ')}`, `storage ${storage}`, 'msdtc', ...(nodes.length % 2 === 0 ? ['witness disk'] : []),
            // The master secret server's cluster group needs a client access point (HA-CLHOST-NETNAME).
            ...(forMasterSecretServer ? [`network-name ${newNetworkName(context, name)}`] : [])]))
    ];
    const description = `${added.length > 0 ? `declare ${computersText(added)} and ` : ''}cluster ${name} of ${listText(nodes)} with shared storage and MSDTC`;
    return { name, nodes, edits, description };
}

/** Points a SQL instance at another computer or cluster (`sql X on Y`). */
function moveInstanceEdits(context: FixContext, sql: SqlInstanceModel, target: string): TextEdit[] {
    if (!sql.local) return [];
    return context.editor.replace(itemNodes(sql.node, 'server')[0], target);
}

/**
 * Makes a standalone SQL instance a failover cluster instance: on a new cluster of its computer
 * and a new node, or of two new SQL computers when its computer also runs BizTalk (the tiers
 * stay apart, HA-TIER-SEPARATION).
 */
export function clusterInstanceFix(context: FixContext, sql: SqlInstanceModel, forMasterSecretServer = false): (Fix & { readonly cluster: string }) | undefined {
    if (!sql.local || !sql.server) return undefined;
    const biztalk = new Set(biztalkComputers(context.group));
    const computers = computersOfSql(context.group, sql);
    const keep = sql.server.kind === 'computer' && !biztalk.has(sql.server.name) ? [sql.server.name] : [];
    const cluster = newSqlCluster(context, keep, forMasterSecretServer);
    return {
        title: titleOf(`Make ${sql.name} a failover cluster instance: ${cluster.description}`, `move ${sql.name} from ${listText(computers)} to it`),
        edits: [...cluster.edits, ...moveInstanceEdits(context, sql, cluster.name)],
        preferred: true,
        cluster: cluster.name
    };
}

/**
 * Clusters the master secret server where no cluster fits yet: with the standalone SQL instance
 * holding SSODB made a failover cluster instance (one cluster protects both), else on a new
 * two-node cluster of its own.
 */
export function clusterMasterSecretFix(context: FixContext): Fix | undefined {
    const mss = context.group.sso?.masterSecretServer;
    if (!mss?.node.$cstNode) return undefined;
    const replaceMss = (cluster: string) => context.editor.replace(itemNodes(mss.node, 'server')[0], cluster);
    const ssodb = context.group.databases.find(d => d.kind === 'sso');
    const sql = ssodb?.container?.kind === 'sql' ? context.group.sqlInstances.get(ssodb.container.name) : undefined;
    if (sql?.server?.kind === 'computer') {
        const fci = clusterInstanceFix(context, sql, true);
        if (fci) return { title: `${fci.title} and cluster the master secret server on ${fci.cluster}`, edits: [...fci.edits, ...replaceMss(fci.cluster)], preferred: true };
    }
    const nodes = context.names.nextMany([], 'SSO01', 2);
    const name = context.names.next([], 'SSOCL');
    return {
        title: `Declare computers ${listText(nodes)} and cluster ${name} of them, and cluster the master secret server on ${name}`,
        edits: [
            ...declareComputersEdits(context, nodes),
            ...context.editor.addGroupMember(context.group.node, 'cluster', context.editor.block(`cluster ${name}`, [`nodes ${nodes.join(', ')}`, ...(nodes.length % 2 === 0 ? ['witness file-share'] : []), `network-name ${newNetworkName(context, name)}`])),
            ...replaceMss(name)
        ],
        preferred: true
    };
}

/** Moves a SQL instance off computers that run BizTalk onto a new cluster of two new SQL computers. */
export function separateTiersFix(context: FixContext, sql: SqlInstanceModel): Fix | undefined {
    if (!sql.local || !sql.server) return undefined;
    // An existing SQL cluster whose nodes run no BizTalk takes the instance as it is.
    const biztalk = new Set(biztalkComputers(context.group));
    const dedicated = [...context.group.clusters.values()].find(c => c.nodes.length >= 2 && !c.nodes.some(n => biztalk.has(n)) && sqlClusters(context).includes(c.name));
    if (dedicated) {
        return { title: `Move SQL instance ${sql.name} to cluster ${dedicated.name} (${listText(dedicated.nodes)})`, edits: moveInstanceEdits(context, sql, dedicated.name), preferred: true };
    }
    const cluster = newSqlCluster(context, []);
    return {
        title: titleOf(`Move SQL instance ${sql.name} to dedicated SQL nodes: ${cluster.description}`),
        edits: [...cluster.edits, ...moveInstanceEdits(context, sql, cluster.name)],
        preferred: true
    };
}

/** SQL instances and availability groups that keep working when one computer fails. */
function highlyAvailableContainers(context: FixContext): Array<{ name: string; node: ast.SqlInstance | ast.AvailabilityGroup }> {
    const { group } = context;
    const result: Array<{ name: string; node: ast.SqlInstance | ast.AvailabilityGroup }> = [];
    for (const sql of group.sqlInstances.values()) {
        const cluster = sql.server?.kind === 'cluster' ? group.clusters.get(sql.server.name) : undefined;
        if (sql.local && cluster && cluster.nodes.length >= 2 && cluster.storage) result.push({ name: sql.name, node: sql.node });
    }
    for (const ag of group.availabilityGroups.values()) {
        const synchronous = new Set(ag.replicas.filter(r => r.synchronous).flatMap(r => computersOfSql(group, group.sqlInstances.get(r.sql))));
        if (ag.local && synchronous.size >= 2) result.push({ name: ag.name, node: ag.node });
    }
    return result;
}

/**
 * Moves every database of a container to a highly available instance or availability group:
 * their `databases` lines go, their names join the target's list.
 */
export function moveDatabasesFixes(context: FixContext, from: string): Fix[] {
    const container = databaseContainers(context.group).find(c => c.name === from);
    if (!container) return [];
    const names = container.databases.map(d => d.name);
    const lists = [...new Set(container.databases.map(d => d.node.$container))];
    // Every list must hold only these databases and be in this file: then each goes whole.
    if (lists.some(list => !list?.$cstNode || !(ast.isDatabaseList(list) || ast.isDatabasePlacement(list)))) return [];
    const removals = lists.flatMap(list => context.editor.removeNode(list.$cstNode!));
    return highlyAvailableContainers(context).filter(target => target.name !== from).map((target): Fix | undefined => {
        const targetList = target.node.properties.filter(ast.isDatabaseList).at(-1);
        const add = targetList
            ? context.editor.appendToList(itemNodes(targetList, 'databases').at(-1), names.join(', '))
            : context.editor.addToBlock(target.node, `databases ${names.join(', ')}`);
        if (add.length === 0) return undefined;
        return { title: `Move ${listText(names)} from ${from} to ${ast.isAvailabilityGroup(target.node) ? 'availability group' : 'SQL instance'} ${target.name}`, edits: [...removals, ...add], preferred: false };
    }).filter((fix): fix is Fix => !!fix);
}

/** Adds a new SQL computer to a cluster as a passive node. */
export function passiveNodeFix(context: FixContext, cluster: ClusterModel): Fix | undefined {
    if (!cluster.local) return undefined;
    const list = cluster.node.properties.filter(ast.isClusterNodes).at(-1);
    if (!list) return undefined;
    const [computer] = newComputerNames(context, 'sql', 1);
    // A third node is beyond SQL Server Standard's two-node clusters (HA-DB-SQL-STD-NODES).
    const standard = [...context.group.sqlInstances.values()].filter(s => s.edition === 'standard' && s.server?.kind === 'cluster' && s.server.name === cluster.name);
    const enterprise = cluster.nodes.length + 1 > 2 ? sqlEnterpriseEdits(context, standard) : [];
    return {
        title: titleOf(`Declare computer ${computer} and add it to cluster ${cluster.name} as a passive node`, enterprise.length > 0 ? `set edition enterprise on ${listText(standard.map(s => s.name))}` : undefined),
        edits: [...declareComputersEdits(context, [computer], cluster.nodes), ...context.editor.appendToList(itemNodes(list, 'nodes').at(-1), computer), ...enterprise],
        preferred: true
    };
}

/** Sets SQL Server Enterprise edition on instances (replacing `edition standard`). */
export function sqlEnterpriseEdits(context: FixContext, instances: SqlInstanceModel[]): TextEdit[] {
    return instances.filter(s => s.local).flatMap(sql => {
        const edition = sql.node.properties.find(ast.isSqlEdition);
        return edition?.$cstNode ? context.editor.replace(edition.$cstNode, 'edition enterprise') : [];
    });
}

/** Gives the cluster of a failover cluster instance what it lacks: a second node, shared storage. */
export function completeFciClusterFix(context: FixContext, cluster: ClusterModel): Fix | undefined {
    if (!cluster.local) return undefined;
    const node = cluster.node;
    const list = node.properties.filter(ast.isClusterNodes).at(-1);
    const added = newComputerNames(context, 'sql', Math.max(0, 2 - cluster.nodes.length));
    const edits: TextEdit[] = [];
    const parts: string[] = [];
    if (added.length > 0) {
        edits.push(...declareComputersEdits(context, added, sqlComputers(context.group)));
        edits.push(...(list ? context.editor.appendToList(itemNodes(list, 'nodes').at(-1), added.join(', ')) : context.editor.addToBlock(node, `nodes ${added.join(', ')}`)));
        parts.push(`declare ${computersText(added)} and add ${added.length === 1 ? 'it' : 'them'} to cluster ${cluster.name}`);
    }
    if (!cluster.storage) {
        const storage = context.names.next([...context.group.clusters.values()].map(c => c.storage).filter((s): s is string => !!s), 'SAN01');
        edits.push(...context.editor.addToBlock(node, `storage ${storage}`));
        parts.push(`give cluster ${cluster.name} shared storage ${storage}`);
    }
    if (edits.length === 0) return undefined;
    const [first, ...rest] = parts;
    return { title: titleOf(first[0].toUpperCase() + first.slice(1), ...rest), edits, preferred: true };
}

/**
 * Standby SQL instances on new computers, one per production SQL instance or availability group
 * without one, and `log-shipping to` them in the backup job (a new backup job when there is
 * none): BizTalk log shipping for disaster recovery.
 */
export function standbyInstanceFix(context: FixContext): Fix {
    const { group, editor, names } = context;
    const shipped = [...new Set(group.backupJobs.flatMap(j => j.logShippingTo))];
    const count = Math.max(1, databaseContainers(group).length - shipped.length);
    const computers = names.nextMany([], 'DR01', count);
    const instances = names.nextMany(shipped, 'DRSQL', count);
    const job = group.backupJobs.find(j => j.node.$cstNode);
    const shipping = job
        ? editor.addToBlock(job.node, instances.map(sql => `log-shipping to ${sql}`).join('\n'))
        : editor.addGroupMember(group.node, 'backup-job', editor.block('backup-job', ['destination "\\\\\\\\fileserver\\\\BizTalkBackup"', ...instances.map(sql => `log-shipping to ${sql}`)]));
    return {
        title: `Declare ${computersText(computers)} with standby SQL instance${count === 1 ? '' : 's'} ${listText(instances)} and ship the BizTalk backups there (log-shipping${job ? '' : ', in a new backup job'})`,
        edits: [
            ...editor.addGroupMember(group.node, 'computer', `computer ${computers.join(', ')}`),
            ...editor.addGroupMember(group.node, 'sql', instances.map((sql, i) => `sql ${sql} on ${computers[i]}`).join('\n')),
            ...shipping
        ],
        preferred: true
    };
}
