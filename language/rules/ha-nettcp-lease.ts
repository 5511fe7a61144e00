import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { handlerOf, itemNodes } from './fixes-common.js';

/** WCF's default connection lease: five minutes. */
const defaultLeaseSeconds = 300;
const suggestedLeaseSeconds = 30;

export const haNettcpLease = defineRule({
    id: 'HA-NETTCP-LEASE',
    defaultSeverity: 'information',
    area: 'adapters',
    summary: 'Behind a load balancer, shorten the WCF-NetTcp connection lease so pooled clients spread over the servers.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const balancers = [...group.nlbs.values()].filter(nlb => nlb.fronts.includes(host.name)).map(nlb => nlb.name);
            if (balancers.length === 0) continue;
            for (const handler of host.handlers) {
                if (handler.direction !== 'receive' || handler.info?.name !== 'WCF-NetTcp') continue;
                if (handler.leaseTimeout !== undefined && handler.leaseTimeout < defaultLeaseSeconds) continue;
                report({
                    node: handler.node, property: 'adapter',
                    message: `receive ${handler.adapter} on ${host.name} is behind load balancer ${balancers[0]} with ${handler.leaseTimeout === undefined ? 'the default connection lease (5 minutes)' : `a ${handler.leaseTimeout}-second connection lease`}: NetTcp clients pool their connections and keep sending to the server they first reached, so the load stays uneven and moves slowly after a server comes back. Lower the lease timeout, about ${suggestedLeaseSeconds} seconds to start with, and declare it (\`lease-timeout ${suggestedLeaseSeconds}\`).`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    },
    fix(context) {
        const handler = handlerOf(context)?.handler;
        if (!handler || !ast.isHandler(handler.node) || !handler.node.$cstNode) return [];
        const node = handler.node;
        const existing = node.options.find(o => o.leaseTimeout !== undefined);
        const title = `Set the connection lease of ${handler.adapter} to ${suggestedLeaseSeconds} seconds`;
        if (existing?.$cstNode) return [{ title, edits: context.editor.replace(existing.$cstNode, `lease-timeout ${suggestedLeaseSeconds}`), preferred: true }];
        const last = node.options.at(-1)?.$cstNode;
        if (last) return [{ title, edits: [context.editor.insert(last.end, `, lease-timeout ${suggestedLeaseSeconds}`)], preferred: true }];
        const adapter = itemNodes(node, 'adapter')[0];
        if (!adapter) return [];
        return [{ title, edits: [context.editor.insert(adapter.end, ` (lease-timeout ${suggestedLeaseSeconds})`)], preferred: true }];
    }
});
