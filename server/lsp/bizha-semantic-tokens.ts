import { AstUtils, GrammarUtils, isReference, type AstNode, type AstReflection } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';

/** The standard token type for each kind of element (also the outline's icons). */
export function tokenTypeOf(node: AstNode | undefined): string | undefined {
    if (ast.isComputer(node)) return SemanticTokenTypes.variable;
    if (ast.isHost(node)) return SemanticTokenTypes.class;
    if (ast.isCluster(node)) return SemanticTokenTypes.namespace;
    if (ast.isSqlInstance(node)) return SemanticTokenTypes.type;
    if (ast.isAvailabilityGroup(node)) return SemanticTokenTypes.type;
    if (ast.isNlb(node)) return SemanticTokenTypes.interface;
    if (ast.isQueueManager(node)) return SemanticTokenTypes.enum;
    if (ast.isGroup(node)) return SemanticTokenTypes.namespace;
    return undefined;
}

/**
 * Colours every reference by what it names (computer, host, cluster, SQL instance, ...), so
 * `on SQLCL` and `on SQL01` look different; declarations get the same type with the
 * `declaration` modifier, and references into another file get `defaultLibrary`.
 */
export class BizhaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;
    /** Whether nodes of a type can hold references: most nodes hold none, and the request visits them all. */
    private readonly referencing = new Map<string, boolean>();

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        if (ast.isDatabase(node)) return 'prune';
        const declared = tokenTypeOf(node);
        const nameNode = declared ? GrammarUtils.findNodeForProperty(node.$cstNode, 'name') : undefined;
        if (declared && nameNode) acceptor({ cst: nameNode, type: declared, modifier: SemanticTokenModifiers.declaration });
        if (!this.holdsReferences(node.$type)) return;
        const document = AstUtils.getDocument(node);
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            const type = tokenTypeOf(target);
            if (!type || !reference.$refNode) continue;
            const elsewhere = target && AstUtils.getDocument(target) !== document;
            acceptor({ cst: reference.$refNode, type, modifier: elsewhere ? SemanticTokenModifiers.defaultLibrary : [] });
        }
    }

    private holdsReferences(type: string): boolean {
        let holds = this.referencing.get(type);
        if (holds === undefined) {
            holds = Object.values(this.reflection.getTypeMetaData(type).properties).some(property => property.referenceType !== undefined);
            this.referencing.set(type, holds);
        }
        return holds;
    }
}
