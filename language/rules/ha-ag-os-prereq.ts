import { defineRule } from './rule.js';
import { biztalkComputers, listText, sqlInstancesHoldingDatabases, computersOfSql } from './helpers.js';

/** What MSDTC with availability groups needs on each Windows Server release (none from 2019). */
const prerequisites: Array<{ year: number; r2: boolean; release: string; needs: string }> = [
    { year: 2012, r2: true, release: 'Windows Server 2012 R2', needs: 'hotfix KB3090973' },
    { year: 2016, r2: false, release: 'Windows Server 2016', needs: 'the MSDTC `RemoteAccessEnabled` registry setting of KB3182294' }
];

export const haAgOsPrereq = defineRule({
    id: 'HA-AG-OS-PREREQ',
    defaultSeverity: 'warning',
    area: 'availability groups',
    summary: 'MSDTC with availability groups needs KB3090973 on Windows Server 2012 R2 and the RemoteAccessEnabled setting (KB3182294) on Windows Server 2016.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const ag = [...group.availabilityGroups.values()].find(a => group.databases.some(d => d.container?.kind === 'availability-group' && d.container.name === a.name));
        if (!ag) return;
        // Every computer of the distributed transactions: the BizTalk computers and the SQL computers.
        const sqlComputers = sqlInstancesHoldingDatabases(group).flatMap(sql => computersOfSql(group, sql));
        const computers = [...new Set([...biztalkComputers(group), ...sqlComputers])].map(name => group.computers.get(name)).filter(c => !!c);
        for (const { year, r2, release, needs } of prerequisites) {
            const affected = computers.filter(c => c.os?.year === year && c.os.r2 === r2).map(c => c.name);
            if (affected.length === 0) continue;
            report({
                node: ag.node, property: 'name',
                message: `${listText(affected)} ${affected.length === 1 ? 'runs' : 'run'} ${release}, where MSDTC transactions with databases in availability group ${ag.name} need ${needs} on every BizTalk and SQL Server computer; without it, BizTalk's distributed transactions fail after a failover. Install it on ${affected.length === 1 ? 'it' : 'them'}, or move to Windows Server 2019 or later.`,
                data: { ag: ag.name, os: release }
            });
        }
        const undeclared = computers.filter(c => !c.os).map(c => c.name);
        if (undeclared.length > 0) {
            report({
                node: ag.node, property: 'name', severity: 'information',
                message: `${listText(undeclared)} ${undeclared.length === 1 ? 'declares' : 'declare'} no \`os\`: MSDTC with availability group ${ag.name} needs hotfix KB3090973 on Windows Server 2012 R2 and the RemoteAccessEnabled setting (KB3182294) on Windows Server 2016. Declare each computer's release (\`os 2019\`) so bizha can check.`,
                data: { ag: ag.name }
            });
        }
    }
});
