import { DefaultNameProvider, type AstNode, type CstNode } from 'langium';

/**
 * Langium searches the syntax tree of every node for a `name` assignment, named or not; the
 * outline asks for every node of the file after each change. Only nodes with a name have one.
 */
export class BizhaNameProvider extends DefaultNameProvider {
    override getNameNode(node: AstNode): CstNode | undefined {
        return typeof (node as { name?: unknown }).name === 'string' ? super.getNameNode(node) : undefined;
    }
}
