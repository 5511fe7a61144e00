import { isBitness } from '../generated/ast.js';
import { defineRule } from './rule.js';

export const haHostBitness = defineRule({
    id: 'HA-HOST-BITNESS',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'FTP and POP3 handlers need a 32-bit-only host (not supported in 64-bit host instances).',
    sources: ['biztalk/technical-guides/considerations-while-using-biztalk-server-on-a-64-bit-windows-operating-system.md', 'biztalk/core/biztalk-server-64-bit-support2.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            if (host.bitness === 32) continue;
            for (const handler of host.handlers) {
                if (!handler.info?.thirtyTwoBitOnly) continue;
                const confirmed = group.version.year <= 2016;
                report({
                    node: handler.node, property: 'adapter',
                    severity: confirmed ? 'error' : 'warning',
                    message: `The ${handler.info.name} adapter is not supported in 64-bit host instances${confirmed ? '' : ' (documented up to BizTalk 2016; verify for 2020)'}: ${handler.direction} ${handler.adapter} on ${host.name} needs \`bitness 32\`. Set it on ${host.name}, or move the handler to a dedicated 32-bit host.`,
                    data: { host: host.name, adapter: handler.adapter }
                });
            }
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host) return [];
        const existing = host.node.properties.find(isBitness);
        return [{
            title: `Make ${host.name} 32-bit only (bitness 32)`,
            edits: existing ? context.editor.replace(existing.$cstNode, 'bitness 32') : context.editor.addToBlock(host.node, 'bitness 32'),
            preferred: true
        }];
    }
});
