import { defineRule } from './rule.js';
import { biztalkComputers, computersOfSql, listText, sqlInstancesHoldingDatabases } from './helpers.js';
import { separateTiersFix } from './fixes-sql.js';

export const haTierSeparation = defineRule({
    id: 'HA-TIER-SEPARATION',
    defaultSeverity: 'warning',
    area: 'group',
    summary: 'Keep the SQL Server instances holding BizTalk databases off the BizTalk Server computers.',
    sources: ['biztalk/core/sample-biztalk-server-high-availability-scenarios.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, report, at }) {
        const biztalk = new Set(biztalkComputers(group));
        const mss = group.sso?.masterSecretServer;
        const mssNodes = mss?.kind === 'cluster' ? group.clusters.get(mss.name)?.nodes ?? [] : [];
        for (const sql of sqlInstancesHoldingDatabases(group)) {
            const shared = computersOfSql(group, sql).filter(c => biztalk.has(c));
            if (shared.length === 0) continue;
            const onSsoCluster = shared.filter(c => mssNodes.includes(c));
            report({
                node: at(sql), property: sql.local ? 'name' : undefined,
                severity: onSsoCluster.length > 0 ? 'error' : 'warning',
                message: `SQL instance ${sql.name} holds BizTalk databases on ${listText(shared)}, which also run${shared.length === 1 ? 's' : ''} BizTalk host instances: the database and runtime tiers compete for the computer and fail together. Move the instance to dedicated SQL cluster nodes.`
                    + (onSsoCluster.length > 0 ? ` ${listText(onSsoCluster)} ${onSsoCluster.length === 1 ? 'is a node' : 'are nodes'} of the cluster where the master secret server is clustered, which makes this unsupported.` : ''),
                related: [{ message: `${sql.name} declared here`, source: sql.source }],
                data: { sql: sql.name, computers: shared }
            });
        }
    },
    fix(context) {
        const sql = context.group.sqlInstances.get(String(context.data.sql));
        const fix = sql && separateTiersFix(context, sql);
        return fix ? [fix] : [];
    }
});
