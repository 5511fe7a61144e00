import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import type { AdapterInfo, DatabaseInfo, DatabaseKind } from './catalog.js';

/**
 * The topology of one BizTalk group, resolved across files: plain data the failure analysis
 * and the rules read. `node` links each element back to its declaration (for diagnostics and
 * fixes); `anchor` is where the group's own file uses it, so a diagnostic about an element
 * declared in an inventory file still lands in the group's file.
 */

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface SourceRef { uri: string; range: Range }

const emptyRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a node is written; its range is computed when first read (most elements' ranges are never
 * needed), from the node's text, else from `fallback`. A class, not an object literal with a getter:
 * a large file makes thousands of them per build, and literal accessors are V8's slow path.
 */
export class NodeSource implements SourceRef {
    private cached?: Range;

    constructor(readonly uri: string, private readonly node: { readonly $cstNode?: { readonly range: Range } }, private readonly fallback?: SourceRef) { }

    get range(): Range {
        return this.cached ??= this.node.$cstNode?.range ?? this.fallback?.range ?? emptyRange;
    }

    /** Serialized (the CLI's JSON, LSP responses) as a plain `{ uri, range }`. */
    toJSON(): SourceRef {
        return { uri: this.uri, range: this.range };
    }
}

/** An element the group declares or uses; `node` is its declaration, of the grammar's type N. */
interface Element<N extends AstNode> {
    readonly name: string;
    readonly source: SourceRef;
    readonly node: N;
    /** A node in the group's own document that declares or first uses this element. */
    anchor: AstNode;
    /** True when declared inside the group, false when it comes from a top-level declaration. */
    readonly local: boolean;
}

export interface ComputerModel extends Element<ast.Computer> {
    readonly site?: string;
    readonly msdtcOff: boolean;
    /** `os 2016`, `os 2012 r2`. */
    /** `os 2016 (KB3182294)`: the release, and the updates declared applied (upper case). */
    readonly os?: { year: number; r2: boolean; updates: readonly string[] };
    readonly zone?: 'perimeter';
    /** The physical host this virtual machine runs on. */
    readonly hypervisor?: string;
    /** Availability groups this computer reaches through a SQL alias (`sql-alias AG1`), resolved names. */
    readonly sqlAliases: string[];
}

export interface ClusterModel extends Element<ast.Cluster> {
    readonly nodes: string[];
    readonly storage?: string;
    readonly msdtc: boolean;
    readonly msmq: boolean;
    readonly iis: boolean;
    /** The client access point clustered hosts and the master secret server use. */
    readonly networkName?: string;
    readonly witness?: 'disk' | 'file-share' | 'cloud';
}

export interface NlbModel extends Element<ast.Nlb> {
    readonly kind: 'windows' | 'hardware';
    readonly members: string[];
    readonly fronts: string[];
    /** `fronts bam-portal`: the load balancer spreads BAM portal requests. */
    readonly frontsBamPortal: boolean;
}

export interface SqlInstanceModel extends Element<ast.SqlInstance> {
    /** Undefined when the reference does not resolve. */
    readonly server?: { kind: 'computer' | 'cluster'; name: string };
    readonly edition?: 'enterprise' | 'standard';
    readonly version?: { year: number; sp?: number; cu?: number };
    /** SQL Server Agent, which runs the BizTalk jobs; `running` when not written. */
    readonly agent: 'running' | 'stopped' | 'disabled';
    readonly preferredOwner?: string;
    /** The network name BizTalk connects to (`"SRV\\INST,1533"`), unescaped. */
    readonly serverName?: string;
}

export interface ReplicaModel {
    readonly sql: string;
    readonly synchronous: boolean;
    readonly node: ast.Replica;
}

export interface AvailabilityGroupModel extends Element<ast.AvailabilityGroup> {
    readonly replicas: ReplicaModel[];
    readonly listener?: string;
    readonly port?: number;
    /** The number of subnets the listener spans. */
    readonly subnets?: number;
    readonly dtcSupport?: 'per-database' | 'none';
    /** `jobs-and-logins replicated`: the BizTalk SQL Agent jobs and logins exist on every replica. */
    readonly jobsAndLoginsReplicated: boolean;
}

export interface DatabaseModel extends Element<ast.Database> {
    readonly kind: DatabaseKind;
    readonly info?: DatabaseInfo;
    /** The first MessageBox declared is the master. */
    readonly master: boolean;
    readonly container?: { kind: 'sql' | 'availability-group'; name: string };
    /** Options written after the name: `BizTalkMsgBoxDb (recovery simple, mirrored)`. */
    readonly recovery?: 'full' | 'simple' | 'bulk-logged';
    readonly publication?: boolean;
    readonly mirrored: boolean;
    readonly sqlLogShipping: boolean;
    readonly vss: boolean;
}

export type HandlerDirection = 'receive' | 'send';

export interface HandlerModel {
    readonly direction: HandlerDirection;
    /** As written, without the quotes of a quoted name. */
    readonly adapter: string;
    readonly info?: AdapterInfo;
    readonly ordered: boolean;
    readonly remoteQueue: boolean;
    readonly nonTransactional: boolean;
    readonly sharedMailbox: boolean;
    readonly path?: string;
    /** The IBM MQ queue manager this handler uses (`queue-manager QM1`), when it resolves. */
    readonly queueManager?: string;
    /** `lease-timeout 120`, in seconds. */
    readonly leaseTimeout?: number;
    readonly node: ast.Handler;
    readonly source: SourceRef;
}

export interface InstanceModel {
    readonly computer: string;
    readonly disabled: boolean;
    /** `BTS01 (account CONTOSO\\svc1)`: this instance's logon account instead of the host's. */
    readonly account?: string;
    readonly node: ast.Instance;
}

export interface AccountModel {
    /** As written, without the quotes of a quoted account. */
    readonly value: string;
    readonly role: 'host account' | 'host Windows group' | 'SSO administrators' | 'instance account';
    /** `windows-group X (domain-local)`: a domain local group. */
    readonly domainLocal: boolean;
    /** Where the account is written. */
    readonly node: ast.ServiceAccount | ast.WindowsGroup | ast.Instance | ast.SsoAdministrators;
}

export interface HostModel extends Element<ast.Host> {
    readonly type: 'in-process' | 'isolated';
    readonly handlers: HandlerModel[];
    readonly orchestrations?: ast.Orchestrations;
    readonly tracking?: ast.Tracking;
    readonly bitness?: number;
    readonly clusteredOn?: string;
    readonly clusteredNode?: ast.ClusteredOn;
    readonly instances: InstanceModel[];
    /** The `instances on` lists; HA-HOST-SPOF reports on the first. */
    readonly instanceLists: ast.Instances[];
    readonly accounts: AccountModel[];
}

export interface SsoModel {
    readonly node: ast.Sso;
    readonly source: SourceRef;
    readonly masterSecretServer?: { kind: 'computer' | 'cluster'; name: string; node: ast.MasterSecretServer; preferredOwner?: string };
    readonly backup?: string;
    readonly administrators?: AccountModel;
}

export interface BackupJobModel {
    readonly node: ast.BackupJob;
    readonly destination?: string;
    readonly logShippingTo: string[];
}

export interface BamModel {
    readonly node: ast.Bam;
    readonly source: SourceRef;
    /** Computers that run the BAM portal (IIS). */
    readonly portal: string[];
    /** Computers that run the BAM event bus service (the BAM Event Bus of the tracking host). */
    readonly eventBus: string[];
    readonly backup?: string;
}

export interface QueueManagerModel extends Element<ast.QueueManager> {
    /** Undefined when the reference does not resolve. */
    readonly server?: { kind: 'computer' | 'cluster'; name: string };
}

export interface GroupModel {
    readonly name: string;
    readonly node: ast.Group;
    readonly source: SourceRef;
    readonly version: { year: number; r2: boolean; cu?: number };
    readonly versionNode?: ast.VersionSetting;
    readonly edition: 'enterprise' | 'standard' | 'branch' | 'developer';
    readonly editionNode?: ast.EditionSetting;
    readonly availability: 'high' | 'standard';
    /** `receive-location-fault-tolerance on|off`; undefined when not written. */
    readonly receiveLocationFaultTolerance?: boolean;
    readonly receiveLocationFaultToleranceNode?: ast.FaultToleranceSetting;
    /** Every computer, cluster, ... the group declares or uses, by name. */
    readonly computers: Map<string, ComputerModel>;
    readonly clusters: Map<string, ClusterModel>;
    readonly nlbs: Map<string, NlbModel>;
    readonly sqlInstances: Map<string, SqlInstanceModel>;
    readonly availabilityGroups: Map<string, AvailabilityGroupModel>;
    readonly hosts: Map<string, HostModel>;
    /** The databases the group places, in declaration order. */
    readonly databases: DatabaseModel[];
    readonly sso?: SsoModel;
    readonly backupJobs: BackupJobModel[];
    readonly bam?: BamModel;
    /** Queue managers declared in the group, and top-level ones its handlers name. */
    readonly queueManagers: Map<string, QueueManagerModel>;
}
