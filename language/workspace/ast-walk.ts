import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/** Every node of a parsed tree (root first, in document order) and every cross-reference in it. */
export interface AstContents {
    readonly nodes: readonly AstNode[];
    readonly references: readonly ReferenceInfo[];
}

const contentsOfRoot = new WeakMap<AstNode, AstContents>();

/**
 * Linking, the reference index and validation each walk the whole tree; Langium's streams
 * allocate an iterator per node and per property on each walk, a large share of the garbage of a
 * build. The tree does not change after parsing (a new parse makes a new root), so one walk is
 * collected per root and shared.
 */
export function astContents(root: AstNode): AstContents {
    let contents = contentsOfRoot.get(root);
    if (!contents) contentsOfRoot.set(root, contents = collect(root));
    return contents;
}

function collect(root: AstNode): AstContents {
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        // for-in visits the same own keys in the same order as Object.keys, without an array per node.
        for (const property in node) {
            if (property.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (isAstNode(value)) {
                visit(value);
            } else if (isReference(value) || isMultiReference(value)) {
                references.push({ reference: value, container: node, property });
            } else if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const element: unknown = value[index];
                    if (isAstNode(element)) visit(element);
                    else if (isReference(element) || isMultiReference(element)) references.push({ reference: element, container: node, property, index });
                }
            }
        }
    };
    visit(root);
    return { nodes, references };
}
