import type { Module } from 'langium';
import type { BizhaServices } from '../language/bizha-module.js';
import { BizhaCodeActionProvider } from './lsp/bizha-code-action-provider.js';

/** The editor features bizha adds on top of Langium's defaults. */
export const BizhaLspModule: Module<BizhaServices, Partial<BizhaServices>> = {
    lsp: {
        CodeActionProvider: services => new BizhaCodeActionProvider(services)
    }
} as Module<BizhaServices, Partial<BizhaServices>>;
