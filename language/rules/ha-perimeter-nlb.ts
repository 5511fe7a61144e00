import { defineRule } from './rule.js';

export const haPerimeterNlb = defineRule({
    id: 'HA-PERIMETER-NLB',
    defaultSeverity: 'information',
    area: 'group',
    summary: 'Internet-facing servers in the perimeter network should be load-balanced too.',
    sources: ['biztalk/technical-guides/planning-for-high-availability-and-disaster-recovery.md'],
    check({ group, report, at }) {
        const balanced = new Set([...group.nlbs.values()].flatMap(nlb => nlb.members));
        for (const computer of group.computers.values()) {
            if (computer.zone !== 'perimeter' || balanced.has(computer.name)) continue;
            report({
                node: at(computer), property: computer.local ? 'name' : undefined,
                message: `${computer.name} is in the perimeter network and no load balancer includes it: when it fails, partners on the Internet lose the entry point it serves. Put it behind a load balancer with a second perimeter server (\`nlb ... { members ${computer.name}, ... }\`).`,
                data: { computer: computer.name }
            });
        }
    }
});
