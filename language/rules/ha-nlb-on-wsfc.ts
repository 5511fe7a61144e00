import { hardwareBalancerFix } from './fixes-common.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haNlbOnWsfc = defineRule({
    id: 'HA-NLB-ON-WSFC',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'Windows NLB is not supported on failover-cluster nodes; use a hardware load balancer there.',
    sources: ['biztalk/core/migrating-from-the-msmqt-adapter-to-the-msmq-adapter.md'],
    check({ group, report }) {
        for (const nlb of group.nlbs.values()) {
            if (nlb.kind !== 'windows') continue;
            const clustered = nlb.members.filter(m => [...group.clusters.values()].some(c => c.nodes.includes(m)));
            if (clustered.length === 0) continue;
            const clusters = [...group.clusters.values()].filter(c => c.nodes.some(n => clustered.includes(n)));
            report({
                node: nlb.node, property: 'name',
                message: `${nlb.name} is a Windows NLB, but ${listText(clustered)} ${clustered.length === 1 ? 'is a node' : 'are nodes'} of failover cluster ${listText(clusters.map(c => c.name))}: Windows NLB is not supported on cluster nodes. Use \`kind hardware\` (an appliance) or members that are not cluster nodes.`,
                related: clusters.map(c => ({ message: `cluster ${c.name} declared here`, source: c.source })),
                data: { nlb: nlb.name }
            });
        }
    },
    fix(context) {
        return hardwareBalancerFix(context, String(context.data.nlb));
    }
});
