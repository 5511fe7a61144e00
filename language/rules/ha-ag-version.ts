import { defineRule } from './rule.js';

export const haAgVersion = defineRule({
    id: 'HA-AG-VERSION',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'Availability groups need BizTalk 2016 CU5+ or 2020 (Enterprise) and SQL Server 2016 or later (2016 SP2 CU7+ with BizTalk 2020; 2022 needs BizTalk 2020 CU6).',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md', 'biztalk/install-and-config-guides/hardware-and-software-requirements-for-biztalk-server-2020.md', 'biztalk/install-and-config-guides/hardware-and-software-requirements-for-biztalk-server-2016.md'],
    check({ group, report }) {
        for (const ag of group.availabilityGroups.values()) {
            if (!group.databases.some(d => d.container?.kind === 'availability-group' && d.container.name === ag.name)) continue;
            const problems: string[] = [];
            const { year, cu } = group.version;
            if (year < 2016) problems.push(`BizTalk Server ${year}${group.version.r2 ? ' R2' : ''} does not support availability groups (BizTalk 2016 CU5 or later is required)`);
            else if (year === 2016 && (cu ?? 0) < 5) problems.push(`BizTalk Server 2016 needs CU5 or later for availability groups (declare it with \`version 2016 cu 5\`)`);
            if (group.edition !== 'enterprise' && group.edition !== 'developer') problems.push(`availability groups need BizTalk Server Enterprise edition, not ${group.edition}`);
            for (const replica of ag.replicas) {
                const version = group.sqlInstances.get(replica.sql)?.version;
                if (!version) continue;
                if (version.year < 2016) {
                    problems.push(`replica ${replica.sql} is SQL Server ${version.year}; availability groups support MSDTC only from SQL Server 2016`);
                } else if (version.year === 2016 && year >= 2020 && ((version.sp ?? 0) < 2 || ((version.sp ?? 0) === 2 && (version.cu ?? 0) < 7))) {
                    problems.push(`replica ${replica.sql} is SQL Server 2016${version.sp ? ` SP${version.sp}` : ''}${version.cu ? ` CU${version.cu}` : ''}; BizTalk 2020 needs SQL Server 2016 SP2 CU7 or later for availability groups`);
                } else if (version.year >= 2022 && (year < 2020 || (year === 2020 && (cu ?? 0) < 6))) {
                    problems.push(`replica ${replica.sql} is SQL Server ${version.year}, which needs BizTalk Server 2020 CU6 or later`);
                }
            }
            if (problems.length === 0) continue;
            report({
                node: ag.node, property: 'name',
                message: `Availability group ${ag.name} holds BizTalk databases, but ${problems.join('; ')}. Upgrade, or use a SQL failover cluster instance.`,
                data: { ag: ag.name }
            });
        }
    }
});
