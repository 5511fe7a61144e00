import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createBizhaServices } from '../language/bizha-module.js';
import { BizhaLspModule, BizhaSharedLspModule } from './bizha-lsp-module.js';
import { rulesDocsFolder } from './bundle-paths.js';
import { RuleSettingsSync } from './rule-settings-sync.js';
import { registerPreviewRequest } from './preview-request.js';
import { registerImportRequest } from './import-request.js';
import { setFlagsFromString } from 'node:v8';

// V8 grows the heap by up to 4x the live data after a full collection, so a server holding a
// 50k-line file (~125 MB live) peaked at 450-620 MB. Growing by 20% keeps it under 300 MB at the
// same edit latency (bench/README.md). Set here so every launcher (VS Code, the benchmark) gets it.
setFlagsFromString('--heap-growing-percent=20');

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
registerImportRequest(connection);
startLanguageServer(shared);
