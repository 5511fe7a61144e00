import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haAgJobsLogins = defineRule({
    id: 'HA-AG-JOBS-LOGINS',
    defaultSeverity: 'warning',
    area: 'availability groups',
    summary: 'An availability group does not replicate logins, SQL Agent jobs or Database Mail: create them on every replica.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        for (const ag of group.availabilityGroups.values()) {
            if (ag.jobsAndLoginsReplicated) continue;
            const databases = group.databases.filter(d => d.container?.kind === 'availability-group' && d.container.name === ag.name);
            if (databases.length === 0) continue;
            const others = ag.replicas.slice(1).map(r => r.sql);
            report({
                node: ag.node, property: 'name',
                message: `Availability group ${ag.name} holds ${listText(databases.map(d => d.name))}, but an availability group does not carry logins, SQL Agent jobs or the Database Mail profile of BAM alerts: after a failover${others.length > 0 ? ` to ${listText(others)}` : ''} the BizTalk hosts cannot log on and the Backup BizTalk Server, MessageBox cleanup and tracking purge jobs do not run. Create the BizTalk logins and jobs on every replica (each job step checking that its database is the primary), then declare \`jobs-and-logins replicated\`.`,
                data: { ag: ag.name }
            });
        }
    },
    fix(context) {
        const ag = context.group.availabilityGroups.get(String(context.data.ag));
        if (!ag || ag.jobsAndLoginsReplicated || !ast.isAvailabilityGroup(ag.node)) return [];
        return [{ title: `Declare that the logins and jobs of ${ag.name} exist on every replica`, edits: context.editor.addToBlock(ag.node, 'jobs-and-logins replicated'), preferred: true }];
    }
});
