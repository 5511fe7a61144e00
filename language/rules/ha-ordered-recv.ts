import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import { defineRule } from './rule.js';
import { distinctEnabledComputers, listText, orderedReceive, orderPreservingReceiveAdapters } from './helpers.js';
import { handlerOf, itemNodes, moveToClusteredHostFix } from './fixes-common.js';

export const haOrderedRecv = defineRule({
    id: 'HA-ORDERED-RECV',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'An ordered-delivery receive (MSMQ, MQSeries, WCF-NetMsmq) needs a single running instance: make it highly available with a clustered host. `ordered` on other receive adapters has no effect.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/technical-guides/clustering-receiving-hosts.md', 'biztalk/core/ordered-delivery-of-messages.md', 'biztalk/core/how-to-configure-a-wcf-netmsmq-receive-location.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const computers = distinctEnabledComputers(host);
            for (const handler of host.handlers) {
                if (handler.direction !== 'receive' || !handler.ordered) continue;
                if (!orderedReceive(handler)) {
                    // Unknown adapters are HA-ADAPTER-UNKNOWN's: whether they keep order is not known.
                    const option = handler.node.options.find(o => o.flag === 'ordered');
                    if (!handler.info || !option) continue;
                    report({
                        node: option, severity: 'warning',
                        message: `\`ordered\` has no effect on receive ${handler.adapter} on ${host.name}: of BizTalk's receive adapters only ${listText([...orderPreservingReceiveAdapters])} keep the order of the messages they submit, and the ${handler.info.name} handler needs no single active instance for it. Remove \`ordered\`; to keep order end to end, mark the send port (a send handler) or the orchestration's receive port ordered instead.`,
                        data: { host: host.name, adapter: handler.adapter, noEffect: true }
                    });
                    continue;
                }
                if (host.clusteredOn || computers.length === 0) continue;
                report({
                    node: handler.node, property: 'adapter',
                    message: computers.length > 1
                        ? `receive ${handler.adapter} (ordered) on ${host.name} runs on ${listText(computers)} at once: several active instances break the delivery order. Move it to a clustered host: one active instance, failover to the others.`
                        : `receive ${handler.adapter} (ordered) on ${host.name} runs only on ${computers[0]} and stops when it fails; ordered delivery cannot be scaled out. Move it to a clustered host.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    },
    fix(context) {
        if (context.data.noEffect) {
            const start = context.diagnostic.range.start;
            for (const host of context.group.hosts.values()) {
                for (const handler of host.handlers) {
                    const node = handler.node;
                    const index = node.options.findIndex(o => o.flag === 'ordered' && startsAt(o, start));
                    if (index < 0) continue;
                    const edits = node.options.length === 1
                        ? context.editor.replace(node.$cstNode, context.editor.textOf(GrammarUtils.findNodeForProperty(node.$cstNode, 'adapter')))
                        : context.editor.removeListItem(itemNodes(node, 'options'), index);
                    return [{ title: `Remove \`ordered\` from receive ${handler.adapter}`, edits, preferred: true }];
                }
            }
            return [];
        }
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});

function startsAt(node: AstNode, position: { line: number; character: number }): boolean {
    const start = node.$cstNode?.range.start;
    return !!start && start.line === position.line && start.character === position.character;
}
