import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isComputer, isComputerDecl, isDatabase, isModel, type Model } from '../generated/ast.js';

/**
 * Top-level declarations are visible in every .bizha file of the workspace; group members only
 * inside their group. `computer A, B` nests its computers in a ComputerDecl, so they are lifted
 * to the scope of the declaration's container (the file or the group).
 */
export class BizhaScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const declaration of model.declarations ?? []) {
            if (isComputerDecl(declaration)) {
                for (const computer of declaration.computers) this.addExportedSymbol(computer, exports, document);
            } else {
                this.addExportedSymbol(declaration, exports, document);
            }
        }
        return exports;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        // Databases are never referenced; keeping them out of scopes keeps completion lists clean.
        if (isDatabase(node)) return;
        const container = isComputer(node) ? node.$container?.$container : node.$container;
        if (!container) return;
        // Top-level declarations already reach every file through the global index.
        if (isModel(container)) return;
        const name = this.nameProvider.getName(node);
        if (name) symbols.add(container, this.descriptions.createDescription(node, name, document));
    }
}
