import type { SqlInstanceModel } from '../model/topology.js';
import { sqlEnterpriseEdits } from './fixes-sql.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haAgStdEdition = defineRule({
    id: 'HA-AG-STD-EDITION',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'SQL Server Standard edition basic availability groups hold one database each.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        for (const ag of group.availabilityGroups.values()) {
            const databases = group.databases.filter(d => d.container?.kind === 'availability-group' && d.container.name === ag.name);
            const standard = ag.replicas.filter(r => group.sqlInstances.get(r.sql)?.edition === 'standard').map(r => r.sql);
            if (databases.length <= 1 || standard.length === 0) continue;
            report({
                node: ag.node, property: 'name',
                message: `Availability group ${ag.name} holds ${databases.length} databases, but ${listText(standard)} ${standard.length === 1 ? 'is' : 'are'} SQL Server Standard edition, whose basic availability groups hold a single database. Use SQL Server Enterprise edition, or one availability group per database.`,
                data: { ag: ag.name }
            });
        }
    },
    fix(context) {
        const ag = context.group.availabilityGroups.get(String(context.data.ag));
        const standard = (ag?.replicas ?? []).map(r => context.group.sqlInstances.get(r.sql)).filter((s): s is SqlInstanceModel => s?.edition === 'standard');
        const edits = sqlEnterpriseEdits(context, standard);
        return edits.length > 0 ? [{ title: `Set edition enterprise on SQL instance${standard.length === 1 ? '' : 's'} ${listText(standard.map(s => s.name))}`, edits, preferred: true }] : [];
    }
});
