import * as ast from '../generated/ast.js';
import { fileServerOf, isLocalDrivePath } from '../model/roles.js';
import type { GroupModel } from '../model/topology.js';
import { defineRule } from './rule.js';
import { computersOfSql, listText, sqlInstancesHoldingDatabases } from './helpers.js';

/** The SQL instances holding BizTalk databases that run on a computer or on a cluster's nodes. */
function databasesOn(group: GroupModel, element: { kind: 'computer' | 'cluster'; name: string }): Array<{ sql: string; computers: string[] }> {
    const computers = element.kind === 'computer' ? [element.name] : group.clusters.get(element.name)?.nodes ?? [];
    return sqlInstancesHoldingDatabases(group)
        .map(sql => ({ sql: sql.name, computers: computersOfSql(group, sql).filter(c => computers.includes(c)) }))
        .filter(entry => entry.computers.length > 0);
}

export const haDrBackupLocation = defineRule({
    id: 'HA-DR-BACKUP-LOCATION',
    defaultSeverity: 'warning',
    area: 'disaster recovery',
    summary: 'Keep the database backups off the computers and disks of the databases they back up.',
    sources: ['biztalk/core/how-to-configure-the-backup-biztalk-server-job.md', 'biztalk/core/best-practices-for-backing-up-and-restoring-databases.md', 'biztalk/technical-guides/checklist-increasing-availability-with-disaster-recovery.md'],
    check({ group, report }) {
        for (const job of group.backupJobs) {
            const destination = job.node.properties.filter(ast.isBackupDestination).at(-1);
            if (!destination || job.destination === undefined) continue;
            const finding = locationProblem(group, job.destination, 'The Backup BizTalk Server job');
            if (finding) report({ node: destination, property: 'path', message: finding, data: {} });
        }
        // The BAM backups (star schema, archive, cubes) are database backups too.
        const bamBackup = group.bam?.node.properties.filter(ast.isBamBackup).at(-1);
        if (bamBackup && group.bam?.backup !== undefined) {
            const finding = locationProblem(group, group.bam.backup, 'The BAM backup');
            if (finding) report({ node: bamBackup, property: 'location', message: finding, data: {} });
        }
    }
});

/** Why a backup written to `path` is lost with the databases, or undefined when it is not. */
export function locationProblem(group: GroupModel, path: string, writer: string): string | undefined {
    if (isLocalDrivePath(path)) {
        return `${writer} writes to ${path}, a drive of the SQL Server computer that runs it: the databases and their backups share that computer and its disks, so one failure loses both, and a standby cannot read them. Write the backups to a UNC share on another computer, ideally a clustered file share.`;
    }
    // By computer or cluster name, or by the cluster's network name (its client access point).
    const element = fileServerOf(group, path);
    if (!element) return undefined;
    const holders = databasesOn(group, element);
    if (holders.length === 0) return undefined;
    const instances = `SQL instance${holders.length === 1 ? '' : 's'} ${listText(holders.map(h => h.sql))}`;
    const risk = element.kind === 'computer'
        ? `a share on ${element.name}, which runs ${instances} holding BizTalk databases: a failure of ${element.name} loses the databases and their backups together`
        : `a share on cluster ${element.name}, whose nodes run ${instances} holding BizTalk databases: the backups share the computers and storage of the databases they protect, so a storage failure or a disaster there loses both`;
    return `${writer} writes to ${path}, ${risk}. Put the destination on a computer that holds no BizTalk database, ideally a clustered file share.`;
}
