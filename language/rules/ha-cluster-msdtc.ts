import { defineRule } from './rule.js';
import { biztalkComputers, listText, sqlInstancesHoldingDatabases } from './helpers.js';

export const haClusterMsdtc = defineRule({
    id: 'HA-CLUSTER-MSDTC',
    defaultSeverity: 'error',
    area: 'clustered hosts',
    summary: 'A failover cluster that runs BizTalk, clustered hosts, the master secret server or BizTalk SQL instances needs a clustered MSDTC.',
    sources: ['biztalk/core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md', 'biztalk/core/how-to-cluster-the-master-secret-server1.md'],
    check({ group, report, at }) {
        const biztalk = biztalkComputers(group);
        const fciClusters = new Set(sqlInstancesHoldingDatabases(group).filter(s => s.server?.kind === 'cluster').map(s => s.server!.name));
        for (const cluster of group.clusters.values()) {
            if (cluster.msdtc) continue;
            const runtime: string[] = [];
            const clusteredHosts = [...group.hosts.values()].filter(h => h.clusteredOn === cluster.name).map(h => h.name);
            if (clusteredHosts.length > 0) runtime.push(`clustered host${clusteredHosts.length > 1 ? 's' : ''} ${listText(clusteredHosts)}`);
            const biztalkNodes = cluster.nodes.filter(n => biztalk.includes(n));
            if (biztalkNodes.length > 0 && clusteredHosts.length === 0) runtime.push(`BizTalk Server on ${listText(biztalkNodes)}`);
            const other: string[] = [];
            const mss = group.sso?.masterSecretServer;
            if (mss?.kind === 'cluster' && mss.name === cluster.name) other.push('the master secret server');
            if (fciClusters.has(cluster.name)) other.push('SQL Server instances holding BizTalk databases');
            if (runtime.length === 0 && other.length === 0) continue;
            report({
                node: at(cluster), property: cluster.local ? 'name' : undefined,
                severity: runtime.length > 0 ? 'error' : 'warning',
                message: `Cluster ${cluster.name} runs ${listText([...runtime, ...other])} but has no clustered MSDTC resource: BizTalk's distributed transactions ${runtime.length > 0 ? 'need a clustered MSDTC before BizTalk is installed on a cluster' : 'then depend on a non-clustered coordinator whose failure is system-wide'}. Add \`msdtc\` to cluster ${cluster.name}.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { cluster: cluster.name }
            });
        }
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        if (!cluster || !cluster.local) return [];
        return [{ title: `Add a clustered MSDTC resource to cluster ${cluster.name}`, edits: context.editor.addToBlock(cluster.node, 'msdtc'), preferred: true }];
    }
});
