import { defineRule } from './rule.js';
import { distinctEnabledComputers, listText } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

/**
 * What a failure does to a receive of local transactional queues. With several instances the
 * receive itself goes on (the analysis says so), but each computer's queues are its own.
 */
function localQueueRisk(computers: readonly string[]): string {
    if (computers.length === 1) {
        return `reads local transactional queues on ${computers[0]}: receiving stops when ${computers[0]} fails, and the messages in its queues wait until it returns.`;
    }
    return `reads local transactional queues, and each of ${listText(computers)} has its own: the other instances keep receiving from theirs, but when one computer fails the messages already in its queues are stranded until it returns, and senders addressing its queues fail.`;
}

export const haMsmqCluster = defineRule({
    id: 'HA-MSMQ-CLUSTER',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'MSMQ send and local-queue receive handlers run in a clustered host whose cluster has a clustered MSMQ resource.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/core/scaled-out-sending-hosts.md', 'biztalk/core/transaction-handling-with-the-msmq-adapter.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const msmq = host.handlers.filter(h => h.info?.name === 'MSMQ');
            if (msmq.length === 0) continue;
            if (host.clusteredOn) {
                const cluster = group.clusters.get(host.clusteredOn);
                if (cluster && !cluster.msmq) {
                    report({
                        node: host.clusteredNode!,
                        message: `Clustered host ${host.name} has MSMQ handlers, but cluster ${cluster.name} declares no clustered MSMQ resource: the host must sit in the same cluster group as a clustered Message Queuing resource so that queues fail over with it. Add \`msmq\` to cluster ${cluster.name}.`,
                        related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                        data: { host: host.name, cluster: cluster.name }
                    });
                }
                continue;
            }
            if (distinctEnabledComputers(host).length === 0) continue;
            for (const handler of msmq) {
                if (handler.direction === 'receive' && (handler.remoteQueue || handler.nonTransactional || handler.ordered)) continue;
                const transactional = !handler.nonTransactional;
                report({
                    node: handler.node, property: 'adapter',
                    severity: transactional ? 'error' : 'warning',
                    message: handler.direction === 'send'
                        ? `send ${handler.adapter} on ${host.name} depends on the local MSMQ outgoing queue of the computer it runs on: messages waiting there are stranded when that computer fails. Move it to a clustered host in the cluster group of a clustered MSMQ resource.`
                        : `receive ${handler.adapter} on ${host.name} ${localQueueRisk(distinctEnabledComputers(host))} Move it to a clustered host with a clustered MSMQ resource, or mark it \`(remote-queue)\` if it reads only queues on a clustered remote MSMQ server.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    },
    fix(context) {
        const cluster = context.data.cluster ? context.group.clusters.get(String(context.data.cluster)) : undefined;
        if (cluster) {
            return cluster.local ? [{ title: `Add a clustered MSMQ resource to cluster ${cluster.name}`, edits: context.editor.addToBlock(cluster.node, 'msmq'), preferred: true }] : [];
        }
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
