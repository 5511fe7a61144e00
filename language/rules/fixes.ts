import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { BizhaServices } from '../bizha-module.js';
import type { AnalyzedGroup } from '../analysis/analysis-service.js';
import { TextEditor, type Fix } from './fix.js';
import { NameAllocator, takenNames } from './naming.js';
import { findRule } from './registry.js';

/**
 * The rules' fixes for diagnostics, as the quick fixes, "make highly available" and `bizha fix`
 * all use them: no LSP connection needed.
 */

/** The rule id a diagnostic carries (in its data, or as its code). */
export function ruleIdOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { ruleId?: string } | undefined;
    return data?.ruleId ?? (typeof diagnostic.code === 'string' && findRule(diagnostic.code) ? diagnostic.code : undefined);
}

/** Every top-level name of the workspace: new declarations must not clash with another file's computer. */
export function workspaceNames(services: BizhaServices): Set<string> {
    return new Set(services.shared.workspace.IndexManager.allElements().map(d => d.name));
}

/** The analyzed group whose text holds the diagnostic. */
export function groupOf(document: LangiumDocument, groups: AnalyzedGroup[], diagnostic: Diagnostic): AnalyzedGroup | undefined {
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return groups.find(g => {
        const cst = g.model.node.$cstNode;
        return cst && cst.offset <= offset && offset <= cst.end;
    });
}

/**
 * The fixes the rule offers for one diagnostic; never throws. `names` is shared by fixes that are
 * applied together, so they never declare the same new name twice.
 */
export function fixesFor(services: BizhaServices, document: LangiumDocument, groups: AnalyzedGroup[], diagnostic: Diagnostic, names?: NameAllocator): Fix[] {
    const rule = findRule(ruleIdOf(diagnostic) ?? '');
    if (!rule?.fix) return [];
    const analyzed = groupOf(document, groups, diagnostic);
    if (!analyzed) return [];
    try {
        return rule.fix({
            diagnostic,
            data: (diagnostic.data ?? {}) as Record<string, unknown>,
            group: analyzed.model,
            analysis: analyzed.analysis,
            document,
            editor: new TextEditor(document),
            names: names ?? new NameAllocator(() => takenNames(analyzed.model, document.parseResult.value, workspaceNames(services)))
        }).filter(fix => fix.edits.length > 0);
    } catch (error) {
        console.error(`bizha: quick fix of ${rule.id} failed:`, error);
        return [];
    }
}
