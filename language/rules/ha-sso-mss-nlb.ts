import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haSsoMssNlb = defineRule({
    id: 'HA-SSO-MSS-NLB',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'The master secret server cannot run on NLB cluster members.',
    sources: ['biztalk/core/how-to-cluster-the-master-secret-server1.md'],
    check({ group, report, fn }) {
        const mss = group.sso?.masterSecretServer;
        if (!mss) return;
        const computers = fn('master-secret-server')?.providers ?? [];
        for (const nlb of group.nlbs.values()) {
            const shared = nlb.members.filter(m => computers.includes(m));
            if (shared.length === 0) continue;
            report({
                node: mss.node, property: 'server',
                message: `The master secret server runs on ${listText(shared)}, ${shared.length === 1 ? 'a member' : 'members'} of load balancer ${nlb.name}: the master secret server cannot run on an NLB cluster. Move it to a failover cluster whose nodes are not load-balanced.`,
                related: [{ message: `load balancer ${nlb.name} declared here`, source: nlb.source }],
                data: { nlb: nlb.name }
            });
        }
    }
});
