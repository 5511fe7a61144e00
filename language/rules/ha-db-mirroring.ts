import { defineUnsupportedDatabaseOptionRule } from './unsupported-database-option.js';

export const haDbMirroring = defineUnsupportedDatabaseOptionRule({
    id: 'HA-DB-MIRRORING',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'SQL Server database mirroring is not supported for the BizTalk databases.',
    sources: ['biztalk/core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson.md', 'biztalk/technical-guides/high-availability-for-databases.md'],
    option: {
        flag: 'mirrored',
        applies: database => database.mirrored,
        message: (database, group) => `${database.name} is protected by database mirroring, which Microsoft does not support for BizTalk databases: BizTalk updates several databases in one distributed transaction, and mirroring fails each database over on its own, so after a failover the MessageBox, the Management database and the others no longer match and messages are lost or duplicated. Make the SQL instance a failover cluster instance${group.version.year >= 2016 ? ' or use an Always On availability group' : ''}, use BizTalk log shipping for disaster recovery, and remove \`mirrored\`.`,
        fixTitle: database => `Remove mirroring from ${database.name}`
    }
});
