import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';

/** What a reference of each type may name, in an administrator's words. */
const referenceKinds: Record<string, string> = {
    Computer: 'computer',
    Cluster: 'cluster',
    Host: 'host',
    SqlInstance: 'SQL instance',
    SqlHost: 'computer or cluster',
    MssHost: 'computer or cluster',
    DatabaseContainer: 'SQL instance or availability group'
};

export class BizhaLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const kind = referenceKinds[type] ?? type;
        const where = type === 'Host'
            ? 'in this group'
            : 'in this group or at the top level of a .bizha file in the workspace';
        return { ...error, message: `No ${kind} named '${refInfo.reference.$refText}' is declared ${where}.` };
    }
}
