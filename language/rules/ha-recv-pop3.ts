import { defineRule } from './rule.js';
import { distinctEnabledComputers, listText } from './helpers.js';
import { handlerOf, moveToClusteredHostFix } from './fixes-common.js';

export const haRecvPop3 = defineRule({
    id: 'HA-RECV-POP3',
    defaultSeverity: 'warning',
    area: 'adapters',
    summary: 'POP3 receive: cluster the host when the mailbox allows concurrent sessions; scale out only when the server locks it.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/core/what-is-the-pop3-adapter.md', 'biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            if (host.clusteredOn) continue;
            const computers = distinctEnabledComputers(host);
            for (const handler of host.handlers) {
                if (handler.direction !== 'receive' || handler.info?.name !== 'POP3') continue;
                if (handler.sharedMailbox && computers.length >= 1) {
                    report({
                        node: handler.node, property: 'adapter', severity: 'error',
                        message: computers.length > 1
                            ? `receive ${handler.adapter} on ${host.name} polls a mailbox that allows concurrent sessions from ${listText(computers)} at once: the same mail can be received twice. Move it to a clustered host.`
                            : `receive ${handler.adapter} on ${host.name} runs only on ${computers[0]} and the mailbox allows concurrent sessions, so it cannot be scaled out: move it to a clustered host.`,
                        data: { host: host.name, adapter: handler.adapter }
                    });
                } else if (!handler.sharedMailbox && computers.length > 1) {
                    report({
                        node: handler.node, property: 'adapter',
                        message: `receive ${handler.adapter} on ${host.name} polls from ${listText(computers)} at once. That is safe only if the mail server locks the mailbox to one session; if it allows concurrent sessions, mail can be received twice. Check the server, and cluster the host if it does (mark it with \`(shared-mailbox)\`).`,
                        data: { host: host.name, adapter: handler.adapter }
                    });
                }
            }
        }
    },
    fix(context) {
        const found = handlerOf(context);
        return found ? moveToClusteredHostFix(context, found.host, found.handler) : [];
    }
});
