import { isAgDtcSupport } from '../generated/ast.js';
import { defineRule } from './rule.js';
import { availabilityGroupsHoldingBizTalk } from './helpers.js';

export const haAgDtc = defineRule({
    id: 'HA-AG-DTC',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'Create availability groups for BizTalk with per-database DTC support.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const holdingBizTalk = availabilityGroupsHoldingBizTalk(group);
        for (const ag of group.availabilityGroups.values()) {
            if (!holdingBizTalk.has(ag.name)) continue;
            if (ag.dtcSupport === 'per-database') continue;
            const dtcNode = (ag.node.properties ?? []).find(isAgDtcSupport);
            report({
                node: dtcNode ?? ag.node, property: dtcNode ? undefined : 'name',
                message: `Availability group ${ag.name} ${ag.dtcSupport === 'none' ? 'has DTC support turned off' : 'does not declare per-database DTC support'}: BizTalk's distributed transactions across its databases need it, and it must be chosen when the availability group is created. Use \`dtc-support per-database\`.`,
                data: { ag: ag.name }
            });
        }
    },
    fix(context) {
        const ag = context.group.availabilityGroups.get(String(context.data.ag));
        if (!ag) return [];
        const existing = ag.node.properties.find(isAgDtcSupport);
        return [{
            title: `Use per-database DTC support in ${ag.name}`,
            edits: existing ? context.editor.replace(existing.$cstNode, 'dtc-support per-database') : context.editor.addToBlock(ag.node, 'dtc-support per-database'),
            preferred: true
        }];
    }
});
