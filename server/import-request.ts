import { RequestType, type Connection } from 'vscode-languageserver';
import { importRequestMethod, type ImportParams, type ImportResponse } from '../importer/protocol.js';
import { importFromTexts } from '../importer/run.js';

/** `bizha/import`: the server does the import so the extension stays a thin client. */
export function registerImportRequest(connection: Connection): void {
    connection.onRequest(new RequestType<ImportParams, ImportResponse, void>(importRequestMethod), params => {
        try {
            return importFromTexts({ collector: params?.collector, bindings: Array.isArray(params?.bindings) ? params.bindings : [] });
        } catch (error) {
            connection.console.error(`bizha: ${importRequestMethod} failed: ${(error as Error)?.stack ?? error}`);
            return { ok: false, error: `internal error: ${(error as Error)?.message ?? error}` };
        }
    });
}
