import { defineRule } from './rule.js';
import { databaseOptionNode } from './helpers.js';
import { removeDatabaseOptionEdits } from './fixes-common.js';

export const haDbVss = defineRule({
    id: 'HA-DB-VSS',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'Volume Shadow Copy Service snapshots are not a supported way to protect or back up the BizTalk databases.',
    sources: ['biztalk/core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson.md'],
    check({ group, report }) {
        for (const database of group.databases) {
            if (!database.vss) continue;
            const option = databaseOptionNode(database, o => o.flag === 'vss');
            report({
                node: option ?? database.node, property: option ? 'flag' : 'name',
                message: `${database.name} is protected by Volume Shadow Copy Service snapshots, which Microsoft does not support for BizTalk databases: a snapshot taken database by database does not capture the distributed transactions BizTalk runs across its databases, so a restore gives databases that do not match, and messages are lost or duplicated. Back up with the Backup BizTalk Server job (log-marked, consistent across databases) and remove \`vss\`.`,
                data: { database: database.name }
            });
        }
    },
    fix(context) {
        const database = context.group.databases.find(d => d.name === context.data.database && d.vss);
        if (!database) return [];
        return [{ title: `Remove vss from ${database.name}`, edits: removeDatabaseOptionEdits(context, database, o => o.flag === 'vss'), preferred: true }];
    }
});
