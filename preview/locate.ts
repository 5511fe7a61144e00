import type { Range } from '../language/model/topology.js';
import type { PreviewGroup } from './protocol.js';

/** What the editor's cursor points at in the preview: rows (functions) and columns (computers, sites). */
export interface Located {
    readonly functions: Set<string>;
    readonly components: Set<string>;
}

export interface CursorPosition {
    readonly uri: string;
    readonly position: { line: number; character: number };
    /** The word under the cursor: a computer or site named where it is used (`instances on BTS01`). */
    readonly word?: string;
}

function contains(range: Range, position: { line: number; character: number }): boolean {
    const { start, end } = range;
    if (position.line < start.line || position.line > end.line) return false;
    if (position.line === start.line && position.character < start.character) return false;
    if (position.line === end.line && position.character > end.character) return false;
    return true;
}

/**
 * The functions declared at the cursor (a handler, `orchestrations`, a database name), else
 * those configured by the declaration around it (a host block, a SQL instance, the sso block);
 * and the computer or site declared or named at the cursor.
 */
export function locate(groups: readonly PreviewGroup[], { uri, position, word }: CursorPosition): Located {
    const functions = new Set<string>();
    const components = new Set<string>();
    for (const group of groups) {
        const own = group.functions.filter(fn => fn.source.uri === uri && contains(fn.source.range, position)
            && !(fn.source.uri === group.source.uri && fn.source.range.start.line === group.source.range.start.line && fn.source.range.end.line === group.source.range.end.line));
        const hits = own.length > 0 ? own : group.functions.filter(fn => fn.scopes.some(scope => scope.uri === uri && contains(scope.range, position)));
        hits.forEach(fn => functions.add(fn.id));
        for (const component of group.components) {
            const declared = component.source?.uri === uri && contains(component.source.range, position);
            if (declared || (word !== undefined && word === component.name)) components.add(component.id);
        }
    }
    return { functions, components };
}
