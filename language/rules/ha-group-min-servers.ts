import { defineRule } from './rule.js';
import { biztalkComputers, needsClusteredHost, computerRelated } from './helpers.js';
import { addInstancesEdits, declareComputersEdits, itemNodes, newComputerNames } from './fixes-common.js';

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
    },
    fix(context) {
        const [computer] = newComputerNames(context.group, 'BTS', 1);
        const nlbs = [...context.group.nlbs.values()].filter(n => n.local);
        // A second instance is safe only where the adapter scales out; load-balanced hosts also need the new member.
        const hosts = [...context.group.hosts.values()].filter(h => h.instances.length > 0 && !h.clusteredOn
            && !h.handlers.some(needsClusteredHost)
            && (h.type !== 'isolated' || nlbs.some(n => n.fronts.includes(h.name))));
        if (hosts.length === 0) return [];
        const members = nlbs.filter(n => n.fronts.some(name => hosts.some(h => h.name === name)));
        return [{
            title: `Add computer ${computer} and an instance of every scaled-out host on it`,
            edits: [
                ...declareComputersEdits(context, [computer]),
                ...hosts.flatMap(host => addInstancesEdits(context, host, [computer])),
                ...members.flatMap(nlb => {
                    const list = (nlb.node as unknown as { properties: Array<{ $type: string }> }).properties.filter(p => p.$type === 'NlbMembers').at(-1);
                    return list ? context.editor.appendToList(itemNodes(list as never, 'members').at(-1), computer) : [];
                })
            ],
            preferred: true
        }];
    }
});
