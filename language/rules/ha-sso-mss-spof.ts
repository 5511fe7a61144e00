import { defineRule } from './rule.js';
import type { Fix } from './fix.js';
import { accountScope, computerRelated, computerSingleFailures, domainOf } from './helpers.js';
import { itemNodes, networkNameChange, titleOf } from './fixes-common.js';
import { clusterMasterSecretFix } from './fixes-sql.js';

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
        const { group, editor } = context;
        const mss = group.sso?.masterSecretServer;
        const clusters = (context.data.clusters as string[] | undefined) ?? [];
        const target = mss?.node.$cstNode;
        if (!target) return [];
        // Clustered SSO needs domain SSO administrators (HA-SSO-DOMAIN): a local group changes with it.
        const admins = group.sso?.administrators;
        const localAdmins = admins && accountScope(admins, group) !== 'domain' && admins.node.$cstNode ? admins : undefined;
        const domainGroup = localAdmins && `${domainOf(group)}\\${localAdmins.value.includes('\\') ? localAdmins.value.slice(localAdmins.value.indexOf('\\') + 1) : 'SSOAdmins'}`;
        const adminEdits = localAdmins ? editor.replace(itemNodes(localAdmins.node, 'account')[0], domainGroup!) : [];
        const withAdmins = (fix: Fix): Fix => localAdmins ? { ...fix, title: titleOf(fix.title, `use the domain group ${domainGroup} as SSO administrators`), edits: [...fix.edits, ...adminEdits] } : fix;
        if (clusters.length === 0) {
            const fix = clusterMasterSecretFix(context);
            return fix ? [withAdmins(fix)] : [];
        }
        return clusters.map((cluster, i) => {
            const networkName = networkNameChange(context, group.clusters.get(cluster));
            return withAdmins({
                title: titleOf(`Cluster the master secret server on ${cluster}`, networkName),
                edits: [...editor.replace(target, `master-secret-server on ${cluster}`), ...networkName.edits],
                preferred: i === 0
            });
        });
    }
});
