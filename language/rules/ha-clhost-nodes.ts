import * as ast from '../generated/ast.js';
import { addInstancesEdits, computersText, declareComputersEdits, itemNodes, newComputerNames, titleOf } from './fixes-common.js';
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
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        const cluster = context.group.clusters.get(String(context.data.cluster));
        if (!host || !cluster?.local) return [];
        const list = cluster.node.properties.filter(ast.isClusterNodes).at(-1);
        if (!list) return [];
        const biztalk = biztalkComputers(context.group);
        const nodes = cluster.nodes.filter(n => biztalk.includes(n));
        // Other BizTalk computers outside every cluster first, then new ones.
        // Windows NLB does not run on cluster nodes (HA-NLB-ON-WSFC): its members do not join.
        const inWindowsNlb = new Set([...context.group.nlbs.values()].filter(n => n.kind === 'windows').flatMap(n => n.members));
        const free = biztalk.filter(c => !cluster.nodes.includes(c) && !inWindowsNlb.has(c) && ![...context.group.clusters.values()].some(cl => cl.nodes.includes(c)));
        const picked = free.slice(0, 2 - nodes.length);
        const added = newComputerNames(context, 'biztalk', 2 - nodes.length - picked.length);
        const joining = [...picked, ...added];
        return [{
            title: titleOf(`Add ${listText(joining)} to cluster ${cluster.name}`, added.length > 0 ? `declare ${computersText(added)}` : undefined, `add instances of ${host.name} on ${joining.length === 1 ? 'it' : 'them'}`),
            edits: [
                ...(added.length > 0 ? declareComputersEdits(context, added, biztalk) : []),
                ...context.editor.appendToList(itemNodes(list, 'nodes').at(-1), joining.join(', ')),
                ...addInstancesEdits(context, host, joining.filter(c => !host.instances.some(i => i.computer === c)))
            ],
            preferred: true
        }];
    }
});
