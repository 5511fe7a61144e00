import { defineRule } from './rule.js';
import { listText, unclusteredReceives } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haRecvSqlSap = defineRule({
    id: 'HA-RECV-SQL-SAP',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'SAP receive must run in a clustered host; legacy SQL receive should; WCF-SQL polling from several instances needs a concurrency-safe statement.',
    sources: ['biztalk/technical-guides/planning-for-high-availability2.md', 'biztalk/technical-guides/clustering-receiving-hosts.md'],
    check({ group, report }) {
        for (const { host, handler, computers } of unclusteredReceives(group)) {
            const adapter = handler.info?.name;
            if (adapter === 'SAP' || adapter === 'WCF-SAP') {
                report({
                    node: handler.node, property: 'adapter', severity: 'error',
                    message: `receive ${handler.adapter} on ${host.name} is not in a clustered host: the SAP receive adapter must always be clustered to support two-phase commit. Move it to a clustered host.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            } else if (adapter === 'SQL') {
                report({
                    node: handler.node, property: 'adapter', severity: 'warning',
                    message: `receive ${handler.adapter} (legacy SQL adapter) on ${host.name} is not in a clustered host; the Operations Guide clusters hosts that run SQL receive handlers so that one instance polls. Move it to a clustered host.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            } else if (adapter === 'WCF-SQL' && computers.length > 1) {
                report({
                    node: handler.node, property: 'adapter', severity: 'warning',
                    message: `receive ${handler.adapter} on ${host.name} polls from ${listText(computers)} at once: unless the polling statement is concurrency-safe, the same rows can be read twice. Make the polling statement concurrency-safe or cluster the host.`,
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
