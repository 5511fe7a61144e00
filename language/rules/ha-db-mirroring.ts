import { defineRule } from './rule.js';
import { databaseOptionNode } from './helpers.js';
import { removeDatabaseOptionEdits } from './fixes-common.js';

export const haDbMirroring = defineRule({
    id: 'HA-DB-MIRRORING',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'SQL Server database mirroring is not supported for the BizTalk databases.',
    sources: ['biztalk/core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson.md', 'biztalk/technical-guides/high-availability-for-databases.md'],
    check({ group, report }) {
        for (const database of group.databases) {
            if (!database.mirrored) continue;
            const option = databaseOptionNode(database, o => o.flag === 'mirrored');
            report({
                node: option ?? database.node, property: option ? 'flag' : 'name',
                message: `${database.name} is protected by database mirroring, which Microsoft does not support for BizTalk databases: BizTalk updates several databases in one distributed transaction, and mirroring fails each database over on its own, so after a failover the MessageBox, the Management database and the others no longer match and messages are lost or duplicated. Make the SQL instance a failover cluster instance${group.version.year >= 2016 ? ' or use an Always On availability group' : ''}, use BizTalk log shipping for disaster recovery, and remove \`mirrored\`.`,
                data: { database: database.name }
            });
        }
    },
    fix(context) {
        const database = context.group.databases.find(d => d.name === context.data.database && d.mirrored);
        if (!database) return [];
        return [{ title: `Remove mirroring from ${database.name}`, edits: removeDatabaseOptionEdits(context, database, o => o.flag === 'mirrored'), preferred: true }];
    }
});
