import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createBizhaServices, type BizhaServices } from '../../language/bizha-module.js';
import type { Model } from '../../language/generated/ast.js';
import { BizhaLspModule, BizhaSharedLspModule } from '../../server/bizha-lsp-module.js';

/** Services with the full language server (as the server creates them). */
export function createEditingServices(): BizhaServices {
    return createBizhaServices({ ...EmptyFileSystem, modules: [BizhaLspModule], sharedModules: [BizhaSharedLspModule] }).Bizha;
}

/** Builds several files as one workspace (file:///workspace/<name>); clears earlier documents first. */
export async function workspace(services: BizhaServices, files: Record<string, string>): Promise<Map<string, LangiumDocument<Model>>> {
    await clearDocuments(services.shared);
    const documents = Object.entries(files).map(([name, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///workspace/${name}`)));
    documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return new Map(documents.map(document => [document.uri.path.slice('/workspace/'.length), document]));
}

export function readExample(name: string): string {
    return readFileSync(path.resolve('examples', name), 'utf8');
}

/** The offset of the first occurrence of `needle` (plus `delta`); fails loudly when absent. */
export function offsetOf(text: string, needle: string, delta = 0): number {
    const index = text.indexOf(needle);
    if (index < 0) throw new Error(`text does not contain: ${needle}`);
    return index + delta;
}

export function position(document: LangiumDocument, offset: number) {
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
}
