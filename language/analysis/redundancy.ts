import { maxRedundancy, type ComponentId } from './types.js';

export interface Redundancy {
    /** Smallest number of components whose failure hits every path (capped at 3). */
    readonly redundancy: number;
    /** Components each of which alone hits every path. */
    readonly singles: ComponentId[];
    /** Some pairs that together hit every path, when no single does. */
    readonly pairs: ComponentId[][];
}

const examplePairs = 5;

/**
 * The minimum hitting set of a function's provider paths, capped at 3. This is exactly what
 * simulating every single and double failure would find, computed structurally in time linear
 * in the number of paths: a single must lie in every path; a pair must contain an element of
 * the first path, and its partner must lie in every path that element misses.
 */
export function computeRedundancy(paths: readonly (readonly ComponentId[])[]): Redundancy {
    if (paths.length === 0) return { redundancy: 0, singles: [], pairs: [] };
    const singles = intersectAll(paths);
    if (singles.length > 0) return { redundancy: 1, singles, pairs: [] };
    const pairs: ComponentId[][] = [];
    for (const first of paths[0]) {
        const missed = paths.filter(path => !path.includes(first));
        for (const second of intersectAll(missed)) {
            pairs.push([first, second]);
            if (pairs.length >= examplePairs) break;
        }
        if (pairs.length >= examplePairs) break;
    }
    return { redundancy: pairs.length > 0 ? 2 : maxRedundancy, singles: [], pairs };
}

function intersectAll(paths: readonly (readonly ComponentId[])[]): ComponentId[] {
    if (paths.length === 0) return [];
    let common = [...paths[0]];
    for (let i = 1; i < paths.length && common.length > 0; i++) {
        const path = paths[i];
        common = common.filter(component => path.includes(component));
    }
    return common;
}
