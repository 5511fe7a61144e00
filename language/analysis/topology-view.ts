import type { GroupModel } from '../model/topology.js';
import type { ComponentResult, TopologyView } from './types.js';

/**
 * The infrastructure the topology diagram draws, read from the group's model when the preview
 * asks (not with every analysis: validation never needs it): which host instances run where, the clusters, load balancers, SQL instances and
 * availability groups. Only what involves the group's computers (its components).
 */
export function topologyView(group: GroupModel, components: readonly ComponentResult[]): TopologyView {
    const used = new Set(components.filter(c => c.kind === 'computer').map(c => c.name));
    const carrying = new Set<string>();
    for (const sql of group.sqlInstances.values()) if (sql.server?.kind === 'cluster') carrying.add(sql.server.name);
    for (const host of group.hosts.values()) if (host.clusteredOn) carrying.add(host.clusteredOn);
    const mss = group.sso?.masterSecretServer;
    if (mss?.kind === 'cluster') carrying.add(mss.name);
    const databasesIn = (kind: 'sql' | 'availability-group', name: string) =>
        group.databases.filter(d => d.container?.kind === kind && d.container.name === name).map(d => d.name);
    return {
        hosts: [...group.hosts.values()].map(host => ({
            name: host.name, type: host.type, tracking: host.tracking !== undefined && host.type !== 'isolated', clusteredOn: host.clusteredOn,
            instances: host.instances.map(instance => ({ computer: instance.computer, disabled: instance.disabled }))
        })),
        clusters: [...group.clusters.values()]
            .filter(cluster => cluster.local || carrying.has(cluster.name) || cluster.nodes.filter(node => used.has(node)).length >= 2)
            .map(cluster => ({ name: cluster.name, nodes: cluster.nodes.filter(node => used.has(node)) })),
        loadBalancers: [...group.nlbs.values()]
            .filter(nlb => nlb.local || nlb.members.some(member => used.has(member)))
            .map(nlb => ({ name: nlb.name, kind: nlb.kind, members: nlb.members.filter(member => used.has(member)), fronts: nlb.fronts, frontsBamPortal: nlb.frontsBamPortal })),
        sqlInstances: [...group.sqlInstances.values()].map(sql => ({ name: sql.name, server: sql.server, databases: databasesIn('sql', sql.name) })),
        availabilityGroups: [...group.availabilityGroups.values()].map(ag => ({
            name: ag.name, listener: ag.listener,
            replicas: ag.replicas.map(replica => ({ sql: replica.sql, synchronous: replica.synchronous })),
            databases: databasesIn('availability-group', ag.name)
        })),
        masterSecretServer: mss ? { kind: mss.kind, name: mss.name } : undefined
    };
}
