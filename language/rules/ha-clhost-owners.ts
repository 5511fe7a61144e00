import { defineRule } from './rule.js';
import { listText } from './helpers.js';
import { addInstancesEdits } from './fixes-common.js';

export const haClhostOwners = defineRule({
    id: 'HA-CLHOST-OWNERS',
    defaultSeverity: 'error',
    area: 'clustered hosts',
    summary: 'A clustered host needs an enabled instance on every node of its cluster (every possible owner).',
    sources: ['biztalk/core/how-to-configure-a-biztalk-host-as-a-cluster-resource1.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const cluster = host.clusteredOn ? group.clusters.get(host.clusteredOn) : undefined;
            if (!cluster) continue;
            const missing = cluster.nodes.filter(n => !host.instances.some(i => i.computer === n));
            const disabled = cluster.nodes.filter(n => host.instances.some(i => i.computer === n && i.disabled) && !host.instances.some(i => i.computer === n && !i.disabled));
            if (missing.length === 0 && disabled.length === 0) continue;
            const parts: string[] = [];
            if (missing.length > 0) parts.push(`${listText(missing)} ${missing.length === 1 ? 'has' : 'have'} no instance of it`);
            if (disabled.length > 0) parts.push(`the instance on ${listText(disabled)} is disabled`);
            report({
                node: host.clusteredNode!,
                message: `${host.name} is clustered on ${cluster.name}, whose nodes are all possible owners, but ${parts.join(' and ')}: a failover to ${missing.length + disabled.length === 1 ? 'that node' : 'those nodes'} fails and the host stays down. Add enabled instances of ${host.name} on every node.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { host: host.name, cluster: cluster.name, missing, disabled }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        const missing = (context.data.missing as string[] | undefined) ?? [];
        if (!host || missing.length === 0) return [];
        return [{ title: `Add instances of ${host.name} on ${missing.join(', ')}`, edits: addInstancesEdits(context, host, missing), preferred: true }];
    }
});
