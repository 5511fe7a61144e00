import { DefaultServiceRegistry, EmptyFileSystem, URI, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createBizhaServices, type BizhaServices } from '../bizha-module.js';
import { fixesFor, groupOf, ruleIdOf, workspaceNames } from './fixes.js';
import { NameAllocator, takenNames } from './naming.js';
import { allRules } from './registry.js';

/**
 * Applies the rules' preferred fixes to one document until nothing they fix is left: "Make group
 * X highly available" in the editor and `bizha fix` on the command line. Plain Langium, no LSP
 * connection: it works on a private copy of the workspace, so the live one (and the editor's
 * documents) never see the intermediate texts.
 */

export interface FixpointOptions {
    /** Only this group's diagnostics (by name); every group of the file when absent. */
    readonly group?: string;
    /** Only these rules' diagnostics; every rule with a fix when absent. */
    readonly rules?: ReadonlySet<string>;
    /**
     * Which diagnostics to fix: 'errors' are the errors a group has at `availability high` (at
     * `availability standard` they show as warnings); 'warnings' adds the warnings too.
     */
    readonly level: 'errors' | 'warnings';
    /** At most this many fixes (one per round). */
    readonly maxRounds?: number;
}

export interface FixpointResult {
    /** The document's text after the fixes. */
    readonly text: string;
    /** The titles of the fixes applied, in order. */
    readonly applied: string[];
    /** Diagnostics of the chosen level still there at the end, in the final text. */
    readonly remaining: Diagnostic[];
    /** Every diagnostic of the final text (all rules, all levels). */
    readonly diagnostics: Diagnostic[];
    /** Why the fixes stopped before every diagnostic went; undefined when none is left. */
    readonly stopped?: string;
}

/** The most fixes one run applies: a group of a few hundred hosts still converges well within it. */
export const defaultMaxRounds = 200;

export async function applyFixesUntilDone(live: BizhaServices, document: LangiumDocument, options: FixpointOptions): Promise<FixpointResult> {
    const workspace = await privateCopy(live, document);
    const uri = document.uri;
    let current = workspace.document;
    const applied: string[] = [];
    // A diagnostic whose preferred fix did not remove it is left for the user (never a loop).
    const stuck = new Set<string>();
    const seenTexts = new Set<string>([current.textDocument.getText()]);
    const maxRounds = options.maxRounds ?? defaultMaxRounds;
    for (let round = 0; round < maxRounds; round++) {
        const targets = targetDiagnostics(workspace.services, current, options);
        const groups = workspace.services.analysis.Analysis.forDocument(current);
        let progressed = false;
        for (const diagnostic of targets) {
            const key = keyOf(current, diagnostic);
            if (stuck.has(key)) continue;
            const group = groupOf(current, groups, diagnostic);
            if (!group) continue;
            const names = new NameAllocator(() => takenNames(group.model, current.parseResult.value, workspaceNames(workspace.services)));
            const fix = fixesFor(workspace.services, current, groups, diagnostic, names).find(f => f.preferred);
            if (!fix) continue;
            const text = TextDocument.applyEdits(current.textDocument, fix.edits);
            if (seenTexts.has(text)) {
                stuck.add(key);
                continue;
            }
            const next = await replaceDocument(workspace.services, uri, text);
            if (next.parseResult.parserErrors.length > 0 || next.parseResult.lexerErrors.length > 0) {
                // A fix must never break the syntax (the property tests check it); if one did, undo it.
                current = await replaceDocument(workspace.services, uri, current.textDocument.getText());
                stuck.add(key);
                continue;
            }
            // Two findings can read alike (two hosts running as NetworkService): the fix must leave fewer of them.
            const count = (document: LangiumDocument, list: Diagnostic[]) => list.filter(d => keyOf(document, d) === key).length;
            if (count(next, targetDiagnostics(workspace.services, next, options)) >= count(current, targets)) stuck.add(key);
            seenTexts.add(text);
            applied.push(fix.title);
            current = next;
            progressed = true;
            break;
        }
        if (!progressed) break;
    }
    const remaining = targetDiagnostics(workspace.services, current, options);
    return { text: current.textDocument.getText(), applied, remaining, diagnostics: [...(current.diagnostics ?? [])], stopped: remaining.length > 0 ? stopMessage(remaining, applied.length >= maxRounds, maxRounds) : undefined };
}

function stopMessage(remaining: Diagnostic[], outOfRounds: boolean, maxRounds: number): string {
    const list = remaining.slice(0, 5).map(d => `${ruleIdOf(d) ?? d.code} (line ${d.range.start.line + 1}): ${firstSentence(typeof d.message === 'string' ? d.message : d.message.value)}`);
    const more = remaining.length > 5 ? `; and ${remaining.length - 5} more` : '';
    const head = outOfRounds
        ? `Stopped after ${maxRounds} fixes with ${remaining.length} finding${remaining.length === 1 ? '' : 's'} left`
        : `${remaining.length} finding${remaining.length === 1 ? ' needs' : 's need'} a choice only you can make`;
    return `${head}: ${list.join('; ')}${more}.`;
}

function firstSentence(message: string): string {
    const end = message.search(/[.:](\s|$)/);
    return end > 0 ? message.slice(0, end) : message;
}

/** Diagnostic identity across rounds: rule, message and the text it marks (positions move as fixes insert lines). */
function keyOf(document: LangiumDocument, diagnostic: Diagnostic): string {
    return `${ruleIdOf(diagnostic)}|${diagnostic.message}|${document.textDocument.getText(diagnostic.range)}`;
}

const ruleOrder = new Map(allRules.map((rule, i) => [rule.id, i]));

/**
 * The diagnostics to fix, in the catalog's order (a second BizTalk computer before the hosts
 * it serves, the SQL cluster before the master secret server that moves onto it), then by position.
 */
function targetDiagnostics(services: BizhaServices, document: LangiumDocument, options: FixpointOptions): Diagnostic[] {
    const groups = services.analysis.Analysis.forDocument(document);
    return (document.diagnostics ?? [])
        .filter(d => {
            const ruleId = ruleIdOf(d);
            if (!ruleId || (options.rules && !options.rules.has(ruleId))) return false;
            const group = groupOf(document, groups, d);
            if (!group || (options.group !== undefined && group.model.name !== options.group)) return false;
            // `availability standard` lowers every rule one level: its warnings are errors at `availability high`.
            const threshold = (options.level === 'errors' ? 1 : 2) + (group.model.availability === 'standard' ? 1 : 0);
            return (d.severity ?? 1) <= threshold;
        })
        .sort((a, b) => (ruleOrder.get(ruleIdOf(a)!) ?? 0) - (ruleOrder.get(ruleIdOf(b)!) ?? 0)
            || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A workspace of its own holding the texts of every document of the live one, with the same settings. */
async function privateCopy(live: BizhaServices, document: LangiumDocument): Promise<{ services: BizhaServices; document: LangiumDocument }> {
    const services = createBizhaServices({ ...EmptyFileSystem, sharedModules: [{ ServiceRegistry: () => new OneLanguageRegistry() }] }).Bizha;
    services.validation.RuleSettings.copyFrom(live.validation.RuleSettings);
    const copies: LangiumDocument[] = [];
    for (const other of live.shared.workspace.LangiumDocuments.all) {
        const copy = services.shared.workspace.LangiumDocumentFactory.fromString(other.textDocument.getText(), other.uri);
        services.shared.workspace.LangiumDocuments.addDocument(copy);
        copies.push(copy);
    }
    let target = copies.find(c => c.uri.toString() === document.uri.toString());
    if (!target) {
        target = services.shared.workspace.LangiumDocumentFactory.fromString(document.textDocument.getText(), document.uri);
        services.shared.workspace.LangiumDocuments.addDocument(target);
        copies.push(target);
    }
    // Only the target needs diagnostics; the others only provide names and references.
    await services.shared.workspace.DocumentBuilder.build(copies.filter(c => c !== target), { validation: false });
    await services.shared.workspace.DocumentBuilder.build([target], { validation: true });
    return { services, document: target };
}

/**
 * The editor tells the live server an untitled document's language; the private workspace has no
 * editor and one language, so every document in it is bizha whatever its URI.
 */
class OneLanguageRegistry extends DefaultServiceRegistry {
    override getServices(): LangiumCoreServices {
        return this.all[0];
    }

    override hasServices(): boolean {
        return this.all.length > 0;
    }
}

/** Puts a new text in place of a document of the private workspace and validates it. */
async function replaceDocument(services: BizhaServices, uri: URI, text: string): Promise<LangiumDocument> {
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    await DocumentBuilder.update([], [uri]);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    return document;
}

/** One edit turning `before` into `after`: the changed middle, between the common start and end. */
export function singleEdit(document: { positionAt(offset: number): { line: number; character: number } }, before: string, after: string): TextEdit | undefined {
    if (before === after) return undefined;
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let end = 0;
    while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}
