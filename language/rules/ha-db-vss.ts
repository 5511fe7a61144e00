import { defineUnsupportedDatabaseOptionRule } from './unsupported-database-option.js';

export const haDbVss = defineUnsupportedDatabaseOptionRule({
    id: 'HA-DB-VSS',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'Volume Shadow Copy Service snapshots are not a supported way to protect or back up the BizTalk databases.',
    sources: ['biztalk/core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson.md'],
    option: {
        flag: 'vss',
        applies: database => database.vss,
        message: database => `${database.name} is protected by Volume Shadow Copy Service snapshots, which Microsoft does not support for BizTalk databases: a snapshot taken database by database does not capture the distributed transactions BizTalk runs across its databases, so a restore gives databases that do not match, and messages are lost or duplicated. Back up with the Backup BizTalk Server job (log-marked, consistent across databases) and remove \`vss\`.`,
        fixTitle: database => `Remove vss from ${database.name}`
    }
});
