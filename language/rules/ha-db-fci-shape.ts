import { completeFciClusterFix } from './fixes-sql.js';
import { defineRule } from './rule.js';
import { sqlInstancesHoldingDatabases } from './helpers.js';

export const haDbFciShape = defineRule({
    id: 'HA-DB-FCI-SHAPE',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'A SQL failover cluster instance needs two or more nodes and shared storage.',
    sources: ['biztalk/core/clustering-the-biztalk-server-databases1.md', 'biztalk/technical-guides/clustering-the-biztalk-server-databases2.md'],
    check({ group, report, at }) {
        const relevant = new Set([...sqlInstancesHoldingDatabases(group), ...[...group.sqlInstances.values()].filter(s => s.local)]);
        for (const sql of relevant) {
            if (sql.server?.kind !== 'cluster') continue;
            const cluster = group.clusters.get(sql.server.name);
            if (!cluster) continue;
            const problems: string[] = [];
            if (cluster.nodes.length < 2) problems.push(cluster.nodes.length === 0 ? 'no node' : `a single node (${cluster.nodes[0]}), so there is nowhere to fail over to`);
            if (!cluster.storage) problems.push('no shared storage, which every node of a failover cluster instance must reach');
            if (problems.length === 0) continue;
            const fixes: string[] = [];
            if (cluster.nodes.length < 2) fixes.push('two or more SQL nodes');
            if (!cluster.storage) fixes.push('a `storage` (SAN or shared disk array)');
            report({
                node: at(sql), property: sql.local ? 'server' : undefined,
                message: `SQL failover cluster instance ${sql.name} runs on cluster ${cluster.name}, which has ${problems.join(' and ')}. Give ${cluster.name} ${fixes.join(' and ')}.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { sql: sql.name, cluster: cluster.name }
            });
        }
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        const fix = cluster && completeFciClusterFix(context, cluster);
        return fix ? [fix] : [];
    }
});
