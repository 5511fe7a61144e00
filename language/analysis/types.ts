import type { SourceRef } from '../model/topology.js';

/**
 * The failure analysis result: plain JSON-serialisable data shared by diagnostics, hovers,
 * quick fixes, the preview and the CLI.
 */

export type FunctionKind =
    | 'receive' | 'processing' | 'send' | 'tracking' | 'database' | 'master-secret-server' | 'http-entry'
    // A declared computer or cluster serving a UNC share that a handler reads or writes, or a backup goes to.
    | 'file-server'
    // An IBM MQ queue manager that MQSeries handlers use.
    | 'queue-manager'
    // The BAM portal web application (IIS), and the BAM event bus that moves BAM data out of the MessageBox.
    | 'bam-portal' | 'bam-event-bus';

export type Mechanism =
    | 'scale-out'            // several enabled host instances on distinct computers
    | 'load-balanced'        // scale-out behind a load balancer
    | 'unbalanced'           // an HTTP-style receive on several computers with no load balancer: clients address one computer, so each one's failure stops it
    | 'clustered-failover'   // clustered host or clustered master secret server: one active node
    | 'sql-fci'              // SQL Server failover cluster instance
    | 'availability-group'   // Always On availability group
    | 'single'               // exactly one provider
    | 'none';                // no provider at all

export type PlacementRole = 'active' | 'standby' | 'disabled' | 'sql-node' | 'replica' | 'nlb-member';

export interface Placement {
    readonly computer: string;
    readonly role: PlacementRole;
}

/** Component ids: `computer:<name>`, `site:<name>` or `hypervisor:<name>` (the physical host of virtual machines). */
export type ComponentId = string;

export interface SingleFailure {
    readonly component: ComponentId;
    /** Set when the failure stops a function this one depends on (e.g. the MessageBox). */
    readonly via?: string;
}

export interface FunctionResult {
    readonly id: string;
    readonly kind: FunctionKind;
    readonly label: string;
    readonly host?: string;
    readonly adapter?: string;
    readonly database?: string;
    readonly mechanism: Mechanism;
    /** Computers that can provide the function. */
    readonly providers: string[];
    readonly placements: Placement[];
    /** The function is up while every component of at least one path is up. */
    readonly paths: ComponentId[][];
    /** Ids of the functions it needs as well (MessageBox, management database, SSODB). */
    readonly dependsOn: string[];
    /** Smallest number of component failures that stop the function's own providers (0..3, 3 = three or more). */
    readonly ownRedundancy: number;
    readonly ownSingleFailures: ComponentId[];
    /** The same, including what the function depends on. */
    readonly redundancy: number;
    readonly singleFailures: SingleFailure[];
    /** Some pairs of components whose joint failure stops the function's own providers (when ownRedundancy is 2). */
    readonly doubleFailures: ComponentId[][];
    readonly source: SourceRef;
}

export type Tier = 'biztalk' | 'sql' | 'other';

/** Computers fail alone; a site or a hypervisor takes down every computer in it. */
export type ComponentKind = 'computer' | 'site' | 'hypervisor';

export interface ComponentResult {
    readonly id: ComponentId;
    readonly kind: ComponentKind;
    readonly name: string;
    readonly tier: Tier;
    readonly site?: string;
    /** For a computer: the hypervisor it runs on as a virtual machine. */
    readonly hypervisor?: string;
    /** Functions that stop when this component alone fails. */
    readonly stops: string[];
    readonly source?: SourceRef;
}

export interface GroupAnalysis {
    readonly group: string;
    readonly source: SourceRef;
    readonly availability: 'high' | 'standard';
    readonly functions: FunctionResult[];
    readonly components: ComponentResult[];
    /** The component whose single failure stops the most functions, if any stops one. */
    readonly worstSingleFailure?: ComponentId;
}

/**
 * The group's infrastructure as plain data, for the topology diagram: the computers are the
 * group's components; this says what runs on them and what holds them together.
 */
export interface TopologyView {
    readonly hosts: ReadonlyArray<{ readonly name: string; readonly type: 'in-process' | 'isolated'; readonly tracking: boolean; readonly clusteredOn?: string; readonly instances: ReadonlyArray<{ readonly computer: string; readonly disabled: boolean }> }>;
    /** Clusters the group declares or uses (for its SQL Server, master secret server or hosts), or two of whose nodes it uses. */
    readonly clusters: ReadonlyArray<{ readonly name: string; readonly nodes: readonly string[] }>;
    readonly loadBalancers: ReadonlyArray<{ readonly name: string; readonly kind: 'windows' | 'hardware'; readonly members: readonly string[]; readonly fronts: readonly string[]; readonly frontsBamPortal: boolean }>;
    readonly sqlInstances: ReadonlyArray<{ readonly name: string; readonly server?: { readonly kind: 'computer' | 'cluster'; readonly name: string }; readonly databases: readonly string[] }>;
    readonly availabilityGroups: ReadonlyArray<{ readonly name: string; readonly listener?: string; readonly replicas: ReadonlyArray<{ readonly sql: string; readonly synchronous: boolean }>; readonly databases: readonly string[] }>;
    readonly masterSecretServer?: { readonly kind: 'computer' | 'cluster'; readonly name: string };
}

export const maxRedundancy = 3;

export function computerId(name: string): ComponentId { return `computer:${name}`; }
export function siteId(name: string): ComponentId { return `site:${name}`; }
export function hypervisorId(name: string): ComponentId { return `hypervisor:${name}`; }
export function componentName(id: ComponentId): string { return id.slice(id.indexOf(':') + 1); }
export function componentKind(id: ComponentId): ComponentKind { return id.slice(0, id.indexOf(':')) as ComponentKind; }
export function isComputer(id: ComponentId): boolean { return id.startsWith('computer:'); }
export function isSite(id: ComponentId): boolean { return id.startsWith('site:'); }
export function isHypervisor(id: ComponentId): boolean { return id.startsWith('hypervisor:'); }
