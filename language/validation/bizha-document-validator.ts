import { Cancellation, DefaultDocumentValidator, type AstNode, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { forEachInterruptible } from '../workspace/interruptible.js';
import { astContents } from '../workspace/ast-walk.js';

/**
 * Langium's validator on the shared walk of the tree, with cancellation checks in batches of
 * nodes and each node type's checks looked up once per document instead of once per node. Every
 * node is validated: bizha does not override `validateSingleNodeOptions`, which this loop skips.
 */
export class BizhaDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksOfType = new Map<string, ValidationCheck[]>();
        const pending: Array<Promise<unknown>> = [];
        await forEachInterruptible(astContents(rootNode).nodes, cancelToken, node => {
            let checks = checksOfType.get(node.$type);
            if (!checks) checksOfType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (const check of checks) {
                const result = check(node, acceptor, cancelToken ?? Cancellation.CancellationToken.None);
                // bizha's checks are synchronous; an asynchronous one is awaited before validation ends.
                if (result instanceof Promise) pending.push(result);
            }
        });
        await Promise.all(pending);
    }
}
