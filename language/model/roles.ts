import type { GroupModel, SqlInstanceModel } from './topology.js';
import { oncePer } from '../workspace/once-per.js';

/**
 * A computer's role is never declared: it follows from what runs on it. These queries are the
 * one definition the analysis (tiers, providers) and the rules share.
 */

/** The computers a SQL instance can run on: its computer, or its cluster's nodes (a failover cluster instance). */
export function sqlInstanceComputers(group: GroupModel, sql: SqlInstanceModel | undefined): string[] {
    if (!sql?.server) return [];
    return sql.server.kind === 'computer' ? [sql.server.name] : group.clusters.get(sql.server.name)?.nodes ?? [];
}

/** Computers that run an instance of any host of the group: the BizTalk runtime computers. */
export const biztalkComputers: (group: GroupModel) => readonly string[] = oncePer(group => {
    const names = new Set<string>();
    for (const host of group.hosts.values()) {
        for (const instance of host.instances) names.add(instance.computer);
    }
    return [...names];
});

/** Computers that run a SQL Server instance or are nodes of a cluster holding one. */
export const sqlComputers: (group: GroupModel) => readonly string[] = oncePer(group => {
    const names = new Set<string>();
    for (const sql of group.sqlInstances.values()) sqlInstanceComputers(group, sql).forEach(c => names.add(c));
    return [...names];
});

/** The server part of a UNC path (`\\fs01\share` → `fs01`), or undefined for any other path. */
export function uncServer(path: string): string | undefined {
    return /^\\\\([^\\]+)\\/.exec(path)?.[1];
}

/** A path on a drive letter (`D:\Backup`): on whichever computer reads or writes it. */
export function isLocalDrivePath(path: string): boolean {
    return /^[A-Za-z]:/.test(path);
}

/**
 * The declared computer or cluster a server name denotes. Windows names are case-insensitive, and
 * a fully qualified name (`fs01.contoso.com`) denotes computer FS01.
 */
export function serverElement(group: GroupModel, server: string): { kind: 'computer' | 'cluster'; name: string } | undefined {
    const name = server.split('.')[0].toLowerCase();
    for (const computer of group.computers.values()) if (computer.name.toLowerCase() === name) return { kind: 'computer', name: computer.name };
    for (const cluster of group.clusters.values()) if (cluster.name.toLowerCase() === name) return { kind: 'cluster', name: cluster.name };
    return undefined;
}

/**
 * The computers a group uses: declared in it, or named by what it declares or uses (host
 * instances, SQL instances and their clusters, clustered hosts, the master secret server, its own
 * load balancers). A computer that only shares a workspace cluster or load balancer with one of
 * them (a second node in an inventory file) is in the model for the rules, but not used.
 */
export function usedComputers(group: GroupModel): Set<string> {
    const used = new Set<string>([...biztalkComputers(group), ...sqlComputers(group)]);
    for (const computer of group.computers.values()) if (computer.local) used.add(computer.name);
    const clusters = new Set<string>();
    for (const cluster of group.clusters.values()) if (cluster.local) clusters.add(cluster.name);
    for (const host of group.hosts.values()) if (host.clusteredOn) clusters.add(host.clusteredOn);
    for (const sql of group.sqlInstances.values()) if (sql.server?.kind === 'cluster') clusters.add(sql.server.name);
    const mss = group.sso?.masterSecretServer;
    if (mss?.kind === 'cluster') clusters.add(mss.name);
    else if (mss) used.add(mss.name);
    for (const name of clusters) group.clusters.get(name)?.nodes.forEach(node => used.add(node));
    for (const nlb of group.nlbs.values()) if (nlb.local) nlb.members.forEach(member => used.add(member));
    return used;
}

/** A declared computer or cluster that serves files: the server part of a UNC path. */
export type FileServer = NonNullable<ReturnType<typeof serverElement>>;

/** The declared computer or cluster (by name or network name) a UNC path (`\\FS01\share\in`) is served from; none for a local path or an undeclared server. */
export function fileServerOf(group: GroupModel, path: string | undefined): FileServer | undefined {
    const server = path === undefined ? undefined : uncServer(path);
    if (!server) return undefined;
    const element = serverElement(group, server);
    if (element) return element;
    // A cluster's client access point (`network-name`) is served by the cluster as well.
    const name = server.split('.')[0].toLowerCase();
    const cluster = [...group.clusters.values()].find(c => c.networkName?.toLowerCase() === name);
    return cluster ? { kind: 'cluster', name: cluster.name } : undefined;
}

/** The computers a server (a file server, a queue manager) runs on: the computer itself, or the cluster's nodes. */
export function serverComputers(group: GroupModel, server: { kind: 'computer' | 'cluster'; name: string }): string[] {
    return server.kind === 'computer' ? [server.name] : group.clusters.get(server.name)?.nodes ?? [];
}

/** The kinds of account a .bizha file can name (see docs/language.md, Accounts). */
export type AccountKind = 'builtin' | 'local' | 'domain' | 'upn' | 'fqdn-domain';

const builtInAccounts = new Set(['LocalSystem', 'NetworkService', 'LocalService']);

/**
 * What an account value names, as written: the three built-in identities (and `NT AUTHORITY\x`,
 * `NT SERVICE\x`); `user@contoso.com` (a user principal name); `contoso.com\x` (a DNS domain name
 * where Windows expects the NetBIOS one); `.\x`, `<computer>\x` or a name without a domain part
 * (local); any other `DOMAIN\x` (domain). `computers` are the names that make a prefix local.
 */
export function accountKind(value: string, computers?: { has(name: string): boolean }): AccountKind {
    if (builtInAccounts.has(value)) return 'builtin';
    if (value.includes('@')) return 'upn';
    const slash = value.indexOf('\\');
    if (slash < 0) return 'local';
    const prefix = value.slice(0, slash);
    const upper = prefix.toUpperCase();
    if (upper === 'NT AUTHORITY' || upper === 'NT SERVICE') return 'builtin';
    if (prefix === '.' || computers?.has(prefix)) return 'local';
    return prefix.includes('.') ? 'fqdn-domain' : 'domain';
}

/** An account as .bizha text: as it is when it lexes as one account token, quoted (backslashes doubled) otherwise. */
export function accountText(value: string): string {
    if (builtInAccounts.has(value) || /^(?:[A-Za-z0-9_.-]+\\[A-Za-z0-9_.$-]+|[A-Za-z0-9_.$-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)$/.test(value)) return value;
    return `"${value.replace(/[\\"]/g, match => `\\${match}`)}"`;
}
