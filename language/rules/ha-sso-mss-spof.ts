import { defineRule } from './rule.js';
import { computerRelated, computerSingleFailures } from './helpers.js';

export const haSsoMssSpof = defineRule({
    id: 'HA-SSO-MSS-SPOF',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'Cluster the SSO master secret server (active/passive) so its failure does not stop restarts and SSO changes.',
    sources: ['biztalk/core/high-availability-for-enterprise-single-sign-on.md', 'biztalk/technical-guides/high-availability-for-the-master-secret-server.md', 'biztalk/technical-guides/planning-for-high-availability2.md'],
    check({ group, report, fn }) {
        const mss = group.sso?.masterSecretServer;
        const result = fn('master-secret-server');
        if (!mss || !result || result.ownRedundancy !== 1) return;
        const computer = computerSingleFailures(result)[0];
        if (!computer) return;
        const sqlClusters = [...group.clusters.values()].filter(c => c.nodes.length >= 2 && [...group.sqlInstances.values()].some(s => s.server?.kind === 'cluster' && s.server.name === c.name));
        report({
            node: mss.node, property: 'server',
            message: `The master secret server runs only on ${computer}: when ${computer} fails, running host instances keep working from their cached secret, but no SSO service or host instance can restart and SSO configuration changes fail, group-wide. Cluster it${sqlClusters.length > 0 ? ` (for example \`master-secret-server on ${sqlClusters[0].name}\`, the SQL cluster)` : ' on a two-node failover cluster'}.`,
            related: computerRelated(group, [computer], 'is the only master secret server'),
            data: { computer, clusters: sqlClusters.map(c => c.name) }
        });
    },
    fix(context) {
        const mss = context.group.sso?.masterSecretServer;
        const clusters = (context.data.clusters as string[] | undefined) ?? [];
        if (!mss) return [];
        const server = (mss.node as unknown as { $cstNode?: import('langium').CstNode });
        const target = server.$cstNode;
        if (!target) return [];
        return clusters.map((cluster, i) => ({
            title: `Cluster the master secret server on ${cluster}`,
            edits: context.editor.replace(target, `master-secret-server on ${cluster}`),
            preferred: i === 0
        }));
    }
});
