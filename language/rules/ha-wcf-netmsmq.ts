import { defineRule } from './rule.js';
import { orderedReceive, unclusteredReceives } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haWcfNetmsmq = defineRule({
    id: 'HA-WCF-NETMSMQ',
    defaultSeverity: 'warning',
    area: 'adapters',
    summary: 'Run the WCF-NetMsmq receive handler in a clustered host.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        // Hosts without enabled instances are HA-HOST-NO-INSTANCES's; ordered receives HA-ORDERED-RECV's.
        for (const { host, handler } of unclusteredReceives(group)) {
            if (handler.info?.name !== 'WCF-NetMsmq' || orderedReceive(handler)) continue;
            report({
                node: handler.node, property: 'adapter',
                message: `receive ${handler.adapter} on ${host.name} reads MSMQ queues through WCF; Microsoft's guidance is to run it in a clustered host so the queues and the handler fail over together. Move it to a clustered host.`,
                data: { host: host.name, adapter: handler.adapter }
            });
        }
    },
    fix(context) {
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
