import type { AstNode, CstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import type { ClusterModel, DatabaseModel, GroupModel, HandlerModel, HostModel } from '../model/topology.js';
import type { Fix, FixContext } from './fix.js';
import { biztalkComputers, listText, sqlComputers } from './helpers.js';

export function itemNodes(node: AstNode, property: string): CstNode[] {
    return GrammarUtils.findNodesForProperty(node.$cstNode, property);
}

/** Edits adding instances of a host on computers (appending to its `instances on` list, or adding one). */
export function addInstancesEdits(context: FixContext, host: HostModel, computers: string[]): TextEdit[] {
    const list = host.instanceLists.at(-1);
    if (list) return context.editor.appendToList(itemNodes(list, 'instances').at(-1), computers.join(', '));
    return context.editor.addToBlock(host.node, `instances on ${computers.join(', ')}`);
}

/**
 * Edits declaring new computers in the group: appended to the `computer` line that declares
 * computers of the same role (`similar`), else to the first one, else a new line.
 */
export function declareComputersEdits(context: FixContext, names: string[], similar: readonly string[] = []): TextEdit[] {
    const decls = (context.group.node).members.filter(ast.isComputerDecl);
    const sameRole = decls.filter(d => d.computers.some(c => similar.includes(c.name))).at(-1);
    const decl = sameRole ?? decls[0];
    if (decl) return context.editor.appendToList(itemNodes(decl, 'computers').at(-1), names.join(', '));
    return context.editor.addGroupMember(context.group.node, 'computer', `computer ${names.join(', ')}`);
}

/** The computers of a role, in the group's order: what new names of that role continue. */
export function computersOfRole(group: GroupModel, role: 'biztalk' | 'sql'): readonly string[] {
    if (role === 'biztalk') return biztalkComputers(group);
    // SQL Server on a BizTalk computer (a single-server group) sets no naming for SQL computers.
    const biztalk = new Set(biztalkComputers(group));
    return sqlComputers(group).filter(c => !biztalk.has(c));
}

/**
 * At least two BizTalk computers for a new host: `computers`, then other BizTalk computers of the
 * group, then new ones (declared by the returned edits).
 */
export function twoBiztalkComputers(context: FixContext, computers: string[]): { computers: string[] } & Change {
    if (computers.length >= 2) return { computers, edits: [] };
    const others = biztalkComputers(context.group).filter(c => !computers.includes(c)).slice(0, 2 - computers.length);
    const added = newComputerNames(context, 'biztalk', 2 - computers.length - others.length);
    return {
        computers: [...computers, ...others, ...added],
        edits: added.length > 0 ? declareComputersEdits(context, added, biztalkComputers(context.group)) : [],
        description: added.length > 0 ? `declare ${computersText(added)}` : undefined
    };
}

/** Names for new computers of a role, continuing the file's series (BTS01, BTS02 -> BTS03). */
export function newComputerNames(context: FixContext, role: 'biztalk' | 'sql', count: number): string[] {
    if (count <= 0) return [];
    return context.names.nextMany(computersOfRole(context.group, role), role === 'biztalk' ? 'BTS01' : 'SQL01', count);
}

/** "computer BTS03" / "computers BTS03 and BTS04". */
export function computersText(names: readonly string[]): string {
    return `computer${names.length === 1 ? '' : 's'} ${listText(names)}`;
}

/** Edits and the words a fix title needs for them. */
export interface Change {
    readonly edits: TextEdit[];
    /** What the edits do, for the title ("add BTS02 to load balancer WebFarm"); empty when nothing. */
    readonly description?: string;
}

/**
 * Keeps a load-balanced host's NLB in step when instances are added: new computers join the NLB
 * that fronts it, or a new NLB is declared once the host runs on two computers.
 */
export function balancerEdits(context: FixContext, host: HostModel, added: string[], clusterNodes: readonly string[] = []): Change {
    const needsBalancer = !host.clusteredOn && host.handlers.some(h => h.direction === 'receive' && (h.info?.receive === 'load-balancer' || h.info?.receive === 'load-balancer-or-cluster'));
    if (!needsBalancer) return { edits: [] };
    const fronting = [...context.group.nlbs.values()].find(n => n.fronts.includes(host.name));
    if (fronting) {
        if (!fronting.local) return { edits: [] };
        const list = fronting.node.properties.filter(ast.isNlbMembers).at(-1);
        const missing = added.filter(c => !fronting.members.includes(c));
        if (missing.length === 0) return { edits: [] };
        return {
            edits: list ? context.editor.appendToList(itemNodes(list, 'members').at(-1), missing.join(', ')) : context.editor.addToBlock(fronting.node, `members ${missing.join(', ')}`),
            description: `add ${listText(missing)} to load balancer ${fronting.name}`
        };
    }
    const computers = [...new Set([...host.instances.filter(i => !i.disabled).map(i => i.computer), ...added])];
    if (computers.length < 2) return { edits: [] };
    return newBalancer(context, host, computers, clusterNodes);
}

/**
 * A new load balancer in front of a host (hardware where Windows NLB is not supported).
 * `clusterNodes`: computers the same fix makes cluster nodes.
 */
export function newBalancer(context: FixContext, host: HostModel, computers: string[], clusterNodes: readonly string[] = []): Change {
    // Windows NLB is not supported on cluster nodes nor with the master secret server on a member.
    const mss = context.group.sso?.masterSecretServer;
    const hardware = computers.some(c => clusterNodes.includes(c) || [...context.group.clusters.values()].some(cl => cl.nodes.includes(c)) || (mss?.kind === 'computer' && mss.name === c));
    const name = context.names.next([], `${host.name}Nlb`);
    const members = [...(hardware ? ['kind hardware'] : []), `members ${computers.join(', ')}`, `fronts ${host.name}`];
    return {
        edits: context.editor.addGroupMember(context.group.node, 'nlb', context.editor.block(`nlb ${name}`, members)),
        description: `add ${hardware ? 'hardware ' : ''}load balancer ${name} in front of it`
    };
}

/** Makes a load balancer a hardware one: Windows NLB cannot share computers with failover clusters or the master secret server. */
export function hardwareBalancerFix(context: FixContext, name: string): Fix[] {
    const nlb = context.group.nlbs.get(name);
    if (!nlb?.local) return [];
    const kind = (nlb.node).properties.find(ast.isNlbKind);
    return [{
        title: `Use a hardware load balancer for ${nlb.name}`,
        edits: kind ? context.editor.replace(kind.$cstNode, 'kind hardware') : context.editor.addToBlock(nlb.node, 'kind hardware'),
        preferred: true
    }];
}

/** A fix title: the main change, then every other change the fix makes. */
export function titleOf(main: string, ...changes: Array<Change | string | undefined>): string {
    const parts = [main, ...changes.map(c => typeof c === 'string' ? c : c?.description).filter((d): d is string => !!d)];
    return parts.length === 1 ? main : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * One fix per candidate computer that adds an instance of the host; a new computer when none
 * exists. `clusterNodes`: computers a fix applied together with this one makes cluster nodes.
 */
export function addInstanceFixes(context: FixContext, host: HostModel, candidates: string[], clusterNodes: readonly string[] = []): Fix[] {
    if (candidates.length > 0) {
        return candidates.map((computer, i) => {
            const balancer = balancerEdits(context, host, [computer], clusterNodes);
            return {
                title: titleOf(`Add an instance of ${host.name} on ${computer}`, balancer),
                edits: [...addInstancesEdits(context, host, [computer]), ...balancer.edits],
                preferred: i === 0
            };
        });
    }
    const [computer] = newComputerNames(context, 'biztalk', 1);
    const balancer = balancerEdits(context, host, [computer], clusterNodes);
    return [{
        title: titleOf(`Declare computer ${computer}`, `add an instance of ${host.name} on it`, balancer),
        edits: [...declareComputersEdits(context, [computer], computersOfRole(context.group, 'biztalk')), ...addInstancesEdits(context, host, [computer]), ...balancer.edits],
        preferred: true
    }];
}

/** Sets a group setting line (edition, ...), replacing the existing one or adding it. */
export function setGroupSettingEdits(context: FixContext, existing: AstNode | undefined, line: string): TextEdit[] {
    if (existing?.$cstNode) return context.editor.replace(existing.$cstNode, line);
    const group = context.group.node;
    const first = group.members[0]?.$cstNode;
    if (first) {
        const indent = context.editor.lineIndent(first.offset);
        const lineStart = first.offset - indent.length;
        return [context.editor.insert(lineStart, `${indent}${line}\n`)];
    }
    return context.editor.addToBlock(group, line);
}

/** Edits removing one handler from its `receive`/`send` list (the whole line when it is the only one). */
export function removeHandlerEdits(context: FixContext, handler: HandlerModel): TextEdit[] {
    const list = handler.node.$container;
    const items = itemNodes(list, 'handlers');
    const index = list.handlers.indexOf(handler.node);
    if (list.handlers.length === 1) return list.$cstNode ? context.editor.removeNode(list.$cstNode) : [];
    return context.editor.removeListItem(items, index);
}

/** A move to a clustered host, and the nodes of the cluster that host runs on. */
export interface ClusterMove extends Fix {
    readonly clusterNodes: readonly string[];
}

/**
 * Moves a handler that needs a single active instance to a clustered host: an existing clustered
 * host that fits, else a new one on a cluster of BizTalk computers (declaring the cluster, and
 * computers, when there is none).
 */
export function moveToClusteredHostFix(context: FixContext, host: HostModel, handler: HandlerModel): ClusterMove[] {
    const { group, editor } = context;
    const handlerText = editor.textOf(handler.node.$cstNode);
    const isMsmq = handler.info?.name === 'MSMQ';
    const needs32 = !!handler.info?.thirtyTwoBitOnly;
    const remove = removeHandlerEdits(context, handler);
    const fits = [...group.hosts.values()].find(h => h !== host && h.clusteredOn && h.type === 'in-process'
        && (group.clusters.get(h.clusteredOn)?.nodes.length ?? 0) >= 2
        && (!needs32 || h.bitness === 32));
    if (fits) {
        const sameDirection = fits.node.properties.find((p): p is ast.ReceiveHandlers | ast.SendHandlers => handler.direction === 'receive' ? ast.isReceiveHandlers(p) : ast.isSendHandlers(p));
        const add = sameDirection
            ? editor.appendToList(itemNodes(sameDirection, 'handlers').at(-1), handlerText)
            : editor.addToBlock(fits.node, `${handler.direction} ${handlerText}`);
        const cluster = group.clusters.get(fits.clusteredOn!)!;
        const msmq = isMsmq && !cluster.msmq ? editor.addToBlock(cluster.node, 'msmq') : [];
        return [{ title: titleOf(`Move ${handler.direction} ${handler.adapter} to clustered host ${fits.name}`, msmq.length > 0 ? `add msmq to cluster ${cluster.name}` : undefined), edits: [...remove, ...add, ...msmq], preferred: true, clusterNodes: cluster.nodes }];
    }
    const biztalk = biztalkComputers(group);
    // Windows NLB is not supported on cluster nodes: prefer BizTalk computers outside any Windows NLB.
    const inWindowsNlb = new Set([...group.nlbs.values()].filter(n => n.kind === 'windows').flatMap(n => n.members));
    const existingCluster = [...group.clusters.values()].find(c => c.nodes.filter(n => biztalk.includes(n)).length >= 2 && !c.nodes.some(n => inWindowsNlb.has(n)) && group.sso?.masterSecretServer?.name !== c.name);
    const edits: TextEdit[] = [...remove];
    const described: string[] = [];
    // Host clustering is an Enterprise edition feature.
    if (group.edition === 'standard' || group.edition === 'branch') {
        edits.push(...setGroupSettingEdits(context, group.editionNode, 'edition enterprise'));
        described.push('set edition enterprise');
    }
    let clusterName: string;
    let nodes: string[];
    if (existingCluster) {
        clusterName = existingCluster.name;
        nodes = existingCluster.nodes;
        // A clustered host needs clustered MSDTC and a client access point in its cluster group (HA-CLUSTER-MSDTC, HA-CLHOST-NETNAME).
        const missing = [!existingCluster.msdtc ? 'msdtc' : '', isMsmq && !existingCluster.msmq ? 'msmq' : '',
            existingCluster.networkName === undefined ? `network-name ${newNetworkName(context, clusterName)}` : ''].filter(Boolean);
        for (const resource of missing) edits.push(...editor.addToBlock(existingCluster.node, resource));
        if (missing.length > 0) described.push(`add ${listText(missing)} to cluster ${clusterName}`);
    } else {
        const mssNodes = group.sso?.masterSecretServer?.kind === 'cluster' ? group.clusters.get(group.sso.masterSecretServer.name)?.nodes ?? [] : [];
        const usable = biztalk.filter(c => !inWindowsNlb.has(c) && !mssNodes.includes(c) && ![...group.clusters.values()].some(cl => cl.nodes.includes(c)));
        nodes = usable.slice(0, 2);
        if (nodes.length < 2) {
            const added = newComputerNames(context, 'biztalk', 2 - nodes.length);
            edits.push(...declareComputersEdits(context, added, biztalk));
            described.push(`declare ${computersText(added)}`);
            nodes = [...nodes, ...added];
        }
        clusterName = context.names.next(biztalkClusters(group), 'BTSCL');
        edits.push(...editor.addGroupMember(group.node, 'cluster', editor.block(`cluster ${clusterName}`, [`nodes ${nodes.join(', ')}`, 'msdtc', ...(isMsmq ? ['msmq'] : []), ...(nodes.length % 2 === 0 ? ['witness file-share'] : []), `network-name ${newNetworkName(context, clusterName)}`])));
        described.push(`declare cluster ${clusterName} of ${listText(nodes)}`);
    }
    const hostName = context.names.next([], `${handler.adapter.replace(/[^A-Za-z0-9]/g, '')}ClusteredHost`);
    edits.push(...editor.addGroupMember(group.node, 'host', editor.block(`host ${hostName}`, [`${handler.direction} ${handlerText}`, ...(needs32 ? ['bitness 32'] : []), `clustered on ${clusterName}`, `instances on ${nodes.join(', ')}`])));
    return [{ title: titleOf(`Move ${handler.direction} ${handler.adapter} to a new clustered host ${hostName} on ${clusterName}`, ...described), edits, preferred: true, clusterNodes: nodes }];
}

/** Clusters whose nodes run BizTalk host instances: what a new BizTalk cluster's name continues. */
export function biztalkClusters(group: GroupModel): string[] {
    const biztalk = new Set(biztalkComputers(group));
    return [...group.clusters.values()].filter(c => c.nodes.some(n => biztalk.has(n))).map(c => c.name);
}

/** The host and handler a diagnostic's data names. */
export function handlerOf(context: FixContext): { host: HostModel; handler: HandlerModel } | undefined {
    const host = context.group.hosts.get(String(context.data.host));
    if (!host) return undefined;
    const start = context.diagnostic.range.start;
    const handler = host.handlers.find(h => h.source.range.start.line === start.line && h.source.range.start.character === start.character);
    return handler ? { host, handler } : undefined;
}

/** Edits removing the matching options of a database, with the parentheses when no option is left. */
export function removeDatabaseOptionEdits(context: FixContext, database: DatabaseModel, match: (option: ast.DatabaseOption) => boolean): TextEdit[] {
    const node = database.node;
    const indices = node.options.map((option, i) => match(option) ? i : -1).filter(i => i >= 0);
    if (indices.length === 0) return [];
    if (indices.length < node.options.length) return context.editor.removeListItems(itemNodes(node, 'options'), indices);
    const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    if (!name || !node.$cstNode) return [];
    return [{ range: context.editor.range(name.end, node.$cstNode.end), newText: '' }];
}

/** Edits setting an option of a database: replacing the option that `existing` matches, or adding it. */
export function setDatabaseOptionEdits(context: FixContext, database: DatabaseModel, existing: (option: ast.DatabaseOption) => boolean, text: string): TextEdit[] {
    const node = database.node;
    const current = node.options.find(existing);
    if (current?.$cstNode) return context.editor.replace(current.$cstNode, text);
    if (node.options.length > 0) return context.editor.appendToList(itemNodes(node, 'options').at(-1), text);
    const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return name ? [context.editor.insert(name.end, ` (${text})`)] : [];
}

/** A name for the client access point (Network Name resource) of a cluster's group. */
export function newNetworkName(context: FixContext, cluster: string): string {
    return context.names.next([], `${cluster}-NN`);
}

/** Declares a network name on a cluster that is to hold clustered hosts or the master secret server and has none (HA-CLHOST-NETNAME). */
export function networkNameChange(context: FixContext, cluster: ClusterModel | undefined): Change {
    if (!cluster?.local || cluster.networkName !== undefined) return { edits: [] };
    const name = newNetworkName(context, cluster.name);
    return { edits: context.editor.addToBlock(cluster.node, `network-name ${name}`), description: `declare network name ${name} on ${cluster.name}` };
}
