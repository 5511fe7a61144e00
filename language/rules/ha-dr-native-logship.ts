import { defineUnsupportedDatabaseOptionRule } from './unsupported-database-option.js';
import { inBackupBizTalkServerJob } from '../model/catalog.js';

export const haDrNativeLogship = defineUnsupportedDatabaseOptionRule({
    id: 'HA-DR-NATIVE-LOGSHIP',
    defaultSeverity: 'error',
    area: 'disaster recovery',
    summary: 'SQL Server\'s own log shipping is not supported for the databases of the Backup BizTalk Server job; use BizTalk log shipping.',
    sources: ['biztalk/core/log-shipping.md', 'biztalk/technical-guides/what-is-biztalk-server-log-shipping.md'],
    option: {
        flag: 'sql-log-shipping',
        applies: database => database.sqlLogShipping && inBackupBizTalkServerJob(database),
        message: database => `${database.name} is log-shipped by SQL Server's own log shipping, which Microsoft does not support for the databases of the Backup BizTalk Server job: it restores each database to its own point in time, so on the standby the MessageBox, the Management database and the others do not match and messages are lost or duplicated. Use BizTalk log shipping (\`log-shipping to\` in the backup-job), which restores all of them to the same log mark, and remove \`sql-log-shipping\`.`,
        fixTitle: database => `Remove SQL Server log shipping from ${database.name}`
    }
});
