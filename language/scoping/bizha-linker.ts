import { DefaultLinker, type AstNodeDescription, type Cancellation, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { forEachInterruptible } from '../workspace/interruptible.js';
import { astContents } from '../workspace/ast-walk.js';

/** What a reference of each type may name, in an administrator's words. */
const referenceKinds: Record<string, string> = {
    Computer: 'computer',
    Cluster: 'cluster',
    Host: 'host',
    SqlInstance: 'SQL instance',
    SqlHost: 'computer or cluster',
    MssHost: 'computer or cluster',
    QueueManagerHost: 'computer or cluster',
    QueueManager: 'queue manager',
    AvailabilityGroup: 'availability group',
    DatabaseContainer: 'SQL instance or availability group'
};

export class BizhaLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        // Langium's profiler wants its own loop; otherwise one shared walk of the tree, cancellable in batches.
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await forEachInterruptible(astContents(document.parseResult.value).references, cancelToken, refInfo => this.doLink(refInfo, document));
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const kind = referenceKinds[type] ?? type;
        const where = type === 'Host' || type === 'AvailabilityGroup'
            ? 'in this group'
            : 'in this group or at the top level of a .bizha file in the workspace';
        return { ...error, message: `No ${kind} named '${refInfo.reference.$refText}' is declared ${where}.` };
    }
}
