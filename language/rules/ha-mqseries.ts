import type { AstNode } from 'langium';
import { defineRule } from './rule.js';
import { computerSingleFailures, listText } from './helpers.js';

export const haMqseries = defineRule({
    id: 'HA-MQSERIES',
    defaultSeverity: 'warning',
    area: 'adapters',
    summary: 'MQSeries handlers need clustered WebSphere MQ queue managers.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/core/mqseries-adapter-high-availability.md'],
    check({ group, analysis, report, at, fn }) {
        // Which handlers use each queue manager, read from the analysis's dependencies.
        const users = new Map<string, string[]>();
        for (const result of analysis.functions) {
            for (const id of result.dependsOn) {
                if (id.startsWith('queue-manager:')) users.set(id, [...(users.get(id) ?? []), result.label]);
            }
        }
        for (const [id, labels] of users) {
            const manager = group.queueManagers.get(id.slice('queue-manager:'.length));
            const result = fn(id);
            if (!manager || !result || result.ownRedundancy !== 1) continue;
            const computers = computerSingleFailures(result);
            if (computers.length === 0) continue;
            const node: AstNode = at(manager);
            report({
                node, property: manager.local ? 'name' : undefined,
                message: `Queue manager ${manager.name} runs only on ${listText(computers)}, and ${listText(labels)} ${labels.length === 1 ? 'uses' : 'use'} it: when ${listText(computers)} fails, ${labels.length === 1 ? 'it stops' : 'they stop'} on every host instance. Cluster the WebSphere MQ queue manager and MQSeries Server for Windows on a failover cluster (\`queue-manager ${manager.name} on <cluster>\`), and install the MQSAgent COM+ component on every node.`,
                data: { queueManager: manager.name }
            });
        }
    }
});
