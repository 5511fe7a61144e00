import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { createBizhaServices, type BizhaServices } from '../language/bizha-module.js';
import type { Model } from '../language/generated/ast.js';
import { BizhaLspModule, BizhaSharedLspModule } from '../server/bizha-lsp-module.js';

/** bizha's diagnostics always carry plain-text messages. */
export type Diagnostic = LspDiagnostic & { message: string };

export function createTestServices(): BizhaServices {
    return createBizhaServices({ ...EmptyFileSystem, modules: [BizhaLspModule], sharedModules: [BizhaSharedLspModule] }).Bizha;
}

const shared = createTestServices();

/** Parses, links and validates one document alone in the workspace; returns it with its diagnostics. */
export async function validate(text: string, services: BizhaServices = shared): Promise<{ document: LangiumDocument<Model>; diagnostics: Diagnostic[] }> {
    // Each case is its own workspace: top-level names of earlier cases must not leak in.
    await clearDocuments(services.shared);
    const document = await parseHelper<Model>(services)(text, { validation: true });
    return { document, diagnostics: (document.diagnostics ?? []) as Diagnostic[] };
}

/** Builds several documents together as one workspace. */
export async function validateWorkspace(files: Record<string, string>, services: BizhaServices = createTestServices()): Promise<Map<string, Diagnostic[]>> {
    const documents = Object.entries(files).map(([name, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///workspace/${name}`)));
    documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const result = new Map<string, Diagnostic[]>();
    for (const document of documents) result.set(document.uri.path.slice('/workspace/'.length), (document.diagnostics ?? []) as Diagnostic[]);
    return result;
}

export function codes(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code ?? ''));
}

export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => d.code === code);
}

const severityNames = ['', 'error', 'warning', 'information', 'hint'];

/** "[line:col..line:col] severity CODE: message", 1-based, for readable failures. */
export function describe(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    return `[${start.line + 1}:${start.character + 1}..${end.line + 1}:${end.character + 1}] ${severityNames[diagnostic.severity ?? 1]} ${diagnostic.code ?? ''}: ${diagnostic.message}`;
}

export function severityOf(diagnostic: Diagnostic): string {
    return severityNames[diagnostic.severity ?? 1];
}
