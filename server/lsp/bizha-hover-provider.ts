import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isReference, type AstNode, type LangiumDocument, type LeafCstNode, type MaybePromise, type NameProvider } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';
import type { BizhaServices } from '../../language/bizha-module.js';
import type { AnalyzedGroup, BizhaAnalysisService } from '../../language/analysis/analysis-service.js';
import { glossaryFor } from '../../language/docs/glossary.js';
import { handlerFunction } from '../../language/rules/helpers.js';
import {
    accountHover, adapterHover, databaseHover, elementHover, elementOf, glossaryMarkdown, unusedElementHover
} from './element-hover.js';
import { enclosingGroup } from './group-facts.js';

/** At most this many groups are described for a top-level element several groups use. */
const maxGroups = 3;

/**
 * Hover texts: the glossary on concept keywords; the catalog on adapter and database names;
 * what an account's scope means; and, on a declaration or a reference to it, what it is in this
 * topology with its redundancy read from the cached analysis.
 */
export class BizhaHoverProvider implements HoverProvider {
    private readonly analysis: BizhaAnalysisService;
    private readonly nameProvider: NameProvider;

    constructor(private readonly services: BizhaServices) {
        this.analysis = services.analysis.Analysis;
        this.nameProvider = services.references.NameProvider;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || leaf.hidden || offset < leaf.offset || offset >= leaf.end) return undefined;
        const value = this.contentFor(leaf, offset);
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    private contentFor(leaf: LeafCstNode, offset: number): string | undefined {
        const node = leaf.astNode;
        // A reference: describe what it points to, in the group of the reference.
        for (const info of AstUtils.streamReferences(node)) {
            const refNode = info.reference.$refNode;
            if (refNode && refNode.offset <= offset && offset < refNode.end) {
                const target = isReference(info.reference) ? info.reference.ref : undefined;
                return target ? this.declarationHover(target, enclosingGroup(node)) : undefined;
            }
        }
        const within = (property: string) => {
            const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
            return cst !== undefined && cst.offset <= offset && offset < cst.end;
        };
        if (ast.isHandler(node) && within('adapter')) return this.adapterContent(node);
        if ((ast.isServiceAccount(node) || ast.isWindowsGroup(node) || ast.isSsoAdministrators(node) || ast.isInstance(node)) && within('account')) return this.accountContent(node);
        if (ast.isDatabase(node) && within('name')) return this.databaseContent(node);
        const nameNode = this.nameProvider.getNameNode(node);
        if (nameNode && nameNode.offset <= offset && offset < nameNode.end) return this.declarationHover(node, enclosingGroup(node.$container));
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const entry = glossaryFor(leaf.grammarSource.value, node.$type);
            return entry ? glossaryMarkdown(entry) : undefined;
        }
        return undefined;
    }

    /** A declared element, described in the group that uses it (or every group that does, for top-level ones). */
    private declarationHover(target: AstNode, group: ast.Group | undefined): string | undefined {
        if (ast.isGroup(target)) {
            const analyzed = this.analysis.forGroup(target);
            const element = elementOf(analyzed.model, target);
            return element ? elementHover(analyzed, element) : undefined;
        }
        const groups = group ? [group] : this.groupsUsing(target);
        const sections: string[] = [];
        for (const candidate of groups) {
            const analyzed = this.analysis.forGroup(candidate);
            const element = elementOf(analyzed.model, target);
            if (element) sections.push(elementHover(analyzed, element));
            if (sections.length >= maxGroups) break;
        }
        if (sections.length === 0) return ast.isGroup(target.$container) ? undefined : unusedElementHover(target);
        return sections.join('\n\n---\n\n');
    }

    /** Groups whose topology includes a top-level declaration (groups are few; their analyses are cached). */
    private groupsUsing(target: AstNode): ast.Group[] {
        const name = (target as { name?: string }).name;
        if (!name) return [];
        const groups: ast.Group[] = [];
        for (const description of this.services.shared.workspace.IndexManager.allElements(ast.Group.$type)) {
            const group = description.node;
            if (!ast.isGroup(group)) continue;
            if (elementOf(this.analysis.forGroup(group).model, target)) groups.push(group);
            if (groups.length >= maxGroups) break;
        }
        return groups;
    }

    private analyzedFor(node: AstNode): AnalyzedGroup | undefined {
        const group = enclosingGroup(node);
        return group ? this.analysis.forGroup(group) : undefined;
    }

    private adapterContent(handler: ast.Handler): string {
        const direction = ast.isSendHandlers(handler.$container) ? 'send' : 'receive';
        const analyzed = this.analyzedFor(handler);
        const host = ast.isHost(handler.$container?.$container) ? analyzed?.model.hosts.get(handler.$container.$container.name) : undefined;
        const model = host?.handlers.find(h => h.node === handler);
        const fn = analyzed && host && model ? handlerFunction(analyzed.analysis, host, model) : undefined;
        return adapterHover(handler.adapter, direction, analyzed && { analyzed, fn });
    }

    private accountContent(node: ast.ServiceAccount | ast.WindowsGroup | ast.SsoAdministrators | ast.Instance): string {
        const owner = AstUtils.getContainerOfType(node, ast.isHost);
        const role = ast.isSsoAdministrators(node) ? 'the SSO Administrators group'
            : ast.isWindowsGroup(node) ? `Windows group of host ${owner?.name ?? ''}${node.domainLocal ? ' (domain local)' : ''}`
                : ast.isInstance(node) ? `service account of the instance of host ${owner?.name ?? ''} on ${node.computer?.$refText ?? ''}`
                    : `service account of host ${owner?.name ?? ''}`;
        return accountHover(node.account!, role, this.analyzedFor(node)?.model);
    }

    private databaseContent(database: ast.Database): string {
        const analyzed = this.analyzedFor(database);
        const placed = analyzed?.model.databases.find(d => d.node === database);
        return databaseHover(database.name, database.kind, analyzed && placed ? { analyzed, database: placed } : undefined);
    }
}
