import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';
import type { BizhaServices } from '../../language/bizha-module.js';
import { namedMembers, namespaceOf } from '../../language/scoping/namespaces.js';
import { softKeywords } from '../../language/parser/bizha-token-builder.js';

const identifier = /^[_a-zA-Z][\w-]*$/;

/**
 * Renames across files with Langium's reference index, but refuses (with an error the editor
 * shows) a new name that is not an identifier, is a keyword, or would clash with another element
 * of the same namespace visible where the element is declared or used.
 */
export class BizhaRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;

    constructor(private readonly services: BizhaServices) {
        super(services);
        // Version 2 words that stay names (`agent`, `portal`) are valid new names.
        this.keywords = new Set(GrammarUtils_keywords(services).filter(keyword => !softKeywords.has(keyword)));
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (target) {
            const problem = this.checkNewName(target, params.newName);
            if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    private targetAt(document: LangiumDocument, position: RenameParams['position']): (AstNode & { name: string }) | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const target = this.references.findDeclarations(leaf)[0];
        return target && typeof (target as { name?: unknown }).name === 'string' ? target as AstNode & { name: string } : undefined;
    }

    /** Why the new name cannot be used, or undefined when it can. */
    checkNewName(target: AstNode & { name: string }, newName: string): string | undefined {
        if (!identifier.test(newName)) {
            return `'${newName}' is not a valid name: a name starts with a letter or '_' and continues with letters, digits, '_' or '-'.`;
        }
        if (this.keywords.has(newName)) return `'${newName}' is a keyword of the .bizha language and cannot be a name.`;
        if (newName === target.name) return undefined;
        const namespace = namespaceOf(target.$type);
        if (!namespace) return undefined;
        for (const { element, where } of this.visibleNames(target)) {
            if (element !== target && element.name === newName && namespaceOf(element.$type) === namespace) {
                return `Cannot rename ${target.name} to ${newName}: a ${namespace} named ${newName} is already declared ${where}.`;
            }
        }
        return undefined;
    }

    /**
     * Elements whose names a renamed element must not take: those of its own scope, and those
     * visible wherever it is referenced (top-level elements everywhere, and the members of
     * every group that uses a top-level element).
     */
    private *visibleNames(target: AstNode): Generator<{ element: AstNode & { name: string }; where: string }> {
        const group = AstUtils.getContainerOfType(target.$container, ast.isGroup);
        for (const description of this.services.shared.workspace.IndexManager.allElements()) {
            const node = description.node;
            if (node && typeof (node as { name?: unknown }).name === 'string') {
                yield { element: node as AstNode & { name: string }, where: `at the top level of ${fileName(description.documentUri.path)}` };
            }
        }
        const groups = new Set<ast.Group>();
        if (group) {
            groups.add(group);
        } else {
            for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
                const document = this.services.shared.workspace.LangiumDocuments.getDocument(reference.sourceUri);
                if (!document) continue;
                const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, document.textDocument.offsetAt(reference.segment.range.start));
                const user = AstUtils.getContainerOfType(leaf?.astNode, ast.isGroup);
                if (user) groups.add(user);
            }
        }
        for (const each of groups) {
            for (const member of namedMembers(each)) yield { element: member, where: `in group ${each.name}` };
        }
    }
}

function fileName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

/** Every keyword of the grammar. */
function GrammarUtils_keywords(services: BizhaServices): string[] {
    return AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value).toArray();
}
