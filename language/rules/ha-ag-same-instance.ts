import * as ast from '../generated/ast.js';
import type { DatabaseModel, SqlInstanceModel } from '../model/topology.js';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

/**
 * The instance groups of Microsoft's layout for availability groups without MSDTC between
 * databases of one instance: databases that share distributed transactions are kept apart.
 * The core databases are placed by kind. The layout says nothing about the others (BAMArchive,
 * SSISDB, custom databases): they may go anywhere.
 */
const instanceGroupsByName: Record<string, string> = {
    bamprimaryimport: 'the master MessageBox group',
    bamstarschema: 'the master MessageBox group',
    bamalertsapplication: 'the master MessageBox group',
    esbitinerarydb: 'the tracking group',
    esbexceptiondb: 'the tracking group'
};

function instanceGroupOf(database: DatabaseModel): string | undefined {
    switch (database.kind) {
        case 'sso': return 'SSODB';
        case 'management': return 'the management database';
        // Each MessageBox beyond the master needs an instance of its own.
        case 'messagebox': return database.master ? 'the master MessageBox group' : `MessageBox ${database.name}`;
        case 'tracking': return 'the tracking group';
        case 'rules': return 'the master MessageBox group';
        default: return instanceGroupsByName[database.name.toLowerCase()];
    }
}

/** SQL Server 2016 before SP2: availability groups without MSDTC between databases of one instance. */
function beforeSp2(sql: SqlInstanceModel | undefined): boolean {
    return sql?.version?.year === 2016 && (sql.version.sp ?? 0) < 2;
}

export const haAgSameInstance = defineRule({
    id: 'HA-AG-SAME-INSTANCE',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'Before SQL Server 2016 SP2, BizTalk databases that share distributed transactions must be on different availability group instances.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        // BizTalk versions without availability group support at all are HA-AG-VERSION's; with
        // BizTalk 2020 the same SQL Server 2016 releases are too (it needs SP2 CU7).
        if (group.version.year !== 2016 || (group.version.cu ?? 0) < 5) return;
        const databasesOfAg = new Map<string, DatabaseModel[]>();
        for (const database of group.databases) {
            if (database.container?.kind !== 'availability-group') continue;
            const list = databasesOfAg.get(database.container.name) ?? [];
            list.push(database);
            databasesOfAg.set(database.container.name, list);
        }
        // Each SQL instance, with the databases of every availability group it is a replica of.
        const byInstance = new Map<string, { replica: ast.Replica; databases: DatabaseModel[] }>();
        for (const ag of group.availabilityGroups.values()) {
            const databases = databasesOfAg.get(ag.name) ?? [];
            if (databases.length === 0) continue;
            for (const replica of ag.replicas) {
                if (!beforeSp2(group.sqlInstances.get(replica.sql))) continue;
                const entry = byInstance.get(replica.sql);
                if (entry) entry.databases.push(...databases);
                else byInstance.set(replica.sql, { replica: replica.node, databases: [...databases] });
            }
        }
        for (const [name, { replica, databases }] of byInstance) {
            const groups = new Map<string, string[]>();
            for (const database of databases) {
                const key = instanceGroupOf(database);
                if (!key) continue;
                groups.set(key, [...(groups.get(key) ?? []), database.name]);
            }
            if (groups.size < 2) continue;
            const sql = group.sqlInstances.get(name)!;
            const release = `SQL Server 2016${sql.version?.sp ? ` SP${sql.version.sp}` : ''}`;
            report({
                node: replica, property: 'sql',
                message: `${name} (${release}) is a replica of BizTalk databases that take part in distributed transactions with each other: ${[...groups.values()].map(names => listText(names)).join('; ')}. Before SQL Server 2016 SP2, availability groups do not support MSDTC between databases of one instance, so BizTalk's transactions across them fail. Upgrade the replicas to SQL Server 2016 SP2 or later, or split the databases over separate instances, each pair of replicas with its own availability group: SSODB; BizTalkMgmtDb; the master MessageBox with BizTalkRuleEngineDb, BAMPrimaryImport, BAMStarSchema and BAMAlertsApplication; BizTalkDTADb with the ESB databases; each further MessageBox alone.`,
                data: { sql: name }
            });
        }
    },
    fix(context) {
        const sql = context.group.sqlInstances.get(String(context.data.sql));
        if (!sql?.local || !beforeSp2(sql)) return [];
        const version = sql.node.properties.filter(ast.isSqlVersion).at(-1);
        if (!version?.$cstNode) return [];
        return [{ title: `Upgrade ${sql.name} to SQL Server 2016 SP2`, edits: context.editor.replace(version.$cstNode, 'version 2016 sp 2'), preferred: true }];
    }
});
