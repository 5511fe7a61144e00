import { defineRule } from './rule.js';
import { databaseOptionNode } from './helpers.js';
import { removeDatabaseOptionEdits } from './fixes-common.js';
import { inBackupBizTalkServerJob } from '../model/catalog.js';

export const haDrNativeLogship = defineRule({
    id: 'HA-DR-NATIVE-LOGSHIP',
    defaultSeverity: 'error',
    area: 'disaster recovery',
    summary: 'SQL Server\'s own log shipping is not supported for the databases of the Backup BizTalk Server job; use BizTalk log shipping.',
    sources: ['biztalk/core/log-shipping.md', 'biztalk/technical-guides/what-is-biztalk-server-log-shipping.md'],
    check({ group, report }) {
        for (const database of group.databases) {
            if (!database.sqlLogShipping || !inBackupBizTalkServerJob(database)) continue;
            const option = databaseOptionNode(database, o => o.flag === 'sql-log-shipping');
            report({
                node: option ?? database.node, property: option ? 'flag' : 'name',
                message: `${database.name} is log-shipped by SQL Server's own log shipping, which Microsoft does not support for the databases of the Backup BizTalk Server job: it restores each database to its own point in time, so on the standby the MessageBox, the Management database and the others do not match and messages are lost or duplicated. Use BizTalk log shipping (\`log-shipping to\` in the backup-job), which restores all of them to the same log mark, and remove \`sql-log-shipping\`.`,
                data: { database: database.name }
            });
        }
    },
    fix(context) {
        const database = context.group.databases.find(d => d.name === context.data.database && d.sqlLogShipping);
        if (!database) return [];
        return [{ title: `Remove SQL Server log shipping from ${database.name}`, edits: removeDatabaseOptionEdits(context, database, o => o.flag === 'sql-log-shipping'), preferred: true }];
    }
});
