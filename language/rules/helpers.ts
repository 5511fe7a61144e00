import type { ComponentId, FunctionResult, GroupAnalysis } from '../analysis/types.js';
import type { AstNode } from 'langium';
import { componentKind, componentName, isComputer } from '../analysis/types.js';
import * as ast from '../generated/ast.js';
import type { AccountModel, DatabaseModel, GroupModel, HandlerModel, HostModel, SqlInstanceModel } from '../model/topology.js';
import type { GroupRuleContext, RelatedLocation } from './rule.js';
import { accountKind, biztalkComputers, sqlComputers, sqlInstanceComputers } from '../model/roles.js';
import { oncePer } from '../workspace/once-per.js';

// The role queries live with the model; rules and editor features import them from here too.
export { biztalkComputers, sqlComputers, sqlInstanceComputers as computersOfSql };

/** The computers with an enabled instance of the host, each once. */
export const distinctEnabledComputers: (host: HostModel) => readonly string[] = oncePer(host => {
    const names = new Set<string>();
    for (const instance of host.instances) {
        if (!instance.disabled) names.add(instance.computer);
    }
    return [...names];
});

export function hasWork(host: HostModel): boolean {
    return host.handlers.length > 0 || !!host.orchestrations || !!host.tracking;
}

export const builtInIdentities = ['LocalSystem', 'NetworkService', 'LocalService'];

export type AccountScope = 'built-in' | 'local' | 'domain';

/**
 * The reference's account rule: `.\x` or `<declared computer>\x` is local; the three identities are built-in.
 * Version 2: a quoted name without a domain part is local; `user@domain` and `domain.tld\x` are domain accounts.
 */
export function accountScope(account: AccountModel | string, group: GroupModel): AccountScope {
    const kind = accountKind(typeof account === 'string' ? account : account.value, group.computers);
    return kind === 'builtin' ? 'built-in' : kind === 'local' ? 'local' : 'domain';
}

export function allAccounts(group: GroupModel): AccountModel[] {
    const accounts = [...group.hosts.values()].flatMap(host => host.accounts);
    if (group.sso?.administrators) accounts.push(group.sso.administrators);
    return accounts;
}

/** The domain the group's domain accounts use (CONTOSO when it has none): what a fix writes before a new account name. */
export function domainOf(group: GroupModel): string {
    const domain = allAccounts(group).map(a => a.value).find(v => accountScope(v, group) === 'domain' && v.includes('\\'));
    return domain ? domain.slice(0, domain.indexOf('\\')) : 'CONTOSO';
}

/** "A", "A and B", "A, B and C". */
/**
 * 'Standard' or 'Branch' when the group's edition allows one BizTalk computer only: advice to add a
 * second computer must then start with Enterprise edition (HA-EDITION-SCALEOUT objects otherwise).
 */
export function singleComputerEdition(group: GroupModel): 'Standard' | 'Branch' | undefined {
    return group.edition === 'standard' ? 'Standard' : group.edition === 'branch' ? 'Branch' : undefined;
}

/** The advice sentence that goes before "add a second computer" in a single-computer edition. */
export function enterpriseFirstAdvice(edition: 'Standard' | 'Branch'): string {
    return `${edition} edition allows one BizTalk computer per group, so first change the group to \`edition enterprise\`.`;
}

export function listText(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "BTS01", "site DC1" or "hypervisor HV1". */
export function componentText(id: string): string {
    return isComputer(id) ? componentName(id) : `${componentKind(id)} ${componentName(id)}`;
}

/** The single computer failures (not sites or hypervisors) that stop a function's own providers. */
export function computerSingleFailures(fn: FunctionResult): string[] {
    return fn.ownSingleFailures.filter(isComputer).map(componentName);
}

/**
 * Receive and send handlers whose high availability comes from a clustered host rather than a
 * second active instance (their adapter rule says so): a second instance leaves them at risk or
 * makes them read twice, so fixes must not scale their host out.
 */
export function needsClusteredHost(handler: HandlerModel): boolean {
    const adapter = handler.info?.name;
    if (handler.direction === 'send') return adapter === 'MSMQ';
    if (orderedReceive(handler)) return true;
    switch (adapter) {
        case 'FTP': case 'SFTP': case 'SAP': case 'WCF-SAP': case 'SQL': case 'WCF-NetMsmq': return true;
        case 'MSMQ': return !handler.remoteQueue && !handler.nonTransactional;
        case 'POP3': return handler.sharedMailbox;
        default: return false;
    }
}

/**
 * Receive adapters that keep message order when submitting to BizTalk: MSMQ and MQSeries
 * (ordered-delivery-of-messages.md), and WCF-NetMsmq with its "Ordered processing" property
 * (how-to-configure-a-wcf-netmsmq-receive-location.md).
 */
export const orderPreservingReceiveAdapters: readonly string[] = ['MSMQ', 'MQSeries', 'WCF-NetMsmq'];

/** A receive handler marked `ordered` whose adapter honours it: it needs a single active instance. */
export function orderedReceive(handler: HandlerModel): boolean {
    return handler.direction === 'receive' && handler.ordered && orderPreservingReceiveAdapters.includes(handler.info?.name ?? '');
}

/** Handlers that justify clustering a host (catalog: HA-CLHOST-UNNEEDED). */
export function justifiesClustering(handler: HandlerModel): boolean {
    const adapter = handler.info?.name ?? '';
    // Sends scale out (the adapter matrix); only MSMQ sends depend on a clustered local queue.
    if (handler.direction === 'send') return adapter === 'MSMQ' || adapter === 'WCF-NetMsmq';
    if (orderedReceive(handler)) return true;
    return ['FTP', 'SFTP', 'POP3', 'MSMQ', 'WCF-NetMsmq', 'SAP', 'WCF-SAP', 'SQL', 'WCF-NetTcp', 'WCF-Custom'].includes(adapter);
}

/** Each analysis' functions by host, built on first use: rules ask per host, and a group may have thousands. */
const functionsByHost = oncePer((analysis: GroupAnalysis) => {
    const byHost = new Map<string, FunctionResult[]>();
    for (const fn of analysis.functions) {
        if (fn.host === undefined) continue;
        const list = byHost.get(fn.host);
        if (list) list.push(fn);
        else byHost.set(fn.host, [fn]);
    }
    return byHost;
});

function functionsOfHost(analysis: GroupAnalysis, host: string): readonly FunctionResult[] {
    return functionsByHost(analysis).get(host) ?? [];
}

/** The work (receive, processing, send) of each host of an analysis. */
const workByHost = oncePer((analysis: GroupAnalysis) => new Map([...functionsByHost(analysis)].map(([host, functions]) =>
    [host, functions.filter(fn => fn.kind === 'receive' || fn.kind === 'send' || fn.kind === 'processing')])));

/** The functions (receive, processing, send) a host provides. */
export function hostFunctions(analysis: GroupAnalysis, host: HostModel): readonly FunctionResult[] {
    return workByHost(analysis).get(host.name) ?? [];
}

export function handlerFunction(analysis: GroupAnalysis, host: HostModel, handler: HandlerModel): FunctionResult | undefined {
    // A handler's function carries the handler's own source object.
    return functionsOfHost(analysis, host.name).find(fn => fn.kind === handler.direction && fn.source === handler.source);
}

/** A SQL instance or availability group and the group's databases in it. */
export interface DatabaseContainer {
    readonly kind: 'sql' | 'availability-group';
    readonly name: string;
    readonly databases: readonly DatabaseModel[];
}

/** Containers (SQL instances, availability groups) that hold the group's databases, in order of first use. */
export const databaseContainers: (group: GroupModel) => readonly DatabaseContainer[] = oncePer(group => {
    const containers: Array<{ kind: 'sql' | 'availability-group'; name: string; databases: DatabaseModel[] }> = [];
    for (const database of group.databases) {
        if (!database.container) continue;
        let container = containers.find(c => c.kind === database.container!.kind && c.name === database.container!.name);
        if (!container) {
            container = { ...database.container, databases: [] };
            containers.push(container);
        }
        container.databases.push(database);
    }
    return containers;
});

/** A database BizTalk itself uses (a catalog name or a declared kind), not an application's own. */
export function isBizTalkDatabase(database: DatabaseModel): boolean {
    return database.kind !== 'custom' || !!database.info;
}

/** Availability groups that hold at least one BizTalk database: the ones BizTalk's AG rules concern. */
export function availabilityGroupsHoldingBizTalk(group: GroupModel): Set<string> {
    return new Set(group.databases.filter(d => d.container?.kind === 'availability-group' && isBizTalkDatabase(d)).map(d => d.container!.name));
}

/** SQL instances that hold the group's databases, directly or as availability group replicas. */
export const sqlInstancesHoldingDatabases: (group: GroupModel) => readonly SqlInstanceModel[] = oncePer(group => {
    const names = new Set<string>();
    for (const container of databaseContainers(group)) {
        if (container.kind === 'sql') names.add(container.name);
        else group.availabilityGroups.get(container.name)?.replicas.forEach(r => names.add(r.sql));
    }
    return [...names].map(name => group.sqlInstances.get(name)).filter((sql): sql is SqlInstanceModel => !!sql);
});

export function computerRelated(group: GroupModel, names: readonly string[], what = 'declared here'): RelatedLocation[] {
    return names.map(name => group.computers.get(name)).filter((c): c is NonNullable<typeof c> => !!c)
        .map(computer => ({ message: `${computer.name} ${what}`, source: computer.source }));
}

/** Receive handlers of hosts that are not clustered but run somewhere: where the "must be clustered" rules look. */
export const unclusteredReceives: (group: GroupModel) => ReadonlyArray<{ host: HostModel; handler: HandlerModel; computers: readonly string[] }> = oncePer(group => {
    const receives: Array<{ host: HostModel; handler: HandlerModel; computers: readonly string[] }> = [];
    for (const host of group.hosts.values()) {
        if (host.clusteredOn) continue;
        const computers = distinctEnabledComputers(host);
        if (computers.length === 0) continue;
        for (const handler of host.handlers) {
            if (handler.direction === 'receive') receives.push({ host, handler, computers });
        }
    }
    return receives;
});

/** One `log-shipping to` of the group's backup jobs, placed relative to production. */
export interface LogShippingTarget {
    readonly sql: string;
    /** The `log-shipping to` property. */
    readonly node: AstNode;
    readonly computers: string[];
    /** The standby is an instance that holds the group's databases itself. */
    readonly production: boolean;
    /** Computers the standby shares with the production SQL instances. */
    readonly sharedComputers: string[];
    /** The production sites the standby's computers are in. */
    readonly sharedSites: string[];
    /** Every computer of the standby declares a site, and none is a production SQL site. */
    readonly inAnotherSite: boolean;
}

export function logShippingTargets(group: GroupModel): LogShippingTarget[] {
    const production = sqlInstancesHoldingDatabases(group);
    const productionComputers = new Set(production.flatMap(sql => sqlInstanceComputers(group, sql)));
    const siteOf = (computer: string) => group.computers.get(computer)?.site;
    const productionSites = new Set([...productionComputers].map(siteOf).filter((site): site is string => !!site));
    const targets: LogShippingTarget[] = [];
    for (const job of group.backupJobs) {
        for (const property of (job.node.properties ?? []).filter(ast.isLogShipping)) {
            const name = property.target?.ref?.name ?? property.target?.$refText;
            const sql = name ? group.sqlInstances.get(name) : undefined;
            if (!name || !sql) continue;
            const computers = sqlInstanceComputers(group, sql);
            const sites = computers.map(siteOf);
            targets.push({
                sql: name, node: property, computers,
                production: production.includes(sql),
                sharedComputers: computers.filter(c => productionComputers.has(c)),
                sharedSites: [...new Set(sites.filter((site): site is string => !!site && productionSites.has(site)))],
                inAnotherSite: computers.length > 0 && sites.every(site => !!site && !productionSites.has(site))
            });
        }
    }
    return targets;
}

/**
 * Where a rule reports about a function as a whole: the host's `instances on`, the SQL instance or
 * availability group of a database, `master-secret-server`, the tracking host's `tracking`, the
 * file server's or queue manager's declaration. One anchor per cause: functions sharing it share a diagnostic.
 */
export function functionAnchor(group: GroupModel, at: GroupRuleContext['at'], fn: FunctionResult): AstNode | undefined {
    if (fn.host) {
        const host = group.hosts.get(fn.host);
        return host?.instanceLists[0] ?? host?.node;
    }
    switch (fn.kind) {
        case 'database': {
            const database = group.databases.find(d => d.name === fn.database);
            const container = database?.container;
            const element = container?.kind === 'sql' ? group.sqlInstances.get(container.name) : container ? group.availabilityGroups.get(container.name) : undefined;
            return element ? at(element) : undefined;
        }
        case 'master-secret-server': return group.sso?.masterSecretServer?.node;
        case 'tracking': return [...group.hosts.values()].find(h => h.tracking && h.type === 'in-process')?.tracking;
        case 'file-server': {
            const name = fn.id.slice('file-server:'.length);
            const element = group.clusters.get(name) ?? group.computers.get(name);
            return element ? at(element) : undefined;
        }
        case 'queue-manager': {
            const manager = group.queueManagers.get(fn.id.slice('queue-manager:'.length));
            return manager ? at(manager) : undefined;
        }
        default: return undefined;
    }
}

/**
 * Functions whose own providers all fail with one component of a kind (a site, a hypervisor) that
 * no single computer explains (a single computer is the SPOF rules' finding), grouped by where the
 * group declares them; with the component's name.
 */
export function functionsStoppedBy(group: GroupModel, analysis: GroupAnalysis, at: GroupRuleContext['at'], ofKind: (id: ComponentId) => boolean): Map<AstNode, { component: string; functions: FunctionResult[] }> {
    const byAnchor = new Map<AstNode, { component: string; functions: FunctionResult[] }>();
    for (const fn of analysis.functions) {
        const component = fn.ownSingleFailures.find(ofKind);
        if (!component || fn.ownSingleFailures.some(isComputer)) continue;
        const anchor = functionAnchor(group, at, fn);
        if (!anchor) continue;
        const entry = byAnchor.get(anchor);
        if (entry) entry.functions.push(fn);
        else byAnchor.set(anchor, { component: componentName(component), functions: [fn] });
    }
    return byAnchor;
}

/** The option node of a database (`BizTalkMsgBoxDb (mirrored)`) that matches, when the database is written with one. */
export function databaseOptionNode(database: DatabaseModel, match: (option: ast.DatabaseOption) => boolean): ast.DatabaseOption | undefined {
    return (database.node).options.filter(match).at(-1);
}
