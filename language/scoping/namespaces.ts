import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { oncePer } from '../workspace/once-per.js';

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

/**
 * Every named element declared directly in a group or at the top level of a file (computers of
 * `computer A, B` included). Read once per parse: scopes and the uniqueness check both ask.
 */
export const namedMembers: (container: ast.Model | ast.Group) => ReadonlyArray<AstNode & { name: string }> = oncePer(container => {
    const found: Array<AstNode & { name: string }> = [];
    for (const member of ast.isModel(container) ? container.declarations ?? [] : container.members ?? []) {
        if (member.$type === ast.ComputerDecl.$type) {
            for (const computer of member.computers) if (typeof computer.name === 'string') found.push(computer);
        } else if (namespaceOf(member.$type) !== undefined && 'name' in member && typeof member.name === 'string') {
            found.push(member);
        }
    }
    return found;
});
