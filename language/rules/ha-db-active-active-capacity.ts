import { defineRule } from './rule.js';
import { listText } from './helpers.js';
import { passiveNodeFix } from './fixes-sql.js';

export const haDbActiveActiveCapacity = defineRule({
    id: 'HA-DB-ACTIVE-ACTIVE-CAPACITY',
    defaultSeverity: 'warning',
    area: 'databases',
    summary: 'In an active/active SQL cluster one node must carry every instance after a failover: check capacity or add a passive node.',
    sources: ['biztalk/technical-guides/clustering-the-biztalk-server-databases2.md', 'biztalk/technical-guides/reviewing-and-testing-sql-server-cluster-configuration-for-failover-scenarios.md'],
    check({ group, report, at }) {
        for (const cluster of group.clusters.values()) {
            const instances = [...group.sqlInstances.values()].filter(s => s.server?.kind === 'cluster' && s.server.name === cluster.name);
            if (instances.length < 2 || cluster.nodes.length < 2 || instances.length < cluster.nodes.length) continue;
            report({
                node: at(cluster), property: cluster.local ? 'name' : undefined,
                message: `Cluster ${cluster.name} runs ${instances.length} SQL instances (${listText(instances.map(s => s.name))}) on ${cluster.nodes.length} nodes with no spare: after a failover one node carries ${instances.length > cluster.nodes.length ? 'several instances' : 'two instances'} (CPU, memory, disk I/O), and instances using more than half a node will slow down. Verify capacity, or add a passive node (active/active/passive).`,
                data: { cluster: cluster.name }
            });
        }
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        const fix = cluster && passiveNodeFix(context, cluster);
        return fix ? [fix] : [];
    }
});
