import * as ast from '../generated/ast.js';
import type { DatabaseModel, GroupModel, SqlInstanceModel } from '../model/topology.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

/** The databases an instance holds, directly or as a replica of an availability group. */
function databasesOf(group: GroupModel, sql: SqlInstanceModel): DatabaseModel[] {
    return group.databases.filter(d => d.container && (d.container.kind === 'sql'
        ? d.container.name === sql.name
        : group.availabilityGroups.get(d.container.name)?.replicas.some(r => r.sql === sql.name)));
}

/** What SQL Server Agent runs for each kind of BizTalk database (the jobs BizTalk's configuration creates). */
const jobs: Partial<Record<DatabaseModel['kind'], string>> = {
    messagebox: 'the MessageBox cleanup and tracked-message copy jobs',
    management: 'the Backup BizTalk Server job',
    tracking: 'the DTA purge and archive job'
};

export const haDbSqlagent = defineRule({
    id: 'HA-DB-SQLAGENT',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'SQL Server Agent must run on every SQL instance that holds a MessageBox (and the other job-carrying BizTalk databases).',
    sources: ['biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md', 'biztalk/technical-guides/configuring-a-dedicated-tracking-host.md'],
    check({ group, report, at }) {
        for (const sql of group.sqlInstances.values()) {
            if (sql.agent === 'running') continue;
            const held = databasesOf(group, sql).filter(d => jobs[d.kind] !== undefined);
            if (held.length === 0) continue;
            const kinds = [...new Set(held.map(d => d.kind))];
            const messageBox = kinds.includes('messagebox');
            const property = sql.local ? (sql.node).properties?.filter(ast.isSqlAgent).at(-1) : undefined;
            report({
                node: property ?? at(sql), property: property ? 'state' : sql.local ? 'name' : undefined,
                severity: messageBox ? 'error' : 'warning',
                message: `SQL Server Agent is ${sql.agent} on ${sql.name}, which holds ${listText(held.map(d => d.name))}: ${listText(kinds.map(k => jobs[k]!))} do not run there${messageBox ? ', so the MessageBox keeps completed messages and tracking data, grows and makes BizTalk throttle until processing stops' : ', so backups or purging stop and the databases grow'}. Set the agent to start automatically and declare \`agent running\`.`,
                related: [{ message: `${sql.name} declared here`, source: sql.source }],
                data: { sql: sql.name }
            });
        }
    },
    fix(context) {
        const sql = context.group.sqlInstances.get(String(context.data.sql));
        const property = sql?.local ? (sql.node).properties?.filter(ast.isSqlAgent).at(-1) : undefined;
        if (!property?.$cstNode) return [];
        return [{ title: `Run SQL Server Agent on ${sql!.name}`, edits: context.editor.replace(property.$cstNode, 'agent running'), preferred: true }];
    }
});
