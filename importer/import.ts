import { findDatabase } from '../language/model/catalog.js';
import type { BindingFacts, BoundHandlerUse, BoundOrchestration } from './bindings.js';
import type { CollectorData, CollectorSqlServer } from './collector.js';
import { account, NameTable, printable, quote } from './names.js';

/**
 * Turns what was collected from a BizTalk group (the collector's JSON, then binding files) into
 * one `.bizha` file. Every fact carries a short provenance comment. What the sources do not say
 * is written as the pessimistic choice with a `// TODO(import): ...` comment: a SQL Server not
 * known to be clustered is declared standalone, so the analysis reports too many single points of
 * failure, never too few. Output is deterministic: the same input gives the same bytes.
 */

export interface ImportSources {
    readonly collector?: { readonly file: string; readonly data: CollectorData };
    readonly bindings: readonly { readonly file: string; readonly facts: BindingFacts }[];
}

export interface ImportResult {
    readonly text: string;
    readonly todos: number;
    readonly counts: { computers: number; hosts: number; handlers: number; databases: number; sqlInstances: number };
}

interface HandlerFacts {
    readonly direction: 'receive' | 'send';
    readonly adapter: string;
    fromCollector: boolean;
    readonly uses: BoundHandlerUse[];
}

interface InstanceFacts { readonly computer: string; readonly disabled: boolean; readonly logon?: string; readonly clustered: boolean }

interface HostFacts {
    readonly name: string;
    type?: 'in-process' | 'isolated';
    typeFrom?: string;
    tracking: boolean;
    bit32: boolean;
    ntGroup?: string;
    clusterGroup?: string;
    fromCollector: boolean;
    readonly instances: InstanceFacts[];
    readonly handlers: Map<string, HandlerFacts>;
    readonly orchestrations: BoundOrchestration[];
}

interface DatabaseFacts { readonly name: string; readonly kind: 'management' | 'messagebox' | 'tracking' | 'sso' | 'rules' | 'bam'; readonly server: string; readonly from: string; readonly publicationOff?: boolean }

/** `SRV\INST,1533` → `SRV`: the computer (or network name) part of a SQL Server name. */
function hostPart(server: string): string {
    return server.split(/[\\,]/)[0].trim();
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const lower = (s: string): string => s.toLowerCase();

export function importTopology(sources: ImportSources): ImportResult {
    const collector = sources.collector?.data;
    const collectorFile = sources.collector?.file;
    const out = new Writer();
    const computers = new NameTable('computer');
    const clusters = computers; // computers and clusters share one namespace
    const sqlNames = new NameTable('SQL instance');
    const hostNames = new NameTable('host');
    const databaseNames = new NameTable('database');

    // ---- hosts, instances and handlers: collector first, then binding files ------------------
    const hosts = new Map<string, HostFacts>();
    const hostOf = (name: string): HostFacts => {
        let host = hosts.get(lower(name));
        if (!host) {
            host = { name, tracking: false, bit32: false, fromCollector: false, instances: [], handlers: new Map(), orchestrations: [] };
            hosts.set(lower(name), host);
        }
        return host;
    };
    for (const setting of collector?.hosts ?? []) {
        const host = hostOf(setting.Name);
        host.fromCollector = true;
        host.type = setting.HostType === 2 ? 'isolated' : 'in-process';
        host.typeFrom = 'MSBTS_HostSetting.HostType';
        host.tracking = setting.HostTracking === true;
        host.bit32 = setting.IsHost32BitOnly === true;
        host.ntGroup = setting.NTGroupName?.trim() || undefined;
        host.clusterGroup = setting.ClusterResourceGroupName?.trim() || undefined;
    }
    for (const instance of collector?.hostInstances ?? []) {
        const host = hostOf(instance.HostName);
        if (host.instances.some(i => lower(i.computer) === lower(instance.RunningServer))) continue;
        host.instances.push({
            computer: instance.RunningServer.trim(), disabled: instance.IsDisabled === true,
            logon: instance.Logon?.trim() || undefined, clustered: (instance.ClusterInstanceType ?? 0) !== 0
        });
    }
    const handlerOf = (host: HostFacts, direction: 'receive' | 'send', adapter: string): HandlerFacts => {
        const key = `${direction}\n${lower(adapter)}`;
        let handler = host.handlers.get(key);
        if (!handler) host.handlers.set(key, handler = { direction, adapter, fromCollector: false, uses: [] });
        return handler;
    };
    for (const h of collector?.receiveHandlers ?? []) handlerOf(hostOf(h.HostName), 'receive', h.AdapterName).fromCollector = true;
    for (const h of collector?.sendHandlers ?? []) handlerOf(hostOf(h.HostName), 'send', h.AdapterName).fromCollector = true;
    for (const { facts } of sources.bindings) {
        for (const use of facts.handlers) handlerOf(hostOf(use.host), use.direction, use.adapter).uses.push(use);
        for (const orchestration of facts.orchestrations) {
            const host = hostOf(orchestration.host);
            host.orchestrations.push(orchestration);
            if (!host.type && orchestration.hostType) {
                host.type = orchestration.hostType;
                host.typeFrom = `Host/@Type in ${orchestration.file}`;
            }
        }
    }
    const bindingsGiven = sources.bindings.length > 0;

    // ---- databases ----------------------------------------------------------------------------
    const databases: DatabaseFacts[] = [];
    if (collector) {
        const g = collector.group;
        databases.push({ name: g.MgmtDbName, kind: 'management', server: g.MgmtDbServerName, from: 'MSBTS_GroupSetting.MgmtDbName' });
        const boxes = [...collector.messageBoxes].sort((a, b) => Number(b.IsMasterMsgBox) - Number(a.IsMasterMsgBox) || byText(lower(a.DBName), lower(b.DBName)));
        for (const box of boxes) {
            databases.push({
                name: box.DBName, kind: 'messagebox', server: box.DBServerName, publicationOff: box.DisableNewMsgPublication === true,
                from: `MSBTS_MsgBoxSetting${box.IsMasterMsgBox ? ' (master)' : ''}`
            });
        }
        if (boxes.length === 0 && g.SubscriptionDBName && g.SubscriptionDBServerName) {
            databases.push({ name: g.SubscriptionDBName, kind: 'messagebox', server: g.SubscriptionDBServerName, from: 'MSBTS_GroupSetting.SubscriptionDBName' });
        }
        if (g.TrackingDBName && g.TrackingDBServerName) databases.push({ name: g.TrackingDBName, kind: 'tracking', server: g.TrackingDBServerName, from: 'MSBTS_GroupSetting.TrackingDBName' });
        if (g.RuleEngineDBName && g.RuleEngineDBServerName) databases.push({ name: g.RuleEngineDBName, kind: 'rules', server: g.RuleEngineDBServerName, from: 'MSBTS_GroupSetting.RuleEngineDBName' });
        if (g.BamDBName && g.BamDBServerName) databases.push({ name: g.BamDBName, kind: 'bam', server: g.BamDBServerName, from: 'MSBTS_GroupSetting.BamDBName' });
        const sso = collector.sso;
        if (sso?.SSODatabase && sso.SSODatabaseServer) databases.push({ name: sso.SSODatabase, kind: 'sso', server: sso.SSODatabaseServer, from: 'ssomanage -displaydb' });
    }

    // ---- SQL Servers: availability groups, failover cluster instances, standalone -------------
    const sqlServers = collector?.sqlServers ?? [];
    const queried = new Map(sqlServers.map(s => [lower(s.Server), s]));
    interface AgFacts { name: string; listener?: { dns_name: string; port?: number | null; subnets?: number | null }; dtc?: boolean | null; replicas: { server: string; synchronous?: boolean }[]; from: string }
    const agByListener = new Map<string, AgFacts>();
    for (const server of [...sqlServers].sort((a, b) => byText(lower(a.Server), lower(b.Server)))) {
        for (const ag of server.AvailabilityGroups ?? []) {
            for (const listener of ag.listeners ?? []) {
                if (agByListener.has(lower(listener.dns_name))) continue;
                agByListener.set(lower(listener.dns_name), {
                    name: ag.name, listener, dtc: ag.dtc_support,
                    replicas: (ag.replicas ?? []).map(r => ({
                        server: r.replica_server_name,
                        synchronous: r.availability_mode_desc ? /^synchronous/i.test(r.availability_mode_desc) : undefined
                    })),
                    from: `sys.availability_groups on ${server.Server}`
                });
            }
        }
    }

    const bizTalkComputers = new Set<string>();
    for (const host of hosts.values()) for (const i of host.instances) bizTalkComputers.add(i.computer);
    const sqlComputers = new Map<string, string>(); // key → spelling
    const addSqlComputer = (name: string): void => { if (!sqlComputers.has(lower(name))) sqlComputers.set(lower(name), name); };

    interface SqlFacts { name: string; server: string; on: { kind: 'computer' | 'cluster'; name: string }; known?: CollectorSqlServer; databases: DatabaseFacts[]; todo?: string; from: string }
    interface ClusterFacts { name: string; nodes: string[]; from: string; todo: string }
    const sqlInstances = new Map<string, SqlFacts>();
    const sqlClusters = new Map<string, ClusterFacts>();
    const ags = new Map<string, AgFacts & { databases: DatabaseFacts[] }>();

    const sqlInstanceFor = (server: string, from: string): SqlFacts => {
        let sql = sqlInstances.get(lower(server));
        if (sql) return sql;
        const known = queried.get(lower(server));
        const part = hostPart(server);
        const nodes = (known?.ClusterNodes ?? []).map(n => n.NodeName.trim()).filter(Boolean);
        if (known?.IsClustered && nodes.length > 0) {
            let cluster = sqlClusters.get(lower(part));
            if (!cluster) {
                sqlClusters.set(lower(part), cluster = {
                    name: part, nodes: [...new Set(nodes)].sort(byText), from: `sys.dm_os_cluster_nodes on ${known.Server}`,
                    todo: 'shared storage and a clustered MSDTC resource are not collected: add `storage NAME` and `msdtc` if the cluster has them'
                });
            }
            for (const node of cluster.nodes) addSqlComputer(node);
            sql = { name: server, server, on: { kind: 'cluster', name: part }, known, databases: [], from: `SERVERPROPERTY('IsClustered') on ${known.Server}` };
        } else {
            addSqlComputer(part);
            sql = {
                name: server, server, on: { kind: 'computer', name: part }, known, databases: [], from,
                todo: known ? undefined : `${server} was not queried (collector -SqlServer): declared standalone; if it is a failover cluster instance, declare its cluster`
            };
        }
        sqlInstances.set(lower(server), sql);
        return sql;
    };

    for (const database of databases) {
        const ag = agByListener.get(lower(hostPart(database.server)));
        if (ag) {
            let placed = ags.get(lower(ag.name));
            if (!placed) {
                ags.set(lower(ag.name), placed = { ...ag, databases: [] });
                for (const replica of ag.replicas) sqlInstanceFor(replica.server, `sys.availability_replicas of ${ag.name}`);
                // An availability group runs on one Windows Server failover cluster whose nodes hold its replicas.
                const nodes = [...new Set(ag.replicas.map(r => hostPart(r.server)))].sort(byText);
                if (nodes.length > 0 && !sqlClusters.has(lower(`${ag.name}-cluster`))) {
                    sqlClusters.set(lower(`${ag.name}-cluster`), {
                        name: `${ag.name}-cluster`, nodes, from: `the failover cluster of availability group ${ag.name}`,
                        todo: 'the cluster\'s name, witness and clustered MSDTC are not collected: rename it and add `witness` and `msdtc` as it has them'
                    });
                }
            }
            placed.databases.push(database);
        } else {
            sqlInstanceFor(database.server, database.from).databases.push(database);
        }
    }

    // ---- master secret server -----------------------------------------------------------------
    const mss = collector?.sso?.MasterSecretServer?.trim() || undefined;
    const mssOnCluster = mss ? sqlClusters.get(lower(mss)) : undefined;

    // ---- clusters of clustered BizTalk hosts ----------------------------------------------------
    const hostClusters = new Map<string, ClusterFacts>();
    for (const host of [...hosts.values()].sort((a, b) => byText(lower(a.name), lower(b.name)))) {
        const clusteredInstances = host.instances.filter(i => i.clustered);
        if (!host.clusterGroup && clusteredInstances.length === 0) continue;
        const groupName = host.clusterGroup ?? `${host.name}-cluster`;
        let cluster = hostClusters.get(lower(groupName));
        if (!cluster) {
            hostClusters.set(lower(groupName), cluster = {
                name: groupName, nodes: [], from: `MSBTS_HostSetting.ClusterResourceGroupName of ${host.name}`,
                todo: 'clustered MSDTC, MSMQ and IIS resources and the network name are not collected: add `msdtc`, `msmq`, `iis` and `network-name` as the cluster group has them'
            });
        }
        for (const instance of host.instances) if (!cluster.nodes.some(n => lower(n) === lower(instance.computer))) cluster.nodes.push(instance.computer);
        cluster.nodes.sort(byText);
    }

    // ---- write ------------------------------------------------------------------------------------
    const groupName = collector?.group.Name?.trim() || 'ImportedGroup';
    const groupId = new NameTable('group').name(groupName);
    const body = new Writer(1);
    const todo = (text: string): void => body.todo(text);

    // settings
    const product = collector?.product;
    const version = product?.ProductName ? /20(13|16|20)(\s*R2)?/i.exec(product.ProductName) : null;
    if (version) body.line(`version 20${version[1]}${version[2] ? ' r2' : ''}`, `registry ProductName "${printable(product!.ProductName!)}"`);
    else todo('BizTalk version not collected: the default, 2020, applies');
    const edition = product?.ProductEdition ? /enterprise|standard|branch|developer/i.exec(product.ProductEdition)?.[0].toLowerCase() : undefined;
    if (edition) body.line(`edition ${edition}`, `registry ProductEdition "${printable(product!.ProductEdition!)}"`);
    else todo('BizTalk edition not collected: the default, enterprise, applies');
    body.line('availability high', 'import: checked as a highly available group');
    body.blank();

    // computers
    const btsList = [...bizTalkComputers].sort((a, b) => byText(lower(a), lower(b)));
    const sqlList = [...sqlComputers.values()].filter(c => !bizTalkComputers.has(c) && ![...bizTalkComputers].some(b => lower(b) === lower(c))).sort((a, b) => byText(lower(a), lower(b)));
    const mssComputer = mss && !mssOnCluster && ![...btsList, ...sqlList].some(c => lower(c) === lower(mss)) ? mss : undefined;
    if (btsList.length > 0) body.line(`computer ${btsList.map(c => computers.name(c)).join(', ')}`, 'MSBTS_HostInstance.RunningServer');
    if (sqlList.length > 0) body.line(`computer ${sqlList.map(c => computers.name(c)).join(', ')}`, 'SQL Server names of the group\'s databases');
    if (mssComputer) body.line(`computer ${computers.name(mssComputer)}`, 'ssomanage -displaydb: master secret server');
    if (btsList.length + sqlList.length > 0 || mssComputer) body.blank();

    // clusters
    for (const cluster of [...sqlClusters.values(), ...hostClusters.values()]) {
        body.line(`cluster ${clusters.name(cluster.name)} {`, cluster.from);
        body.indent();
        body.line(`nodes ${cluster.nodes.map(n => computers.name(n)).join(', ')}`);
        todo(cluster.todo);
        body.dedent();
        body.line('}');
        body.blank();
    }

    // SQL instances
    const sqlName = (sql: SqlFacts): string => sqlNames.name(sql.server.replace(/[\\,]/g, '-'));
    const sortedSql = [...sqlInstances.values()].sort((a, b) => byText(lower(a.server), lower(b.server)));
    for (const sql of sortedSql) {
        const name = sqlName(sql);
        const target = computers.name(sql.on.name);
        const properties: string[] = [];
        if (name !== sql.server) properties.push(`server-name ${quote(sql.server)}`);
        const edition = sql.known?.Edition ? /enterprise|standard/i.exec(sql.known.Edition)?.[0].toLowerCase() : undefined;
        if (edition) properties.push(`edition ${edition}`);
        const version = sqlVersion(sql.known);
        if (version) properties.push(version);
        if (sql.known?.AgentRunning === false) properties.push('agent stopped');
        if (sql.databases.length > 0) properties.push(`databases ${sql.databases.map(d => databaseText(d, databaseNames)).join(', ')}`);
        if (properties.length === 0 && !sql.todo) {
            body.line(`sql ${name} on ${target}`, sql.from);
        } else {
            body.line(`sql ${name} on ${target} {`, sql.from);
            body.indent();
            if (sql.todo) todo(sql.todo);
            for (const property of properties) body.line(property);
            body.dedent();
            body.line('}');
        }
        body.blank();
    }

    // availability groups
    for (const ag of [...ags.values()].sort((a, b) => byText(lower(a.name), lower(b.name)))) {
        body.line(`availability-group ${sqlNames.name(ag.name)} {`, ag.from);
        body.indent();
        const replicas = ag.replicas.map(r => {
            const sql = sqlInstances.get(lower(r.server))!;
            return `${sqlName(sql)}${r.synchronous === undefined ? '' : r.synchronous ? ' synchronous' : ' asynchronous'}`;
        });
        if (replicas.length > 0) body.line(`replicas ${replicas.join(', ')}`);
        if (ag.replicas.some(r => r.synchronous === undefined)) todo('a replica\'s availability mode was not collected: the default, synchronous, applies');
        if (ag.listener) {
            body.line(`listener ${new NameTable('listener').name(ag.listener.dns_name)}${ag.listener.port ? ` port ${ag.listener.port}` : ''}${ag.listener.subnets ? ` subnets ${ag.listener.subnets}` : ''}`);
        }
        if (ag.dtc === true) body.line('dtc-support per-database');
        else if (ag.dtc === false) body.line('dtc-support none');
        else todo('DTC support was not collected: declare `dtc-support per-database` if the group has it');
        body.line(`databases ${ag.databases.map(d => databaseText(d, databaseNames)).join(', ')}`);
        todo('logins and SQL Agent jobs on every replica are not collected: add `jobs-and-logins replicated` once checked');
        body.dedent();
        body.line('}');
        body.blank();
    }

    // SSO
    if (collector?.sso) {
        const sso = collector.sso;
        body.line('sso {', 'ssomanage -displaydb');
        body.indent();
        if (mss) {
            body.line(`master-secret-server on ${computers.name(mssOnCluster ? mssOnCluster.name : mss)}`);
            if (!mssOnCluster) todo(`${mss} is not known to be clustered: declared as a single computer`);
        } else todo('master secret server not collected');
        if (sso.SSOAdminAccount?.trim()) body.line(`administrators ${account(sso.SSOAdminAccount)}`);
        todo('where the master secret is backed up is not collected: add `backup "\\\\\\\\server\\\\share"`');
        body.dedent();
        body.line('}');
        body.blank();
    } else if (collector) {
        todo('SSO (ssomanage -displaydb) not collected');
    }

    // hosts
    let handlerCount = 0;
    for (const host of [...hosts.values()].sort((a, b) => byText(lower(a.name), lower(b.name)))) {
        const name = hostNames.name(host.name);
        const type = host.type ?? 'in-process';
        body.line(`host ${name}${type === 'isolated' ? ' isolated' : ''} {`, host.fromCollector ? 'MSBTS_HostSetting' : `binding files only`);
        body.indent();
        if (!host.type) todo('host type not collected: declared in-process');
        const handlers = [...host.handlers.values()].sort((a, b) => byText(a.direction, b.direction) || byText(lower(a.adapter), lower(b.adapter)));
        const unused = handlers.filter(h => bindingsGiven && h.uses.length === 0);
        for (const handler of handlers) {
            if (bindingsGiven && handler.uses.length === 0) continue;
            for (const { options, from } of handlerEntries(handler)) {
                handlerCount++;
                body.line(`${handler.direction} ${adapterText(handler.adapter)}${options.length > 0 ? ` (${options.join(', ')})` : ''}`, from);
            }
        }
        if (!bindingsGiven && handlers.length > 0) todo('no binding file given: every handler of the host is declared as in use');
        if (unused.length > 0) body.comment(`handlers not used by any receive location or send port of the binding files: ${unused.map(h => `${h.direction} ${printable(h.adapter)}`).join(', ')}`);
        if (host.orchestrations.length > 0) {
            const names = [...new Set(host.orchestrations.map(o => o.name))].sort(byText);
            body.line('orchestrations', `${names.length} orchestration${names.length === 1 ? '' : 's'} bound: ${summarise(names)}`);
        }
        if (type === 'isolated' && handlers.some(h => h.direction === 'receive')) {
            todo(`load balancers are not collected: if one fronts ${printable(host.name)}, declare \`nlb NAME { members ...  fronts ${name} }\``);
        }
        if (host.tracking) body.line('tracking', 'MSBTS_HostSetting.HostTracking');
        if (host.bit32) body.line('bitness 32', 'MSBTS_HostSetting.IsHost32BitOnly');
        const cluster = host.clusterGroup ?? (host.instances.some(i => i.clustered) ? `${host.name}-cluster` : undefined);
        if (cluster) body.line(`clustered on ${clusters.name(cluster)}`, 'MSBTS_HostInstance.ClusterInstanceType');
        if (host.instances.length > 0) {
            const logons = new Set(host.instances.map(i => i.logon ?? ''));
            const shared = logons.size === 1 ? host.instances[0].logon : undefined;
            const instances = [...host.instances].sort((a, b) => byText(lower(a.computer), lower(b.computer))).map(i => {
                const options = [...(i.disabled ? ['disabled'] : []), ...(logons.size > 1 && i.logon ? [`account ${account(i.logon)}`] : [])];
                return `${computers.name(i.computer)}${options.length > 0 ? ` (${options.join(', ')})` : ''}`;
            });
            body.line(`instances on ${instances.join(', ')}`, 'MSBTS_HostInstance');
            if (shared) body.line(`account ${account(shared)}`, 'MSBTS_HostInstance.Logon');
        } else {
            todo(host.fromCollector ? 'the host has no host instance' : 'host instances not collected (binding files only)');
        }
        if (host.ntGroup) body.line(`windows-group ${account(host.ntGroup)}`, 'MSBTS_HostSetting.NTGroupName');
        body.dedent();
        body.line('}');
        body.blank();
    }

    // backup job
    const destination = sqlServers.map(s => s.BackupDestination?.trim()).find(Boolean);
    if (destination) {
        body.line('backup-job {', 'msdb: Backup BizTalk Server job');
        body.indent();
        body.line(`destination ${quote(destination)}`);
        body.dedent();
        body.line('}');
    } else if (collector) {
        todo('the Backup BizTalk Server job was not collected (collector -SqlServer)');
    }

    // ---- header -------------------------------------------------------------------------------
    out.comment('Imported by `bizha import`. Sources, in the order they were merged:');
    if (collectorFile) out.comment(`  collector ${printable(collectorFile)}${collector?.collectedOn ? ` (collected on ${printable(collector.collectedOn)}${collector.collectedAt ? `, ${printable(collector.collectedAt)}` : ''})` : ''}`);
    for (const { file } of sources.bindings) out.comment(`  bindings  ${printable(file)}`);
    out.comment('Each fact ends with a comment that says where it was read. TODO(import) marks what the');
    out.comment('sources do not say: it is declared the pessimistic way, so the analysis reports too many');
    out.comment('single points of failure, never too few. Check each TODO, then delete the comment.');
    const aliases = [computers, sqlNames, hostNames, databaseNames].flatMap(table => table.aliases);
    if (groupId !== groupName) aliases.unshift({ alias: groupId, real: groupName, kind: 'group' });
    if (aliases.length > 0) {
        out.comment('Names the language cannot write as they are (alias = real name):');
        for (const alias of aliases) out.comment(`  ${alias.kind} ${alias.alias} = ${JSON.stringify(printable(alias.real))}`);
    }
    out.blank();
    out.line(`group ${groupId} {`, collector ? 'MSBTS_GroupSetting.Name' : undefined);
    if (!collector) out.todo('no collector file given: the group name, computers, databases and host instances are unknown');
    out.raw(body.text().replace(/\n+$/, '\n'));
    out.line('}');

    return {
        text: out.text(),
        todos: out.todoCount + body.todoCount,
        counts: {
            computers: btsList.length + sqlList.length + (mssComputer ? 1 : 0),
            hosts: hosts.size, handlers: handlerCount, databases: databases.length, sqlInstances: sqlInstances.size
        }
    };
}

function handlerEntries(handler: HandlerFacts): { options: string[]; from: string }[] {
    const uses = [...handler.uses].sort((a, b) => byText(a.usedBy, b.usedBy));
    const ordered = uses.some(u => u.ordered);
    const from = uses.length > 0
        ? `${uses.length === 1 ? uses[0].usedBy : `${uses.length} uses, e.g. ${uses[0].usedBy}`} (${printable(uses[0].file)})`
        : 'MSBTS_' + (handler.direction === 'receive' ? 'ReceiveHandler' : 'SendHandler2');
    const base = ordered ? ['ordered'] : [];
    if (lower(handler.adapter) !== 'file') return [{ options: base, from: printable(from) }];
    // FILE: one entry per folder, so each path is checked on its own.
    const folders = [...new Set(uses.map(u => u.address && folderOf(u.address)).filter((f): f is string => !!f))].sort(byText);
    if (folders.length === 0) return [{ options: base, from: printable(from) }];
    return folders.map(folder => {
        const users = uses.filter(u => u.address && folderOf(u.address) === folder);
        return { options: [...base, `path ${quote(folder)}`], from: printable(`${users[0].usedBy}${users.length > 1 ? ` and ${users.length - 1} more` : ''} (${users[0].file})`) };
    });
}

/** `\\fs01\in\*.xml` → `\\fs01\in`: the folder a FILE address watches or writes to. */
function folderOf(address: string): string {
    const trimmed = address.trim();
    const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
    if (cut <= 0) return trimmed;
    const last = trimmed.slice(cut + 1);
    return /[*?%]/.test(last) ? trimmed.slice(0, cut) : trimmed;
}

function adapterText(adapter: string): string {
    return /^[_a-zA-Z][\w-]*$/.test(adapter) ? adapter : quote(adapter);
}

function databaseText(database: DatabaseFacts, names: NameTable): string {
    const name = names.name(database.name);
    const known = findDatabase(database.name);
    const kind = known && known.kind === database.kind ? '' : `${database.kind} `;
    return `${kind}${name}${database.publicationOff ? ' (publication off)' : ''}`;
}

const sqlYears: Record<string, number> = { '11': 2012, '12': 2014, '13': 2016, '14': 2017, '15': 2019, '16': 2022, '17': 2025 };

function sqlVersion(known: CollectorSqlServer | undefined): string | undefined {
    const year = known?.ProductVersion ? sqlYears[known.ProductVersion.split('.')[0]] : undefined;
    if (!year) return undefined;
    const sp = known?.ProductLevel ? /^SP(\d+)$/i.exec(known.ProductLevel.trim())?.[1] : undefined;
    const cu = known?.ProductUpdateLevel ? /^CU(\d+)$/i.exec(known.ProductUpdateLevel.trim())?.[1] : undefined;
    return `version ${year}${sp ? ` sp ${sp}` : ''}${cu ? ` cu ${cu}` : ''}`;
}

function summarise(names: string[]): string {
    const shown = names.slice(0, 3).map(printable).join(', ');
    return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** Lines of `.bizha` text, four spaces per level, a provenance comment after a fact. */
class Writer {
    private readonly lines: string[] = [];
    todoCount = 0;
    constructor(private level = 0) { }
    indent(): void { this.level++; }
    dedent(): void { this.level--; }
    line(text: string, from?: string): void {
        this.lines.push(`${'    '.repeat(this.level)}${text}${from ? `  // ${printable(from)}` : ''}`);
    }
    comment(text: string): void { this.lines.push(`${'    '.repeat(this.level)}// ${printable(text)}`); }
    todo(text: string): void {
        this.todoCount++;
        this.comment(`TODO(import): ${text}`);
    }
    blank(): void { if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push(''); }
    raw(text: string): void { this.lines.push(...text.replace(/\n$/, '').split('\n')); }
    text(): string { return this.lines.join('\n') + '\n'; }
}
