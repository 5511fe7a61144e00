import { defineRule } from './rule.js';
import { justifiesClustering } from './helpers.js';

export const haOrderedSend = defineRule({
    id: 'HA-ORDERED-SEND',
    defaultSeverity: 'information',
    area: 'clustered hosts',
    summary: 'Ordered-delivery send ports stay ordered and highly available in a scaled-out host: they need no clustered host.',
    sources: ['biztalk/core/ordered-delivery-of-messages.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            if (!host.clusteredNode || host.type === 'isolated') continue;
            // Another handler that needs one active instance justifies the cluster: ordering is not the only reason.
            if (host.handlers.some(justifiesClustering)) continue;
            for (const handler of host.handlers) {
                if (handler.direction !== 'send' || !handler.ordered) continue;
                report({
                    node: handler.node, property: 'adapter',
                    message: `send ${handler.adapter} (ordered) on ${host.name}: ordered delivery does not need a clustered host. BizTalk lets one host instance at a time work on an ordered send port and another instance takes over when it fails, so a scaled-out send host keeps the order and survives a computer failure. Remove \`clustered on\` from ${host.name} and keep instances on two or more computers.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    }
});
