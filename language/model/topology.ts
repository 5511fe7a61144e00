import type { AstNode } from 'langium';
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

/** A source whose range is computed when first read: most elements' ranges are never needed. */
export function lazySource(uri: string, rangeOf: () => Range): SourceRef {
    let range: Range | undefined;
    return { uri, get range() { return range ??= rangeOf(); } };
}

interface Element {
    readonly name: string;
    readonly source: SourceRef;
    readonly node: AstNode;
    /** A node in the group's own document that declares or first uses this element. */
    anchor: AstNode;
    /** True when declared inside the group, false when it comes from a top-level declaration. */
    readonly local: boolean;
}

export interface ComputerModel extends Element {
    readonly site?: string;
    readonly msdtcOff: boolean;
}

export interface ClusterModel extends Element {
    readonly nodes: string[];
    readonly storage?: string;
    readonly msdtc: boolean;
    readonly msmq: boolean;
    readonly iis: boolean;
}

export interface NlbModel extends Element {
    readonly kind: 'windows' | 'hardware';
    readonly members: string[];
    readonly fronts: string[];
}

export interface SqlInstanceModel extends Element {
    /** Undefined when the reference does not resolve. */
    readonly server?: { kind: 'computer' | 'cluster'; name: string };
    readonly edition?: 'enterprise' | 'standard';
    readonly version?: { year: number; sp?: number; cu?: number };
}

export interface ReplicaModel {
    readonly sql: string;
    readonly synchronous: boolean;
    readonly node: AstNode;
}

export interface AvailabilityGroupModel extends Element {
    readonly replicas: ReplicaModel[];
    readonly listener?: string;
    readonly port?: number;
    readonly dtcSupport?: 'per-database' | 'none';
}

export interface DatabaseModel extends Element {
    readonly kind: DatabaseKind;
    readonly info?: DatabaseInfo;
    /** The first MessageBox declared is the master. */
    readonly master: boolean;
    readonly container?: { kind: 'sql' | 'availability-group'; name: string };
}

export type HandlerDirection = 'receive' | 'send';

export interface HandlerModel {
    readonly direction: HandlerDirection;
    /** As written. */
    readonly adapter: string;
    readonly info?: AdapterInfo;
    readonly ordered: boolean;
    readonly remoteQueue: boolean;
    readonly nonTransactional: boolean;
    readonly sharedMailbox: boolean;
    readonly path?: string;
    readonly node: AstNode;
    readonly source: SourceRef;
}

export interface InstanceModel {
    readonly computer: string;
    readonly disabled: boolean;
    readonly node: AstNode;
}

export interface AccountModel {
    readonly value: string;
    readonly role: 'host account' | 'host Windows group' | 'SSO administrators';
    readonly node: AstNode;
}

export interface HostModel extends Element {
    readonly type: 'in-process' | 'isolated';
    readonly handlers: HandlerModel[];
    readonly orchestrations?: AstNode;
    readonly tracking?: AstNode;
    readonly bitness?: number;
    readonly clusteredOn?: string;
    readonly clusteredNode?: AstNode;
    readonly instances: InstanceModel[];
    /** The `instances on` lists; HA-HOST-SPOF reports on the first. */
    readonly instanceLists: AstNode[];
    readonly accounts: AccountModel[];
}

export interface SsoModel {
    readonly node: AstNode;
    readonly source: SourceRef;
    readonly masterSecretServer?: { kind: 'computer' | 'cluster'; name: string; node: AstNode };
    readonly backup?: string;
    readonly administrators?: AccountModel;
}

export interface BackupJobModel {
    readonly node: AstNode;
    readonly destination?: string;
    readonly logShippingTo: string[];
}

export interface GroupModel {
    readonly name: string;
    readonly node: AstNode;
    readonly source: SourceRef;
    readonly version: { year: number; r2: boolean; cu?: number };
    readonly versionNode?: AstNode;
    readonly edition: 'enterprise' | 'standard' | 'branch' | 'developer';
    readonly editionNode?: AstNode;
    readonly availability: 'high' | 'standard';
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
}
