import { defineRule } from './rule.js';
import { computersOfSql, listText } from './helpers.js';

export const haAgReplicaNodes = defineRule({
    id: 'HA-AG-REPLICA-NODES',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'Each availability group replica runs on its own node of one failover cluster.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        for (const ag of group.availabilityGroups.values()) {
            const replicas = ag.replicas.map(r => ({ replica: r, sql: group.sqlInstances.get(r.sql) })).filter(r => r.sql?.server);
            // Two replicas that share a computer fail together. One finding per replica (with the
            // first earlier replica it shares a computer with): one per pair was quadratic, and a
            // list of thousands of replicas hung validation (robustness test).
            for (let i = 0; i < replicas.length; i++) {
                for (let j = 0; j < i; j++) {
                    const shared = computersOfSql(group, replicas[i].sql).filter(c => computersOfSql(group, replicas[j].sql).includes(c));
                    if (shared.length === 0) continue;
                    report({
                        node: replicas[i].replica.node, property: 'sql',
                        message: `Replicas ${replicas[j].sql!.name} and ${replicas[i].sql!.name} of availability group ${ag.name} both run on ${listText(shared)}: one failure stops both. Each replica must be on a different node of the cluster.`,
                        data: { ag: ag.name }
                    });
                    break;
                }
            }
            if (replicas.length < 2) continue;
            // The clusters each replica can live in: its FCI's cluster, or any cluster its computer is a node of.
            const candidates = replicas.map(({ sql }) => sql!.server!.kind === 'cluster'
                ? [sql!.server!.name]
                : [...group.clusters.values()].filter(c => c.nodes.includes(sql!.server!.name)).map(c => c.name));
            const common = candidates.reduce((a, b) => a.filter(name => b.includes(name)));
            if (common.length > 0) continue;
            report({
                node: ag.node, property: 'name',
                message: `The replicas of availability group ${ag.name} (${listText(replicas.map(r => r.sql!.name))}) are not all on nodes of one failover cluster: an availability group runs on a Windows Server failover cluster, with every replica on a node of the same cluster. Declare the cluster, e.g. \`cluster <name> { nodes ${[...new Set(replicas.flatMap(r => computersOfSql(group, r.sql)))].join(', ')} }\`.`,
                data: { ag: ag.name }
            });
        }
    }
});
