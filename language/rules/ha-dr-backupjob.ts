import { defineRule } from './rule.js';

export const haDrBackupjob = defineRule({
    id: 'HA-DR-BACKUPJOB',
    defaultSeverity: 'warning',
    area: 'disaster recovery',
    summary: 'Configure the Backup BizTalk Server job: the only supported, consistent backup of the BizTalk databases.',
    sources: ['biztalk/core/backing-up-and-restoring-biztalk-server-databases.md', 'biztalk/core/how-to-configure-the-backup-biztalk-server-job.md', 'biztalk/technical-guides/checklist-increasing-availability-with-disaster-recovery.md'],
    check({ group, report }) {
        if (group.backupJobs.length === 0) {
            report({
                node: group.node, property: 'name',
                message: `Group ${group.name} declares no Backup BizTalk Server job: it is the only supported way to take consistent, log-marked backups of the BizTalk databases, and clustering does not protect against data loss or corruption. Add a \`backup-job\` whose destination is a share such as \\\\server\\BizTalkBackup.`,
                data: {}
            });
            return;
        }
        for (const job of group.backupJobs) {
            if (job.destination !== undefined) continue;
            report({
                node: job.node,
                message: 'This backup-job has no destination: declare where the Backup BizTalk Server job writes its backups, on a different computer from the databases.',
                data: {}
            });
        }
    },
    fix(context) {
        if (context.group.backupJobs.length > 0) {
            const job = context.group.backupJobs[0];
            return [{ title: 'Add a backup destination', edits: context.editor.addToBlock(job.node, 'destination "\\\\\\\\fileserver\\\\BizTalkBackup"'), preferred: true }];
        }
        return [{ title: 'Add a Backup BizTalk Server job', edits: context.editor.addGroupMember(context.group.node, 'backup-job', context.editor.block('backup-job', ['destination "\\\\\\\\fileserver\\\\BizTalkBackup"'])), preferred: true }];
    }
});
