import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haClusterWitness = defineRule({
    id: 'HA-CLUSTER-WITNESS',
    defaultSeverity: 'warning',
    area: 'clustered hosts',
    summary: 'A failover cluster with an even number of nodes needs a witness: without one, losing half the nodes stops the whole cluster.',
    // Windows Server failover clustering guidance (learn.microsoft.com path), then BizTalk's cluster pages.
    sources: ['windows-server/failover-clustering/manage-cluster-quorum.md', 'biztalk/core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2.md'],
    check({ group, report, at }) {
        for (const cluster of group.clusters.values()) {
            const nodes = cluster.nodes.length;
            if (nodes < 2 || nodes % 2 !== 0 || cluster.witness) continue;
            const half = cluster.nodes.slice(0, nodes / 2);
            report({
                node: at(cluster), property: cluster.local ? 'name' : undefined,
                message: `Cluster ${cluster.name} has ${nodes} nodes and no witness: quorum needs a majority of votes, so when ${nodes === 2 ? `one node (say ${half[0]})` : `half of the nodes (say ${listText(half)})`} ${nodes === 2 ? 'fails or loses' : 'fail or lose'} contact, the remaining ${nodes === 2 ? 'node stops its' : 'nodes stop their'} cluster roles too, and everything the cluster runs stops. Configure a witness (a disk, a file share or a cloud witness) and declare it with \`witness disk\`, \`witness file-share\` or \`witness cloud\`.`,
                data: { cluster: cluster.name }
            });
        }
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        if (!cluster?.local || cluster.witness || !ast.isCluster(cluster.node)) return [];
        const kinds = cluster.storage ? ['disk', 'file-share', 'cloud'] : ['file-share', 'cloud', 'disk'];
        const titles: Record<string, string> = { disk: 'a disk witness', 'file-share': 'a file share witness', cloud: 'a cloud witness' };
        return kinds.map((kind, i) => ({
            title: `Declare ${titles[kind]} for cluster ${cluster.name}`,
            edits: context.editor.addToBlock(cluster.node, `witness ${kind}`),
            preferred: i === 0
        }));
    }
});
