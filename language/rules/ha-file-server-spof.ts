import { defineRule } from './rule.js';
import { computerRelated, computerSingleFailures, handlerFunction, listText } from './helpers.js';

export const haFileServerSpof = defineRule({
    id: 'HA-FILE-SERVER-SPOF',
    defaultSeverity: 'error',
    area: 'adapters',
    summary: 'A handler reads or writes a share on a file server that one computer failure stops.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/technical-guides/planning-for-high-availability2.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, analysis, report, fn }) {
        for (const host of group.hosts.values()) {
            for (const handler of host.handlers) {
                const handlerResult = handlerFunction(analysis, host, handler);
                if (!handlerResult) continue;
                for (const id of handlerResult.dependsOn) {
                    const server = id.startsWith('file-server:') ? fn(id) : undefined;
                    // A file server whose only single failures are a site or a hypervisor is HA-SITE-SPOF's or HA-HYPERVISOR-SPOF's.
                    const computers = server && server.ownRedundancy === 1 ? computerSingleFailures(server) : [];
                    if (!server || computers.length === 0) continue;
                    const name = id.slice('file-server:'.length);
                    const what = handler.direction === 'receive' ? `reads ${handler.path}` : `writes to ${handler.path}`;
                    const served = server.mechanism === 'single' ? `the single computer ${name}` : `${name}, which runs only on ${listText(computers)}`;
                    report({
                        node: handler.node, property: 'adapter',
                        message: `${handler.direction} ${handler.adapter} on ${host.name} ${what}, a share served by ${served}: when ${listText(computers)} fails, ${handler.direction === 'receive' ? 'receiving' : 'sending'} over ${handler.adapter} stops on every instance of ${host.name}. Serve the share from a clustered file server (a failover cluster role, declared as a \`cluster\` of two or more nodes) and point the path at it.`,
                        related: computerRelated(group, computers),
                        data: { host: host.name, adapter: handler.adapter, fileServer: name }
                    });
                }
            }
        }
    }
});
