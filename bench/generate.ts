/**
 * Seeded generator of valid .bizha topologies for the benchmark.
 *
 * Everything it writes parses without lexer or parser errors and links without linking errors
 * (bench/generate.test.ts checks it). The groups follow Microsoft's small / medium / large
 * deployment samples, the availability-group variant and the clustered FTP/MSMQ variant, with
 * per-application receive and send hosts, comments, sites, and a few deliberate design flaws
 * (a host on one computer, a standalone SQL instance, ...) so that an editor sees diagnostics as
 * it would on a real estate.
 */
import { Rng } from '../test/random.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const applications = ['Orders', 'Invoices', 'Payments', 'Shipping', 'Customers', 'Claims', 'Payroll', 'Inventory', 'Pricing', 'Edi', 'Hl7', 'Swift', 'Catalog', 'Returns', 'Ledger', 'Tax', 'Sap', 'Crm'];
// Receive adapters that scale out without a cluster or a load balancer.
const scaleOutReceive = ['FILE', 'AzureBlob', 'MQSeries', 'WSS', 'SB-Messaging', 'WCF-NetNamedPipe'];
// Send adapters that run in 64-bit hosts (FTP and POP3 are 32-bit only).
const sendAdapters = ['FILE', 'SMTP', 'HTTP', 'SOAP', 'WCF-BasicHttp', 'WCF-WSHttp', 'WCF-WebHttp', 'WCF-SQL', 'SFTP', 'AzureBlob', 'SB-Messaging', 'WCF-Custom', 'MQSeries'];
const isolatedReceive = ['WCF-BasicHttp', 'WCF-WSHttp', 'WCF-WebHttp', 'HTTP', 'SOAP', 'WCF-CustomIsolated'];

/** Options of one generated group. */
export interface GroupOptions {
    /** Group name (unique in the workspace). */
    name: string;
    /** Prefix of the group's own computer, cluster, SQL and host names. */
    prefix: string;
    /** Probability of a deliberate design flaw per host (default 0.04). */
    flawRate?: number;
}

type Shape = 'small' | 'medium' | 'large' | 'ag' | 'queues';

interface GroupPlan {
    lines: string[];
    btsComputers: string[];
}

/** Writes a comma-separated list, wrapped at about `perLine` items with a deeper indent. */
function list(items: readonly string[], indent: string, perLine = 8): string {
    if (items.length <= perLine) return items.join(', ');
    const chunks: string[] = [];
    for (let i = 0; i < items.length; i += perLine) chunks.push(items.slice(i, i + perLine).join(', '));
    return chunks.join(`,\n${indent}    `);
}

// NetBIOS domain names: BizTalk configuration accepts no other form (HA-DOM-NAME-FORMAT).
const domain = (rng: Rng): string => rng.pick(['CONTOSO', 'FABRIKAM', 'NWIND', 'CORP']);

/** Host blocks that every shape shares: per-application receive/send hosts, processing, tracking, isolated web. */
function standardHosts(rng: Rng, o: {
    lines: string[]; prefix: string; receiveComputers: string[]; sendComputers: string[]; processingComputers: string[];
    trackingComputers: string[]; webComputers: string[]; dom: string; flawRate: number; apps: number; nlbKind: 'windows' | 'hardware';
}): void {
    const { lines, prefix, dom } = o;
    const flaw = (computers: string[]): string[] => rng.chance(o.flawRate) ? computers.slice(0, 1) : computers;
    // Now and then one instance of a scaled-out host is disabled (never the only one).
    const instances = (computers: string[]): string => computers.map((c, i) => i > 0 && i === computers.length - 1 && computers.length > 2 && rng.chance(0.1) ? `${c} (disabled)` : c).join(', ');

    lines.push(`    // ---- receiving ----`);
    lines.push(`    host ${prefix}ReceiveHost {`);
    lines.push(`        receive FILE (path "\\\\\\\\FS-CLUSTER\\\\BizTalk\\\\${prefix}\\\\In"), ${rng.pick(scaleOutReceive)}`);
    lines.push(`        instances on ${instances(flaw(o.receiveComputers))}`);
    lines.push(`        account ${dom}\\svc-bts-receive`);
    lines.push(`        windows-group ${dom}\\BizTalk-Application-Users`);
    lines.push(`    }`);
    const apps = rng.sample(applications, o.apps);
    for (const app of apps) {
        lines.push('');
        lines.push(`    // ${app}: dedicated receive and send hosts (separate throttling and service accounts)`);
        lines.push(`    host ${prefix}${app}Receive {`);
        const adapters = rng.sample(scaleOutReceive, rng.range(1, 2));
        lines.push(`        receive ${adapters.map(a => a === 'FILE' ? `FILE (path "\\\\\\\\FS-CLUSTER\\\\${app}\\\\In")` : a).join(', ')}`);
        if (rng.chance(0.3)) lines.push(`        bitness 64`);
        lines.push(`        instances on ${instances(flaw(o.receiveComputers))}`);
        lines.push(`        account ${dom}\\svc-${app.toLowerCase()}-rcv`);
        lines.push(`    }`);
        lines.push(`    host ${prefix}${app}Send {`);
        lines.push(`        send ${rng.sample(sendAdapters, rng.range(1, 4)).join(', ')}`);
        lines.push(`        instances on ${instances(flaw(o.sendComputers))}`);
        lines.push(`        account ${dom}\\svc-${app.toLowerCase()}-snd`);
        lines.push(`    }`);
    }
    lines.push('');
    lines.push(`    // ---- processing ----`);
    lines.push(`    host ${prefix}ProcessingHost {`);
    lines.push(`        orchestrations`);
    lines.push(`        instances on ${instances(flaw(o.processingComputers))}`);
    lines.push(`        account ${dom}\\svc-bts-process`);
    lines.push(`        windows-group ${dom}\\BizTalk-Application-Users`);
    lines.push(`    }`);
    if (rng.chance(0.3)) {
        lines.push(`    host ${prefix}ProcessingHost2 {`);
        lines.push(`        orchestrations`);
        lines.push(`        instances on ${instances(o.processingComputers)}`);
        lines.push(`        account ${dom}\\svc-bts-process`);
        lines.push(`    }`);
    }
    lines.push('');
    lines.push(`    // ---- sending ----`);
    lines.push(`    host ${prefix}SendHost {`);
    lines.push(`        send ${rng.sample(sendAdapters, rng.range(2, 5)).join(', ')}`);
    lines.push(`        instances on ${instances(flaw(o.sendComputers))}`);
    lines.push(`        account ${dom}\\svc-bts-send`);
    lines.push(`        windows-group ${dom}\\BizTalk-Application-Users`);
    lines.push(`    }`);
    lines.push('');
    lines.push(`    host ${prefix}TrackingHost {`);
    lines.push(`        tracking`);
    lines.push(`        instances on ${instances(flaw(o.trackingComputers))}`);
    lines.push(`        account ${dom}\\svc-bts-tracking`);
    lines.push(`    }`);
    lines.push('');
    lines.push(`    host ${prefix}WebReceive isolated {`);
    lines.push(`        receive ${rng.sample(isolatedReceive, rng.range(1, 3)).join(', ')}`);
    lines.push(`        instances on ${o.webComputers.join(', ')}`);
    lines.push(`        account ${dom}\\svc-bts-isolated`);
    lines.push(`        windows-group ${dom}\\BizTalk-Isolated-Host-Users`);
    lines.push(`    }`);
    lines.push(`    nlb ${prefix}WebFarm {`);
    lines.push(`        kind ${o.nlbKind}`);
    lines.push(`        members ${o.webComputers.join(', ')}`);
    lines.push(`        fronts ${prefix}WebReceive`);
    lines.push(`    }`);
}

function ssoBlock(lines: string[], on: string, groupName: string, dom: string): void {
    lines.push(`    sso {`);
    lines.push(`        master-secret-server on ${on}`);
    lines.push(`        backup "\\\\\\\\FS-CLUSTER\\\\SSOBackup\\\\${groupName}"`);
    lines.push(`        administrators ${dom}\\SSO-Administrators`);
    lines.push(`    }`);
}

function backupJob(lines: string[], groupName: string, logShipTo?: string): void {
    lines.push(`    backup-job {`);
    lines.push(`        destination "\\\\\\\\FS-CLUSTER\\\\BizTalkBackup\\\\${groupName}"`);
    if (logShipTo) lines.push(`        log-shipping to ${logShipTo}`);
    lines.push(`    }`);
}

const coreDatabases = 'BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';

/** One self-contained group (all its computers declared inside it). */
export function generateGroup(rng: Rng, options: GroupOptions): string {
    const shape = rng.weighted<Shape>([[40, 'small'], [22, 'medium'], [10, 'large'], [15, 'ag'], [13, 'queues']]);
    const plan = planGroup(rng, shape, options);
    return plan.lines.join('\n');
}

function planGroup(rng: Rng, shape: Shape, options: GroupOptions): GroupPlan {
    const { name, prefix } = options;
    const flawRate = options.flawRate ?? 0.04;
    const dom = domain(rng);
    const lines: string[] = [];
    const c = (role: string, n: number): string => `${prefix}${role}${pad(n)}`;
    const withSites = rng.chance(0.25);

    lines.push(`// ${name}: ${({ small: 'small', medium: 'medium-sized', large: 'large-scale', ag: 'availability-group', queues: 'clustered FTP/MSMQ' })[shape]} high-availability deployment`);
    if (rng.chance(0.5)) lines.push(`// Owner: integration platform team. Reviewed ${2020 + rng.range(0, 5)}-${pad(rng.range(1, 12))}.`);
    lines.push(`group ${name} {`);
    lines.push(`    version 2020 cu ${rng.range(1, 6)}`);
    lines.push(`    edition enterprise`);
    lines.push(`    availability ${rng.chance(0.9) ? 'high' : 'standard'}`);
    lines.push(`    receive-location-fault-tolerance on`);
    lines.push('');

    const btsCount = shape === 'large' ? rng.range(6, 10) : shape === 'small' || shape === 'ag' ? rng.range(2, 3) : rng.range(4, 6);
    const bts = Array.from({ length: btsCount }, (_, i) => c('BTS', i + 1));
    // Availability groups with MSDTC need the Windows release known (HA-AG-OS-PREREQ); sites on a quarter of the groups.
    const computerProperties = (i: number): string[] => [...(withSites ? [`site ${prefix}DC${(i % 2) + 1}`] : []), ...(shape === 'ag' ? ['os 2019'] : [])];
    const computers = (names: string[]): string => names.map((n, i) => computerProperties(i).length ? `${n} { ${computerProperties(i).join('  ')} }` : n).join(', ');
    lines.push(`    // BizTalk Server computers`);
    lines.push(`    computer ${computers(bts)}`);

    const sqlNodes = shape === 'large' ? 8 : shape === 'ag' ? 2 : rng.range(2, 3);
    const sql = Array.from({ length: sqlNodes }, (_, i) => c('SQL', i + 1));
    lines.push(`    // SQL Server computers`);
    lines.push(`    computer ${computers(sql)}`);
    const dr = c('DRSQL', 1);
    const hasDr = rng.chance(0.6);
    if (hasDr) lines.push(`    computer ${dr}             // disaster-recovery standby`);
    const ssoNodes = shape === 'medium' ? [c('SSO', 1), c('SSO', 2)] : [];
    if (ssoNodes.length) lines.push(`    computer ${ssoNodes.join(', ')}        // master secret server cluster`);
    lines.push('');

    let ssoOn = `${prefix}SQLCL01`;
    let receiveComputers = bts.slice(0, 2);
    let processingComputers = bts.slice(0, 2);
    let sendComputers = bts.slice(0, 2);
    let trackingComputers: string[] | undefined;
    let clusteredNodes: string[] | undefined;

    if (shape === 'ag') {
        lines.push(`    cluster ${prefix}SQLCL01 {`);
        lines.push(`        nodes ${sql.join(', ')}`);
        lines.push(`        network-name ${prefix}SQLCLNN`);
        lines.push(`        witness file-share`);
        lines.push(`        msdtc`);
        lines.push(`    }`);
        lines.push('');
        sql.forEach((node, i) => {
            lines.push(`    sql ${prefix}SQL${String.fromCharCode(65 + i)} on ${node} {`);
            lines.push(`        edition enterprise`);
            lines.push(`        version 2019 cu ${rng.range(10, 24)}`);
            lines.push(`    }`);
        });
        lines.push('');
        lines.push(`    availability-group ${prefix}AG {`);
        lines.push(`        replicas ${sql.map((_, i) => `${prefix}SQL${String.fromCharCode(65 + i)} synchronous`).join(', ')}`);
        lines.push(`        listener ${prefix}AGL port 1433`);
        lines.push(`        jobs-and-logins replicated`);
        lines.push(`        dtc-support per-database`);
        lines.push(`        databases ${coreDatabases},`);
        lines.push(`            BAMPrimaryImport, BAMStarSchema, BAMArchive, BAMAlertsApplication, SSISDB`);
        lines.push(`    }`);
    } else if (shape === 'large') {
        const msg = sql.slice(0, 4);
        const core = sql.slice(4);
        lines.push(`    cluster ${prefix}SQLCLMSG {`);
        lines.push(`        nodes ${msg.join(', ')}`);
        lines.push(`        storage ${prefix}SAN01`);
        lines.push(`        witness disk`);
        lines.push(`        msdtc`);
        lines.push(`    }`);
        lines.push(`    cluster ${prefix}SQLCL01 {`);
        lines.push(`        nodes ${core.join(', ')}`);
        lines.push(`        storage ${prefix}SAN02`);
        lines.push(`        network-name ${prefix}SQLCLNN`);
        lines.push(`        witness disk`);
        lines.push(`        msdtc`);
        lines.push(`    }`);
        lines.push('');
        lines.push(`    sql ${prefix}MSGSQL1 on ${prefix}SQLCLMSG { edition enterprise  version 2019 cu 18  databases BizTalkMsgBoxDb (publication off) }`);
        lines.push(`    sql ${prefix}MSGSQL2 on ${prefix}SQLCLMSG { edition enterprise  version 2019 cu 18  databases messagebox BizTalkMsgBoxDb2 }`);
        lines.push(`    sql ${prefix}MSGSQL3 on ${prefix}SQLCLMSG { edition enterprise  version 2019 cu 18  databases messagebox BizTalkMsgBoxDb3 }`);
        lines.push(`    sql ${prefix}SSOSQL on ${prefix}SQLCL01 { edition enterprise  version 2019 cu 18  databases SSODB }`);
        lines.push(`    sql ${prefix}MGMTSQL on ${prefix}SQLCL01 { edition enterprise  version 2019 cu 18  databases BizTalkMgmtDb, BizTalkRuleEngineDb }`);
        lines.push(`    sql ${prefix}DTASQL on ${prefix}SQLCL01 { edition enterprise  version 2019 cu 18  databases BizTalkDTADb, BAMPrimaryImport }`);
        receiveComputers = bts.slice(0, 2);
        processingComputers = bts.slice(2, btsCount - 2);
        sendComputers = bts.slice(btsCount - 2);
        // Three MessageBoxes: one tracking instance each, plus one (N+1, HA-TRACK-SPOF).
        trackingComputers = bts.slice(2);
    } else {
        // One SQL failover cluster instance (or, as a flaw, a standalone instance).
        const standalone = rng.chance(flawRate);
        lines.push(`    cluster ${prefix}SQLCL01 {`);
        lines.push(`        nodes ${sql.join(', ')}`);
        lines.push(`        storage ${prefix}SAN01`);
        lines.push(`        network-name ${prefix}SQLCLNN`);
        lines.push(`        witness disk`);
        lines.push(`        msdtc`);
        lines.push(`    }`);
        lines.push('');
        lines.push(`    sql ${prefix}BTSSQL on ${standalone ? sql[0] : `${prefix}SQLCL01`} {`);
        lines.push(`        edition enterprise`);
        lines.push(`        version 2019 cu ${rng.range(10, 24)}`);
        lines.push(`        databases ${coreDatabases}`);
        lines.push(`    }`);
        if (shape === 'medium') {
            lines.push('');
            lines.push(`    cluster ${prefix}SSOCL01 {`);
            lines.push(`        nodes ${ssoNodes.join(', ')}`);
            lines.push(`        network-name ${prefix}SSONN`);
            lines.push(`        witness file-share`);
            lines.push(`        msdtc`);
            lines.push(`    }`);
            ssoOn = `${prefix}SSOCL01`;
            clusteredNodes = bts.slice(0, 2);
            receiveComputers = bts.slice(0, 2);
            sendComputers = bts.slice(0, 2);
            processingComputers = bts.slice(2, 4);
        }
        if (shape === 'queues') {
            clusteredNodes = bts.slice(0, 2);
            receiveComputers = bts.slice(2, 4);
            sendComputers = bts.slice(2, 4);
            processingComputers = bts.slice(2, 4);
        }
    }
    if (hasDr) {
        lines.push('');
        lines.push(`    // Disaster-recovery standby (destination system for BizTalk log shipping)`);
        lines.push(`    sql ${prefix}DRSQL on ${dr} {`);
        lines.push(`        edition enterprise`);
        lines.push(`        version 2019 cu 18`);
        lines.push(`    }`);
    }
    lines.push('');
    ssoBlock(lines, ssoOn, name, dom);
    lines.push('');

    if (clusteredNodes) {
        lines.push(`    cluster ${prefix}BTSCL01 {`);
        lines.push(`        nodes ${clusteredNodes.join(', ')}`);
        lines.push(`        network-name ${prefix}BTSNN`);
        lines.push(`        witness file-share`);
        if (shape === 'queues') lines.push(`        msmq`);
        lines.push(`        msdtc`);
        lines.push(`    }`);
        lines.push('');
        lines.push(`    // FTP has no file locking: one active instance, failing over with the cluster`);
        lines.push(`    host ${prefix}FtpReceiveHost {`);
        lines.push(`        receive FTP`);
        lines.push(`        bitness 32`);
        lines.push(`        clustered on ${prefix}BTSCL01`);
        lines.push(`        instances on ${clusteredNodes.join(', ')}`);
        lines.push(`        account ${dom}\\svc-bts-ftp`);
        lines.push(`    }`);
        if (shape === 'queues') {
            lines.push(`    host ${prefix}MsmqHost {`);
            lines.push(`        receive MSMQ (ordered), WCF-NetMsmq`);
            lines.push(`        send MSMQ`);
            lines.push(`        bitness 64`);
            lines.push(`        clustered on ${prefix}BTSCL01`);
            lines.push(`        instances on ${clusteredNodes.join(', ')}`);
            lines.push(`        account ${dom}\\svc-bts-msmq`);
            lines.push(`    }`);
        }
        lines.push('');
    }

    const webComputers = shape === 'medium' || shape === 'queues' ? bts.slice(2, 4) : bts.slice(0, 2);
    standardHosts(rng, {
        lines, prefix, dom, flawRate,
        receiveComputers, sendComputers, processingComputers,
        trackingComputers: trackingComputers ?? processingComputers,
        webComputers,
        apps: shape === 'large' ? rng.range(3, 6) : rng.range(0, 3),
        nlbKind: shape === 'medium' ? 'hardware' : 'windows'
    });
    if (shape === 'large' || shape === 'ag') {
        lines.push('');
        lines.push(`    bam { backup "\\\\\\\\FS-CLUSTER\\\\BAMBackup\\\\${name}" }`);
    }
    lines.push('');
    backupJob(lines, name, hasDr ? `${prefix}DRSQL` : undefined);
    lines.push(`}`);
    return { lines, btsComputers: bts };
}

/** Group names: G0001, G0002, ... prefixed with a business unit so they read like real ones. */
function groupName(i: number): { name: string; prefix: string } {
    const unit = ['Fin', 'Ops', 'Hr', 'Sales', 'Log', 'Mfg', 'Ret', 'Gov'][i % 8];
    return { name: `${unit}Prod${pad(i + 1, 4)}`, prefix: `${unit}${pad(i + 1, 4)}` };
}

/** A single file of about `targetLines` lines: as many self-contained groups as it takes. */
export function generateSingleFile(targetLines: number, seed = 1): string {
    const rng = new Rng(seed);
    const parts: string[] = [`// Generated by bench/generate.ts (seed ${seed}, target ${targetLines} lines).`, ''];
    let lines = 2;
    for (let i = 0; lines < targetLines; i++) {
        const { name, prefix } = groupName(i);
        const text = generateGroup(rng, { name, prefix });
        parts.push(text, '');
        lines += text.split('\n').length + 1;
    }
    return parts.join('\n');
}

export interface Workspace {
    /** File name (relative) to text. The inventory is `inventory.bizha`. */
    readonly files: Record<string, string>;
}

/**
 * A workspace of `fileCount` files: one shared inventory of top-level computers, SQL clusters,
 * failover cluster instances and DR instances, and `fileCount - 1` group files that use it
 * (databases placed with `databases ... on`, hosts on inventory computers).
 */
export function generateWorkspace(fileCount: number, seed = 7): Workspace {
    const rng = new Rng(seed);
    const groups = fileCount - 1;
    const inventory: string[] = [
        '// Shared infrastructure inventory: declared once at the top level, used by every group file.',
        `// Generated by bench/generate.ts (seed ${seed}, ${groups} groups).`,
        ''
    ];
    const files: Record<string, string> = {};
    const groupsPerSqlCluster = 4;
    const sqlClusters = Math.ceil(groups / groupsPerSqlCluster);
    for (let k = 0; k < sqlClusters; k++) {
        const nodes = [`SQLN${pad(k + 1, 3)}A`, `SQLN${pad(k + 1, 3)}B`, `SQLN${pad(k + 1, 3)}C`];
        inventory.push(`// SQL cluster ${k + 1}`);
        inventory.push(`computer ${nodes.join(', ')}`);
        inventory.push(`cluster SQLCL${pad(k + 1, 3)} {`);
        inventory.push(`    nodes ${nodes.join(', ')}`);
        inventory.push(`    storage SAN${pad(k + 1, 3)}`);
        inventory.push(`    network-name SQLCL${pad(k + 1, 3)}NN`);
        inventory.push(`    msdtc`);
        inventory.push(`}`);
        inventory.push('');
    }
    inventory.push(`computer ${Array.from({ length: Math.ceil(groups / 20) }, (_, k) => `DRSQLN${pad(k + 1, 3)}`).join(', ')}`);
    for (let k = 0; k < Math.ceil(groups / 20); k++) {
        inventory.push(`sql DRSQL${pad(k + 1, 3)} on DRSQLN${pad(k + 1, 3)} { edition enterprise  version 2019 cu 18 }`);
    }
    inventory.push('');
    for (let g = 0; g < groups; g++) {
        const { name, prefix } = groupName(g);
        const btsCount = rng.weighted([[55, 'two'], [35, 'four'], [10, 'eight']]) === 'two' ? 2 : rng.chance(0.78) ? 4 : 8;
        const bts = Array.from({ length: btsCount }, (_, i) => `${prefix}BTS${pad(i + 1)}`);
        const cluster = `SQLCL${pad(Math.floor(g / groupsPerSqlCluster) + 1, 3)}`;
        const sqlName = `${prefix}SQL`;
        inventory.push(`// ${name}`);
        inventory.push(`computer ${bts.join(', ')}`);
        inventory.push(`sql ${sqlName} on ${cluster} {`);
        inventory.push(`    edition enterprise`);
        inventory.push(`    version 2019 cu ${rng.range(10, 24)}`);
        inventory.push(`}`);

        const dom = domain(rng);
        const lines: string[] = [
            `// ${name}: uses the shared inventory (inventory.bizha) for computers and SQL Server.`,
            `group ${name} {`,
            `    version 2020 cu ${rng.range(1, 6)}`,
            `    edition enterprise`,
            `    availability high`,
            `    receive-location-fault-tolerance on`,
            '',
            `    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on ${sqlName}`,
            `    databases BizTalkRuleEngineDb on ${sqlName}`,
            ''
        ];
        ssoBlock(lines, cluster, name, dom);
        lines.push('');
        const half = btsCount / 2;
        const front = bts.slice(0, Math.max(2, half));
        const back = btsCount >= 4 ? bts.slice(half) : bts;
        standardHosts(rng, {
            lines, prefix, dom, flawRate: 0.04,
            receiveComputers: front, sendComputers: front, processingComputers: back, trackingComputers: back,
            webComputers: front, apps: rng.range(0, 4), nlbKind: 'windows'
        });
        lines.push('');
        backupJob(lines, name, `DRSQL${pad(Math.floor(g / 20) + 1, 3)}`);
        lines.push('}');
        lines.push('');
        files[`groups/${name}.bizha`] = lines.join('\n');
    }
    files['inventory.bizha'] = inventory.join('\n') + '\n';
    return { files };
}

/**
 * One group for the analysis-scaling check: `computers` computers (about nine in ten run
 * BizTalk) and `instances` host instances spread over hosts of ten instances each, with
 * receive, send, processing, tracking and load-balanced isolated hosts.
 */
export function generateScalingGroup(computers: number, instances: number, seed = 11): string {
    const rng = new Rng(seed);
    const sqlCount = Math.max(4, Math.round(computers / 10));
    const btsCount = computers - sqlCount;
    const bts = Array.from({ length: btsCount }, (_, i) => `BTS${pad(i + 1, 4)}`);
    const sql = Array.from({ length: sqlCount }, (_, i) => `SQL${pad(i + 1, 4)}`);
    const lines: string[] = [
        `// Scaling check: ${computers} computers, ${instances} host instances (bench/generate.ts, seed ${seed}).`,
        `group Scale${computers} {`,
        `    version 2020 cu 6`,
        `    edition enterprise`,
        ''
    ];
    for (let i = 0; i < bts.length; i += 10) lines.push(`    computer ${bts.slice(i, i + 10).map(b => rng.chance(0.2) ? `${b} { site DC${rng.range(1, 4)} }` : b).join(', ')}`);
    for (let i = 0; i < sql.length; i += 10) lines.push(`    computer ${sql.slice(i, i + 10).join(', ')}`);
    lines.push('');
    // SQL: four-node clusters, one FCI each; the core databases on the first, extra MessageBoxes on the next.
    const clusters: string[] = [];
    for (let i = 0; i + 4 <= sql.length; i += 4) {
        const name = `SQLCL${pad(clusters.length + 1, 3)}`;
        clusters.push(name);
        lines.push(`    cluster ${name} { nodes ${sql.slice(i, i + 4).join(', ')}  storage SAN${pad(clusters.length, 3)}  msdtc }`);
    }
    clusters.forEach((cluster, i) => {
        const databases = i === 0 ? coreDatabases : i < 4 ? `messagebox BizTalkMsgBoxDb${i + 1}` : `CustomDb${i + 1}`;
        lines.push(`    sql FCI${pad(i + 1, 3)} on ${cluster} { edition enterprise  version 2019 cu 18  databases ${databases} }`);
    });
    lines.push('');
    lines.push(`    sso { master-secret-server on ${clusters[0]}  backup "\\\\\\\\FS\\\\SSO"  administrators CONTOSO\\SSO-Administrators }`);
    lines.push('');
    const hostCount = Math.ceil(instances / 10);
    let cursor = 0;
    let nlbs = 0;
    for (let h = 0; h < hostCount; h++) {
        const n = Math.min(10, instances - h * 10);
        const on: string[] = [];
        for (let k = 0; k < n; k++) on.push(bts[(cursor + k) % bts.length]);
        cursor = (cursor + n) % bts.length;
        const kind = h % 10;
        const name = `Host${pad(h + 1, 4)}`;
        if (kind === 9) {
            lines.push(`    host ${name} isolated { receive ${rng.pick(isolatedReceive)}  instances on ${list(on, '    ', 10)}  account CONTOSO\\svc-iso }`);
            lines.push(`    nlb Farm${pad(++nlbs, 4)} { members ${on.join(', ')}  fronts ${name} }`);
            continue;
        }
        const work = kind < 4 ? `receive ${rng.sample(scaleOutReceive, 2).join(', ')}`
            : kind < 7 ? `send ${rng.sample(sendAdapters, 3).join(', ')}`
                : kind === 7 ? 'orchestrations' : 'tracking';
        lines.push(`    host ${name} { ${work}  instances on ${list(on, '    ', 10)}  account CONTOSO\\svc-h${h % 50} }`);
    }
    lines.push('');
    lines.push(`    backup-job { destination "\\\\\\\\FS\\\\Backup" }`);
    lines.push(`}`);
    return lines.join('\n') + '\n';
}

/** Line count of a text. */
export function lineCount(text: string): number {
    let n = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
}
