import type { AvailabilityGroupModel, DatabaseModel } from '../model/topology.js';
import { defineRule } from './rule.js';
import { biztalkComputers, listText } from './helpers.js';

export const haAgListener = defineRule({
    id: 'HA-AG-LISTENER',
    defaultSeverity: 'error',
    area: 'availability groups',
    summary: 'BizTalk reaches databases in an availability group through its listener: in one subnet, on port 1433 or through a SQL alias on every BizTalk computer.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const databasesOf = new Map<string, DatabaseModel[]>();
        for (const database of group.databases) {
            if (database.container?.kind !== 'availability-group') continue;
            databasesOf.set(database.container.name, [...(databasesOf.get(database.container.name) ?? []), database]);
        }
        const agsOfReplica = new Map<string, AvailabilityGroupModel[]>();
        for (const ag of group.availabilityGroups.values()) {
            for (const replica of ag.replicas) agsOfReplica.set(replica.sql, [...(agsOfReplica.get(replica.sql) ?? []), ag]);
        }

        for (const ag of group.availabilityGroups.values()) {
            const databases = databasesOf.get(ag.name) ?? [];
            if (databases.length === 0) continue;
            if (ag.listener && (ag.subnets ?? 1) > 1) {
                report({
                    node: ag.node, property: 'name',
                    message: `The listener ${ag.listener} of availability group ${ag.name} spans ${ag.subnets} subnets: BizTalk does not set MultiSubnetFailover in its connection strings, so after a failover to a replica in another subnet its connections time out trying the listener's other addresses, and BizTalk stops. Keep the listener of the BizTalk databases in one subnet.`,
                    data: { ag: ag.name }
                });
            }
            if (ag.listener && ag.port !== undefined && ag.port !== 1433) {
                const withoutAlias = biztalkComputers(group).filter(name => !group.computers.get(name)?.sqlAliases.includes(ag.name));
                if (withoutAlias.length > 0) {
                    report({
                        node: ag.node, property: 'name', severity: 'warning',
                        message: `The listener ${ag.listener} of availability group ${ag.name} listens on port ${ag.port}, not 1433, and ${listText(withoutAlias)} ${withoutAlias.length === 1 ? 'has' : 'have'} no SQL alias for it: BizTalk connects by name only, so without an alias giving the port, ${withoutAlias.length === 1 ? 'that computer' : 'those computers'} cannot reach the databases. Create a SQL Server client alias for ${ag.listener} on every BizTalk computer and declare it (\`sql-alias ${ag.name}\` on each computer).`,
                        data: { ag: ag.name, computers: withoutAlias }
                    });
                }
            }
            if (!ag.listener) {
                report({
                    node: ag.node, property: 'name',
                    message: `Availability group ${ag.name} holds ${listText(databases.map(d => d.name))} but declares no listener: BizTalk must be configured with the listener's name, so that after a failover it reaches the new primary replica; a replica's own server name stops working when that replica fails. Create a listener and declare it with \`listener <name> port 1433\`.`,
                    data: { ag: ag.name }
                });
            }
        }

        // Databases placed on a SQL instance that is a replica: BizTalk would be configured with a replica's name.
        for (const database of group.databases) {
            if (database.container?.kind !== 'sql') continue;
            const ags = agsOfReplica.get(database.container.name);
            if (!ags) continue;
            const sql = database.container.name;
            report({
                node: database.node, property: 'name',
                message: `${database.name} is placed on ${sql}, a replica of availability group ${listText(ags.map(ag => ag.name))}: BizTalk would connect to ${sql} by its own name and lose the database when that replica fails, since nothing moves it to another replica. Place it in the availability group (\`databases ${database.name} on ${ags[0].name}\` or in its \`databases\` list) so BizTalk connects through the listener.`,
                data: { database: database.name, ag: ags[0].name }
            });
        }
    }
});
