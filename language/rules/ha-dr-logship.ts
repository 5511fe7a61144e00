import { defineRule } from './rule.js';
import { databaseContainers, listText } from './helpers.js';

export const haDrLogship = defineRule({
    id: 'HA-DR-LOGSHIP',
    defaultSeverity: 'information',
    area: 'disaster recovery',
    summary: 'Ship the BizTalk backups to standby SQL instances (BizTalk log shipping) sized like production.',
    sources: ['biztalk/technical-guides/planning-for-database-availability.md', 'biztalk/technical-guides/checklist-increasing-availability-with-disaster-recovery.md', 'biztalk/technical-guides/what-is-biztalk-server-log-shipping.md'],
    check({ group, report }) {
        const targets = [...new Set(group.backupJobs.flatMap(job => job.logShippingTo))];
        const job = group.backupJobs[0];
        if (targets.length === 0) {
            report({
                node: job?.node ?? group.node, property: job ? undefined : 'name',
                message: `Group ${group.name} has no disaster-recovery copy of its databases: clustering protects against a server failure, not against losing the site. Configure BizTalk log shipping to a standby SQL instance (\`log-shipping to <sql>\` in the backup-job).`,
                data: {}
            });
            return;
        }
        const production = databaseContainers(group).map(c => c.name);
        if (targets.length < production.length) {
            report({
                node: job.node,
                severity: 'warning',
                message: `The databases are spread over ${production.length} production SQL instances or availability groups (${listText(production)}) but log shipping goes to ${targets.length} standby instance${targets.length === 1 ? '' : 's'} (${listText(targets)}): the standby system should match production. Add standby instances.`,
                data: {}
            });
        }
    }
});
