import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';
import { elementDetail, enclosingGroup, groupFacts, type GroupFacts } from './group-facts.js';

/**
 * The outline: groups with their computers, clusters, SQL instances (with their databases),
 * availability groups, load balancers, hosts, queue managers and BAM, each with a one-line detail of what it is.
 */
export class BizhaDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private facts = new Map<AstNode | undefined, GroupFacts>();

    override getSymbols(document: LangiumDocument): DocumentSymbol[] {
        this.facts = new Map();
        try {
            return super.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        } finally {
            this.facts.clear();
        }
    }

    /** BAM has no name: its entry is named by its keyword. */
    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (ast.isBam(astNode)) {
            const keyword = GrammarUtils.findNodeForKeyword(astNode.$cstNode, 'bam');
            return keyword && astNode.$cstNode ? [this.createSymbol(document, astNode, astNode.$cstNode, keyword, 'bam')] : [];
        }
        return super.getSymbol(document, astNode);
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = ast.isDatabase(astNode) ? (astNode.kind ?? 'database') : elementDetail(astNode, this.factsFor(astNode, document));
        return { ...symbol, detail };
    }

    private factsFor(node: AstNode, document: LangiumDocument): GroupFacts {
        const group = enclosingGroup(node.$container);
        let facts = this.facts.get(group);
        if (!facts) {
            facts = groupFacts(group, document.parseResult.value as ast.Model);
            this.facts.set(group, facts);
        }
        return facts;
    }
}
