import { defineRule } from './rule.js';

export const haAdapterUnknown = defineRule({
    id: 'HA-ADAPTER-UNKNOWN',
    defaultSeverity: 'information',
    area: 'adapters',
    summary: 'An adapter name bizha does not know is treated as a scale-out adapter.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            for (const handler of host.handlers) {
                if (handler.info) continue;
                report({
                    node: handler.node, property: 'adapter',
                    message: `bizha does not know the adapter "${handler.adapter}": it is treated as an in-process adapter that scales out with several host instances. Check the spelling if it is one of BizTalk's own adapters (FILE, FTP, SFTP, HTTP, MSMQ, WCF-*, ...).`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    }
});
