import { GrammarUtils, type LangiumDocument } from 'langium';
import * as ast from '../../language/generated/ast.js';

/**
 * Places where the parser is in the same state whatever came before: the start of every
 * top-level declaration, and the start of every member of a group (after the group's `{`).
 * Completion parses from the nearest anchor instead of from the start of the file, so that its
 * cost depends on the size of one group member, not on the size of the file.
 */
export interface Anchor {
    readonly start: number;
    /** Text that puts the parser where the anchor is: the group's header for a group member. */
    readonly header: string;
}

/** Per parse result: a new parse (any edit) gets a new root node. */
const cache = new WeakMap<object, Anchor[]>();

export function anchorsOf(document: LangiumDocument): Anchor[] {
    const root = document.parseResult.value;
    const known = cache.get(root);
    if (known) return known;
    const anchors: Anchor[] = [];
    const text = document.textDocument.getText();
    for (const declaration of (document.parseResult.value as ast.Model).declarations ?? []) {
        const cst = declaration.$cstNode;
        if (!cst) continue;
        anchors.push({ start: cst.offset, header: '' });
        if (!ast.isGroup(declaration)) continue;
        const open = GrammarUtils.findNodeForKeyword(cst, '{')?.end;
        if (open === undefined) continue;
        const header = text.slice(cst.offset, open) + '\n';
        for (const member of declaration.members ?? []) {
            const memberCst = member.$cstNode;
            if (memberCst && memberCst.offset >= open) anchors.push({ start: memberCst.offset, header });
        }
    }
    anchors.sort((a, b) => a.start - b.start);
    cache.set(root, anchors);
    return anchors;
}

/** Index of the last anchor that starts strictly before `offset`, or -1. */
export function anchorBefore(anchors: readonly Anchor[], offset: number): number {
    let low = 0, high = anchors.length - 1, found = -1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (anchors[middle].start < offset) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
