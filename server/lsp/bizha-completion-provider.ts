import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type Cancellation, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream, type TextDocument } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionList, type CompletionParams, type MarkupContent } from 'vscode-languageserver';
import { anchorBefore, anchorsOf, type Anchor } from './completion-anchors.js';
import * as ast from '../../language/generated/ast.js';
import { docUrl, glossaryFor, keywordSummaries, type GlossaryEntry } from '../../language/docs/glossary.js';
import { findDatabase, knownAdapters, knownDatabases, type AdapterInfo } from '../../language/model/catalog.js';
import type { BizhaServices } from '../../language/bizha-module.js';
import { elementDetail, enclosingGroup, groupFacts, instanceComputers, withTopLevelFacts, type GroupFacts } from './group-facts.js';
import { blockSnippets } from './bizha-snippets.js';

/** How each adapter's receive handler is made highly available, in a few words. */
export function receiveStrategyText(adapter: AdapterInfo): string {
    switch (adapter.receive) {
        case 'scale-out': return 'scale out';
        case 'load-balancer': return 'needs a load balancer';
        case 'load-balancer-or-cluster': return 'load balancer or clustered host';
        case 'clustered': return 'needs a clustered host';
        case 'clustered-if-shared-mailbox': return 'clustered host if the mailbox is shared';
        case 'send-only': return 'send only';
    }
}

/** Send handlers scale out, except MSMQ's, which needs a clustered host with clustered MSMQ. */
export function sendStrategyText(adapter: AdapterInfo): string {
    return adapter.name === 'MSMQ' ? 'needs a clustered host' : 'scale out';
}

type ComputerRole = 'biztalk' | 'sql' | 'none';

/** A computer's completion icon says its role, with the icon of what it runs: a host (class), a SQL instance (struct). */
const computerKind: Record<ComputerRole, CompletionItemKind> = {
    biztalk: CompletionItemKind.Class,
    sql: CompletionItemKind.Struct,
    none: CompletionItemKind.Variable
};

/** Adapters that have no side in that direction. */
function offeredFor(adapter: AdapterInfo, direction: 'receive' | 'send'): boolean {
    if (direction === 'receive') return adapter.receive !== 'send-only';
    return adapter.name !== 'POP3';
}

function markdown(entry: GlossaryEntry): MarkupContent {
    const links = entry.sources.map(path => `[${path}](${docUrl(path)})`).join(' · ');
    return { kind: 'markdown', value: `${entry.text}\n\nSource: ${links}` };
}

/**
 * Keywords with a one-line description, references with what each element is, adapter and
 * database names from the catalog, and snippets for whole blocks where those blocks are valid.
 */
export class BizhaCompletionProvider extends DefaultCompletionProvider {
    private readonly bizha: BizhaServices;

    constructor(services: BizhaServices) {
        super(services);
        this.bizha = services;
    }

    /** Anchors of the last completed text, valid for exactly that text. */
    private anchored?: { text: string; anchors: Anchor[] };

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: Cancellation.CancellationToken): Promise<CompletionList | undefined> {
        // Anchors come from the parsed tree; an edit that arrived after the parse makes them stale.
        const text = document.textDocument.getText();
        const root = document.parseResult.value.$cstNode?.root;
        if (root && root.fullText === text) this.anchored = { text, anchors: anchorsOf(document) };
        return super.getCompletion(document, params, cancelToken);
    }

    private anchorsFor(text: string): Anchor[] | undefined {
        return this.anchored && this.anchored.text === text ? this.anchored.anchors : undefined;
    }

    /**
     * Langium parses the whole text before the cursor; the parser is in the same state at every
     * group member and top-level declaration, so parsing from the nearest one (behind the group's
     * header) finds the same features at a cost independent of the file's size.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const anchors = this.anchorsFor(text);
        const index = anchors ? anchorBefore(anchors, offset) : -1;
        if (!anchors || index < 0) return super.findFeaturesAt(document, offset);
        const anchor = anchors[index];
        const prefix = anchor.header + text.slice(anchor.start, offset);
        const view = { getText: () => prefix, positionAt: () => ({ line: 0, character: 0 }) } as unknown as TextDocument;
        return super.findFeaturesAt(view, prefix.length);
    }

    /** Tokenizes only from the anchor before the one at the cursor, not the whole file. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const anchors = this.anchorsFor(text) ?? [];
        const index = anchorBefore(anchors, offset) - 1;
        const start = index >= 0 ? anchors[index].start : 0;
        const lineEnd = text.indexOf('\n', Math.min(text.length, offset + 256));
        const end = lineEnd < 0 ? text.length : lineEnd;
        if (start === 0 && end === text.length) return super.backtrackToAnyToken(text, offset);
        const result = super.backtrackToAnyToken(text.slice(start, end), offset - start);
        const shift = (value: number | undefined) => value === undefined ? undefined : value + start;
        return {
            nextTokenStart: result.nextTokenStart + start,
            nextTokenEnd: result.nextTokenEnd + start,
            previousTokenStart: shift(result.previousTokenStart),
            previousTokenEnd: shift(result.previousTokenEnd)
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        if (rule === 'AdapterName') {
            // `msmq` and `sql` are keywords elsewhere; here every adapter name is offered once, from the ID (not the quoted STRING).
            if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.$refText === 'ID') this.completeAdapters(context, acceptor);
            return;
        }
        if (rule === 'Database' && next.property === 'name' && GrammarAST.isRuleCall(next.feature)) {
            this.completeDatabases(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const entry = glossaryFor(keyword.value, rule);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: entry?.summary ?? keywordSummaries[keyword.value] ?? 'Keyword',
            documentation: entry ? markdown(entry) : undefined,
            sortText: '1'
        });
        // Where a block is expected, its snippet comes before the bare keyword (which alone is an error).
        if (rule) {
            for (const snippet of blockSnippets(rule, keyword.value, this.snippetScope(context))) {
                acceptor(context, {
                    label: snippet.label,
                    kind: CompletionItemKind.Snippet,
                    detail: snippet.detail,
                    documentation: { kind: 'markdown', value: '```bizha\n' + snippet.preview + '\n```' },
                    insertText: snippet.body,
                    insertTextFormat: InsertTextFormat.Snippet,
                    filterText: keyword.value,
                    sortText: '0'
                });
            }
        }
    }

    /**
     * Langium takes the node at the cursor from the document's own (error-recovered) tree, while
     * the features come from parsing the text before the cursor; in a half-typed document the two
     * can disagree (a `nodes` reference offered while the tree has only the file's Model there).
     * Then complete as for a new element of the rule that holds the reference.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (!next.type && assignment && context.node && !this.isReference(context.node.$type, assignment.feature)) {
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
            const type = rule ? GrammarUtils.getTypeName(rule) : undefined;
            if (!type || !this.isReference(type, assignment.feature)) return;
            return super.completionForCrossReference(context, { ...next, type }, acceptor);
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    private isReference(type: string, property: string): boolean {
        return this.astReflection.getTypeMetaData(type).properties[property]?.referenceType !== undefined;
    }

    /**
     * What a reference can name from where it stands, once per name: an element of the group
     * hides a top-level one of the same name (as linking resolves it). `instances on` offers no
     * computer that only runs SQL Server: BizTalk and SQL Server belong on separate computers.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const seen = new Set<string>();
        const instanceList = refInfo.property === 'computer' && AstUtils.getContainerOfType(refInfo.container, ast.isHost) !== undefined;
        return super.getReferenceCandidates(refInfo, context).filter(description => {
            if (seen.has(description.name)) return false;
            seen.add(description.name);
            return !(instanceList && description.type === ast.Computer.$type && this.computerRole(description, refInfo, context) === 'sql');
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const group = enclosingGroup(refInfo.container) ?? enclosingGroup(context.node);
        const facts = this.factsFor(group, context);
        const node = description.node;
        const here = context.document.uri.toString();
        const from = description.documentUri.toString() !== here ? ` (from ${description.documentUri.path.slice(description.documentUri.path.lastIndexOf('/') + 1)})` : '';
        const detail = node ? elementDetail(node, this.factsOfElement(description, facts)) + from : description.type;
        if (description.type !== ast.Computer.$type) return { ...item, detail, sortText: '0' };
        const role = this.computerRole(description, refInfo, context);
        return { ...item, detail, kind: computerKind[role], sortText: this.computerSortText(description, refInfo, context, role) };
    }

    /**
     * Computers: inside `instances on`, those that do not run the host yet first; then BizTalk
     * computers, computers with no role yet, SQL computers (the reverse for a SQL instance's
     * server); then those of this group, of this file, of other files.
     */
    private computerSortText(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext, role: ComputerRole): string {
        const host = refInfo.property === 'computer' ? AstUtils.getContainerOfType(refInfo.container, ast.isHost) : undefined;
        const already = host && instanceComputers(host).includes(description.name) ? 'b' : 'a';
        const sqlFirst = ast.isSqlInstance(refInfo.container) && refInfo.property === 'server';
        const roleRank = { biztalk: 0, none: 1, sql: 2 }[role];
        const group = enclosingGroup(refInfo.container) ?? enclosingGroup(context.node);
        const origin = description.node && group && AstUtils.getContainerOfType(description.node, ast.isGroup) === group ? 0
            : this.factsFor(group, context).hostsOn.has(description.name) ? 0
                : description.documentUri.toString() === context.document.uri.toString() ? 1 : 2;
        return `0${already}${sqlFirst ? 2 - roleRank : roleRank}${origin}`;
    }

    /** What the group (and the file that declares it) makes of a computer: runs BizTalk hosts, only SQL Server, or nothing yet. */
    private computerRole(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): ComputerRole {
        const group = enclosingGroup(refInfo.container) ?? enclosingGroup(context.node);
        const facts = this.factsOfElement(description, this.factsFor(group, context));
        const name = description.name;
        if (facts.hostsOn.has(name)) return 'biztalk';
        const sqlServers = [name, ...(facts.clustersOf.get(name) ?? [])];
        return sqlServers.some(server => (facts.sqlOn.get(server) ?? []).length > 0) ? 'sql' : 'none';
    }

    /** The group's facts, plus the top-level facts of the file that declares an element of another file (an inventory). */
    private factsOfElement(description: AstNodeDescription, facts: GroupFacts): GroupFacts {
        const root = description.node ? AstUtils.findRootNode(description.node) : undefined;
        if (!root || !ast.isModel(root) || AstUtils.getDocument(root).uri.toString() === this.factsCache?.uri) return facts;
        const cached = this.elementFacts.get(root);
        if (cached?.base === facts) return cached.facts;
        const combined = withTopLevelFacts(facts, root);
        this.elementFacts.set(root, { base: facts, facts: combined });
        return combined;
    }

    /** Combined facts per other file, for the group facts they were made from: one list offers many computers of one inventory. */
    private readonly elementFacts = new WeakMap<ast.Model, { base: GroupFacts; facts: GroupFacts }>();

    private factsCache?: { key: unknown; version: number; uri: string; facts: GroupFacts };

    private factsFor(group: ast.Group | undefined, context: CompletionContext): GroupFacts {
        const version = context.textDocument.version;
        const key = group ?? context.document;
        if (this.factsCache && this.factsCache.key === key && this.factsCache.version === version) return this.factsCache.facts;
        const facts = groupFacts(group, context.document.parseResult.value as ast.Model);
        this.factsCache = { key, version, uri: context.document.uri.toString(), facts };
        return facts;
    }

    private completeAdapters(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const direction = AstUtils.getContainerOfType(context.node, ast.isSendHandlers) ? 'send' : 'receive';
        const host = AstUtils.getContainerOfType(context.node, ast.isHost);
        const hostType = host?.hostType ?? 'in-process';
        for (const adapter of knownAdapters()) {
            if (!offeredFor(adapter, direction)) continue;
            const runsIn = direction === 'send' ? 'in-process' : adapter.receiveHostType;
            const strategy = direction === 'send' ? sendStrategyText(adapter) : receiveStrategyText(adapter);
            acceptor(context, {
                label: adapter.name,
                kind: CompletionItemKind.EnumMember,
                labelDetails: { description: `${strategy} · ${runsIn}` },
                detail: `${direction} · ${strategy} · ${runsIn} host${adapter.thirtyTwoBitOnly ? ' · 32-bit only' : ''}`,
                documentation: adapter.description,
                // Adapters that fit the host's type first.
                sortText: (runsIn === hostType ? '0' : '1') + adapter.name.toLowerCase()
            });
        }
    }

    private completeDatabases(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const group = enclosingGroup(context.node);
        const placed = this.factsFor(group, context).placedDatabases;
        const current = AstUtils.getContainerOfType(context.node, ast.isDatabase);
        const typed = current?.name?.toLowerCase();
        for (const database of knownDatabases()) {
            const key = database.name.toLowerCase();
            const placedElsewhere = placed.has(key) && key !== typed;
            acceptor(context, {
                label: database.name,
                kind: CompletionItemKind.Value,
                labelDetails: { description: placedElsewhere ? `${database.kind} · already placed` : database.kind },
                detail: `${database.kind} database${placedElsewhere ? ' (already placed in this group)' : ''}`,
                documentation: database.description,
                sortText: (placedElsewhere ? '9' : '0') + String(knownDatabases().indexOf(database)).padStart(2, '0')
            });
        }
    }

    private snippetScope(context: CompletionContext): SnippetScope {
        const group = enclosingGroup(context.node);
        const facts = this.factsFor(group, context);
        const index = this.bizha.shared.workspace.IndexManager;
        const topLevel = (type: string): string[] => index.allElements(type).map(d => d.name).toArray();
        const clusters = [...facts.clusters.map(c => c.name), ...topLevel(ast.Cluster.$type)];
        return {
            inGroup: group !== undefined,
            facts,
            computers: [...new Set([...facts.computers, ...topLevel(ast.Computer.$type)])],
            clusters: [...new Set(clusters)],
            clusterNodes: (name: string) => {
                const cluster = facts.clusters.find(c => c.name === name)
                    ?? index.allElements(ast.Cluster.$type).find(d => d.name === name)?.node as ast.Cluster | undefined;
                return cluster?.properties.filter(ast.isClusterNodes).flatMap(n => n.nodes.map(r => r.$refText)) ?? [];
            },
            sqlInstances: [...new Set([...[...facts.sqlOn.values()].flat(), ...topLevel(ast.SqlInstance.$type)])],
            isWellKnownDatabase: (name: string) => findDatabase(name) !== undefined
        };
    }
}

/** What snippets may prefill from the surrounding topology. */
export interface SnippetScope {
    readonly inGroup: boolean;
    readonly facts: GroupFacts;
    readonly computers: string[];
    readonly clusters: string[];
    clusterNodes(name: string): string[];
    readonly sqlInstances: string[];
    isWellKnownDatabase(name: string): boolean;
}

export type { AstNode };
