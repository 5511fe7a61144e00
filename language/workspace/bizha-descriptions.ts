import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, UriUtils, isReference,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type Cancellation, type DocumentSegment, type LangiumDocument,
    type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { forEachInterruptible } from './interruptible.js';
import { astContents } from './ast-walk.js';

/**
 * Descriptions of named elements whose path and segments are computed when first read. Langium
 * computes them for every element of every build, but only navigation, rename and references
 * read them, for a handful of elements. A class keeps the getters on the prototype: no closures
 * per element.
 */
export class BizhaAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, name, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private cachedPath?: string;
    private cachedNameSegment?: DocumentSegment;
    private cachedSelectionSegment?: DocumentSegment;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly nameProvider: NameProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return this.cachedPath ??= this.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.cachedNameSegment ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.cachedSelectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/**
 * Reference descriptions (the index behind "find references" and the check of which documents an
 * edit affects) with lazily computed paths and segments: only the target document is needed on
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
        const sourceUri = (document ?? AstUtils.getDocument(refInfo.container)).uri;
        return targets.map(target => new LazyReferenceDescription(refInfo, target, sourceUri, this.nodeLocator));
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    readonly targetUri: URI;
    readonly local: boolean;
    private cachedSourcePath?: string;
    private cachedSegment?: DocumentSegment;

    constructor(
        private readonly refInfo: ReferenceInfo,
        private readonly target: AstNodeDescription,
        readonly sourceUri: URI,
        private readonly locator: AstNodeLocator
    ) {
        this.targetUri = target.documentUri;
        this.local = UriUtils.equals(target.documentUri, sourceUri);
    }

    get sourcePath(): string {
        return this.cachedSourcePath ??= this.locator.getAstNodePath(this.refInfo.container);
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return this.cachedSegment ??= CstUtils.toDocumentSegment(this.refInfo.reference.$refNode!);
    }
}
