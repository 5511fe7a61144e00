import { interruptAndCheck, type AstNodeDescription, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';

/**
 * Workspace symbols: top-level declarations from the index, plus the hosts, computers, clusters,
 * SQL instances, ... declared inside each group (which the global index does not hold), each
 * with its group as container.
 */
export class BizhaWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = (services as LangiumSharedCoreServices).workspace.LangiumDocuments;
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const model = document.parseResult.value as ast.Model;
            for (const group of (model.declarations ?? []).filter(ast.isGroup)) {
                for (const description of document.localSymbols?.getStream(group) ?? []) {
                    if (!this.fuzzyMatcher.match(query, description.name)) continue;
                    const symbol = this.memberSymbol(description, group.name);
                    if (symbol) symbols.push(symbol);
                }
            }
        }
        return symbols;
    }

    private memberSymbol(description: AstNodeDescription, group: string): WorkspaceSymbol | undefined {
        const symbol = this.getWorkspaceSymbol(description);
        return symbol && { ...symbol, containerName: group };
    }
}
