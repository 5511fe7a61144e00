import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { GroupAnalysis } from '../analysis/types.js';
import * as ast from '../generated/ast.js';
import type { GroupModel } from '../model/topology.js';
import type { NameAllocator } from './naming.js';

/** One quick fix: a title and the text edits that apply it to the diagnostic's document. */
export interface Fix {
    readonly title: string;
    readonly edits: TextEdit[];
    readonly preferred?: boolean;
    /**
     * A name only the user can choose (a domain account): the part of `edits[edit].newText`
     * from `start` to `end` is selected after the fix applies (a snippet placeholder in
     * clients that support snippet edits).
     */
    readonly placeholder?: { readonly edit: number; readonly start: number; readonly end: number };
}

export interface FixContext {
    readonly diagnostic: Diagnostic;
    /** What the rule attached to the diagnostic (host name, candidate computers, ...). */
    readonly data: Record<string, unknown>;
    readonly group: GroupModel;
    readonly analysis: GroupAnalysis;
    readonly document: LangiumDocument;
    readonly editor: TextEditor;
    /** Names for new declarations; shared by fixes applied together. */
    readonly names: NameAllocator;
}

/** What a group member is, in the order a group lists them (the formatter's examples and the snippets). */
const memberOrder = ['setting', 'computer', 'cluster', 'sql', 'availability-group', 'databases', 'sso', 'host', 'nlb', 'backup-job'] as const;
export type GroupMemberKind = typeof memberOrder[number];

function memberKind(node: AstNode): GroupMemberKind {
    if (ast.isComputerDecl(node)) return 'computer';
    if (ast.isCluster(node)) return 'cluster';
    if (ast.isSqlInstance(node)) return 'sql';
    if (ast.isAvailabilityGroup(node)) return 'availability-group';
    if (ast.isDatabasePlacement(node)) return 'databases';
    if (ast.isSso(node)) return 'sso';
    if (ast.isHost(node)) return 'host';
    if (ast.isNlb(node)) return 'nlb';
    if (ast.isBackupJob(node)) return 'backup-job';
    return 'setting';
}

/**
 * Text edits in the user's style: indentation is read from the file, new members go on their
 * own lines before a block's closing brace, list items are appended with ", ".
 */
export class TextEditor {
    private readonly text: string;
    readonly unit: string;

    constructor(private readonly document: LangiumDocument) {
        this.text = document.textDocument.getText();
        this.unit = detectIndentUnit(this.text);
    }

    private position(offset: number) {
        return this.document.textDocument.positionAt(offset);
    }

    range(start: number, end: number) {
        return { start: this.position(start), end: this.position(end) };
    }

    insert(offset: number, newText: string): TextEdit {
        return { range: this.range(offset, offset), newText };
    }

    replace(node: CstNode | undefined, newText: string): TextEdit[] {
        return node ? [{ range: this.range(node.offset, node.end), newText }] : [];
    }

    /** The indentation of the line a node starts on. */
    lineIndent(offset: number): string {
        const lineStart = lineStartBefore(this.text, offset);
        return /^[ \t]*/.exec(this.text.slice(lineStart))![0];
    }

    /** Adds a member (a line, or several) to a `{ ... }` block such as a group, host or cluster. */
    addToBlock(block: AstNode, memberText: string): TextEdit[] {
        const cst = block.$cstNode;
        if (!cst) return [];
        const close = cst.end - 1;
        if (this.text[close] !== '}') return [];
        const open = this.text.indexOf('{', cst.offset);
        const blockIndent = this.lineIndent(cst.offset);
        // Files with CRLF or lone CR line ends get their own line ends (robustness test).
        const multiLine = /[\r\n]/.test(this.text.slice(open, close));
        const eol = this.text.includes('\r\n') ? '\r\n' : /\r(?!\n)/.test(this.text) && !this.text.includes('\n') ? '\r' : '\n';
        if (!multiLine) {
            // Keep a one-line block on one line when the addition is one line. An insertion, not a
            // replacement of the blanks before `}`: two additions to one block (a fix that adds a
            // computer and a host) must not overlap (robustness test).
            if (!memberText.includes('\n')) {
                const before = this.text.slice(open + 1, close);
                const spacing = before.trim().length === 0 ? ' ' : '  ';
                const start = open + 1 + before.trimEnd().length;
                return [this.insert(start, `${spacing}${memberText}${start === close ? ' ' : ''}`)];
            }
        }
        const memberIndent = this.memberIndent(block) ?? blockIndent + this.unit;
        const lines = memberText.split('\n').map(line => line.length > 0 ? memberIndent + line : line).join(eol);
        const closeLineStart = lineStartBefore(this.text, close);
        const closeOnOwnLine = this.text.slice(closeLineStart, close).trim().length === 0;
        if (closeOnOwnLine) return [this.insert(closeLineStart, `${lines}${eol}`)];
        return [this.insert(close, `${eol}${lines}${eol}${blockIndent}`)];
    }

    /**
     * A declaration written the way the formatter lays it out: `header {`, one member per line
     * indented one level, `}` on its own line. Lines end with \n; `addGroupMember` indents them.
     */
    block(header: string, members: readonly string[]): string {
        if (members.length === 0) return `${header} { }`;
        return [`${header} {`, ...members.map(m => this.unit + m), '}'].join('\n');
    }

    /**
     * Adds a member to a group in its place: after the last member of the same kind, else after
     * the last one of a kind listed before it (computers, clusters, SQL, SSO, hosts, load
     * balancers, backup job), else first. A block gets a blank line before and after it; a
     * comment at the end of the line it follows stays on that line.
     */
    addGroupMember(group: ast.Group, kind: GroupMemberKind, memberText: string): TextEdit[] {
        const members = group.members ?? [];
        const rank = memberOrder.indexOf(kind);
        const after = members.filter(m => memberOrder.indexOf(memberKind(m)) <= rank).at(-1)?.$cstNode;
        const groupCst = group.$cstNode;
        if (!groupCst) return [];
        const open = this.text.indexOf('{', groupCst.offset);
        const firstMember = members[0]?.$cstNode;
        const body = this.text.slice(open + 1, groupCst.end - 1);
        if (!/[\r\n]/.test(body) || (!after && !firstMember)) return this.addToBlock(group, memberText);
        const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
        const indent = firstMember ? this.lineIndent(firstMember.offset) : this.lineIndent(groupCst.offset) + this.unit;
        const lines = memberText.split('\n').map(line => line.length > 0 ? indent + line : line).join(eol);
        const isBlock = memberText.includes('\n');
        if (after) {
            const at = this.endOfLineAfter(after.end);
            const previousIsBlock = /[\r\n]/.test(this.text.slice(after.offset, after.end));
            const nextLineBlank = /^(\r?\n|\r)[ \t]*(\r?\n|\r)/.test(this.text.slice(at));
            const nextIsClose = /^\s*\}/.test(this.text.slice(at));
            const blankBefore = isBlock || previousIsBlock ? eol : '';
            const blankAfter = isBlock && !nextLineBlank && !nextIsClose ? eol : '';
            return [this.insert(at, `${eol}${blankBefore}${lines}${blankAfter}`)];
        }
        // Before every member: at the start of the first member's line.
        const lineStart = lineStartBefore(this.text, firstMember!.offset);
        return [this.insert(lineStart, `${lines}${eol}${isBlock ? eol : ''}`)];
    }

    /** The end of the line `offset` is on when only blanks and a line comment follow it there; else `offset`. */
    private endOfLineAfter(offset: number): number {
        let end = offset;
        while (end < this.text.length && this.text[end] !== '\n' && this.text[end] !== '\r') end++;
        const rest = this.text.slice(offset, end);
        return /^[ \t]*(\/\/.*)?$/.test(rest) ? end : offset;
    }

    /** Indentation used by the block's existing members, if any sits on its own line. */
    private memberIndent(block: AstNode): string | undefined {
        const cst = block.$cstNode!;
        const body = this.text.slice(cst.offset, cst.end);
        const match = /\n([ \t]+)\S/.exec(body);
        return match ? match[1] : undefined;
    }

    /** Appends `, item` after the last element of a comma list property. */
    appendToList(lastItem: CstNode | undefined, item: string): TextEdit[] {
        return lastItem ? [this.insert(lastItem.end, `, ${item}`)] : [];
    }

    /** Removes one element of a comma list together with its separating comma. */
    removeListItem(items: CstNode[], index: number): TextEdit[] {
        const item = items[index];
        if (!item) return [];
        if (items.length === 1) return [];
        // The item and its comma go; comments between items stay (with `FILE,  // inbound` on
        // one line and `FTP` on the next, removing FTP deleted FILE's comment: robustness test).
        const hasComment = (from: number, to: number) => /\/\/|\/\*/.test(this.text.slice(from, to));
        if (index > 0) {
            const previous = items[index - 1];
            const comma = commaBetween(this.text, previous.end, item.offset);
            if (comma === undefined || !hasComment(previous.end, item.offset)) return [{ range: this.range(previous.end, item.end), newText: '' }];
            return [{ range: this.range(comma, comma + 1), newText: '' }, { range: this.range(item.offset, item.end), newText: '' }];
        }
        const next = items[1];
        const comma = commaBetween(this.text, item.end, next.offset);
        if (comma === undefined || !hasComment(item.end, next.offset)) return [{ range: this.range(item.offset, next.offset), newText: '' }];
        const afterComma = /^[ \t]*/.exec(this.text.slice(comma + 1, next.offset))![0].length;
        return [{ range: this.range(item.offset, item.end), newText: '' }, { range: this.range(comma, comma + 1 + afterComma), newText: '' }];
    }

    /**
     * Removes several elements of one comma list. Each run of removed elements goes with one
     * separator; comments inside the removed text are kept (a line comment keeps its line end).
     * Returns no edit when every element would go: the list cannot be empty.
     */
    removeListItems(items: CstNode[], indices: number[]): TextEdit[] {
        const removed = new Set(indices.filter(i => i >= 0 && i < items.length));
        if (removed.size === 0 || removed.size === items.length) return [];
        const edits: TextEdit[] = [];
        for (let a = 0; a < items.length; a++) {
            if (!removed.has(a)) continue;
            let b = a;
            while (removed.has(b + 1)) b++;
            const [start, end] = a > 0 ? [items[a - 1].end, items[b].end] : [items[0].offset, items[b + 1].offset];
            edits.push({ range: this.range(start, end), newText: this.keptComments(start, end, a === 0) });
            a = b;
        }
        return edits;
    }

    /** The comments in text[start, end), as text to put in place of that range. */
    private keptComments(start: number, end: number, beforeNext: boolean): string {
        const pieces: string[] = [];
        for (let i = start; i < end; i++) {
            if (this.text.startsWith('/*', i)) {
                const close = this.text.indexOf('*/', i + 2);
                const stop = close < 0 ? end : Math.min(end, close + 2);
                pieces.push(this.text.slice(i, stop));
                i = stop - 1;
            } else if (this.text.startsWith('//', i)) {
                let stop = i;
                while (stop < end && this.text[stop] !== '\n' && this.text[stop] !== '\r') stop++;
                pieces.push(`${this.text.slice(i, stop)}\n${this.lineIndent(end)}`);
                i = stop - 1;
            }
        }
        if (pieces.length === 0) return '';
        const joined = pieces.map(p => p.endsWith('\n' + this.lineIndent(end)) ? p : `${p} `).join('');
        return beforeNext ? joined : ` ${joined.trimEnd()}${joined.endsWith('\n' + this.lineIndent(end)) ? `\n${this.lineIndent(end)}` : ''}`;
    }

    /** Removes a whole node and the white space before it on its line. */
    removeNode(node: CstNode): TextEdit[] {
        let start = node.offset;
        while (start > 0 && (this.text[start - 1] === ' ' || this.text[start - 1] === '\t')) start--;
        let end = node.end;
        // The first member of a one-line block (`{ tracking  send FILE }`): the blanks after it go, `{ ` stays.
        if (this.text[start - 1] === '{' && /^[ \t]+[^\s}]/.test(this.text.slice(end))) {
            start = node.offset;
            while (this.text[end] === ' ' || this.text[end] === '\t') end++;
            return [{ range: this.range(start, end), newText: '' }];
        }
        const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
        if (start === lineStart && this.text[end] === '\n') end++;
        else if (start === lineStart && this.text.slice(end, end + 2) === '\r\n') end += 2;
        return [{ range: this.range(start, end), newText: '' }];
    }

    textOf(node: CstNode | undefined): string {
        return node ? this.text.slice(node.offset, node.end) : '';
    }
}

/** The offset of the separating comma in `text[from, to)`, which holds only blanks, comments and that comma. */
function commaBetween(text: string, from: number, to: number): number | undefined {
    for (let i = from; i < to; i++) {
        if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2);
            if (end < 0 || end + 2 > to) return undefined;
            i = end + 1;
        } else if (text.startsWith('//', i)) {
            while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
        } else if (text[i] === ',') {
            return i;
        }
    }
    return undefined;
}

/** Where the line holding `offset` starts; any line end counts (LF, CRLF, lone CR). */
function lineStartBefore(text: string, offset: number): number {
    return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

function detectIndentUnit(text: string): string {
    const match = /\n([ \t]+)\S/.exec(text);
    if (!match) return '    ';
    return match[1].startsWith('\t') ? '\t' : match[1].length <= 8 ? match[1] : '    ';
}
