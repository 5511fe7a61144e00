import { defineRule } from './rule.js';

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
    }
});
