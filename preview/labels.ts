import type { FunctionKind, Mechanism, PlacementRole, Tier } from '../language/analysis/types.js';
import type { FunctionState } from '../language/analysis/simulate.js';

/** The words the preview, the report and its SVG use: one place, so they read the same everywhere. */

export const kindOrder: readonly FunctionKind[] = ['receive', 'processing', 'send', 'tracking', 'database', 'master-secret-server', 'bam-event-bus', 'bam-portal', 'http-entry', 'file-server', 'queue-manager'];

/** A kind's heading; kinds added to the analysis later read as their id ("file-server" → "File server"). */
export function kindTitleOf(kind: string): string {
    return (kindTitle as Record<string, string | undefined>)[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');
}

export const kindTitle: Record<FunctionKind, string> = {
    receive: 'Receive',
    processing: 'Processing',
    send: 'Send',
    tracking: 'Tracking',
    database: 'Databases',
    'master-secret-server': 'Master secret server',
    'bam-event-bus': 'BAM event bus',
    'bam-portal': 'BAM portal',
    'http-entry': 'Load-balanced entry points',
    'file-server': 'File servers',
    'queue-manager': 'MQ queue managers'
};

export const tierOrder: readonly Tier[] = ['biztalk', 'sql', 'other'];

export const tierTitle: Record<Tier, string> = {
    biztalk: 'BizTalk Server',
    sql: 'SQL Server',
    other: 'Other'
};

export const tierNoun: Record<Tier, string> = {
    biztalk: 'BizTalk computer',
    sql: 'SQL computer',
    other: 'computer'
};

export const mechanismText: Record<Mechanism, string> = {
    'scale-out': 'scale-out',
    'load-balanced': 'load-balanced',
    unbalanced: 'no load balancer',
    'clustered-failover': 'clustered failover',
    'sql-fci': 'SQL failover cluster instance',
    'availability-group': 'availability group',
    single: 'single instance',
    none: 'none'
};

/** Short text in a matrix cell, and the full words for screen readers. */
export const roleText: Record<PlacementRole, { short: string; long: string }> = {
    active: { short: 'active', long: 'active instance' },
    standby: { short: 'standby', long: 'clustered standby' },
    'sql-node': { short: 'SQL node', long: 'SQL failover cluster node' },
    replica: { short: 'replica', long: 'synchronous replica' },
    disabled: { short: 'disabled', long: 'present but does not count (disabled, asynchronous or not a provider)' },
    'nlb-member': { short: 'NLB', long: 'load balancer member' }
};

export type RedundancyLevel = 'missing' | 'spof' | 'one' | 'two';

export function redundancyLevel(redundancy: number): RedundancyLevel {
    return redundancy <= 0 ? 'missing' : redundancy === 1 ? 'spof' : redundancy === 2 ? 'one' : 'two';
}

export const redundancyText: Record<RedundancyLevel, string> = {
    missing: 'missing',
    spof: 'single point of failure',
    one: 'survives one failure',
    two: 'survives two failures'
};

export const stateText: Record<FunctionState, string> = {
    up: 'up',
    degraded: 'degraded',
    down: 'down'
};

export const stateLongText: Record<FunctionState, string> = {
    up: 'up',
    degraded: 'degraded: still runs but lost redundancy',
    down: 'down: stopped'
};

/** The row label under its kind heading: the function's label without the repeated kind word. */
export function shortLabel(fn: { kind: FunctionKind; label: string; host?: string; adapter?: string; database?: string }): string {
    switch (fn.kind) {
        case 'receive':
        case 'send':
            return fn.adapter !== undefined && fn.host !== undefined ? `${fn.adapter} on ${fn.host}` : fn.label;
        case 'processing':
            return fn.host ?? fn.label;
        case 'http-entry':
            return fn.host ?? fn.label;
        case 'database':
            return fn.label.replace(/^database /, '');
        case 'file-server':
            return fn.label.replace(/^file server /, '');
        case 'queue-manager':
            return fn.label.replace(/^queue manager /, '');
        default:
            return fn.label;
    }
}

export function plural(count: number, word: string, words = `${word}s`): string {
    return `${count} ${count === 1 ? word : words}`;
}

/** The group's `availability` setting is the level it aims at, not a verdict on it. */
export function targetText(availability: string): string {
    return `target: ${availability} availability`;
}
