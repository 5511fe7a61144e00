import { defineRule } from './rule.js';
import { handlerFunction, listText } from './helpers.js';
import { newBalancer } from './fixes-common.js';

export const haRecvNlb = defineRule({
    id: 'HA-RECV-NLB',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'HTTP-style receive handlers scaled out over several computers need a load balancer in front of them.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/core/creating-a-highly-available-biztalk-server-environment.md', 'biztalk/technical-guides/scaling-out-receiving-hosts.md'],
    check({ group, analysis, report }) {
        for (const host of group.hosts.values()) {
            for (const handler of host.handlers) {
                const strategy = handler.info?.receive;
                if (handler.direction !== 'receive' || (strategy !== 'load-balancer' && strategy !== 'load-balancer-or-cluster')) continue;
                if (host.clusteredOn) {
                    if (strategy === 'load-balancer-or-cluster') {
                        report({
                            node: handler.node, property: 'adapter', severity: 'warning',
                            message: `receive ${handler.adapter} on ${host.name} relies on the clustered host: one instance accepts connections at a time. Microsoft's preferred design for ${handler.info!.name} is instances on several computers behind a load balancer, which also spreads the connections.`,
                            data: { host: host.name, adapter: handler.adapter }
                        });
                    }
                    continue;
                }
                // The analysis decides: several instances and no load balancer in front is `unbalanced`.
                const fn = handlerFunction(analysis, host, handler);
                if (fn?.mechanism !== 'unbalanced') continue;
                const computers = fn.providers;
                report({
                    node: handler.node, property: 'adapter',
                    message: `receive ${handler.adapter} on ${host.name} runs on ${listText(computers)}, but no load balancer fronts ${host.name}: BizTalk cannot spread inbound connections, so clients address one computer and stop receiving when it fails. Add an nlb with members ${listText(computers)} that fronts ${host.name}.`,
                    data: { host: host.name, adapter: handler.adapter, computers }
                });
            }
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        const computers = (context.data.computers as string[] | undefined) ?? [];
        if (!host || computers.length === 0) return [];
        const balancer = newBalancer(context, host, computers);
        return [{ title: balancer.description!.replace(/^add/, 'Add').replace(/in front of it$/, `in front of ${host.name}`), edits: balancer.edits, preferred: true }];
    }
});
