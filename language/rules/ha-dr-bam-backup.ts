import { defineRule } from './rule.js';
import { listText } from './helpers.js';

/** BAM databases that the Backup BizTalk Server job does not back up: the BAM procedures do. */
const outsideTheJob = ['BAMStarSchema', 'BAMArchive', 'BAMAnalysis', 'BizTalkAnalysisDb'];

export const haDrBamBackup = defineRule({
    id: 'HA-DR-BAM-BACKUP',
    defaultSeverity: 'information',
    area: 'disaster recovery',
    summary: 'BAM databases outside the Backup BizTalk Server job need their own backup.',
    sources: ['biztalk/core/backing-up-and-restoring-biztalk-server-databases.md', 'biztalk/technical-guides/checklist-increasing-availability-with-disaster-recovery.md'],
    check({ group, report }) {
        if (group.bam?.backup !== undefined) return;
        const bamDatabases = group.databases.filter(d => d.kind === 'bam');
        if (!group.bam && bamDatabases.length === 0) return;
        const placed = bamDatabases.filter(d => outsideTheJob.some(name => name.toLowerCase() === d.name.toLowerCase())).map(d => d.name);
        const named = placed.length > 0 ? listText(placed) : listText(outsideTheJob.slice(0, 3));
        report({
            node: group.bam?.node ?? bamDatabases[0].node, property: group.bam ? undefined : 'name',
            message: `The group uses BAM but declares no BAM backup: ${named} ${placed.length === 1 ? 'is' : 'are'} not in the Backup BizTalk Server job, so after losing ${placed.length === 1 ? 'it' : 'them'} the cubes, aggregations and archived activities cannot be restored with the other databases. Back ${placed.length === 1 ? 'it' : 'them'} up with the BAM procedures (SQL Server backups and the SSAS database backup) and declare where: \`bam { backup "\\\\\\\\server\\\\BAMBackup" }\`.`,
            data: {}
        });
    },
    fix(context) {
        const line = 'backup "\\\\\\\\fileserver\\\\BAMBackup"';
        const { group, editor } = context;
        if (group.bam) return [{ title: 'Declare the BAM backup', edits: editor.addToBlock(group.bam.node, line), preferred: true }];
        // A group lists BAM last, after its backup job.
        return [{ title: 'Declare the BAM backup in a new bam block', edits: editor.addGroupMember(group.node, 'backup-job', editor.block('bam', [line])), preferred: true }];
    }
});
