import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { computerRelated, listText } from './helpers.js';

export const haNlbIisBam = defineRule({
    id: 'HA-NLB-IIS-BAM',
    defaultSeverity: 'warning',
    area: 'BAM',
    summary: 'Run the BAM portal on two or more IIS computers behind a load balancer.',
    sources: ['biztalk/technical-guides/checklist-providing-high-availability-with-fault-tolerance-or-load-balancing.md', 'biztalk/core/how-to-configure-the-bam-portal-to-work-on-an-nlb-cluster.md', 'biztalk/core/large-distributed-architecture.md'],
    check({ group, report }) {
        const bam = group.bam;
        if (!bam || bam.portal.length === 0) return;
        const node = (bam.node).properties.filter(ast.isBamPortal).at(-1) ?? bam.node;
        const portal = [...new Set(bam.portal)];
        const balancers = [...group.nlbs.values()].filter(n => n.frontsBamPortal);
        if (portal.length === 1) {
            report({
                node, property: node === bam.node ? undefined : 'computers',
                message: `The BAM portal runs only on ${portal[0]}: when ${portal[0]} or its IIS fails, business users lose their BAM views, activity searches and alerts. Configure the portal on a second IIS computer (copy its web.config and virtual directories) and put both behind a load balancer with \`fronts bam-portal\`.`,
                related: computerRelated(group, portal),
                data: {}
            });
            return;
        }
        if (balancers.length === 0) {
            report({
                node, property: node === bam.node ? undefined : 'computers',
                message: `The BAM portal runs on ${listText(portal)}, but no load balancer fronts it: users reach it through one computer's address, so when that computer fails the portal is unreachable although another copy runs. Put the portal computers behind a load balancer (\`nlb ... { members ${portal.join(', ')}  fronts bam-portal }\`).`,
                data: { portal }
            });
            return;
        }
        const members = new Set(balancers.flatMap(n => n.members));
        const outside = portal.filter(c => !members.has(c));
        const served = portal.filter(c => members.has(c));
        if (served.length >= 2) return;
        report({
            node, property: node === bam.node ? undefined : 'computers',
            message: `The BAM portal runs on ${listText(portal)}, but the load balancer fronting it (${listText(balancers.map(n => n.name))}) ${served.length === 0 ? 'has none of them as a member' : `has only ${served[0]} as a member`}: ${served.length === 0 ? 'it sends users to computers without the portal' : `when ${served[0]} fails, users have no portal`}. Add ${listText(outside)} to the load balancer's members.`,
            related: balancers.map(n => ({ message: `${n.name} declared here`, source: n.source })),
            data: {}
        });
    },
    fix(context) {
        const portal = context.data.portal as string[] | undefined;
        if (!portal) return [];
        const { group, editor } = context;
        // A local load balancer that already has every portal computer as a member fronts the portal too.
        const existing = [...group.nlbs.values()].find(n => n.local && portal.every(c => n.members.includes(c)));
        if (existing) {
            const fronts = (existing.node).properties.filter(ast.isNlbFronts).at(-1);
            const edits = fronts?.$cstNode ? [editor.insert(fronts.$cstNode.end, ', bam-portal')] : editor.addToBlock(existing.node, 'fronts bam-portal');
            return [{ title: `Load-balance the BAM portal with ${existing.name}`, edits, preferred: true }];
        }
        // Windows NLB is not supported on failover cluster nodes.
        const hardware = portal.some(c => [...group.clusters.values()].some(cl => cl.nodes.includes(c)));
        const name = context.names.next([], 'BamPortalNlb');
        const members = [...(hardware ? ['kind hardware'] : []), `members ${portal.join(', ')}`, 'fronts bam-portal'];
        return [{
            title: `Add ${hardware ? 'hardware ' : ''}load balancer ${name} in front of the BAM portal`,
            edits: editor.addGroupMember(group.node, 'nlb', editor.block(`nlb ${name}`, members)),
            preferred: true
        }];
    }
});
