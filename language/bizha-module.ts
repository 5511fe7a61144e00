import { inject, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices } from 'langium/lsp';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { BizhaGeneratedModule, BizhaGeneratedSharedModule } from './generated/module.js';
import { BizhaScopeComputation } from './scoping/bizha-scope-computation.js';
import { BizhaLinker } from './scoping/bizha-linker.js';
import { BizhaScopeProvider } from './scoping/bizha-scope-provider.js';
import { BizhaNameProvider } from './scoping/bizha-name-provider.js';
import { BizhaAstNodeDescriptionProvider, BizhaReferenceDescriptionProvider } from './workspace/bizha-descriptions.js';
import { BizhaDocumentValidator } from './validation/bizha-document-validator.js';
import { BizhaValueConverter } from './scoping/bizha-value-converter.js';
import { BizhaTokenBuilder } from './parser/bizha-token-builder.js';
import { BizhaAnalysisService } from './analysis/analysis-service.js';
import { BizhaRuleSettings } from './config/rule-settings.js';
import { BizhaRuleEngine, type RuleDocs } from './validation/rule-engine.js';
import { BizhaValidator, registerValidationChecks } from './validation/bizha-validator.js';

/** Services bizha adds to Langium's. */
export interface BizhaAddedServices {
    analysis: {
        Analysis: BizhaAnalysisService;
    };
    validation: {
        BizhaValidator: BizhaValidator;
        RuleEngine: BizhaRuleEngine;
        RuleSettings: BizhaRuleSettings;
        RuleDocs: RuleDocs;
    };
}

export type BizhaServices = LangiumServices & BizhaAddedServices;

export interface BizhaModuleOptions {
    /** Folder holding docs/rules/<ID>.md; diagnostics link there. Defaults to ./docs/rules of the working directory. */
    rulesDocsFolder?: string;
}

export function createBizhaModule(options: BizhaModuleOptions = {}): Module<BizhaServices, PartialLangiumServices & BizhaAddedServices> {
    const folderUrl = pathToFileURL(options.rulesDocsFolder ?? path.resolve('docs', 'rules')).href;
    return {
        references: {
            ScopeComputation: services => new BizhaScopeComputation(services),
            ScopeProvider: services => new BizhaScopeProvider(services),
            NameProvider: () => new BizhaNameProvider(),
            Linker: services => new BizhaLinker(services)
        },
        workspace: {
            AstNodeDescriptionProvider: services => new BizhaAstNodeDescriptionProvider(services),
            ReferenceDescriptionProvider: services => new BizhaReferenceDescriptionProvider(services)
        },
        parser: {
            ValueConverter: () => new BizhaValueConverter(),
            TokenBuilder: () => new BizhaTokenBuilder()
        },
        analysis: {
            Analysis: services => new BizhaAnalysisService(services.shared)
        },
        validation: {
            DocumentValidator: services => new BizhaDocumentValidator(services),
            BizhaValidator: services => new BizhaValidator(services),
            RuleSettings: () => new BizhaRuleSettings(),
            RuleDocs: () => ({ url: id => `${folderUrl}/${id}.md` }),
            RuleEngine: services => new BizhaRuleEngine(services.analysis.Analysis, services.validation.RuleSettings, services.validation.RuleDocs)
        }
    };
}

export interface BizhaServicesContext extends DefaultSharedModuleContext, BizhaModuleOptions {
    /** Extra modules layered on top (the server's LSP features). */
    modules?: Array<Module<BizhaServices, Partial<BizhaServices>>>;
    /** Extra modules layered on the shared services (symbol kinds, workspace symbols). */
    sharedModules?: Array<Module<LangiumSharedServices, PartialLangiumSharedServices>>;
}

/**
 * Creates the shared services and bizha's. Works without an LSP connection (the CLI, tests and
 * benchmarks build documents exactly as the server does).
 */
export function createBizhaServices(context: BizhaServicesContext): { shared: LangiumSharedServices; Bizha: BizhaServices } {
    const shared = inject(createDefaultSharedModule(context), BizhaGeneratedSharedModule, ...(context.sharedModules ?? []));
    const Bizha: BizhaServices = inject(
        createDefaultModule({ shared }),
        BizhaGeneratedModule,
        createBizhaModule(context),
        ...(context.modules ?? [])
    );
    shared.ServiceRegistry.register(Bizha);
    registerValidationChecks(Bizha);
    if (!context.connection) {
        // No client to ask for settings: configuration is ready as it is.
        // Resolves at once without a connection; nothing waits on it.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Bizha };
}

export type { LangiumCoreServices, LangiumSharedCoreServices, PartialLangiumCoreServices };
