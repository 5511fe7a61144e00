/**
 * What bizha knows about BizTalk's adapters and databases: the adapter HA matrix and the
 * database kinds of the domain catalog, as data that rules, hovers and completion share.
 */

/** How a receive handler of an adapter is made highly available (Microsoft's adapter table). */
export type ReceiveStrategy =
    | 'scale-out'              // two or more host instances
    | 'load-balancer'          // two or more instances behind an NLB
    | 'load-balancer-or-cluster' // NLB in front of instances, or a clustered host
    | 'clustered'              // a clustered host: one active instance at a time
    | 'clustered-if-shared-mailbox' // POP3: clustered when the mailbox allows concurrent sessions
    | 'send-only';

export interface AdapterInfo {
    /** BizTalk's own spelling. */
    readonly name: string;
    /** Where its receive handler runs. */
    readonly receiveHostType: 'in-process' | 'isolated';
    readonly receive: ReceiveStrategy;
    /** Not supported in 64-bit host instances (BizTalk 2013-2016; unconfirmed for 2020). */
    readonly thirtyTwoBitOnly?: boolean;
    readonly description: string;
}

const adapters: AdapterInfo[] = [
    { name: 'FILE', receiveHostType: 'in-process', receive: 'scale-out', description: 'Windows file system; scale out with every instance on the same highly available UNC share.' },
    { name: 'FTP', receiveHostType: 'in-process', receive: 'clustered', thirtyTwoBitOnly: true, description: 'FTP has no file locking: receive in a clustered host so exactly one instance polls.' },
    { name: 'SFTP', receiveHostType: 'in-process', receive: 'clustered', description: 'SFTP has no file locking: receive in a clustered host so exactly one instance polls.' },
    { name: 'HTTP', receiveHostType: 'isolated', receive: 'load-balancer', description: 'Receives in IIS (isolated host); scale out behind a load balancer.' },
    { name: 'SOAP', receiveHostType: 'isolated', receive: 'load-balancer', description: 'Receives in IIS (isolated host); scale out behind a load balancer.' },
    { name: 'MSMQ', receiveHostType: 'in-process', receive: 'clustered', description: 'Transactional local queues: a clustered host in the cluster group of a clustered MSMQ resource.' },
    { name: 'MQSeries', receiveHostType: 'in-process', receive: 'scale-out', description: 'Scale out with clustered WebSphere MQ queue managers; ordered delivery needs a clustered host.' },
    { name: 'POP3', receiveHostType: 'in-process', receive: 'clustered-if-shared-mailbox', thirtyTwoBitOnly: true, description: 'Clustered host when the mail server allows concurrent sessions on a mailbox; otherwise scale out.' },
    { name: 'SMTP', receiveHostType: 'in-process', receive: 'send-only', description: 'Send only; scale out the send host.' },
    { name: 'SQL', receiveHostType: 'in-process', receive: 'clustered', description: 'Legacy SQL adapter: the Operations Guide clusters its receive host.' },
    { name: 'WCF-SQL', receiveHostType: 'in-process', receive: 'scale-out', description: 'Polling from several instances can read rows twice unless the polling statement is concurrency-safe.' },
    { name: 'SAP', receiveHostType: 'in-process', receive: 'clustered', description: 'SAP receive must always run in a clustered host (two-phase commit).' },
    { name: 'WCF-SAP', receiveHostType: 'in-process', receive: 'clustered', description: 'SAP receive must always run in a clustered host (two-phase commit).' },
    { name: 'WCF-BasicHttp', receiveHostType: 'isolated', receive: 'load-balancer', description: 'Receives in IIS (isolated host); scale out behind a load balancer.' },
    { name: 'WCF-WSHttp', receiveHostType: 'isolated', receive: 'load-balancer', description: 'Receives in IIS (isolated host); scale out behind a load balancer.' },
    { name: 'WCF-WebHttp', receiveHostType: 'isolated', receive: 'load-balancer', description: 'REST receive in IIS (isolated host); treated like HTTP: scale out behind a load balancer.' },
    { name: 'WCF-CustomIsolated', receiveHostType: 'isolated', receive: 'load-balancer', description: 'Receives in IIS (isolated host); scale out behind a load balancer.' },
    { name: 'WCF-NetTcp', receiveHostType: 'in-process', receive: 'load-balancer-or-cluster', description: 'Scale out behind a load balancer (shorten the lease timeout) or use a clustered host.' },
    { name: 'WCF-Custom', receiveHostType: 'in-process', receive: 'load-balancer-or-cluster', description: 'Scale out behind a load balancer or use a clustered host.' },
    { name: 'WCF-NetNamedPipe', receiveHostType: 'in-process', receive: 'scale-out', description: 'Named pipes are machine-local: scale out; a load balancer cannot help.' },
    { name: 'WCF-NetMsmq', receiveHostType: 'in-process', receive: 'clustered', description: 'Microsoft clusters the WCF-NetMsmq receive host.' },
    { name: 'WSS', receiveHostType: 'in-process', receive: 'scale-out', description: 'Windows SharePoint Services: scale out; check-out prevents double pickup; the SharePoint farm sits behind its own NLB.' },
    { name: 'AzureBlob', receiveHostType: 'in-process', receive: 'scale-out', description: 'Azure Blob (BizTalk 2020): scale out; blob leases prevent double pickup.' },
    { name: 'SB-Messaging', receiveHostType: 'in-process', receive: 'scale-out', description: 'Azure Service Bus: scale out; the broker hands each message to one receiver.' },
    { name: 'WCF-OracleDB', receiveHostType: 'in-process', receive: 'scale-out', description: 'Oracle database adapter: scale out with a concurrency-safe polling statement.' }
];

const adaptersByKey = new Map(adapters.map(adapter => [adapter.name.toLowerCase(), adapter]));
adaptersByKey.set('windows-sharepoint-services', adaptersByKey.get('wss')!);
// Binding files name the SharePoint adapter by its display name (written quoted: `receive "Windows SharePoint Services"`).
adaptersByKey.set('windows sharepoint services', adaptersByKey.get('wss')!);
adaptersByKey.set('sharepoint', adaptersByKey.get('wss')!);

/** Adapter names are matched case-insensitively (`file` is `FILE`). */
export function findAdapter(name: string): AdapterInfo | undefined {
    return adaptersByKey.get(name.toLowerCase());
}

export function knownAdapters(): readonly AdapterInfo[] {
    return adapters;
}

export type DatabaseKind = 'management' | 'messagebox' | 'tracking' | 'sso' | 'rules' | 'bam' | 'custom';

/** How bad it is when this database has no redundancy (catalog rule HA-DB-SPOF). */
export type DatabaseCriticality = 'error' | 'warning' | 'information';

export interface DatabaseInfo {
    readonly name: string;
    readonly kind: DatabaseKind;
    readonly criticality: DatabaseCriticality;
    readonly description: string;
}

const databases: DatabaseInfo[] = [
    { name: 'BizTalkMgmtDb', kind: 'management', criticality: 'error', description: 'Management database: the group\'s central configuration store; runtime-critical.' },
    { name: 'BizTalkMsgBoxDb', kind: 'messagebox', criticality: 'error', description: 'MessageBox: publish/subscribe routing, queues and orchestration state; the busiest database and runtime-critical.' },
    { name: 'BizTalkDTADb', kind: 'tracking', criticality: 'error', description: 'Tracking database: tracked events and message bodies, fed by the tracking host.' },
    { name: 'SSODB', kind: 'sso', criticality: 'error', description: 'SSO database: encrypted credentials and adapter configuration; the master secret server depends on it.' },
    { name: 'BizTalkRuleEngineDb', kind: 'rules', criticality: 'warning', description: 'Business Rules Engine policies and vocabularies; low traffic.' },
    { name: 'BAMPrimaryImport', kind: 'bam', criticality: 'error', description: 'Raw BAM activity data; lost events cannot be regenerated.' },
    { name: 'BAMStarSchema', kind: 'bam', criticality: 'warning', description: 'BAM staging tables for cubing.' },
    { name: 'BAMArchive', kind: 'bam', criticality: 'information', description: 'BAM archive; need not be clustered, watch its size.' },
    { name: 'BAMAlertsApplication', kind: 'bam', criticality: 'warning', description: 'BAM alerts (notification) database.' },
    { name: 'BAMAlertsNSMain', kind: 'bam', criticality: 'warning', description: 'BAM alerts database of SQL Notification Services (BizTalk 2013 era).' },
    { name: 'BAMAnalysis', kind: 'bam', criticality: 'warning', description: 'BAM OLAP cubes (Analysis Services).' },
    { name: 'SSISDB', kind: 'custom', criticality: 'warning', description: 'SSIS catalog; from BizTalk 2020 it holds the BAM data-maintenance packages.' },
    { name: 'EsbItineraryDb', kind: 'custom', criticality: 'warning', description: 'ESB Toolkit itinerary database.' },
    { name: 'EsbExceptionDb', kind: 'custom', criticality: 'warning', description: 'ESB Toolkit exception database.' }
];

const databasesByKey = new Map(databases.map(database => [database.name.toLowerCase(), database]));

export function findDatabase(name: string): DatabaseInfo | undefined {
    return databasesByKey.get(name.toLowerCase());
}

export function knownDatabases(): readonly DatabaseInfo[] {
    return databases;
}

/** Databases of these kinds must exist for a BizTalk group to run (rule HA-DB-MISSING). */
export const requiredDatabaseKinds: ReadonlyArray<{ kind: DatabaseKind; name: string }> = [
    { kind: 'management', name: 'BizTalkMgmtDb' },
    { kind: 'messagebox', name: 'BizTalkMsgBoxDb' },
    { kind: 'tracking', name: 'BizTalkDTADb' },
    { kind: 'sso', name: 'SSODB' }
];

/** Criticality of a database declared with a kind keyword but a custom name. */
export function criticalityOfKind(kind: DatabaseKind): DatabaseCriticality {
    switch (kind) {
        case 'management': case 'messagebox': case 'tracking': case 'sso': return 'error';
        default: return 'warning';
    }
}

/** Databases the Backup BizTalk Server job backs up; custom databases added to the job are not known. */
export function inBackupBizTalkServerJob(database: { kind: DatabaseKind; name: string }): boolean {
    switch (database.kind) {
        case 'management': case 'messagebox': case 'tracking': case 'sso': case 'rules': return true;
        case 'bam': return ['bamprimaryimport', 'bamalertsapplication', 'bamalertsnsmain'].includes(database.name.toLowerCase());
        default: return false;
    }
}
