import { standbyInstanceFix } from './fixes-sql.js';
import { defineRule } from './rule.js';
import { databaseContainers, listText, logShippingTargets } from './helpers.js';

export const haDrLogship = defineRule({
    id: 'HA-DR-LOGSHIP',
    defaultSeverity: 'information',
    area: 'disaster recovery',
    summary: 'Ship the BizTalk backups to standby SQL instances (BizTalk log shipping) sized like production, away from the production instances and their site.',
    sources: ['biztalk/technical-guides/planning-for-database-availability.md', 'biztalk/technical-guides/checklist-increasing-availability-with-disaster-recovery.md', 'biztalk/technical-guides/what-is-biztalk-server-log-shipping.md', 'biztalk/technical-guides/biztalk-server-log-shipping-using-a-windows-cluster-name-and-ip-address.md'],
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
        // A destination that fails with production is no disaster-recovery copy.
        const misplaced = new Set<string>();
        for (const target of logShippingTargets(group)) {
            let why: string | undefined;
            if (target.production) why = `${target.sql} holds the group's databases itself: a copy on the production instance is lost with it`;
            else if (target.sharedComputers.length > 0) why = `standby ${target.sql} runs on ${listText(target.sharedComputers)}, which also ${target.sharedComputers.length === 1 ? 'runs' : 'run'} the production databases: losing ${target.sharedComputers.length === 1 ? 'it' : 'them'} loses both copies`;
            else if (target.sharedSites.length > 0) why = `standby ${target.sql} is in ${listText(target.sharedSites.map(site => `site ${site}`))}, like the production SQL instances: losing the site loses both copies`;
            if (!why) continue;
            misplaced.add(target.sql);
            report({
                node: target.node, severity: 'warning',
                message: `Log shipping to ${target.sql} gives no disaster-recovery copy: ${why}. Ship to a standby SQL instance on other computers, in another site where possible.`,
                data: { sql: target.sql }
            });
        }
        const standbys = targets.filter(name => !misplaced.has(name));
        const production = databaseContainers(group).map(c => c.name);
        if (standbys.length > 0 && standbys.length < production.length) {
            report({
                node: job.node,
                severity: 'warning',
                message: `The databases are spread over ${production.length} production SQL instances or availability groups (${listText(production)}) but log shipping goes to ${standbys.length} standby instance${standbys.length === 1 ? '' : 's'} (${listText(standbys)}): the standby system should match production. Add standby instances.`,
                data: {}
            });
        }
    },
    fix(context) {
        return [standbyInstanceFix(context)];
    }
});
