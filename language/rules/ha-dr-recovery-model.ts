import { defineRule } from './rule.js';
import { databaseOptionNode } from './helpers.js';
import { inBackupBizTalkServerJob } from '../model/catalog.js';

export const haDrRecoveryModel = defineRule({
    id: 'HA-DR-RECOVERY-MODEL',
    defaultSeverity: 'error',
    area: 'disaster recovery',
    summary: 'The BizTalk databases need the full recovery model; simple is not supported.',
    sources: ['biztalk/core/log-shipping.md'],
    check({ group, report }) {
        for (const database of group.databases) {
            if (database.recovery !== 'simple' || !inBackupBizTalkServerJob(database)) continue;
            const option = databaseOptionNode(database, o => o.recovery !== undefined);
            report({
                node: option ?? database.node, property: option ? 'recovery' : 'name',
                message: `${database.name} uses the simple recovery model, which Microsoft does not support for BizTalk databases: the Backup BizTalk Server job takes transaction log backups with a common log mark, and under simple recovery there is no log to back up, so the databases cannot be restored to a consistent point and BizTalk log shipping has nothing to ship. Set the full recovery model (\`recovery full\`).`,
                data: { database: database.name }
            });
        }
    },
    fix(context) {
        const database = context.group.databases.find(d => d.name === context.data.database && d.recovery === 'simple');
        const option = database ? databaseOptionNode(database, o => o.recovery !== undefined) : undefined;
        if (!option?.$cstNode) return [];
        return [{ title: `Use the full recovery model for ${database!.name}`, edits: context.editor.replace(option.$cstNode, 'recovery full'), preferred: true }];
    }
});
