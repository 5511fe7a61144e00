import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { BizhaServices } from '../language/bizha-module.js';
import { BizhaCodeActionProvider } from './lsp/bizha-code-action-provider.js';
import { BizhaCompletionProvider } from './lsp/bizha-completion-provider.js';
import { BizhaDocumentSymbolProvider } from './lsp/bizha-document-symbol-provider.js';
import { BizhaFormatter } from './lsp/bizha-formatter.js';
import { BizhaHoverProvider } from './lsp/bizha-hover-provider.js';
import { BizhaNodeKindProvider } from './lsp/bizha-node-kind-provider.js';
import { BizhaRenameProvider } from './lsp/bizha-rename-provider.js';
import { BizhaSemanticTokenProvider } from './lsp/bizha-semantic-tokens.js';
import { BizhaWorkspaceSymbolProvider } from './lsp/bizha-workspace-symbol-provider.js';

/** The editor features bizha adds on top of Langium's defaults. */
export const BizhaLspModule: Module<BizhaServices, Partial<BizhaServices>> = {
    lsp: {
        CodeActionProvider: services => new BizhaCodeActionProvider(services),
        HoverProvider: services => new BizhaHoverProvider(services),
        CompletionProvider: services => new BizhaCompletionProvider(services),
        RenameProvider: services => new BizhaRenameProvider(services),
        Formatter: () => new BizhaFormatter(),
        SemanticTokenProvider: services => new BizhaSemanticTokenProvider(services),
        DocumentSymbolProvider: services => new BizhaDocumentSymbolProvider(services)
    }
};

/** Shared editor services: symbol kinds and workspace symbols that include group members. */
export const BizhaSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new BizhaNodeKindProvider(),
        WorkspaceSymbolProvider: services => new BizhaWorkspaceSymbolProvider(services)
    }
};
