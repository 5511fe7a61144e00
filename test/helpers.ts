import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { createBizhaServices, type BizhaServices } from '../language/bizha-module.js';
import type { Model } from '../language/generated/ast.js';
import { internalErrorCode } from '../language/validation/rule-engine.js';
import { BizhaLspModule, BizhaSharedLspModule } from '../server/bizha-lsp-module.js';

/** bizha's diagnostics always carry plain-text messages. */
export type Diagnostic = LspDiagnostic & { message: string };

export function createTestServices(): BizhaServices {
    return createBizhaServices({ ...EmptyFileSystem, modules: [BizhaLspModule], sharedModules: [BizhaSharedLspModule] }).Bizha;
}

const shared = createTestServices();

/**
 * Throws when a rule crashed (BIZHA-INTERNAL): the other findings of that group are then
 * incomplete, so a "does not fire" case must not pass on them.
 */
export function failOnRuleCrash(diagnostics: readonly Diagnostic[]): void {
    const crashes = diagnostics.filter(d => d.code === internalErrorCode);
    if (crashes.length > 0) throw new Error(`a rule crashed:\n${crashes.map(describe).join('\n')}`);
}

/** Parses, links and validates one document without checking its diagnostics (tests of BIZHA-INTERNAL itself). */
export async function validateAllowingCrashes(text: string, services: BizhaServices = shared): Promise<{ document: LangiumDocument<Model>; diagnostics: Diagnostic[] }> {
    // Each case is its own workspace: top-level names of earlier cases must not leak in.
    await clearDocuments(services.shared);
    const document = await parseHelper<Model>(services)(text, { validation: true });
    return { document, diagnostics: (document.diagnostics ?? []) as Diagnostic[] };
}

/** Parses, links and validates one document alone in the workspace; returns it with its diagnostics. Fails when a rule crashed. */
export async function validate(text: string, services: BizhaServices = shared): Promise<{ document: LangiumDocument<Model>; diagnostics: Diagnostic[] }> {
    const result = await validateAllowingCrashes(text, services);
    failOnRuleCrash(result.diagnostics);
    return result;
}

/** Builds several documents together as one workspace. Fails when a rule crashed. */
export async function validateWorkspace(files: Record<string, string>, services: BizhaServices = createTestServices()): Promise<Map<string, Diagnostic[]>> {
    const documents = Object.entries(files).map(([name, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///workspace/${name}`)));
    documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const result = new Map<string, Diagnostic[]>();
    for (const document of documents) {
        const diagnostics = (document.diagnostics ?? []) as Diagnostic[];
        failOnRuleCrash(diagnostics);
        result.set(document.uri.path.slice('/workspace/'.length), diagnostics);
    }
    return result;
}

/**
 * The rule-test helper: `const findings = findingsOf(ID)`, then `await findings(text)` gives the
 * diagnostics of that rule on `text` validated alone (and fails when any rule crashed).
 */
export function findingsOf(ruleId: string): (text: string) => Promise<Diagnostic[]> {
    return async text => withCode((await validate(text)).diagnostics, ruleId);
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
