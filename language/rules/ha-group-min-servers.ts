import { defineRule } from './rule.js';
import { biztalkComputers, needsClusteredHost, computerRelated, enterpriseFirstAdvice, listText, singleComputerEdition } from './helpers.js';
import { addInstancesEdits, balancerEdits, computersOfRole, declareComputersEdits, newComputerNames, setGroupSettingEdits, titleOf, type Change } from './fixes-common.js';

export const haGroupMinServers = defineRule({
    id: 'HA-GROUP-MIN-SERVERS',
    defaultSeverity: 'error',
    area: 'group',
    summary: 'A highly available group needs at least two BizTalk Server computers.',
    sources: ['biztalk/technical-guides/planning-for-high-availability-and-disaster-recovery.md', 'biztalk/core/providing-high-availability-for-biztalk-hosts.md'],
    check({ group, report }) {
        const computers = biztalkComputers(group);
        if (computers.length >= 2) return;
        const edition = singleComputerEdition(group);
        const first = edition ? ` ${enterpriseFirstAdvice(edition)} Then add` : ' Add';
        report({
            node: group.node, property: 'name',
            message: computers.length === 0
                ? `Group ${group.name} runs no host instance on any computer: it has no BizTalk Server computer, so nothing receives, processes or sends.${first} two computers and host instances on both.`
                : `Group ${group.name} has one BizTalk Server computer, ${computers[0]}: every host stops when ${computers[0]} fails.${first} a second BizTalk Server computer and an instance of each host on it.`,
            related: computerRelated(group, computers, 'is the only BizTalk Server computer'),
            data: { computers }
        });
    },
    fix(context) {
        const [computer] = newComputerNames(context, 'biztalk', 1);
        // A second instance is safe only where the adapter scales out; load-balanced hosts also get the new member or a new load balancer.
        const hosts = [...context.group.hosts.values()].filter(h => h.instances.length > 0 && !h.clusteredOn && !h.handlers.some(needsClusteredHost));
        if (hosts.length === 0) return [];
        const balancers: Change[] = [];
        const nlbsDone = new Set<string>();
        for (const host of hosts) {
            const fronting = [...context.group.nlbs.values()].find(n => n.fronts.includes(host.name));
            if (fronting && nlbsDone.has(fronting.name)) continue;
            if (fronting) nlbsDone.add(fronting.name);
            const change = balancerEdits(context, host, [computer]);
            if (change.edits.length > 0) balancers.push({ edits: change.edits, description: change.description?.replace('in front of it', `in front of ${host.name}`) });
        }
        // A second computer is allowed only in Enterprise (or Developer) edition.
        const edition = singleComputerEdition(context.group) ? setGroupSettingEdits(context, context.group.editionNode, 'edition enterprise') : [];
        return [{
            title: titleOf(edition.length > 0 ? `Set edition enterprise, declare computer ${computer}` : `Declare computer ${computer}`,
                `add an instance of ${hosts.length === 1 ? hosts[0].name : `each scaled-out host (${listText(hosts.map(h => h.name))})`} on it`, ...balancers),
            edits: [
                ...edition,
                ...declareComputersEdits(context, [computer], computersOfRole(context.group, 'biztalk')),
                ...hosts.flatMap(host => addInstancesEdits(context, host, [computer])),
                ...balancers.flatMap(b => b.edits)
            ],
            preferred: true
        }];
    }
});
