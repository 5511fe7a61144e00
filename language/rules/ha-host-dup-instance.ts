import { defineRule } from './rule.js';
import { itemNodes } from './fixes-common.js';

export const haHostDupInstance = defineRule({
    id: 'HA-HOST-DUP-INSTANCE',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'A computer runs at most one instance of a host.',
    sources: ['biztalk/core/hosts.md', 'biztalk/core/providing-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/high-availability-for-biztalk-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const seen = new Set<string>();
            for (const instance of host.instances) {
                if (seen.has(instance.computer)) {
                    report({
                        node: instance.node, property: 'computer',
                        message: `${host.name} already has an instance on ${instance.computer}: BizTalk allows one instance of a host per computer, so this one adds no redundancy. Remove it, or place it on another computer.`,
                        data: { host: host.name, computer: instance.computer }
                    });
                }
                seen.add(instance.computer);
            }
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host) return [];
        const start = context.diagnostic.range.start;
        const duplicate = host.instances.find(i => i.node.$cstNode && context.document.textDocument.positionAt(i.node.$cstNode.offset).line === start.line && context.document.textDocument.positionAt(i.node.$cstNode.offset).character === start.character);
        const list = duplicate?.node.$container;
        if (!duplicate || !list) return [];
        const items = itemNodes(list, 'instances');
        const index = list.instances.indexOf(duplicate.node);
        return [{ title: `Remove the duplicate instance of ${host.name} on ${duplicate.computer}`, edits: context.editor.removeListItem(items, index), preferred: true }];
    }
});
