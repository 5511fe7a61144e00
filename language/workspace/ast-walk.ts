import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import { oncePer } from './once-per.js';

/** Every node of a parsed tree (root first, in document order) and every cross-reference in it. */
export interface AstContents {
    readonly nodes: readonly AstNode[];
    readonly references: readonly ReferenceInfo[];
}

/**
 * Linking, the reference index and validation each walk the whole tree; Langium's streams
 * allocate an iterator per node and per property on each walk, a large share of the garbage of a
 * build. The tree does not change after parsing (a new parse makes a new root), so one walk is
 * collected per root and shared.
 */
export const astContents: (root: AstNode) => AstContents = oncePer(root => {
    const contents = { nodes: [] as AstNode[], references: [] as ReferenceInfo[] };
    visit(root, contents);
    return contents;
});

// A module-level function, not a closure made per walk: V8 keeps its optimized code from one
// build to the next instead of optimizing a new closure each time.
function visit(node: AstNode, contents: { nodes: AstNode[]; references: ReferenceInfo[] }): void {
    contents.nodes.push(node);
    // for-in visits the same own keys in the same order as Object.keys, without an array per node.
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) {
            visit(value, contents);
        } else if (isReference(value) || isMultiReference(value)) {
            contents.references.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isAstNode(element)) visit(element, contents);
                else if (isReference(element) || isMultiReference(element)) contents.references.push({ reference: element, container: node, property, index });
            }
        }
    }
}
