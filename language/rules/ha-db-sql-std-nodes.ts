import { sqlEnterpriseEdits } from './fixes-sql.js';
import { defineRule } from './rule.js';

export const haDbSqlStdNodes = defineRule({
    id: 'HA-DB-SQL-STD-NODES',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'SQL Server Standard edition failover clusters have at most two nodes.',
    sources: ['biztalk/technical-guides/clustering-the-biztalk-server-databases2.md'],
    check({ group, report, at }) {
        for (const sql of group.sqlInstances.values()) {
            if (sql.edition !== 'standard' || sql.server?.kind !== 'cluster') continue;
            const cluster = group.clusters.get(sql.server.name);
            if (!cluster || cluster.nodes.length <= 2) continue;
            report({
                node: at(sql), property: sql.local ? 'name' : undefined,
                message: `SQL instance ${sql.name} is Standard edition on cluster ${cluster.name} with ${cluster.nodes.length} nodes: Standard edition supports two-node failover clusters only. Use SQL Server Enterprise edition, or limit the instance to two nodes.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { sql: sql.name }
            });
        }
    },
    fix(context) {
        const sql = context.group.sqlInstances.get(String(context.data.sql));
        const edits = sql ? sqlEnterpriseEdits(context, [sql]) : [];
        return edits.length > 0 ? [{ title: `Set edition enterprise on SQL instance ${sql!.name}`, edits, preferred: true }] : [];
    }
});
