import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haAgBamSsasSsis = defineRule({
    id: 'HA-AG-BAM-SSAS-SSIS',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'Analysis Services (BAMAnalysis) cannot join an availability group; with BizTalk 2020, SSISDB, which holds the BAM packages, belongs in it.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const inAg = (name: string) => group.databases.find(d => d.name.toLowerCase() === name.toLowerCase() && d.container?.kind === 'availability-group');
        for (const database of group.databases) {
            if (database.name.toLowerCase() !== 'bamanalysis' || database.container?.kind !== 'availability-group') continue;
            report({
                node: database.node, property: 'name',
                message: `${database.name} is placed in availability group ${database.container.name}, but it is an Analysis Services database and SQL Server Analysis Services does not take part in availability groups: the BAM cubes do not fail over with the group. Place it on a separate SQL Server instance outside the group, clustered as a failover cluster instance.`,
                data: { database: database.name }
            });
        }
        // From BizTalk 2020 the BAM data-maintenance packages are deployed to SSISDB.
        if (group.version.year < 2020 || inAg('SSISDB')) return;
        const bam = group.databases.filter(d => d.kind === 'bam' && d.name.toLowerCase() !== 'bamanalysis' && d.container?.kind === 'availability-group');
        if (bam.length === 0) return;
        const ag = group.availabilityGroups.get(bam[0].container!.name);
        if (!ag) return;
        const ssisdb = group.databases.find(d => d.name.toLowerCase() === 'ssisdb');
        report({
            node: ag.node, property: 'name', severity: 'warning',
            message: `Availability group ${ag.name} holds ${listText(bam.map(d => d.name))}, but SSISDB, ${ssisdb ? `placed on SQL instance ${ssisdb.container?.name ?? 'nowhere'}` : 'which the group does not place'}, is not in it: with BizTalk Server ${group.version.year} the BAM data-maintenance packages run from SSISDB, so after a failover they are missing on the new primary and BAM data is no longer archived and cubed. Add SSISDB to availability group ${ag.name}.`,
            data: { ag: ag.name }
        });
    }
});
