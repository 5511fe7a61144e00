import type { ComponentId, FunctionResult, GroupAnalysis } from './types.js';

export type FunctionState = 'up' | 'degraded' | 'down';

export interface SimulationResult {
    /** State of every function, by id. */
    readonly states: Record<string, FunctionState>;
    /** Functions that stop, in analysis order. */
    readonly stopped: string[];
    readonly degraded: string[];
}

/**
 * The state of every function when the given components (computers, sites) have failed, read
 * from the analysis result alone: the preview and the CLI use it, no one re-derives providers.
 * A function is down when every provider path has a failed component or something it depends
 * on is down; degraded when it still runs but lost a provider or a dependency is degraded.
 */
export function simulateFailures(analysis: Pick<GroupAnalysis, 'functions'>, failed: Iterable<ComponentId>): SimulationResult {
    const failedSet = new Set(failed);
    const byId = new Map(analysis.functions.map(fn => [fn.id, fn]));
    const states: Record<string, FunctionState> = {};
    const visiting = new Set<string>();

    const stateOf = (fn: FunctionResult): FunctionState => {
        const known = states[fn.id];
        if (known) return known;
        if (visiting.has(fn.id)) return 'up';
        visiting.add(fn.id);
        const alive = fn.paths.filter(path => path.every(component => !failedSet.has(component)));
        let state: FunctionState = alive.length === 0 ? 'down' : alive.length < fn.paths.length ? 'degraded' : 'up';
        for (const dependencyId of fn.dependsOn) {
            const dependency = byId.get(dependencyId);
            if (!dependency || state === 'down') continue;
            const dependencyState = stateOf(dependency);
            if (dependencyState === 'down') state = 'down';
            else if (dependencyState === 'degraded') state = 'degraded';
        }
        visiting.delete(fn.id);
        states[fn.id] = state;
        return state;
    };

    for (const fn of analysis.functions) stateOf(fn);
    return {
        states,
        stopped: analysis.functions.filter(fn => states[fn.id] === 'down').map(fn => fn.id),
        degraded: analysis.functions.filter(fn => states[fn.id] === 'degraded').map(fn => fn.id)
    };
}
