import { defineRule } from './rule.js';
import { biztalkComputers, listText } from './helpers.js';

export const haClhostNodes = defineRule({
    id: 'HA-CLHOST-NODES',
    defaultSeverity: 'error',
    area: 'clustered hosts',
    summary: 'A clustered host needs a failover cluster with at least two BizTalk Server nodes.',
    sources: ['biztalk/core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts.md', 'biztalk/core/how-to-configure-a-biztalk-host-as-a-cluster-resource1.md'],
    check({ group, report }) {
        const biztalk = biztalkComputers(group);
        for (const host of group.hosts.values()) {
            const cluster = host.clusteredOn ? group.clusters.get(host.clusteredOn) : undefined;
            if (!cluster) continue;
            const nodes = cluster.nodes.filter(n => biztalk.includes(n));
            if (nodes.length >= 2) continue;
            report({
                node: host.clusteredNode!,
                message: `${host.name} is clustered on ${cluster.name}, which has ${nodes.length === 0 ? 'no BizTalk Server node' : `only one BizTalk Server node (${listText(nodes)})`}: there is nowhere to fail over to, so the host stops when ${nodes.length === 0 ? 'its node' : nodes[0]} fails. Add a second BizTalk computer to the cluster's nodes with an instance of ${host.name}.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { host: host.name, cluster: cluster.name }
            });
        }
    }
});
