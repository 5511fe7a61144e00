import { requiredDatabaseKinds } from '../model/catalog.js';
import { biztalkComputers, fileServerOf, serverComputers, sqlComputers, sqlInstanceComputers, usedComputers, type FileServer } from '../model/roles.js';
import type { BamModel, DatabaseModel, GroupModel, HandlerModel, HostModel, NlbModel } from '../model/topology.js';
import { computeRedundancy } from './redundancy.js';
import {
    computerId, hypervisorId, maxRedundancy, siteId,
    type ComponentId, type ComponentResult, type FunctionKind, type FunctionResult, type GroupAnalysis,
    type Mechanism, type Placement, type SingleFailure, type Tier
} from './types.js';
import { NodeSource, type SourceRef } from '../model/topology.js';

/** The providers of a function before redundancy is computed. */
interface Draft {
    id: string;
    kind: FunctionKind;
    label: string;
    host?: string;
    adapter?: string;
    database?: string;
    mechanism: Mechanism;
    providers: string[];
    placements: Placement[];
    dependsOn: string[];
    source: SourceRef;
    /** Every provider is needed at once (`unbalanced`): one path through all of them. */
    allProvidersNeeded?: boolean;
}

/** How a host is provided: shared by all its receive, processing and send functions. */
export interface HostProvision {
    readonly mechanism: Mechanism;
    /** Computers with an enabled instance that can run the host (for a clustered host: its nodes). */
    readonly providers: string[];
    readonly placements: Placement[];
}

export function hostProvision(group: GroupModel, host: HostModel): HostProvision {
    const cluster = host.clusteredOn ? group.clusters.get(host.clusteredOn) : undefined;
    const providers: string[] = [];
    const placements: Placement[] = [];
    const placed = new Set<string>();
    for (const instance of host.instances) {
        if (placed.has(instance.computer)) continue;
        placed.add(instance.computer);
        const eligible = !instance.disabled && (!cluster || cluster.nodes.includes(instance.computer));
        if (eligible) providers.push(instance.computer);
        const role = !eligible ? 'disabled' : cluster && providers.length > 1 ? 'standby' : 'active';
        placements.push({ computer: instance.computer, role });
    }
    const mechanism: Mechanism = providers.length === 0 ? 'none'
        : cluster ? 'clustered-failover'
            : providers.length === 1 ? 'single' : 'scale-out';
    return { mechanism, providers, placements };
}


/**
 * How a host's receive handlers are provided, per handler. They share the host's provision, except:
 * - an isolated host whose instances all run on the nodes of a cluster with clustered IIS runs
 *   where IIS is active, failing over with it (Microsoft's "SSO and a host in one cluster group");
 * - a scaled-out receive that a load balancer fronts is load-balanced; one whose adapter needs a
 *   load balancer (HTTP-style, WCF-NetTcp) and has none is `unbalanced`: clients address one of
 *   the computers, so each computer's failure stops it (HA-RECV-NLB).
 */
function receiveProvisionOf(group: GroupModel, host: HostModel, provision: HostProvision, fronted: boolean): (handler: HandlerModel) => HostProvision {
    const scaledOut = !host.clusteredOn && provision.providers.length > 1;
    if (!scaledOut) return () => provision;
    if (host.type === 'isolated') {
        const iis = [...group.clusters.values()].find(c => c.iis && provision.providers.every(p => c.nodes.includes(p)));
        if (iis) {
            const failover: HostProvision = {
                mechanism: 'clustered-failover', providers: provision.providers,
                placements: provision.placements.map(p => p.role === 'active' && p.computer !== provision.providers[0] ? { ...p, role: 'standby' as const } : p)
            };
            return () => failover;
        }
    }
    const balanced: HostProvision = { ...provision, mechanism: 'load-balanced' };
    // Its own provider list: the redundancy of an unbalanced receive is not the host's.
    const unbalanced: HostProvision = { ...provision, mechanism: 'unbalanced', providers: [...provision.providers] };
    return handler => {
        const needsBalancer = handler.info?.receive === 'load-balancer' || handler.info?.receive === 'load-balancer-or-cluster';
        if (fronted && (needsBalancer || host.type === 'isolated')) return balanced;
        return needsBalancer ? unbalanced : provision;
    };
}

function databaseFunctionId(database: { name: string }): string {
    return `database:${database.name}`;
}

/** Builds every function of a group and computes its redundancy. */
export function analyzeGroup(group: GroupModel): GroupAnalysis {
    const drafts: Draft[] = [];
    const biztalkDependencies: string[] = [];

    // ---- databases -------------------------------------------------------------
    for (const database of group.databases) drafts.push(databaseDraft(group, database));
    for (const required of requiredDatabaseKinds) {
        if (!group.databases.some(d => d.kind === required.kind)) {
            drafts.push({
                id: databaseFunctionId(required), kind: 'database', label: `database ${required.name} (not placed)`,
                database: required.name, mechanism: 'none', providers: [], placements: [], dependsOn: [], source: group.source
            });
        }
    }
    const databaseIds = (kind: DatabaseModel['kind'], fallback: string): string[] => {
        const ids = group.databases.filter(d => d.kind === kind).map(databaseFunctionId);
        return ids.length > 0 ? ids : [databaseFunctionId({ name: fallback })];
    };
    biztalkDependencies.push(...databaseIds('management', 'BizTalkMgmtDb'), ...databaseIds('messagebox', 'BizTalkMsgBoxDb'));

    // ---- file servers -------------------------------------------------------------------
    // A UNC path on a declared computer or cluster makes that file server a function of its own.
    const fileServerDrafts = new Map<string, Draft>();
    const fileServerFunction = (path: string | undefined): string | undefined => {
        const server = fileServerOf(group, path);
        if (!server) return undefined;
        const id = `file-server:${server.name}`;
        if (!fileServerDrafts.has(id)) fileServerDrafts.set(id, fileServerDraft(group, server, id));
        return id;
    };
    // Handlers that also need a file server share one dependency list per server: the
    // redundancy of dependencies is computed once per list.
    const dependencyLists = new Map<string, string[]>();
    const withDependencies = (fileServer: string | undefined, queueManager: string | undefined): string[] => {
        // Most handlers need neither: no list is made for them.
        if (fileServer === undefined && queueManager === undefined) return biztalkDependencies;
        const ids = [fileServer, queueManager].filter((id): id is string => id !== undefined);
        const key = ids.join('\n');
        let list = dependencyLists.get(key);
        if (!list) dependencyLists.set(key, list = [...biztalkDependencies, ...ids]);
        return list;
    };

    // ---- hosts -------------------------------------------------------------------
    const trackingProviders = new Set<string>();
    const trackingPlacements = new Map<string, Placement>();
    let trackingSource: SourceRef | undefined;
    // Load balancers by the hosts they front, once: a large group has hundreds of hosts.
    const frontingOf = new Map<string, NlbModel[]>();
    for (const nlb of group.nlbs.values()) {
        for (const name of new Set(nlb.fronts)) frontingOf.set(name, [...(frontingOf.get(name) ?? []), nlb]);
    }
    for (const host of group.hosts.values()) {
        const provision = hostProvision(group, host);
        const fronting = frontingOf.get(host.name) ?? [];
        const receiveProvision = receiveProvisionOf(group, host, provision, fronting.length > 0);
        host.handlers.forEach(handler => {
            const sameAdapter = host.handlers.filter(h => h.direction === handler.direction && h.adapter === handler.adapter);
            const suffix = sameAdapter.length > 1 ? `#${sameAdapter.indexOf(handler) + 1}` : '';
            const provided = handler.direction === 'receive' ? receiveProvision(handler) : provision;
            drafts.push({
                id: `${handler.direction}:${host.name}:${handler.adapter}${suffix}`,
                kind: handler.direction, label: `${handler.direction} ${handler.adapter} on ${host.name}`,
                host: host.name, adapter: handler.adapter,
                mechanism: provided.mechanism, providers: provided.providers, placements: provided.placements,
                allProvidersNeeded: provided.mechanism === 'unbalanced',
                dependsOn: withDependencies(fileServerFunction(handler.path), handler.queueManager ? queueManagerFunctionId(handler.queueManager) : undefined),
                source: handler.source
            });
        });
        if (host.orchestrations) {
            drafts.push({
                id: `processing:${host.name}`, kind: 'processing', label: `processing on ${host.name}`, host: host.name,
                mechanism: provision.mechanism, providers: provision.providers, placements: provision.placements,
                dependsOn: biztalkDependencies, source: sourceOfNode(host.source, host.orchestrations)
            });
        }
        if (host.tracking && host.type !== 'isolated') {
            trackingSource ??= sourceOfNode(host.source, host.tracking);
            for (const placement of provision.placements) {
                const key = `${placement.computer}\n${placement.role}`;
                if (!trackingPlacements.has(key)) trackingPlacements.set(key, placement);
            }
            for (const provider of provision.providers) trackingProviders.add(provider);
        }
        if (host.type === 'isolated') {
            if (fronting.length > 0) {
                const entryProviders = provision.providers.filter(c => fronting.some(nlb => nlb.members.includes(c)));
                drafts.push({
                    id: `http-entry:${host.name}`, kind: 'http-entry', label: `load-balanced entry of ${host.name}`, host: host.name,
                    mechanism: entryProviders.length > 1 ? 'load-balanced' : entryProviders.length === 1 ? 'single' : 'none',
                    providers: entryProviders,
                    placements: fronting.flatMap(nlb => nlb.members).filter((c, i, all) => all.indexOf(c) === i)
                        .map(computer => ({ computer, role: entryProviders.includes(computer) ? 'nlb-member' as const : 'disabled' as const })),
                    dependsOn: biztalkDependencies, source: fronting[0].source
                });
            }
        }
    }
    // Clustered tracking hosts alone fail over (one active instance); any scaled-out one scales out.
    const trackingHosts = [...group.hosts.values()].filter(h => h.tracking && h.type !== 'isolated');
    const trackingClustered = trackingHosts.length > 0 && trackingHosts.every(h => h.clusteredOn);
    drafts.push({
        id: 'tracking', kind: 'tracking', label: 'tracking',
        mechanism: trackingProviders.size === 0 ? 'none' : trackingClustered ? 'clustered-failover' : trackingProviders.size === 1 ? 'single' : 'scale-out',
        providers: [...trackingProviders], placements: [...trackingPlacements.values()],
        dependsOn: [...biztalkDependencies, ...databaseIds('tracking', 'BizTalkDTADb')],
        source: trackingSource ?? group.source
    });

    // ---- master secret server ------------------------------------------------------
    const mss = group.sso?.masterSecretServer;
    const mssProviders = !mss ? [] : mss.kind === 'computer' ? [mss.name] : group.clusters.get(mss.name)?.nodes ?? [];
    drafts.push({
        id: 'master-secret-server', kind: 'master-secret-server', label: 'master secret server',
        mechanism: mssProviders.length === 0 ? 'none' : mss?.kind === 'cluster' ? 'clustered-failover' : 'single',
        providers: mssProviders,
        placements: mssProviders.map((computer, i) => ({ computer, role: mss?.kind === 'cluster' && i > 0 ? 'standby' : 'active' })),
        dependsOn: databaseIds('sso', 'SSODB'),
        source: mss ? sourceOfNode(group.sso.source, mss.node) : group.sso?.source ?? group.source
    });

    // ---- Business Activity Monitoring -----------------------------------------------------
    if (group.bam) drafts.push(...bamDrafts(group, group.bam, trackingProviders, databaseIds));

    // Backups need their share only when they run: the file server shows, but no runtime function depends on it.
    fileServerFunction(group.sso?.backup);
    for (const job of group.backupJobs) fileServerFunction(job.destination);
    fileServerFunction(group.bam?.backup);
    drafts.push(...fileServerDrafts.values());

    // ---- IBM MQ queue managers --------------------------------------------------------
    for (const manager of group.queueManagers.values()) {
        const providers = manager.server ? serverComputers(group, manager.server) : [];
        const clustered = manager.server?.kind === 'cluster';
        drafts.push({
            id: queueManagerFunctionId(manager.name), kind: 'queue-manager', label: `queue manager ${manager.name}`,
            mechanism: providers.length === 0 ? 'none' : clustered ? 'clustered-failover' : 'single',
            providers,
            placements: providers.map((computer, i) => ({ computer, role: clustered && i > 0 ? 'standby' : 'active' })),
            dependsOn: [], source: manager.source
        });
    }

    return finish(group, drafts);
}

function queueManagerFunctionId(name: string): string {
    return `queue-manager:${name}`;
}

/**
 * The BAM portal and the BAM event bus. The portal is load-balanced only behind a load balancer
 * that fronts it with two or more portal computers as members; on several computers without one
 * it is `unbalanced` like an HTTP receive (users address one computer, so each one's failure stops
 * it). The event bus runs where `event-bus on` says, or else in the tracking host (it is the
 * tracking host's data decode service).
 */
function bamDrafts(group: GroupModel, bam: BamModel, trackingProviders: ReadonlySet<string>, databaseIds: (kind: DatabaseModel['kind'], fallback: string) => string[]): Draft[] {
    const primaryImport = group.databases.filter(d => d.name.toLowerCase() === 'bamprimaryimport').map(databaseFunctionId);
    const drafts: Draft[] = [];
    if (bam.portal.length > 0) {
        const balancers = [...group.nlbs.values()].filter(nlb => nlb.frontsBamPortal);
        const balanced = balancers.length > 0;
        const providers = balanced ? bam.portal.filter(c => balancers.some(nlb => nlb.members.includes(c))) : [...bam.portal];
        const mechanism: Mechanism = providers.length === 0 ? 'none' : providers.length === 1 ? 'single' : balanced ? 'load-balanced' : 'unbalanced';
        drafts.push({
            id: 'bam-portal', kind: 'bam-portal', label: 'BAM portal', mechanism, providers,
            placements: bam.portal.map(computer => ({ computer, role: !providers.includes(computer) ? 'disabled' : balanced ? 'nlb-member' : 'active' })),
            allProvidersNeeded: mechanism === 'unbalanced',
            dependsOn: primaryImport,
            source: bam.source
        });
    }
    const declared = bam.eventBus.length > 0;
    const providers = declared ? bam.eventBus : [...trackingProviders];
    drafts.push({
        id: 'bam-event-bus', kind: 'bam-event-bus', label: 'BAM event bus',
        mechanism: providers.length === 0 ? 'none' : providers.length === 1 ? 'single' : 'scale-out',
        providers,
        placements: providers.map(computer => ({ computer, role: 'active' })),
        // It drains the MessageBox into BAMPrimaryImport.
        dependsOn: [...databaseIds('messagebox', 'BizTalkMsgBoxDb'), ...databaseIds('management', 'BizTalkMgmtDb'), ...primaryImport],
        source: bam.source
    });
    return drafts;
}

function fileServerDraft(group: GroupModel, server: FileServer, id: string): Draft {
    const providers = serverComputers(group, server);
    const clustered = server.kind === 'cluster';
    const element = clustered ? group.clusters.get(server.name) : group.computers.get(server.name);
    return {
        id, kind: 'file-server', label: `file server ${server.name}`,
        mechanism: providers.length === 0 ? 'none' : clustered ? 'clustered-failover' : 'single',
        providers,
        placements: providers.map((computer, i) => ({ computer, role: clustered && i > 0 ? 'standby' : 'active' })),
        dependsOn: [], source: element?.source ?? group.source
    };
}

function databaseDraft(group: GroupModel, database: DatabaseModel): Draft {
    const base = { id: databaseFunctionId(database), kind: 'database' as const, label: `database ${database.name}`, database: database.name, dependsOn: [], source: database.source };
    const container = database.container;
    if (!container) return { ...base, mechanism: 'none', providers: [], placements: [] };
    if (container.kind === 'sql') {
        const sql = group.sqlInstances.get(container.name);
        const providers = sqlInstanceComputers(group, sql);
        const clustered = sql?.server?.kind === 'cluster';
        return {
            ...base, providers,
            mechanism: providers.length === 0 ? 'none' : clustered ? 'sql-fci' : 'single',
            placements: providers.map(computer => ({ computer, role: clustered ? 'sql-node' : 'active' }))
        };
    }
    const ag = group.availabilityGroups.get(container.name);
    const providers: string[] = [];
    const placements: Placement[] = [];
    for (const replica of ag?.replicas ?? []) {
        for (const computer of sqlInstanceComputers(group, group.sqlInstances.get(replica.sql))) {
            placements.push({ computer, role: replica.synchronous ? 'replica' : 'disabled' });
            if (replica.synchronous && !providers.includes(computer)) providers.push(computer);
        }
    }
    return { ...base, providers, placements, mechanism: providers.length === 0 ? 'none' : 'availability-group' };
}

function sourceOfNode(fallback: SourceRef, node: { $cstNode?: { range: SourceRef['range'] } }): SourceRef {
    return new NodeSource(fallback.uri, node, fallback);
}

function finish(group: GroupModel, drafts: Draft[]): GroupAnalysis {
    // One path per computer, shared by every function it provides (a large estate has thousands).
    const computerPaths = new Map<string, ComponentId[]>();
    const pathOf = (computer: string): ComponentId[] => {
        let path = computerPaths.get(computer);
        if (!path) {
            const declared = group.computers.get(computer);
            path = [computerId(computer)];
            if (declared?.site) path.push(siteId(declared.site));
            // A virtual machine fails with the physical host it runs on, like a computer with its site.
            if (declared?.hypervisor) path.push(hypervisorId(declared.hypervisor));
            computerPaths.set(computer, path);
        }
        return path;
    };
    // Availability groups list replicas per SQL instance: paths are per SQL instance, not per computer.
    const pathsOf = (draft: Draft): ComponentId[][] => draft.allProvidersNeeded
        ? [[...new Set(draft.providers.flatMap(pathOf))]]
        : draft.providers.map(pathOf);

    // A host's receive, send and processing functions share one provider list: compute it once.
    const byProviders = new Map<readonly string[], { paths: ComponentId[][]; result: ReturnType<typeof computeRedundancy> }>();
    const own = new Map(drafts.map(draft => {
        let computed = byProviders.get(draft.providers);
        if (!computed) {
            const paths = pathsOf(draft);
            byProviders.set(draft.providers, computed = { paths, result: computeRedundancy(paths) });
        }
        return [draft.id, { draft, ...computed }];
    }));
    // What a function's dependencies (MessageBox, management database, SSODB) take away, once per
    // dependency list: a group's host functions share one. Visited depth-first; a function is
    // never its own dependency (a cycle is computed for that function alone).
    interface Closure { readonly ids: Set<string>; redundancy: number; readonly singles: SingleFailure[] }
    const dependencyClosure = (dependsOn: string[], excluded?: string): Closure => {
        const closure: Closure = { ids: new Set(excluded ? [excluded] : []), redundancy: maxRedundancy, singles: [] };
        const components = new Set<string>();
        const visit = (ids: string[]): void => {
            for (const id of ids) {
                if (closure.ids.has(id)) continue;
                closure.ids.add(id);
                const dependency = own.get(id);
                if (!dependency) continue;
                closure.redundancy = Math.min(closure.redundancy, dependency.result.redundancy);
                for (const component of dependency.result.singles) {
                    if (!components.has(component)) {
                        components.add(component);
                        closure.singles.push({ component, via: id });
                    }
                }
                visit(dependency.draft.dependsOn);
            }
        };
        visit(dependsOn);
        return closure;
    };
    const closures = new Map<readonly string[], Closure>();
    // Functions with the same providers and dependencies (a host's receive, send and processing)
    // share one list of single failures.
    const failuresOf = new Map<ReturnType<typeof computeRedundancy>, Map<Closure, SingleFailure[]>>();
    const singleFailuresOf = (result: ReturnType<typeof computeRedundancy>, closure: Closure): SingleFailure[] => {
        let byClosure = failuresOf.get(result);
        if (!byClosure) failuresOf.set(result, byClosure = new Map());
        let failures = byClosure.get(closure);
        if (!failures) {
            // Usually one side is empty (a function is stopped by its own providers or by what it depends on).
            const own = result.singles.map(component => ({ component }));
            if (closure.singles.length === 0) failures = own;
            else if (own.length === 0) failures = closure.singles;
            else {
                const ownComponents = new Set(result.singles);
                failures = [...own, ...closure.singles.filter(failure => !ownComponents.has(failure.component))];
            }
            byClosure.set(closure, failures);
        }
        return failures;
    };
    const functions: FunctionResult[] = drafts.map(draft => {
        const mine = own.get(draft.id)!;
        let closure = closures.get(draft.dependsOn);
        if (!closure) closures.set(draft.dependsOn, closure = dependencyClosure(draft.dependsOn));
        if (closure.ids.has(draft.id)) closure = dependencyClosure(draft.dependsOn, draft.id);
        const redundancy = Math.min(mine.result.redundancy, closure.redundancy);
        const singleFailures = singleFailuresOf(mine.result, closure);
        return {
            ...draft,
            paths: mine.paths,
            ownRedundancy: mine.result.redundancy,
            ownSingleFailures: mine.result.singles,
            redundancy: Math.min(redundancy, maxRedundancy),
            singleFailures,
            doubleFailures: mine.result.pairs
        };
    });
    return {
        group: group.name,
        source: group.source,
        availability: group.availability,
        functions,
        ...componentsOf(group, functions)
    };
}

function componentsOf(group: GroupModel, functions: FunctionResult[]): Pick<GroupAnalysis, 'components' | 'worstSingleFailure'> {
    const biztalk = new Set(biztalkComputers(group));
    const sql = new Set(sqlComputers(group));
    const stops = new Map<string, string[]>();
    for (const fn of functions) {
        for (const failure of fn.singleFailures) {
            const list = stops.get(failure.component) ?? [];
            list.push(fn.id);
            stops.set(failure.component, list);
        }
    }
    const components: ComponentResult[] = [];
    const sites = new Set<string>();
    const hypervisors = new Set<string>();
    // Only the computers the group uses; functions added later (file servers, ...) may place more.
    const used = usedComputers(group);
    for (const fn of functions) for (const placement of fn.placements) used.add(placement.computer);
    for (const computer of group.computers.values()) {
        if (!used.has(computer.name)) continue;
        const tier: Tier = biztalk.has(computer.name) ? 'biztalk' : sql.has(computer.name) ? 'sql' : 'other';
        const id = computerId(computer.name);
        components.push({ id, kind: 'computer', name: computer.name, tier, site: computer.site, hypervisor: computer.hypervisor, stops: stops.get(id) ?? [], source: computer.source });
        if (computer.site) sites.add(computer.site);
        if (computer.hypervisor) hypervisors.add(computer.hypervisor);
    }
    for (const site of sites) {
        const id = siteId(site);
        components.push({ id, kind: 'site', name: site, tier: 'other', stops: stops.get(id) ?? [] });
    }
    for (const hypervisor of hypervisors) {
        const id = hypervisorId(hypervisor);
        components.push({ id, kind: 'hypervisor', name: hypervisor, tier: 'other', stops: stops.get(id) ?? [] });
    }
    let worst: ComponentResult | undefined;
    for (const component of components) {
        if (component.stops.length > 0 && (!worst || component.stops.length > worst.stops.length)) worst = component;
    }
    return { components, worstSingleFailure: worst?.id };
}
