import { defineRule } from './rule.js';
import { biztalkComputers, computerRelated } from './helpers.js';

export const haGroupMinServers = defineRule({
    id: 'HA-GROUP-MIN-SERVERS',
    defaultSeverity: 'error',
    area: 'group',
    summary: 'A highly available group needs at least two BizTalk Server computers.',
    sources: ['biztalk/technical-guides/planning-for-high-availability-and-disaster-recovery.md', 'biztalk/core/providing-high-availability-for-biztalk-hosts.md'],
    check({ group, report }) {
        const computers = biztalkComputers(group);
        if (computers.length >= 2) return;
        report({
            node: group.node, property: 'name',
            message: computers.length === 0
                ? `Group ${group.name} runs no host instance on any computer: it has no BizTalk Server computer, so nothing receives, processes or sends. Add two computers and host instances on both.`
                : `Group ${group.name} has one BizTalk Server computer, ${computers[0]}: every host stops when ${computers[0]} fails. Add a second BizTalk Server computer and an instance of each host on it.`,
            related: computerRelated(group, computers, 'is the only BizTalk Server computer'),
            data: { computers }
        });
    }
});
