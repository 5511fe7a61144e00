import type { AstNode } from 'langium';
import * as ast from '../../language/generated/ast.js';
import type { AnalyzedGroup } from '../../language/analysis/analysis-service.js';
import { componentName, computerId, type ComponentResult, type FunctionResult, type GroupAnalysis, type Mechanism } from '../../language/analysis/types.js';
import type { ClusterModel, DatabaseModel, GroupModel, HostModel, NlbModel, SqlInstanceModel, AvailabilityGroupModel, ComputerModel, QueueManagerModel } from '../../language/model/topology.js';
import { componentText, computersOfSql, listText, plural } from '../../language/rules/helpers.js';
import { findAdapter, findDatabase, type AdapterInfo } from '../../language/model/catalog.js';
import { accountKind } from '../../language/model/roles.js';
import { docTitle, docUrl, type GlossaryEntry } from '../../language/docs/glossary.js';
import { receiveStrategyText, sendStrategyText } from './bizha-completion-provider.js';
import { kindOrder, shortLabel, targetText } from '../../preview/labels.js';

/**
 * Hover texts for declared elements, adapters, databases and accounts. Everything about
 * redundancy is read from the analysis result (never recomputed here).
 */

const maxListed = 10;

export function sourcesLine(paths: readonly string[]): string {
    return `Source: ${paths.map(path => `[${docTitle(path)}](${docUrl(path)})`).join(' · ')}`;
}

export function glossaryMarkdown(entry: GlossaryEntry): string {
    return [`**${entry.term}**`, entry.text, ...(entry.notes ?? []), sourcesLine(entry.sources)].join('\n\n');
}

function code(name: string): string {
    return `\`${name}\``;
}

/** "a, b and c", or "a, b, c, d and 5 more". */
function shortList(items: readonly string[], max = 4): string {
    return items.length <= max ? listText(items) : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function capped(items: readonly string[], max = maxListed): string[] {
    return items.length <= max ? [...items] : [...items.slice(0, max), `and ${items.length - max} more`];
}

/** How a function is provided, in an administrator's words ("one computer", "scaled out on 2 computers"). */
function mechanismText(mechanism: Mechanism, providers: readonly string[]): string {
    switch (mechanism) {
        case 'scale-out': return `scaled out on ${plural(providers.length, 'computer')} (${shortList(providers)})`;
        case 'load-balanced': return `scaled out on ${plural(providers.length, 'computer')} (${shortList(providers)}) behind a load balancer`;
        case 'unbalanced': return `instances on ${plural(providers.length, 'computer')} (${shortList(providers)}) but no load balancer in front, so clients address one of them`;
        case 'clustered-failover': return `clustered: active on one of ${listText(providers)} at a time, failing over to another`;
        case 'sql-fci': return `SQL failover cluster instance on ${listText(providers)}`;
        case 'availability-group': return `availability group with synchronous replicas on ${listText(providers)}`;
        case 'single': return 'one computer';
        case 'none': return 'nothing runs it';
    }
}

/** What one, two or three failures do to the function's own providers. */
function survivalText(redundancy: number, singles: readonly string[]): string {
    switch (redundancy) {
        case 0: return 'down already: nothing provides it';
        case 1: return `stops if ${orList(singles.map(componentText))} fails`;
        case 2: return 'keeps running if any one of them fails';
        default: return 'keeps running if any two of them fail';
    }
}

/** "A", "A or B", "A, B or 3 more". */
function orList(items: readonly string[], max = 4): string {
    if (items.length <= 1) return items.join('');
    const shown = items.length <= max ? items : [...items.slice(0, max - 1), `${items.length - max + 1} more`];
    return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function functionLabel(analysis: GroupAnalysis, id: string): string {
    return analysis.functions.find(fn => fn.id === id)?.label ?? id;
}

/**
 * The availability of functions that share their providers (a host's, a database's), in words:
 * "one computer: stops if BTS01 fails", then what they depend on that can stop them too.
 */
function availabilitySection(analysis: GroupAnalysis, functions: readonly FunctionResult[], useOwn = false): string[] {
    const provision = functions.find(fn => fn.kind !== 'http-entry') ?? functions[0];
    if (!provision) return [];
    const ownRedundancy = Math.min(...functions.map(fn => fn.ownRedundancy));
    const ownSingles = [...new Set(functions.flatMap(fn => fn.ownSingleFailures))];
    const lines = [`- **Availability:** ${mechanismText(provision.mechanism, provision.providers)}: ${survivalText(ownRedundancy, ownSingles)}`];
    if (ownRedundancy === 0) return lines;
    if (!useOwn) {
        // Failures of what the functions depend on (the MessageBox, ...), grouped by component.
        const through = new Map<string, Set<string>>();
        for (const fn of functions) {
            for (const failure of fn.singleFailures) {
                if (ownSingles.includes(failure.component)) continue;
                const via = through.get(failure.component) ?? new Set<string>();
                if (failure.via) via.add(functionLabel(analysis, failure.via));
                through.set(failure.component, via);
            }
        }
        if (through.size > 0) {
            const causes = [...through.entries()].map(([component, via]) => `${componentText(component)} fails${via.size ? ` (through ${shortList([...via], 2)})` : ''}`);
            lines.push(`- **Also stops if:** ${causes.length <= 3 ? causes.join('; or ') : `${causes.slice(0, 2).join('; or ')}; or one of ${causes.length - 2} more`}`);
        }
    }
    if (ownRedundancy === 2 && (useOwn || !functions.some(fn => fn.singleFailures.length > 0))) {
        // A pair of its own providers is what "any one of them" already says; a site or a shared node is news.
        const providers = new Set(provision.providers.map(computerId));
        const pair = functions.flatMap(fn => fn.doubleFailures).find(pair => pair.some(id => !providers.has(id)));
        if (pair) lines.push(`- **Two failures:** losing ${listText(pair.map(componentText))} together stops it`);
    }
    return lines;
}

/** A summary of many functions by kind: "receive (FILE on A, FTP on A), processing on A, 3 send handlers, tracking". */
export function functionsSummary(analysis: GroupAnalysis, ids: readonly string[]): string {
    const byKind = new Map<string, FunctionResult[]>();
    for (const id of ids) {
        const fn = analysis.functions.find(f => f.id === id);
        if (!fn) continue;
        byKind.set(fn.kind, [...(byKind.get(fn.kind) ?? []), fn]);
    }
    const rank = (kind: string) => { const i = kindOrder.indexOf(kind as FunctionResult['kind']); return i < 0 ? kindOrder.length : i; };
    const parts = [...byKind.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([kind, fns]) => {
        const noun = kindNouns[kind] ?? [kind, `${kind} functions`];
        if (fns.length === 1) return fns[0].label;
        if (fns.length <= 3) return `${noun[1]} (${fns.map(fn => shortLabel(fn)).join(', ')})`;
        return `${fns.length} ${noun[1]}`;
    });
    return listText(parts);
}

/** Singular and plural words for a function kind (new kinds read as their id). */
const kindNouns: Record<string, [string, string]> = {
    receive: ['receive handler', 'receive handlers'],
    send: ['send handler', 'send handlers'],
    processing: ['processing host', 'processing hosts'],
    tracking: ['tracking', 'tracking'],
    database: ['database', 'databases'],
    'master-secret-server': ['master secret server', 'master secret servers'],
    'http-entry': ['load-balanced entry point', 'load-balanced entry points']
};

function groupOf(model: GroupModel): string {
    return `group **${model.name}**`;
}

// ---- hosts ----------------------------------------------------------------------------

export function hostHover({ model, analysis }: AnalyzedGroup, host: HostModel): string {
    const header = `**host ${code(host.name)}**: ${host.type} host${host.clusteredOn ? `, clustered on ${host.clusteredOn}` : ''} in ${groupOf(model)}`;
    const functions = analysis.functions.filter(fn => fn.host === host.name);
    const tracking = host.tracking && host.type !== 'isolated' ? analysis.functions.find(fn => fn.kind === 'tracking') : undefined;
    const all = tracking ? [...functions, tracking] : functions;
    const does = all.map(fn => fn.kind === 'tracking' ? 'tracking (for the whole group)' : fn.label.replace(` on ${host.name}`, '').replace(/ of .*$/, ''));
    const lines = [header, ''];
    lines.push(`- **Functions:** ${does.length ? does.join(', ') : 'none: no handlers, orchestrations or tracking, so nothing depends on it'}`);
    const provision = functions.find(fn => fn.kind !== 'http-entry');
    const placements = provision?.placements ?? host.instances.map(i => ({ computer: i.computer, role: i.disabled ? 'disabled' : 'active' }));
    lines.push(`- **Instances:** ${placements.length ? placements.map(p => p.role === 'active' ? p.computer : `${p.computer} (${p.role})`).join(', ') : 'none'}`);
    lines.push(...availabilitySection(analysis, all));
    return lines.join('\n');
}

// ---- computers ------------------------------------------------------------------------

function tierText(component: ComponentResult | undefined): string {
    switch (component?.tier) {
        case 'biztalk': return 'BizTalk computer';
        case 'sql': return 'SQL computer';
        default: return 'computer with no BizTalk or SQL role';
    }
}

function computerRoles(model: GroupModel, name: string): string[] {
    const roles: string[] = [];
    const hosts = [...model.hosts.values()].filter(h => h.instances.some(i => i.computer === name));
    if (hosts.length) roles.push(`instances of ${listText(hosts.map(h => h.instances.some(i => i.computer === name && !i.disabled) ? h.name : `${h.name} (disabled)`))}`);
    const sql = [...model.sqlInstances.values()].filter(s => s.server?.kind === 'computer' && s.server.name === name);
    if (sql.length) roles.push(`SQL instance ${listText(sql.map(s => s.name))}`);
    const clusters = [...model.clusters.values()].filter(c => c.nodes.includes(name));
    if (clusters.length) roles.push(`node of cluster ${listText(clusters.map(c => c.name))}`);
    const nlbs = [...model.nlbs.values()].filter(n => n.members.includes(name));
    if (nlbs.length) roles.push(`member of load balancer ${listText(nlbs.map(n => n.name))}`);
    if (model.sso?.masterSecretServer?.kind === 'computer' && model.sso.masterSecretServer.name === name) roles.push('master secret server');
    return roles;
}

export function computerHover({ model, analysis }: AnalyzedGroup, computer: ComputerModel): string {
    const component = analysis.components.find(c => c.id === computerId(computer.name));
    const lines = [`**computer ${code(computer.name)}**: ${tierText(component)} in ${groupOf(model)}${computer.site ? `, site ${computer.site}` : ''}`, ''];
    const roles = computerRoles(model, computer.name);
    lines.push(`- **Runs:** ${roles.length ? roles.join('; ') : 'nothing in this group yet'}`);
    if (computer.msdtcOff) lines.push('- **Network DTC access:** off');
    const stops = component?.stops ?? [];
    if (stops.length === 0) {
        lines.push(`- **If it fails alone:** no function stops.`);
    } else {
        lines.push(`- **If it fails alone, ${plural(stops.length, 'function')} stop:** ${functionsSummary(analysis, stops)}`);
    }
    return lines.join('\n');
}

// ---- clusters -------------------------------------------------------------------------

function worstOf(analysis: GroupAnalysis, computers: readonly string[]): string {
    let worst: ComponentResult | undefined;
    for (const name of computers) {
        const component = analysis.components.find(c => c.id === computerId(name));
        if (component && component.stops.length > 0 && (!worst || component.stops.length > worst.stops.length)) worst = component;
    }
    return worst
        ? `- **Worst single failure:** ${worst.name} stops ${plural(worst.stops.length, 'function')} (${shortList(worst.stops.map(id => functionLabel(analysis, id)))})`
        : '- **Worst single failure:** none; no single computer failure here stops a function';
}

function databaseFunctions(analysis: GroupAnalysis, databases: readonly DatabaseModel[]): FunctionResult[] {
    return databases.map(d => analysis.functions.find(fn => fn.kind === 'database' && fn.database === d.name)).filter((fn): fn is FunctionResult => !!fn);
}

export function clusterHover({ model, analysis }: AnalyzedGroup, cluster: ClusterModel): string {
    const lines = [`**cluster ${code(cluster.name)}**: Windows Server failover cluster${cluster.local ? ' in' : ' used by'} ${groupOf(model)}`, ''];
    lines.push(`- **Nodes:** ${cluster.nodes.length ? cluster.nodes.join(', ') : 'none'}`);
    lines.push(`- **Shared storage:** ${cluster.storage ?? 'none declared'}`);
    const resources = [cluster.msdtc && 'msdtc', cluster.msmq && 'msmq', cluster.iis && 'iis'].filter((r): r is string => !!r);
    lines.push(`- **Clustered resources:** ${resources.length ? resources.join(', ') : 'none'}`);
    const fcis = [...model.sqlInstances.values()].filter(s => s.server?.kind === 'cluster' && s.server.name === cluster.name);
    const hosts = [...model.hosts.values()].filter(h => h.clusteredOn === cluster.name);
    const mss = model.sso?.masterSecretServer?.kind === 'cluster' && model.sso.masterSecretServer.name === cluster.name;
    const roles = [
        ...fcis.map(s => `SQL failover cluster instance ${s.name}`),
        ...hosts.map(h => `clustered host ${h.name}`),
        ...(mss ? ['master secret server'] : [])
    ];
    lines.push(`- **Roles:** ${roles.length ? roles.join(', ') : 'none in this group'}`);
    const functions = [
        ...databaseFunctions(analysis, model.databases.filter(d => d.container?.kind === 'sql' && fcis.some(s => s.name === d.container!.name))),
        ...analysis.functions.filter(fn => fn.host !== undefined && hosts.some(h => h.name === fn.host) && fn.kind !== 'http-entry'),
        ...(mss ? analysis.functions.filter(fn => fn.kind === 'master-secret-server') : [])
    ];
    if (functions.length) {
        const redundancy = Math.min(...functions.map(fn => fn.ownRedundancy));
        lines.push(`- **Its roles:** ${survivalText(redundancy, [...new Set(functions.flatMap(fn => fn.ownSingleFailures))])}`);
    }
    lines.push(worstOf(analysis, cluster.nodes));
    if (mss) lines.push('', 'The master secret must be restored on every node of this cluster; bizha cannot check that.');
    return lines.join('\n');
}

// ---- SQL instances and availability groups ---------------------------------------------

export function sqlHover(analyzed: AnalyzedGroup, sql: SqlInstanceModel): string {
    const { model, analysis } = analyzed;
    const computers = computersOfSql(model, sql);
    const kind = !sql.server ? 'SQL Server instance on an unknown server'
        : sql.server.kind === 'cluster' ? `SQL Server failover cluster instance on ${sql.server.name} (nodes ${listText(computers) || 'none'})`
            : `standalone SQL Server instance on ${sql.server.name}`;
    const lines = [`**sql ${code(sql.name)}**: ${kind}, ${sql.local ? 'in' : 'used by'} ${groupOf(model)}`, ''];
    const version = sql.version ? `${sql.version.year}${sql.version.sp ? ` sp ${sql.version.sp}` : ''}${sql.version.cu ? ` cu ${sql.version.cu}` : ''}` : 'not set';
    lines.push(`- **Edition / version:** ${sql.edition ?? 'not set'} / ${version}`);
    const databases = model.databases.filter(d => d.container?.kind === 'sql' && d.container.name === sql.name);
    const ags = [...model.availabilityGroups.values()].filter(ag => ag.replicas.some(r => r.sql === sql.name));
    lines.push(`- **Databases:** ${databases.length ? capped(databases.map(d => d.name)).join(', ') : 'none placed by this group'}`);
    if (ags.length) lines.push(`- **Replica of:** ${ags.map(ag => `${ag.name} (${ag.replicas.find(r => r.sql === sql.name)!.synchronous ? 'synchronous' : 'asynchronous'})`).join(', ')}`);
    if (model.backupJobs.some(job => job.logShippingTo.includes(sql.name))) lines.push('- **Standby:** destination of BizTalk log shipping');
    const functions = databaseFunctions(analysis, databases);
    if (functions.length) {
        lines.push(...availabilitySection(analysis, functions, true));
    } else if (!ags.length) {
        lines.push('- **Availability:** not computed: no database of this group is on it');
    }
    lines.push(worstOf(analysis, computers));
    return lines.join('\n');
}

export function availabilityGroupHover(analyzed: AnalyzedGroup, ag: AvailabilityGroupModel): string {
    const { model, analysis } = analyzed;
    const lines = [`**availability-group ${code(ag.name)}**: Always On availability group in ${groupOf(model)}`, ''];
    lines.push(`- **Replicas:** ${ag.replicas.length ? ag.replicas.map(r => `${r.sql} (${r.synchronous ? 'synchronous' : 'asynchronous'})`).join(', ') : 'none'}`);
    lines.push(`- **Listener:** ${ag.listener ? `${ag.listener}${ag.port ? ` port ${ag.port}` : ''}` : 'none declared'}`);
    lines.push(`- **DTC support:** ${ag.dtcSupport ?? 'not declared'}`);
    const databases = model.databases.filter(d => d.container?.kind === 'availability-group' && d.container.name === ag.name);
    lines.push(`- **Databases:** ${databases.length ? capped(databases.map(d => d.name)).join(', ') : 'none'}`);
    lines.push(...availabilitySection(analysis, databaseFunctions(analysis, databases), true));
    const computers = [...new Set(ag.replicas.flatMap(r => { const sql = model.sqlInstances.get(r.sql); return sql ? computersOfSql(model, sql) : []; }))];
    lines.push(worstOf(analysis, computers));
    return lines.join('\n');
}

// ---- load balancers ---------------------------------------------------------------------

export function nlbHover(analyzed: AnalyzedGroup, nlb: NlbModel): string {
    const { model, analysis } = analyzed;
    const lines = [`**nlb ${code(nlb.name)}**: ${nlb.kind === 'hardware' ? 'hardware load balancer' : 'Windows Network Load Balancing'} in ${groupOf(model)}`, ''];
    lines.push(`- **Members:** ${nlb.members.length ? nlb.members.join(', ') : 'none'}`);
    lines.push(`- **Fronts:** ${nlb.fronts.length ? nlb.fronts.join(', ') : 'nothing'}`);
    const entries = analysis.functions.filter(fn => fn.kind === 'http-entry' && fn.host && nlb.fronts.includes(fn.host));
    lines.push(...availabilitySection(analysis, entries));
    lines.push(worstOf(analysis, nlb.members));
    return lines.join('\n');
}

// ---- groups -------------------------------------------------------------------------------

export function groupHover({ model, analysis }: AnalyzedGroup): string {
    const version = `BizTalk Server ${model.version.year}${model.version.r2 ? ' R2' : ''}${model.version.cu ? ` CU${model.version.cu}` : ''}`;
    const lines = [`**group ${code(model.name)}**: ${version}, ${model.edition} edition, ${targetText(model.availability)}`, ''];
    const tiers = (tier: string) => analysis.components.filter(c => c.kind === 'computer' && c.tier === tier).length;
    lines.push(`- **Contains:** ${plural(model.computers.size, 'computer')} (${tiers('biztalk')} BizTalk, ${tiers('sql')} SQL), ${plural(model.hosts.size, 'host')}, ${plural(model.databases.length, 'database')}`);
    const weak = analysis.functions.filter(fn => fn.redundancy <= 1);
    lines.push(`- **Functions:** ${analysis.functions.length}, of which ${weak.length === 0 ? 'none has' : `${weak.length} ${weak.length === 1 ? 'has' : 'have'}`} a single point of failure or no provider`);
    // Summarised by what stops them, the most harmful first: a long list would not fit a hover.
    const missing = weak.filter(fn => fn.redundancy === 0).map(fn => fn.id);
    if (missing.length) lines.push(`    - nothing provides ${functionsSummary(analysis, missing)}`);
    const byCause = new Map<string, string[]>();
    for (const fn of weak) {
        if (fn.redundancy === 0) continue;
        for (const failure of fn.singleFailures) byCause.set(failure.component, [...(byCause.get(failure.component) ?? []), fn.id]);
    }
    const causes = [...byCause.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [component, ids] of causes.slice(0, 4)) lines.push(`    - ${componentText(component)} fails: ${plural(ids.length, 'function stops', 'functions stop')} (${functionsSummary(analysis, ids)})`);
    if (causes.length > 4) lines.push(`    - and ${plural(causes.length - 4, 'other single failure')}`);
    const worst = analysis.worstSingleFailure ? analysis.components.find(c => c.id === analysis.worstSingleFailure) : undefined;
    lines.push(worst
        ? `- **Worst single failure:** ${componentText(worst.id)} stops ${plural(worst.stops.length, 'function')}`
        : '- **Worst single failure:** none; no single failure stops a function');
    return lines.join('\n');
}

// ---- databases, adapters, accounts -------------------------------------------------------

export function databaseHover(name: string, kindKeyword: string | undefined, placed?: { analyzed: AnalyzedGroup; database: DatabaseModel }): string {
    const info = findDatabase(name);
    const kind = placed?.database.kind ?? info?.kind ?? kindKeyword ?? 'custom';
    const lines = [`**${name}**: ${info ? `${kindName(kind)} database` : `${kind === 'custom' ? 'custom' : kindName(kind)} database`}${placed?.database.master ? ' (the master MessageBox)' : ''}`, ''];
    lines.push(info ? info.description : kind === 'custom'
        ? 'Not one of BizTalk\'s own databases: bizha treats it as a custom database. Put a kind keyword before it (e.g. `messagebox`) to declare another database of that kind.'
        : `A further ${kindName(kind)} database under a name of its own.`);
    if (placed) {
        const { analysis } = placed.analyzed;
        const fn = analysis.functions.find(f => f.kind === 'database' && f.database === placed.database.name);
        const where = placed.database.container ? `${placed.database.container.kind === 'sql' ? 'SQL instance' : 'availability group'} ${placed.database.container.name}` : 'nowhere';
        lines.push('', `- **Placed on:** ${where}`);
        if (fn) lines.push(...availabilitySection(analysis, [fn], true));
    }
    lines.push('', sourcesLine(['core/databases-in-biztalk-server', 'core/providing-high-availability-for-biztalk-server-databases']));
    return lines.join('\n');
}

function kindName(kind: string): string {
    switch (kind) {
        case 'management': return 'Management';
        case 'messagebox': return 'MessageBox';
        case 'tracking': return 'tracking';
        case 'sso': return 'SSO';
        case 'rules': return 'Rule Engine';
        case 'bam': return 'BAM';
        default: return kind;
    }
}

function adapterSources(adapter: AdapterInfo | undefined, direction: 'receive' | 'send'): string[] {
    if (direction === 'send') return adapter?.name === 'MSMQ' ? ['core/scaled-out-sending-hosts', 'core/considerations-for-running-adapter-handlers-within-a-clustered-host1'] : ['core/scaled-out-sending-hosts'];
    switch (adapter?.name) {
        case 'AzureBlob': return ['core/azure-blob-adapter', 'core/scaled-out-receiving-hosts'];
        case 'MQSeries': return ['core/mqseries-adapter-high-availability', 'core/scaled-out-receiving-hosts'];
        case 'SQL': case 'SAP': case 'WCF-SAP': return ['technical-guides/planning-for-high-availability2', 'technical-guides/clustering-receiving-hosts'];
        case 'WCF-SQL': return ['core/scaled-out-receiving-hosts', 'adapters-and-accelerators/adapter-sql/sql-adapter-faqs'];
    }
    switch (adapter?.receive) {
        case 'clustered': case 'clustered-if-shared-mailbox': return ['core/considerations-for-running-adapter-handlers-within-a-clustered-host1', 'core/scaled-out-receiving-hosts'];
        default: return ['core/scaled-out-receiving-hosts'];
    }
}

export function adapterHover(name: string, direction: 'receive' | 'send', handler?: { analyzed: AnalyzedGroup; fn?: FunctionResult }): string {
    const adapter = findAdapter(name);
    const lines = [`**${adapter?.name ?? name} adapter**: ${direction} handler`, ''];
    if (!adapter) {
        lines.push('Not an adapter bizha knows: it is treated as one that scales out (several host instances).');
    } else {
        if (direction === 'receive') {
            lines.push(`- **Receive HA:** ${receiveStrategyText(adapter)}`);
            lines.push(`- **Receive host type:** ${adapter.receiveHostType}${adapter.thirtyTwoBitOnly ? '; 32-bit only host instances (BizTalk 2013 to 2016)' : ''}`);
        } else {
            lines.push(`- **Send HA:** ${sendStrategyText(adapter)}`);
            lines.push('- **Send host type:** in-process');
        }
        lines.push('', adapter.description);
    }
    if (handler?.fn) {
        lines.push('', `**Here** (${handler.fn.label}):`, ...availabilitySection(handler.analyzed.analysis, [handler.fn]));
    }
    lines.push('', sourcesLine(adapterSources(adapter, direction)));
    return lines.join('\n');
}

export function accountHover(value: string, role: string, model: GroupModel | undefined): string {
    const kind = accountKind(value, model?.computers);
    const slash = value.indexOf('\\');
    const prefix = slash < 0 ? '' : value.slice(0, slash);
    const lines = [`**${code(value)}**: ${role}`, ''];
    switch (kind) {
        case 'domain':
            lines.push(`A **domain** account or group (domain ${prefix}). Multi-computer and clustered BizTalk supports only domain groups and service accounts, because one identity must be valid on every computer that runs the service.`);
            break;
        case 'upn':
        case 'fqdn-domain':
            lines.push(`A **domain** account or group written ${kind === 'upn' ? 'as a user principal name (user@domain)' : 'with the DNS name of its domain'}. BizTalk configuration accepts only the NetBIOS form, DOMAIN\\name (HA-DOM-NAME-FORMAT).`);
            break;
        case 'local':
            lines.push(`A **local** account or group of ${prefix === '' || prefix === '.' ? 'one computer' : prefix}: it exists on that computer only. Host instances and SSO on other computers cannot use it, so a group with more than one BizTalk or SQL computer, or any clustering, needs a domain one instead (HA-DOM-GROUPS).`);
            break;
        default:
            lines.push('A **built-in** Windows identity. Built-in identities are not supported for BizTalk services in a multi-computer installation; use a domain account (HA-DOM-BUILTIN).');
    }
    lines.push('', sourcesLine(['core/windows-groups-and-user-accounts-in-biztalk-server', 'core/domain-groups', 'install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment']));
    return lines.join('\n');
}

/** The model element of a group that a declaration node stands for. */
export type ElementOf =
    | { kind: 'computer'; element: ComputerModel }
    | { kind: 'cluster'; element: ClusterModel }
    | { kind: 'host'; element: HostModel }
    | { kind: 'sql'; element: SqlInstanceModel }
    | { kind: 'availability-group'; element: AvailabilityGroupModel }
    | { kind: 'nlb'; element: NlbModel }
    | { kind: 'queue-manager'; element: QueueManagerModel }
    | { kind: 'group' };

export function elementOf(model: GroupModel, node: AstNode): ElementOf | undefined {
    if (node === model.node) return { kind: 'group' };
    const name = (node as { name?: string }).name;
    if (typeof name !== 'string') return undefined;
    const match = <T extends { node: AstNode }>(element: T | undefined): T | undefined => element?.node === node ? element : undefined;
    if (ast.isComputer(node)) { const element = match(model.computers.get(name)); return element && { kind: 'computer', element }; }
    if (ast.isCluster(node)) { const element = match(model.clusters.get(name)); return element && { kind: 'cluster', element }; }
    if (ast.isHost(node)) { const element = match(model.hosts.get(name)); return element && { kind: 'host', element }; }
    if (ast.isSqlInstance(node)) { const element = match(model.sqlInstances.get(name)); return element && { kind: 'sql', element }; }
    if (ast.isAvailabilityGroup(node)) { const element = match(model.availabilityGroups.get(name)); return element && { kind: 'availability-group', element }; }
    if (ast.isNlb(node)) { const element = match(model.nlbs.get(name)); return element && { kind: 'nlb', element }; }
    if (ast.isQueueManager(node)) { const element = match(model.queueManagers.get(name)); return element && { kind: 'queue-manager', element }; }
    return undefined;
}

export function elementHover(analyzed: AnalyzedGroup, element: ElementOf): string {
    switch (element.kind) {
        case 'computer': return computerHover(analyzed, element.element);
        case 'cluster': return clusterHover(analyzed, element.element);
        case 'host': return hostHover(analyzed, element.element);
        case 'sql': return sqlHover(analyzed, element.element);
        case 'availability-group': return availabilityGroupHover(analyzed, element.element);
        case 'nlb': return nlbHover(analyzed, element.element);
        case 'queue-manager': return queueManagerHover(analyzed, element.element);
        case 'group': return groupHover(analyzed);
    }
}

/** An IBM MQ queue manager: where it runs and the handlers that use it. */
function queueManagerHover(analyzed: AnalyzedGroup, manager: QueueManagerModel): string {
    const { model, analysis } = analyzed;
    const server = manager.server;
    const where = !server ? 'on an undeclared server'
        : server.kind === 'cluster' ? `on cluster ${code(server.name)} (nodes ${listText((model.clusters.get(server.name)?.nodes ?? []).map(code))})`
            : `on computer ${code(server.name)}`;
    const lines = [`**${code(manager.name)}**: IBM MQ queue manager ${where}`, ''];
    const users = [...model.hosts.values()].flatMap(host => host.handlers.filter(h => h.queueManager === manager.name).map(h => `${h.direction} ${h.adapter} on ${code(host.name)}`));
    lines.push(users.length ? `- **Used by:** ${listText(users)}` : '- **Used by:** no handler of this group names it');
    const fn = analysis.functions.find(f => f.id === `queue-manager:${manager.name}`);
    if (fn) lines.push(...availabilitySection(analysis, [fn]));
    lines.push('', sourcesLine(['core/mqseries-adapter-high-availability']));
    return lines.join('\n');
}

/** What a top-level declaration is when no group uses it. */
export function unusedElementHover(node: AstNode): string {
    const name = (node as { name?: string }).name ?? '';
    const what = ast.isComputer(node) ? 'computer' : ast.isCluster(node) ? 'Windows Server failover cluster'
        : ast.isSqlInstance(node) ? (ast.isCluster(node.server?.ref) ? 'SQL Server failover cluster instance' : 'standalone SQL Server instance')
            : ast.isNlb(node) ? 'load balancer' : ast.isQueueManager(node) ? 'IBM MQ queue manager' : node.$type;
    return `**${code(name)}**: ${what}, declared at the top level\n\nNo group in the workspace uses it, so no redundancy is computed for it.`;
}

export { componentName };
