import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';

/**
 * Outline, workspace-symbol and completion icons by kind of element. They match the semantic
 * token types (computer: variable, host: class, cluster: namespace, SQL instance: type, queue
 * manager: enum).
 */
export class BizhaNodeKindProvider extends DefaultNodeKindProvider {

    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        switch (typeOf(node)) {
            case ast.Group.$type: return SymbolKind.Module;
            case ast.Computer.$type: return SymbolKind.Variable;
            case ast.Host.$type: return SymbolKind.Class;
            case ast.Cluster.$type: return SymbolKind.Namespace;
            case ast.SqlInstance.$type: return SymbolKind.Struct;
            case ast.AvailabilityGroup.$type: return SymbolKind.Struct;
            case ast.Nlb.$type: return SymbolKind.Interface;
            case ast.Database.$type: return SymbolKind.Field;
            case ast.QueueManager.$type: return SymbolKind.Enum;
            case ast.Bam.$type: return SymbolKind.Object;
            default: return super.getSymbolKind(node);
        }
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        switch (typeOf(node)) {
            case ast.Group.$type: return CompletionItemKind.Module;
            case ast.Computer.$type: return CompletionItemKind.Variable;
            case ast.Host.$type: return CompletionItemKind.Class;
            case ast.Cluster.$type: return CompletionItemKind.Module;
            case ast.SqlInstance.$type: return CompletionItemKind.Struct;
            case ast.AvailabilityGroup.$type: return CompletionItemKind.Struct;
            case ast.Nlb.$type: return CompletionItemKind.Interface;
            case ast.QueueManager.$type: return CompletionItemKind.Enum;
            default: return super.getCompletionItemKind(node);
        }
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
