import { defineRule } from './rule.js';
import { availabilityGroupsHoldingBizTalk } from './helpers.js';

export const haAgSync = defineRule({
    id: 'HA-AG-SYNC',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'BizTalk supports only synchronous-commit availability group replicas.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const holdingBizTalk = availabilityGroupsHoldingBizTalk(group);
        for (const ag of group.availabilityGroups.values()) {
            if (!holdingBizTalk.has(ag.name)) continue;
            for (const replica of ag.replicas) {
                if (replica.synchronous) continue;
                report({
                    node: replica.node, property: 'commit',
                    message: `Replica ${replica.sql} of availability group ${ag.name} is asynchronous: BizTalk supports synchronous commit only, so this replica cannot take over the BizTalk databases consistently and adds no availability. Make it synchronous, and use BizTalk log shipping for a remote disaster-recovery copy.`,
                    data: { ag: ag.name, sql: replica.sql }
                });
            }
        }
    },
    fix(context) {
        const ag = context.group.availabilityGroups.get(String(context.data.ag));
        const replica = ag?.replicas.find(r => r.sql === context.data.sql && !r.synchronous);
        const cst = replica?.node.$cstNode;
        if (!replica || !cst) return [];
        return [{ title: `Make replica ${replica.sql} synchronous`, edits: context.editor.replace(cst, `${replica.sql} synchronous`), preferred: true }];
    }
});
