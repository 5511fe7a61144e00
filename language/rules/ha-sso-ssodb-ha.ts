import { defineRule } from './rule.js';
import { computerSingleFailures, listText } from './helpers.js';
import { clusterInstanceFix, moveDatabasesFixes } from './fixes-sql.js';

export const haSsoSsodbHa = defineRule({
    id: 'HA-SSO-SSODB-HA',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'The master secret server depends on SSODB: a highly available SSO needs a highly available SSODB.',
    sources: ['biztalk/technical-guides/clustering-the-master-secret-server.md'],
    check({ group, analysis, report }) {
        const mss = group.sso?.masterSecretServer;
        if (!mss) return;
        const ssodb = group.databases.find(d => d.kind === 'sso');
        if (!ssodb?.container) return;
        const result = analysis.functions.find(f => f.id === `database:${ssodb.name}`);
        if (!result) return;
        // An availability group without any synchronous replica has no provider at all (redundancy 0).
        const noSyncReplica = ssodb.container.kind === 'availability-group' && result.ownRedundancy === 0;
        if (result.ownRedundancy !== 1 && !noSyncReplica) return;
        // A whole site as the only single failure is HA-SITE-SPOF's finding.
        const failures = computerSingleFailures(result);
        if (failures.length === 0 && !noSyncReplica) return;
        report({
            node: mss.node, property: 'server',
            message: `The master secret server depends on ${ssodb.name}, which ${noSyncReplica ? `has no synchronous replica in availability group ${ssodb.container.name}` : `stops when ${listText(failures)} fails`}: clustering SSO does not help while its database is a single point of failure. ${ssodb.container.kind === 'availability-group' ? `Give availability group ${ssodb.container.name} synchronous replicas on two or more nodes.` : `Put ${ssodb.name} on a SQL failover cluster instance or in an availability group.`}`,
            related: [{ message: `${ssodb.name} placed here`, source: ssodb.source }],
            data: { database: ssodb.name }
        });
    },
    fix(context) {
        const ssodb = context.group.databases.find(d => d.name === context.data.database);
        if (ssodb?.container?.kind !== 'sql') return [];
        const sql = context.group.sqlInstances.get(ssodb.container.name);
        const cluster = sql && clusterInstanceFix(context, sql);
        return [...(cluster ? [cluster] : []), ...moveDatabasesFixes(context, ssodb.container.name)];
    }
});
