import { defineRule, type Severity } from './rule.js';
import { computerSingleFailures, databaseContainers, listText } from './helpers.js';
import { clusterInstanceFix, moveDatabasesFixes } from './fixes-sql.js';

const rank: Record<string, number> = { error: 3, warning: 2, information: 1 };

export const haDbSpof = defineRule({
    id: 'HA-DB-SPOF',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'Every BizTalk database sits on a highly available SQL Server: a failover cluster instance or an availability group.',
    sources: ['biztalk/core/providing-high-availability-for-biztalk-server-databases.md', 'biztalk/core/clustering-the-biztalk-server-databases1.md', 'biztalk/technical-guides/high-availability-for-databases.md'],
    check({ group, analysis, report, at }) {
        const replicas = new Set([...group.availabilityGroups.values()].flatMap(ag => ag.replicas.map(r => r.sql)));
        for (const container of databaseContainers(group)) {
            // Databases placed on an availability group's replica instead of the group: HA-AG-LISTENER says where they belong.
            if (container.kind === 'sql' && replicas.has(container.name)) continue;
            const result = analysis.functions.find(f => f.id === `database:${container.databases[0].name}`);
            if (!result) continue;
            // An availability group without any synchronous replica has no provider at all (redundancy 0).
            const noSyncReplica = container.kind === 'availability-group' && result.ownRedundancy === 0;
            if (result.ownRedundancy !== 1 && !noSyncReplica) continue;
            // A whole site as the only single failure is HA-SITE-SPOF's finding, not a SQL single point of failure.
            const failures = computerSingleFailures(result);
            if (failures.length === 0 && !noSyncReplica) continue;
            let severity: Severity = 'information';
            for (const database of container.databases) {
                const criticality = database.info?.criticality ?? 'warning';
                if (rank[criticality] > rank[severity]) severity = criticality;
            }
            const names = container.databases.map(d => d.name);
            const element = container.kind === 'sql' ? group.sqlInstances.get(container.name) : group.availabilityGroups.get(container.name);
            if (!element) continue;
            const runtime = container.databases.some(d => d.kind === 'management' || d.kind === 'messagebox');
            const stops = noSyncReplica
                ? `${listText(names)} ${names.length === 1 ? 'has' : 'have'} no replica that can take over`
                : `${listText(names)} stop${names.length === 1 ? 's' : ''} when ${listText(failures)} fails`;
            const how = container.kind === 'sql'
                ? `SQL instance ${container.name} runs only on ${listText(failures)}`
                : noSyncReplica
                    ? `availability group ${container.name} has no synchronous replica`
                    : `availability group ${container.name} has one synchronous replica computer (${listText(failures)})`;
            report({
                node: at(element), property: element.local ? 'name' : undefined,
                severity,
                message: `${how}: ${stops}${runtime ? ', and with them every BizTalk function of the group' : ''}. ${container.kind === 'sql' ? `Make ${container.name} a failover cluster instance on a cluster of two or more SQL computers with shared storage, or put the databases in an availability group.` : `Add ${noSyncReplica ? 'two synchronous replicas on different nodes' : 'a synchronous replica on another node'} of the cluster.`}`,
                related: [{ message: `${element.name} declared here`, source: element.source }],
                data: { container: container.name, kind: container.kind, databases: names }
            });
        }
    },
    fix(context) {
        if (context.data.kind !== 'sql') return [];
        const sql = context.group.sqlInstances.get(String(context.data.container));
        const cluster = sql && clusterInstanceFix(context, sql);
        return [...(cluster ? [cluster] : []), ...moveDatabasesFixes(context, String(context.data.container))];
    }
});
