import { defineRule } from './rule.js';
import { listText, unclusteredReceives } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haOrderedRecv = defineRule({
    id: 'HA-ORDERED-RECV',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'An ordered-delivery receive needs a single running instance: make it highly available with a clustered host.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/technical-guides/clustering-receiving-hosts.md'],
    check({ group, report }) {
        for (const { host, handler, computers } of unclusteredReceives(group)) {
            if (!handler.ordered) continue;
            report({
                node: handler.node, property: 'adapter',
                message: computers.length > 1
                    ? `receive ${handler.adapter} (ordered) on ${host.name} runs on ${listText(computers)} at once: several active instances break the delivery order. Move it to a clustered host: one active instance, failover to the others.`
                    : `receive ${handler.adapter} (ordered) on ${host.name} runs only on ${computers[0]} and stops when it fails; ordered delivery cannot be scaled out. Move it to a clustered host.`,
                data: { host: host.name, adapter: handler.adapter }
            });
        }
    },
    fix(context) {
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
