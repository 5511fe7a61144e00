import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createBizhaServices } from '../language/bizha-module.js';
import { BizhaLspModule, BizhaSharedLspModule } from './bizha-lsp-module.js';
import { rulesDocsFolder } from './bundle-paths.js';
import { RuleSettingsSync } from './rule-settings-sync.js';
import { registerPreviewRequest } from './preview-request.js';

const connection = createConnection(ProposedFeatures.all);

const { shared, Bizha } = createBizhaServices({
    connection,
    ...NodeFileSystem,
    rulesDocsFolder: rulesDocsFolder(),
    modules: [BizhaLspModule],
    sharedModules: [BizhaSharedLspModule]
});

// A bug must never take the server down: log it and keep serving.
process.on('uncaughtException', error => connection.console.error(`bizha: uncaught exception: ${error?.stack ?? error}`));
process.on('unhandledRejection', reason => connection.console.error(`bizha: unhandled rejection: ${reason}`));

new RuleSettingsSync(connection, shared, Bizha).start();
registerPreviewRequest(connection, Bizha);
startLanguageServer(shared);
