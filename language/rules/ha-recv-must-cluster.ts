import { defineRule } from './rule.js';
import { listText, unclusteredReceives } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haRecvMustCluster = defineRule({
    id: 'HA-RECV-MUST-CLUSTER',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'FTP and SFTP receive handlers must run in a clustered host: never in several active instances, never in a single one.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/core/best-practices-and-recommendations-for-the-ftp-adapter.md', 'biztalk/technical-guides/clustering-receiving-hosts.md'],
    check({ group, report }) {
        for (const { host, handler, computers } of unclusteredReceives(group)) {
            const adapter = handler.info?.name;
            if (adapter !== 'FTP' && adapter !== 'SFTP') continue;
            report({
                node: handler.node, property: 'adapter',
                message: computers.length > 1
                    ? `receive ${handler.adapter} on ${host.name} runs in instances on ${listText(computers)} at once: ${adapter} has no file locking, so two instances can fetch the same file and create duplicate messages. Move it to a clustered host (one active instance, failover to the other nodes).`
                    : `receive ${handler.adapter} on ${host.name} runs only on ${computers[0]} and stops when it fails; ${adapter} cannot be scaled out (no file locking). Move it to a clustered host on a cluster of two or more BizTalk computers.`,
                data: { host: host.name, adapter: handler.adapter, computers }
            });
        }
    },
    fix(context) {
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
