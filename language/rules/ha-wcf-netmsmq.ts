import { defineRule } from './rule.js';
import { distinctEnabledComputers } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haWcfNetmsmq = defineRule({
    id: 'HA-WCF-NETMSMQ',
    defaultSeverity: 'warning',
    area: 'adapters',
    summary: 'Run the WCF-NetMsmq receive handler in a clustered host.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            // A host without enabled instances is HA-HOST-NO-INSTANCES's.
            if (host.clusteredOn || distinctEnabledComputers(host).length === 0) continue;
            for (const handler of host.handlers) {
                if (handler.direction !== 'receive' || handler.info?.name !== 'WCF-NetMsmq' || handler.ordered) continue;
                report({
                    node: handler.node, property: 'adapter',
                    message: `receive ${handler.adapter} on ${host.name} reads MSMQ queues through WCF; Microsoft's guidance is to run it in a clustered host so the queues and the handler fail over together. Move it to a clustered host.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    },
    fix(context) {
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
