import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * The namespace of a named element. Names that one reference could confuse share a namespace:
 * computers with clusters (`sql X on <computer or cluster>`), SQL instances with availability
 * groups (`databases ... on <either>`); hosts, load balancers, queue managers and groups each have
 * their own. Used by the uniqueness check and by rename.
 */
export function namespaceOf(type: string): string | undefined {
    switch (type) {
        case ast.Computer.$type: case ast.Cluster.$type: return 'computer or cluster';
        case ast.SqlInstance.$type: case ast.AvailabilityGroup.$type: return 'SQL instance or availability group';
        case ast.Host.$type: return 'host';
        case ast.Nlb.$type: return 'load balancer';
        case ast.QueueManager.$type: return 'queue manager';
        case ast.Group.$type: return 'group';
        default: return undefined;
    }
}

/** Every named element declared directly in a group or at the top level of a file (computers of `computer A, B` included). */
export function namedMembers(container: ast.Model | ast.Group): Array<AstNode & { name: string }> {
    const members: AstNode[] = ast.isModel(container) ? container.declarations ?? [] : container.members ?? [];
    return members.flatMap((member): AstNode[] => ast.isComputerDecl(member) ? member.computers : [member])
        .filter((member): member is AstNode & { name: string } => typeof (member as { name?: unknown }).name === 'string' && namespaceOf(member.$type) !== undefined);
}
