import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext, type FormattingActionOptions } from 'langium/lsp';
import type { Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';

/** At most one blank line between members. */
const maxLineBreaks = 2;

/** Declarations written as `keyword ... { members }`. */
function isBlock(node: AstNode): boolean {
    return ast.isGroup(node) || ast.isCluster(node) || ast.isNlb(node) || ast.isSqlInstance(node) || ast.isAvailabilityGroup(node)
        || ast.isSso(node) || ast.isHost(node) || ast.isBackupJob(node);
}

/** One-line members: settings, properties of blocks, `computer A, B`, `databases ... on X`. */
function isLine(node: AstNode): boolean {
    return ast.isSetting(node) || ast.isComputerDecl(node) || ast.isDatabasePlacement(node) || ast.isClusterProperty(node)
        || ast.isNlbProperty(node) || ast.isSqlProperty(node) || ast.isAgProperty(node) || ast.isSsoProperty(node)
        || ast.isHostProperty(node) || ast.isBackupJobProperty(node);
}

function keywordOf(leaf: CstNode): string | undefined {
    return GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
}

/** Visible leaves under a CST node; `own` stops at nested AST nodes (a block's members). */
function leaves(cst: CstNode | undefined, owner: AstNode | undefined, result: LeafCstNode[] = []): LeafCstNode[] {
    if (!cst) return result;
    if (isCompositeCstNode(cst)) {
        for (const child of cst.content) {
            if (owner && isCompositeCstNode(child) && child.astNode !== owner) continue;
            leaves(child, owner, result);
        }
    } else if (!cst.hidden) {
        result.push(cst as LeafCstNode);
    }
    return result;
}

/**
 * The layout of .bizha files: a block per declaration with one member per line, indented one
 * level (a block written on one line stays on one line, members two spaces apart); single
 * spaces between the words of a member; `a, b` lists (a line break after a comma is kept, the
 * continuation indented one level deeper); `FILE (path "...")` and `BTS01 (disabled)` options.
 * Comments stay where they are, re-indented with their line; blank lines between members are
 * kept (at most one). Formatting twice changes nothing.
 */
export class BizhaFormatter extends AbstractFormatter {

    protected format(node: AstNode): void {
        if (ast.isModel(node)) {
            const formatter = this.getNodeFormatter(node);
            for (const declaration of node.declarations) formatter.node(declaration).prepend(Formatting.noIndent());
        } else if (isBlock(node)) {
            this.formatBlock(node);
        } else if (isLine(node)) {
            this.spaceWords(node, leaves(node.$cstNode, undefined));
        }
    }

    private formatBlock(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const own = leaves(node.$cstNode, node);
        const openIndex = own.findIndex(leaf => keywordOf(leaf) === '{');
        this.spaceWords(node, openIndex < 0 ? own : own.slice(0, openIndex + 1));
        if (openIndex < 0) return;
        const open = formatter.keyword('{');
        const close = formatter.keyword('}');
        const interior = formatter.interior(open, close);
        const singleLine = open.nodes.length === 1 && close.nodes.length === 1 && open.nodes[0].range.start.line === close.nodes[0].range.end.line;
        if (interior.nodes.length === 0) {
            close.prepend(Formatting.oneSpace());
        } else if (singleLine) {
            // `host X { receive FILE  instances on A, B }` stays on one line, members two spaces apart.
            interior.nodes.filter(member => !member.hidden).forEach((member, i) => {
                formatter.cst([member]).prepend(i === 0 ? Formatting.oneSpace() : Formatting.spaces(2));
            });
            close.prepend(Formatting.oneSpace());
        } else {
            interior.prepend(Formatting.indent({ allowMore: true }));
            close.prepend(Formatting.newLine());
        }
    }

    /**
     * Single spaces between the words of one line, none inside parentheses or before commas. A
     * list that continues on the next line after a comma keeps that line break, indented one
     * level deeper than the member.
     */
    private spaceWords(node: AstNode, words: LeafCstNode[]): void {
        const formatter = this.getNodeFormatter(node);
        for (let i = 1; i < words.length; i++) {
            const word = keywordOf(words[i]);
            const previous = keywordOf(words[i - 1]);
            const tight = word === ',' || word === ')' || previous === '(';
            const continued = previous === ',' && words[i].range.start.line > words[i - 1].range.end.line;
            formatter.cst([words[i]]).prepend(continued ? Formatting.indent() : tight ? Formatting.noSpace() : Formatting.oneSpace());
        }
    }

    /**
     * Langium compares the lexer's and parser's 1-based error lines with the range's 0-based
     * lines, so a range ending on the line of the first syntax error was formatted from a
     * recovered tree and lost text (`}sql n e`: the `}` was deleted). Errors at the end of the
     * file count as on its last line.
     */
    protected override isFormatRangeErrorFree(document: LangiumDocument, range: Range): boolean {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length === 0 && parserErrors.length === 0) return true;
        const lastLine = document.textDocument.lineCount - 1;
        const zeroBased = (line: number | undefined) => line === undefined || !Number.isFinite(line) ? lastLine : line - 1;
        const firstErrorLine = Math.min(...lexerErrors.map(e => zeroBased(e.line)), ...parserErrors.map(e => zeroBased(e.token.startLine)));
        return firstErrorLine > range.end.line;
    }

    /** A comment moves with its line, but its own lines stay byte for byte (Langium re-indents every line of a block comment). */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const startLine = hidden.range.start.line;
        return super.createHiddenTextEdits(previous, hidden, formatting, context).filter(edit => edit.range.start.line === startLine && edit.range.end.line === startLine);
    }

    protected override createLineTextEdit(range: Range, lines: number, context: FormattingContext, options: FormattingActionOptions): TextEdit {
        const edit = super.createLineTextEdit(range, lines, context, options);
        return { ...edit, newText: capLineBreaks(edit.newText) };
    }

    protected override createTabTextEdit(range: Range, hasPrevious: boolean, context: FormattingContext): TextEdit {
        const edit = super.createTabTextEdit(range, hasPrevious, context);
        return { ...edit, newText: capLineBreaks(edit.newText) };
    }
}

function capLineBreaks(text: string): string {
    const breaks = /^\n*/.exec(text)![0].length;
    return breaks > maxLineBreaks ? '\n'.repeat(maxLineBreaks) + text.slice(breaks) : text;
}

export type { FormattingAction };
