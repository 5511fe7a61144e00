import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, UriUtils, isReference,
    type AstNode, type AstNodeDescription, type Cancellation, type DocumentSegment, type LangiumDocument, type ReferenceDescription, type ReferenceInfo
} from 'langium';
import { forEachInterruptible } from './interruptible.js';
import { astContents } from './ast-walk.js';

/**
 * Descriptions of named elements whose path and segments are computed when first read. Langium
 * computes them for every element of every build, but only navigation, rename and references
 * read them, for a handful of elements.
 */
export class BizhaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name,
            type: node.$type,
            documentUri,
            get path() { return path ??= locator.getAstNodePath(node); },
            get nameSegment() { return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode); },
            get selectionSegment() { return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode); }
        };
    }
}

/**
 * Reference descriptions (the index behind "find references" and the check of which documents an
 * edit affects) with lazily computed paths and segments; only the target document is needed on
 * every build.
 */
export class BizhaReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachInterruptible(astContents(document.parseResult.value).references, cancelToken, refInfo => {
            if (!refInfo.reference.error) descriptions.push(...this.createInfoDescriptions(refInfo, document));
        });
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo, document?: LangiumDocument): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (reference.error || !reference.$refNode) return [];
        const targets = isReference(reference)
            ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
        if (targets.length === 0) return [];
        const sourceUri = (document ?? AstUtils.getDocument(refInfo.container)).uri;
        const locator = this.nodeLocator;
        const refNode = reference.$refNode;
        let sourcePath: string | undefined;
        let segment: DocumentSegment | undefined;
        return targets.map(target => ({
            sourceUri,
            targetUri: target.documentUri,
            local: UriUtils.equals(target.documentUri, sourceUri),
            get sourcePath() { return sourcePath ??= locator.getAstNodePath(refInfo.container); },
            get targetPath() { return target.path; },
            get segment() { return segment ??= CstUtils.toDocumentSegment(refNode); }
        }));
    }
}
