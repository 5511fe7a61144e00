import { defineRule } from './rule.js';
import { itemNodes } from './fixes-common.js';
import { isNlbMembers } from '../generated/ast.js';
import { distinctEnabledComputers, listText } from './helpers.js';

export const haNlbMembership = defineRule({
    id: 'HA-NLB-MEMBERSHIP',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'A load balancer needs two or more members, each running the host it fronts; every computer of the host should be a member.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        for (const nlb of group.nlbs.values()) {
            const membersNode = (nlb.node.properties ?? []).find(isNlbMembers);
            const node = membersNode ?? nlb.node;
            const property = membersNode ? undefined : 'name';
            if (nlb.members.length < 2) {
                report({
                    node, property,
                    message: `Load balancer ${nlb.name} has ${nlb.members.length === 0 ? 'no member' : `one member (${nlb.members[0]})`}: it balances nothing, and the entry point stops when that computer fails. Give it two or more members that run the host it fronts.`,
                    data: { nlb: nlb.name }
                });
            }
            for (const hostName of nlb.fronts) {
                const host = group.hosts.get(hostName);
                if (!host) continue;
                const computers = distinctEnabledComputers(host);
                const idle = nlb.members.filter(m => !computers.includes(m));
                const outside = computers.filter(c => !nlb.members.includes(c));
                if (idle.length > 0) {
                    report({
                        node, property,
                        message: `${listText(idle)} ${idle.length === 1 ? 'is a member' : 'are members'} of ${nlb.name} but run${idle.length === 1 ? 's' : ''} no enabled instance of ${host.name}: requests sent there fail. Make the members match ${host.name}'s computers (${listText(computers) || 'none'}).`,
                        data: { nlb: nlb.name, host: host.name, computers }
                    });
                }
                if (outside.length > 0) {
                    report({
                        node, property, severity: 'warning',
                        message: `${host.name} runs on ${listText(outside)}, which ${outside.length === 1 ? 'is' : 'are'} not a member of ${nlb.name}: no traffic reaches ${outside.length === 1 ? 'that instance' : 'those instances'}, so they add no availability. Add ${listText(outside)} to the members.`,
                        data: { nlb: nlb.name, host: host.name, computers }
                    });
                }
            }
        }
    },
    fix(context) {
        const nlb = context.group.nlbs.get(String(context.data.nlb));
        const computers = context.data.computers as string[] | undefined;
        if (!nlb || !computers || computers.length === 0 || !nlb.local) return [];
        const lists = nlb.node.properties.filter(isNlbMembers);
        let edits;
        if (lists.length === 1) {
            // Edit the list item by item, so comments inside it survive.
            const items = itemNodes(lists[0], 'members');
            const names = lists[0].members.map(m => m.$refText);
            const stale = names.map((name, i) => computers.includes(name) ? -1 : i).filter(i => i >= 0);
            const missing = computers.filter(c => !names.includes(c));
            const keeps = stale.length < names.length;
            edits = keeps
                ? [...context.editor.removeListItems(items, stale), ...(missing.length > 0 ? context.editor.appendToList(items.at(-1), missing.join(', ')) : [])]
                : context.editor.replace(lists[0].$cstNode, `members ${computers.join(', ')}`);
        } else if (lists.length === 0) {
            edits = context.editor.addToBlock(nlb.node, `members ${computers.join(', ')}`);
        } else {
            edits = [...context.editor.replace(lists[0].$cstNode, `members ${computers.join(', ')}`), ...lists.slice(1).flatMap(l => l.$cstNode ? context.editor.removeNode(l.$cstNode) : [])];
        }
        return [{ title: `Make the members of ${nlb.name} match ${String(context.data.host)}'s computers (${computers.join(', ')})`, edits, preferred: true }];
    }
});
