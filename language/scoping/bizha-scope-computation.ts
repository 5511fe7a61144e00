import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type Cancellation, type LangiumDocument, type LocalSymbols } from 'langium';
import { isComputerDecl, isGroup, type Model } from '../generated/ast.js';
import { namedMembers } from './namespaces.js';
import { forEachInterruptible } from '../workspace/interruptible.js';

/**
 * Top-level declarations are visible in every .bizha file of the workspace; group members only
 * inside their group. `computer A, B` nests its computers in a ComputerDecl, so they are lifted
 * to the scope of the declaration's container (the file or the group). Databases are never
 * referenced, so they stay out of scopes (and out of completion lists).
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

    /** Only groups hold local symbols: their named members. Langium's default walks the whole tree to find them. */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        const model = document.parseResult.value as Model;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        await forEachInterruptible((model.declarations ?? []).filter(isGroup), cancelToken, group => {
            for (const member of namedMembers(group)) {
                if (member.name) symbols.add(group, this.descriptions.createDescription(member, member.name, document));
            }
        });
        return symbols;
    }
}
