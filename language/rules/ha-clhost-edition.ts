import { defineRule } from './rule.js';
import { setGroupSettingEdits } from './fixes-common.js';

export const haClhostEdition = defineRule({
    id: 'HA-CLHOST-EDITION',
    defaultSeverity: 'error',
    area: 'clustered hosts',
    summary: 'Clustering a BizTalk host needs Enterprise edition.',
    sources: ['biztalk/core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/clustering-receiving-hosts.md'],
    check({ group, report }) {
        if (group.edition === 'enterprise' || group.edition === 'developer') return;
        for (const host of group.hosts.values()) {
            if (!host.clusteredNode) continue;
            report({
                node: host.clusteredNode,
                message: `${host.name} is clustered, but host clustering is an Enterprise edition feature and this group is ${group.edition} edition. Set \`edition enterprise\`.`,
                data: { host: host.name }
            });
        }
    },
    fix(context) {
        return [{ title: 'Set edition enterprise', edits: setGroupSettingEdits(context, context.group.editionNode, 'edition enterprise'), preferred: true }];
    }
});
