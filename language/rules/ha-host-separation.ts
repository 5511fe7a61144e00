import { defineRule } from './rule.js';
import { listText } from './helpers.js';
import { titleOf, twoBiztalkComputers } from './fixes-common.js';

export const haHostSeparation = defineRule({
    id: 'HA-HOST-SEPARATION',
    defaultSeverity: 'information',
    area: 'hosts',
    summary: 'Keep processing (orchestrations) in its own host, apart from receiving, sending and tracking.',
    sources: ['biztalk/core/providing-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/configuring-hosts-and-host-instances.md', 'biztalk/core/hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            if (!host.orchestrations || host.handlers.length === 0) continue;
            const directions = [...new Set(host.handlers.map(h => h.direction === 'receive' ? 'receiving' : 'sending'))].join(' and ');
            report({
                node: host.orchestrations,
                severity: host.tracking ? 'warning' : 'information',
                message: `${host.name} mixes processing with ${directions}${host.tracking ? ' and tracking' : ''}: they share one security boundary, one throttling state and one service, and cannot be stopped or scaled separately. Move the orchestrations to a dedicated processing host on the same computers.`,
                data: { host: host.name }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host?.orchestrations?.$cstNode) return [];
        const name = context.names.next([], `${host.name}Processing`);
        // The new host must not copy a single point of failure: it runs on two computers, a new one if needed.
        const { computers, edits, description } = twoBiztalkComputers(context, [...new Set(host.instances.filter(i => !i.disabled).map(i => i.computer))]);
        return [{
            title: titleOf(`Move the orchestrations of ${host.name} to a new processing host ${name} on ${listText(computers)}`, description),
            edits: [
                ...edits,
                ...context.editor.removeNode(host.orchestrations.$cstNode),
                ...context.editor.addGroupMember(context.group.node, 'host', context.editor.block(`host ${name}`, ['orchestrations', `instances on ${computers.join(', ')}`]))
            ],
            preferred: true
        }];
    }
});
