import { AstUtils, type AstNode, type Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { criticalityOfKind, findAdapter, findDatabase, type DatabaseKind } from './catalog.js';
import {
    NodeSource, type AccountModel, type AvailabilityGroupModel, type BackupJobModel, type BamModel, type ClusterModel, type ComputerModel,
    type DatabaseModel, type GroupModel, type HandlerModel, type HostModel, type InstanceModel, type NlbModel, type QueueManagerModel,
    type SourceRef, type SqlInstanceModel, type SsoModel
} from './topology.js';
import { uncServer } from './roles.js';

/** Where a node is written. The range is computed when first read: most elements never need it. */
export function sourceOf(node: AstNode): SourceRef {
    return new NodeSource(AstUtils.getDocument(node).uri.toString(), node);
}

/** Top-level declarations of the workspace that a group may involve without naming them. */
export interface WorkspaceInfrastructure {
    readonly clusters: readonly ast.Cluster[];
    readonly nlbs: readonly ast.Nlb[];
    /** Top-level computers: a UNC path may name one that the group uses only as a file server. */
    readonly computers?: readonly ast.Computer[];
}

/** A cluster's `network-name` (the last one written), if any. */
function clusterNetworkName(cluster: ast.Cluster): string | undefined {
    return (cluster.properties ?? []).filter(ast.isClusterNetworkName).map(p => p.networkName).filter(name => !!name).at(-1);
}

/**
 * Builds the topology model of one group; references to top-level declarations are followed.
 * Top-level clusters and load balancers that contain the group's computers are included too:
 * a computer's cluster membership matters (availability groups, NLB on cluster nodes) even
 * when the group never names the cluster.
 */
export function buildGroupModel(group: ast.Group, workspace: WorkspaceInfrastructure = { clusters: [], nlbs: [] }): GroupModel {
    return new GroupModelBuilder(group, workspace).build();
}

class GroupModelBuilder {
    private readonly computers = new Map<string, ComputerModel>();
    private readonly clusters = new Map<string, ClusterModel>();
    private readonly nlbs = new Map<string, NlbModel>();
    private readonly sqlInstances = new Map<string, SqlInstanceModel>();
    private readonly availabilityGroups = new Map<string, AvailabilityGroupModel>();
    private readonly hosts = new Map<string, HostModel>();
    private readonly databases: DatabaseModel[] = [];
    private readonly backupJobs: BackupJobModel[] = [];
    private readonly queueManagers = new Map<string, QueueManagerModel>();
    private sso?: SsoModel;
    private bam?: BamModel;
    private hasMasterMessageBox = false;

    constructor(private readonly group: ast.Group, private readonly workspace: WorkspaceInfrastructure) { }

    build(): GroupModel {
        const members = this.group.members ?? [];
        let version: GroupModel['version'] = { year: 2020, r2: false };
        let versionNode: ast.VersionSetting | undefined;
        let edition: GroupModel['edition'] = 'enterprise';
        let editionNode: ast.EditionSetting | undefined;
        let availability: GroupModel['availability'] = 'high';
        let faultTolerance: ast.FaultToleranceSetting | undefined;

        // Declarations first, so that references resolve to already-known local elements. Members
        // are told apart by their grammar type (a switch: a large file has thousands of members).
        const later: ast.GroupMember[] = [];
        const last: Array<ast.Nlb | ast.DatabasePlacement> = [];
        for (const member of members) {
            switch (member.$type) {
                case ast.ComputerDecl.$type:
                    for (const computer of member.computers) if (computer.name) this.addComputer(computer, computer, true);
                    break;
                case ast.Nlb.$type: case ast.DatabasePlacement.$type:
                    last.push(member);
                    break;
                case ast.Cluster.$type: case ast.SqlInstance.$type: case ast.QueueManager.$type:
                    break;
                default:
                    later.push(member);
            }
        }
        for (const member of members) {
            if (member.$type === ast.Cluster.$type && member.name) this.addCluster(member, member, true);
        }
        for (const member of members) {
            if (member.$type === ast.SqlInstance.$type && member.name) this.addSql(member, member, true);
            else if (member.$type === ast.QueueManager.$type && member.name) this.addQueueManager(member, member, true);
        }
        for (const member of later) {
            switch (member.$type) {
                case ast.VersionSetting.$type:
                    version = { year: member.year ?? version.year, r2: member.r2, cu: member.cu };
                    versionNode = member;
                    break;
                case ast.EditionSetting.$type:
                    edition = (member.edition ?? edition);
                    editionNode = member;
                    break;
                case ast.AvailabilitySetting.$type:
                    availability = (member.level ?? availability);
                    break;
                case ast.FaultToleranceSetting.$type:
                    if (member.state) faultTolerance = member;
                    break;
                case ast.Bam.$type:
                    this.addBam(member);
                    break;
                case ast.Sso.$type:
                    this.addSso(member);
                    break;
                case ast.BackupJob.$type:
                    this.addBackupJob(member);
                    break;
                // Half-typed declarations without a name (`host {`) are skipped: nothing can refer to them yet.
                case ast.AvailabilityGroup.$type:
                    if (member.name) this.addAvailabilityGroup(member);
                    break;
                case ast.Host.$type:
                    if (member.name) this.addHost(member);
                    break;
            }
        }
        for (const member of last) {
            if (member.$type === ast.Nlb.$type) {
                if (member.name) this.addNlb(member, true);
            } else {
                this.addPlacement(member);
            }
        }
        this.addSurroundingInfrastructure();
        return {
            // A group being typed may have no name yet.
            name: this.group.name || '(unnamed)',
            node: this.group,
            source: sourceOf(this.group),
            version, versionNode, edition, editionNode, availability,
            receiveLocationFaultTolerance: faultTolerance ? faultTolerance.state === 'on' : undefined,
            receiveLocationFaultToleranceNode: faultTolerance,
            computers: this.computers,
            clusters: this.clusters,
            nlbs: this.nlbs,
            sqlInstances: this.sqlInstances,
            availabilityGroups: this.availabilityGroups,
            hosts: this.hosts,
            databases: this.databases,
            sso: this.sso,
            backupJobs: this.backupJobs,
            bam: this.bam,
            queueManagers: this.queueManagers
        };
    }

    // ---- infrastructure -------------------------------------------------------

    private addComputer(computer: ast.Computer, anchor: AstNode, local: boolean): ComputerModel {
        const known = this.computers.get(computer.name);
        if (known) return known;
        const properties = computer.properties ?? [];
        let site: string | undefined, os: ComputerModel['os'], zone: ComputerModel['zone'], hypervisor: string | undefined;
        let msdtcOff = false;
        const aliases: ast.ComputerSqlAlias[] = [];
        for (const property of properties) {
            switch (property.$type) {
                case ast.ComputerSite.$type: site = property.site; break;
                case ast.ComputerMsdtc.$type: msdtcOff = property.access === 'off'; break;
                case ast.ComputerOs.$type: os = property.year === undefined ? os : { year: property.year, r2: property.r2, updates: property.updates.map(u => u.toUpperCase()) }; break;
                case ast.ComputerZone.$type: zone = property.zone ? 'perimeter' : zone; break;
                case ast.ComputerHypervisor.$type: hypervisor = property.hypervisor || hypervisor; break;
                case ast.ComputerSqlAlias.$type: aliases.push(property); break;
            }
        }
        const sqlAliases: string[] = [];
        const model: ComputerModel = { name: computer.name, node: computer, anchor, local, source: sourceOf(computer), site, msdtcOff, os, zone, hypervisor, sqlAliases };
        this.computers.set(computer.name, model);
        // Availability groups are group members: an alias names one of ours, or one of another group (ignored here).
        for (const alias of aliases) {
            const target = alias.group?.ref;
            if (target?.$container === this.group && !sqlAliases.includes(target.name)) sqlAliases.push(target.name);
        }
        return model;
    }

    private computerRef(reference: Reference<ast.Computer> | undefined, anchor: AstNode): string | undefined {
        const target = reference?.ref;
        if (!target) return undefined;
        return this.addComputer(target, anchor, false).name;
    }

    private addCluster(cluster: ast.Cluster, anchor: AstNode, local: boolean): ClusterModel {
        const known = this.clusters.get(cluster.name);
        if (known) return known;
        const nodes: string[] = [];
        let storage: string | undefined, networkName: string | undefined, witness: ClusterModel['witness'];
        let msdtc = false, msmq = false, iis = false;
        for (const property of cluster.properties ?? []) {
            switch (property.$type) {
                case ast.ClusterNodes.$type:
                    for (const node of property.nodes) {
                        const name = this.computerRef(node, anchor);
                        if (name && !nodes.includes(name)) nodes.push(name);
                    }
                    break;
                case ast.ClusterResource.$type:
                    if (property.resource === 'msdtc') msdtc = true;
                    else if (property.resource === 'msmq') msmq = true;
                    else if (property.resource === 'iis') iis = true;
                    break;
                case ast.ClusterStorage.$type: storage = property.storage; break;
                case ast.ClusterNetworkName.$type: networkName = property.networkName || networkName; break;
                case ast.ClusterWitness.$type: witness = property.witness || witness; break;
            }
        }
        const model: ClusterModel = {
            name: cluster.name, node: cluster, anchor, local, source: sourceOf(cluster), nodes,
            storage, msdtc, msmq, iis, networkName, witness
        };
        this.clusters.set(cluster.name, model);
        return model;
    }

    /** A reference to a computer or a cluster (SQL server, master secret server). */
    private serverRef(reference: Reference<ast.SqlHost> | Reference<ast.MssHost> | Reference<ast.QueueManagerHost> | undefined, anchor: AstNode): { kind: 'computer' | 'cluster'; name: string } | undefined {
        const target = reference?.ref;
        if (ast.isCluster(target)) return { kind: 'cluster', name: this.addCluster(target, anchor, false).name };
        if (ast.isComputer(target)) return { kind: 'computer', name: this.addComputer(target, anchor, false).name };
        return undefined;
    }

    private addSql(sql: ast.SqlInstance, anchor: AstNode, local: boolean): SqlInstanceModel {
        const known = this.sqlInstances.get(sql.name);
        if (known) return known;
        let version: ast.SqlVersion | undefined, owner: ast.SqlPreferredOwner | undefined, edition: SqlInstanceModel['edition'];
        let agent: SqlInstanceModel['agent'] = 'running', serverName: string | undefined;
        const databaseLists: ast.DatabaseList[] = [];
        for (const property of sql.properties ?? []) {
            switch (property.$type) {
                case ast.SqlVersion.$type: version = property; break;
                case ast.SqlPreferredOwner.$type: owner = property; break;
                case ast.SqlEdition.$type: edition = property.edition; break;
                case ast.SqlAgent.$type: agent = property.state || agent; break;
                case ast.SqlServerName.$type: serverName = property.serverName ?? serverName; break;
                case ast.DatabaseList.$type: databaseLists.push(property); break;
            }
        }
        const model: SqlInstanceModel = {
            name: sql.name, node: sql, anchor, local, source: sourceOf(sql),
            server: this.serverRef(sql.server, anchor),
            edition,
            version: version ? { year: version.year, sp: version.sp, cu: version.cu } : undefined,
            agent,
            preferredOwner: owner ? this.computerRef(owner.owner, anchor) : undefined,
            serverName
        };
        this.sqlInstances.set(sql.name, model);
        // Only a SQL instance declared in the group brings its own database list.
        if (local) {
            for (const list of databaseLists) this.addDatabases(list.databases, { kind: 'sql', name: sql.name });
        }
        return model;
    }

    private sqlRef(reference: Reference<ast.SqlInstance> | undefined, anchor: AstNode): string | undefined {
        const target = reference?.ref;
        return target ? this.addSql(target, anchor, false).name : undefined;
    }

    private addAvailabilityGroup(ag: ast.AvailabilityGroup): void {
        const properties = ag.properties ?? [];
        const listener = properties.filter(ast.isAgListener).filter(l => !!l.listener).at(-1);
        const model: AvailabilityGroupModel = {
            name: ag.name, node: ag, anchor: ag, local: true, source: sourceOf(ag),
            replicas: properties.filter(ast.isAgReplicas).flatMap(list => list.replicas).flatMap(replica => {
                const sql = this.sqlRef(replica.sql, replica);
                return sql ? [{ sql, synchronous: replica.commit !== 'asynchronous', node: replica }] : [];
            }),
            listener: listener?.listener,
            port: listener?.port,
            subnets: listener?.subnets,
            dtcSupport: properties.filter(ast.isAgDtcSupport).at(-1)?.support,
            jobsAndLoginsReplicated: properties.some(ast.isAgJobsAndLogins)
        };
        this.availabilityGroups.set(ag.name, model);
        for (const list of properties.filter(ast.isDatabaseList)) {
            this.addDatabases(list.databases, { kind: 'availability-group', name: ag.name });
        }
    }

    private addPlacement(placement: ast.DatabasePlacement): void {
        const target = placement.target?.ref;
        let container: DatabaseModel['container'];
        if (ast.isSqlInstance(target)) {
            container = { kind: 'sql', name: this.addSql(target, placement, false).name };
        } else if (ast.isAvailabilityGroup(target)) {
            // Availability groups are group members, so the target is one of ours.
            container = { kind: 'availability-group', name: target.name };
        }
        this.addDatabases(placement.databases, container, placement);
    }

    private addDatabases(databases: ast.Database[], container: DatabaseModel['container'], anchor?: AstNode): void {
        for (const database of databases) {
            // A half-typed `databases sso` has no name yet: nothing to place.
            if (!database.name) continue;
            const info = findDatabase(database.name);
            const kind = (database.kind as DatabaseKind | undefined) ?? info?.kind ?? 'custom';
            const master = kind === 'messagebox' && !this.hasMasterMessageBox;
            if (master) this.hasMasterMessageBox = true;
            let recovery: DatabaseModel['recovery'], publication: boolean | undefined;
            let mirrored = false, sqlLogShipping = false, vss = false;
            for (const option of database.options) {
                if (option.recovery) recovery = option.recovery;
                else if (option.publication) publication = option.publication === 'on';
                else if (option.flag === 'mirrored') mirrored = true;
                else if (option.flag === 'sql-log-shipping') sqlLogShipping = true;
                else if (option.flag === 'vss') vss = true;
            }
            this.databases.push({
                name: database.name, node: database, anchor: anchor ?? database, local: true, source: sourceOf(database),
                kind, info: info ?? (database.kind ? { name: database.name, kind, criticality: criticalityOfKind(kind), description: '' } : undefined),
                master, container, recovery, publication, mirrored, sqlLogShipping, vss
            });
        }
    }

    private addSurroundingInfrastructure(): void {
        const involves = (references: Array<Reference<ast.Computer>>) => references.map(r => r.ref?.name).find(name => name !== undefined && this.computers.has(name));
        for (const cluster of this.workspace.clusters) {
            if (this.clusters.has(cluster.name)) continue;
            const node = involves((cluster.properties ?? []).filter(ast.isClusterNodes).flatMap(p => p.nodes));
            if (node) this.addCluster(cluster, this.computers.get(node)!.anchor, false);
        }
        for (const nlb of this.workspace.nlbs) {
            if (this.nlbs.has(nlb.name)) continue;
            const member = involves((nlb.properties ?? []).filter(ast.isNlbMembers).flatMap(p => p.members));
            if (member) this.addNlb(nlb, false, this.computers.get(member)!.anchor);
        }
        // A share on a computer or cluster of an inventory file, which the group names only in a
        // UNC path: without it the file server would not be a dependency of what uses the share.
        for (const { path, anchor } of this.uncPaths()) {
            const server = uncServer(path)?.split('.')[0].toLowerCase();
            if (!server || this.servesFiles(server)) continue;
            const cluster = this.workspace.clusters.find(c => c.name.toLowerCase() === server || clusterNetworkName(c)?.toLowerCase() === server);
            if (cluster) {
                this.addCluster(cluster, anchor, false);
                continue;
            }
            const computer = this.workspace.computers?.find(c => c.name.toLowerCase() === server);
            if (computer) this.addComputer(computer, anchor, false);
        }
    }

    /** The UNC-capable paths of the group (handler paths, SSO and BAM backups, backup-job destinations) with where each is written. */
    private uncPaths(): Array<{ path: string; anchor: AstNode }> {
        const paths: Array<{ path: string | undefined; anchor: AstNode }> = [];
        for (const host of this.hosts.values()) host.handlers.forEach(handler => paths.push({ path: handler.path, anchor: handler.node }));
        if (this.sso) paths.push({ path: this.sso.backup, anchor: this.sso.node });
        if (this.bam) paths.push({ path: this.bam.backup, anchor: this.bam.node });
        this.backupJobs.forEach(job => paths.push({ path: job.destination, anchor: job.node }));
        return paths.filter((p): p is { path: string; anchor: AstNode } => p.path !== undefined);
    }

    /** A computer or cluster of the group already answers to this (lower-case) server name. */
    private servesFiles(server: string): boolean {
        for (const computer of this.computers.keys()) if (computer.toLowerCase() === server) return true;
        for (const cluster of this.clusters.values()) {
            if (cluster.name.toLowerCase() === server || cluster.networkName?.toLowerCase() === server) return true;
        }
        return false;
    }

    private addNlb(nlb: ast.Nlb, local: boolean, anchor: AstNode = nlb): void {
        const properties = nlb.properties ?? [];
        const members: string[] = [];
        for (const list of properties.filter(ast.isNlbMembers)) {
            for (const member of list.members) {
                const name = this.computerRef(member, local ? list : anchor);
                if (name && !members.includes(name)) members.push(name);
            }
        }
        const frontsLists = properties.filter(ast.isNlbFronts);
        const fronts = frontsLists.flatMap(list => list.hosts)
            .map(host => host.ref?.name).filter((name): name is string => !!name);
        this.nlbs.set(nlb.name, {
            name: nlb.name, node: nlb, anchor, local, source: sourceOf(nlb),
            kind: properties.filter(ast.isNlbKind).at(-1)?.kind === 'hardware' ? 'hardware' : 'windows',
            members, fronts, frontsBamPortal: frontsLists.some(list => list.bamPortal.length > 0)
        });
    }

    // ---- BizTalk ----------------------------------------------------------------

    private addHost(host: ast.Host): void {
        // One pass over the properties: a large estate has thousands of hosts.
        const handlers: HandlerModel[] = [];
        const instanceLists: ast.Instances[] = [];
        const serviceAccounts: AccountModel[] = [];
        const windowsGroups: AccountModel[] = [];
        let orchestrations: ast.Orchestrations | undefined;
        let tracking: ast.Tracking | undefined;
        let bitness: number | undefined;
        let clustered: ast.ClusteredOn | undefined;
        for (const property of host.properties ?? []) {
            switch (property.$type) {
                case ast.ReceiveHandlers.$type: case ast.SendHandlers.$type: {
                    const direction = property.$type === ast.ReceiveHandlers.$type ? 'receive' : 'send';
                    for (const handler of property.handlers) {
                        // A half-typed `receive (` has no adapter name yet.
                        if (handler.adapter) handlers.push(this.handlerModel(handler, direction));
                    }
                    break;
                }
                case ast.Instances.$type:
                    instanceLists.push(property);
                    break;
                case ast.ClusteredOn.$type:
                    clustered = property;
                    break;
                case ast.ServiceAccount.$type:
                    // A half-typed `account` has no value yet: no account.
                    if (property.account) serviceAccounts.push({ value: property.account, role: 'host account', domainLocal: false, node: property });
                    break;
                case ast.WindowsGroup.$type:
                    if (property.account) windowsGroups.push({ value: property.account, role: 'host Windows group', domainLocal: property.domainLocal, node: property });
                    break;
                case ast.Orchestrations.$type:
                    orchestrations ??= property;
                    break;
                case ast.Tracking.$type:
                    tracking ??= property;
                    break;
                case ast.Bitness.$type:
                    bitness = property.bits;
                    break;
            }
        }
        const instances: InstanceModel[] = [];
        const instanceAccounts: AccountModel[] = [];
        for (const list of instanceLists) {
            for (const instance of list.instances) {
                const computer = this.computerRef(instance.computer, instance);
                if (computer) instances.push({ computer, disabled: instance.disabled, account: instance.account || undefined, node: instance });
                if (instance.account) instanceAccounts.push({ value: instance.account, role: 'instance account', domainLocal: false, node: instance });
            }
        }
        const clusterTarget = clustered?.cluster?.ref;
        this.hosts.set(host.name, {
            name: host.name, node: host, anchor: host, local: true, source: sourceOf(host),
            type: host.hostType === 'isolated' ? 'isolated' : 'in-process',
            handlers, orchestrations, tracking, bitness,
            clusteredOn: clusterTarget ? this.addCluster(clusterTarget, clustered!, false).name : undefined,
            clusteredNode: clustered,
            instances, instanceLists, accounts: [...serviceAccounts, ...instanceAccounts, ...windowsGroups]
        });
    }

    private handlerModel(handler: ast.Handler, direction: HandlerModel['direction']): HandlerModel {
        let ordered = false, remoteQueue = false, nonTransactional = false, sharedMailbox = false;
        let path: string | undefined, queueManager: string | undefined, leaseTimeout: number | undefined;
        for (const option of handler.options) {
            if (option.flag === 'ordered') ordered = true;
            else if (option.flag === 'remote-queue') remoteQueue = true;
            else if (option.flag === 'non-transactional') nonTransactional = true;
            else if (option.flag === 'shared-mailbox') sharedMailbox = true;
            else if (option.path !== undefined) path ??= option.path;
            else if (option.queueManager) queueManager ??= this.queueManagerRef(option.queueManager, option);
            else if (option.leaseTimeout !== undefined) leaseTimeout ??= option.leaseTimeout;
        }
        return {
            direction, adapter: handler.adapter, info: findAdapter(handler.adapter),
            ordered, remoteQueue, nonTransactional, sharedMailbox, path, queueManager, leaseTimeout,
            node: handler, source: sourceOf(handler)
        };
    }

    private addSso(sso: ast.Sso): void {
        const properties = sso.properties ?? [];
        const mss = properties.filter(ast.isMasterSecretServer).at(-1);
        const server = mss ? this.serverRef(mss.server, mss) : undefined;
        const administrators = properties.filter(ast.isSsoAdministrators).at(-1);
        const preferredOwner = mss?.preferredOwner ? this.computerRef(mss.preferredOwner, mss) : undefined;
        this.sso = {
            node: sso, source: sourceOf(sso),
            masterSecretServer: server && mss ? { ...server, node: mss, preferredOwner } : undefined,
            backup: properties.filter(ast.isSsoBackup).at(-1)?.location,
            administrators: administrators?.account ? { value: administrators.account, role: 'SSO administrators', domainLocal: false, node: administrators } : undefined
        };
    }

    private addBam(bam: ast.Bam): void {
        const properties = bam.properties ?? [];
        const computers = (lists: Array<ast.BamPortal | ast.BamEventBus>) => {
            const names: string[] = [];
            for (const list of lists) {
                for (const reference of list.computers) {
                    const name = this.computerRef(reference, list);
                    if (name && !names.includes(name)) names.push(name);
                }
            }
            return names;
        };
        this.bam = {
            node: bam, source: sourceOf(bam),
            portal: computers(properties.filter(ast.isBamPortal)),
            eventBus: computers(properties.filter(ast.isBamEventBus)),
            backup: properties.filter(ast.isBamBackup).map(p => p.location).filter(location => location !== undefined).at(-1)
        };
    }

    private addQueueManager(manager: ast.QueueManager, anchor: AstNode, local: boolean): QueueManagerModel {
        const known = this.queueManagers.get(manager.name);
        if (known) return known;
        const model: QueueManagerModel = {
            name: manager.name, node: manager, anchor, local, source: sourceOf(manager),
            server: this.serverRef(manager.server, anchor)
        };
        this.queueManagers.set(manager.name, model);
        return model;
    }

    private queueManagerRef(reference: Reference<ast.QueueManager> | undefined, anchor: AstNode): string | undefined {
        const target = reference?.ref;
        return target ? this.addQueueManager(target, anchor, false).name : undefined;
    }

    private addBackupJob(job: ast.BackupJob): void {
        const properties = job.properties ?? [];
        this.backupJobs.push({
            node: job,
            destination: properties.filter(ast.isBackupDestination).at(-1)?.path,
            logShippingTo: properties.filter(ast.isLogShipping)
                .map(p => this.sqlRef(p.target, p)).filter((name): name is string => !!name)
        });
    }
}
