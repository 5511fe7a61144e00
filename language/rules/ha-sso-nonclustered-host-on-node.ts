import { defineRule } from './rule.js';

export const haSsoNonclusteredHostOnNode = defineRule({
    id: 'HA-SSO-NONCLUSTERED-HOST-ON-NODE',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'On the nodes of the cluster where SSO is clustered, every in-process BizTalk host must be clustered in the same group as SSO.',
    sources: ['biztalk/core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2.md', 'biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1.md', 'biztalk/core/sample-biztalk-server-high-availability-scenarios.md'],
    check({ group, report }) {
        const mss = group.sso?.masterSecretServer;
        if (mss?.kind !== 'cluster') return;
        const cluster = group.clusters.get(mss.name);
        if (!cluster) return;
        for (const host of group.hosts.values()) {
            // Isolated hosts run in IIS and cannot be clustered: clustering IIS in the SSO group is
            // their answer (HA-SSO-IIS-CLUSTER), after which they always run where SSO runs.
            if (host.clusteredOn === cluster.name || host.type === 'isolated') continue;
            for (const instance of host.instances) {
                if (!cluster.nodes.includes(instance.computer)) continue;
                report({
                    node: instance.node, property: 'computer',
                    message: `${instance.computer} is a node of ${cluster.name}, where the master secret server is clustered, but ${host.name} is not clustered there: its instance needs the local SSO service, which moves with the cluster group, so the instance fails (and can block the SSO failover) when SSO moves away. Microsoft does not support this; cluster ${host.name} on ${cluster.name} or move the master secret server to nodes without BizTalk hosts (for example the SQL cluster).`,
                    related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                    data: { host: host.name, computer: instance.computer, cluster: cluster.name }
                });
            }
        }
    }
});
