import { hardwareBalancerFix } from './fixes-common.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haSsoMssNlb = defineRule({
    id: 'HA-SSO-MSS-NLB',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'The master secret server cannot run on the members of a Windows NLB cluster.',
    sources: ['biztalk/core/how-to-cluster-the-master-secret-server1.md'],
    check({ group, report, fn }) {
        const mss = group.sso?.masterSecretServer;
        if (!mss) return;
        const computers = fn('master-secret-server')?.providers ?? [];
        // A hardware load balancer is an appliance in front of the computers; only Windows NLB makes them an NLB cluster.
        for (const nlb of [...group.nlbs.values()].filter(n => n.kind === 'windows')) {
            const shared = nlb.members.filter(m => computers.includes(m));
            if (shared.length === 0) continue;
            report({
                node: mss.node, property: 'server',
                message: `The master secret server runs on ${listText(shared)}, ${shared.length === 1 ? 'a member' : 'members'} of load balancer ${nlb.name}: the master secret server cannot run on a Windows NLB cluster. Move it to a failover cluster whose nodes are not NLB members, or use a hardware load balancer (\`kind hardware\`).`,
                related: [{ message: `load balancer ${nlb.name} declared here`, source: nlb.source }],
                data: { nlb: nlb.name }
            });
        }
    },
    fix(context) {
        return hardwareBalancerFix(context, String(context.data.nlb));
    }
});
