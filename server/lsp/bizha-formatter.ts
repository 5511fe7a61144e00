import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext, type FormattingActionOptions } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';

/** At most one blank line between members. */
const maxLineBreaks = 2;

/** Declarations written as `keyword ... { members }` (checked by type name: formatting visits every node). */
const blockTypes = new Set<string>([
    ast.Group.$type, ast.Cluster.$type, ast.Nlb.$type, ast.SqlInstance.$type, ast.AvailabilityGroup.$type, ast.Sso.$type, ast.Host.$type, ast.BackupJob.$type,
    ast.Bam.$type, ast.Computer.$type
]);

/** One-line members: settings, properties of blocks, `computer A, B`, `databases ... on X`. */
const lineTypes = new Set<string>([
    ast.VersionSetting.$type, ast.EditionSetting.$type, ast.AvailabilitySetting.$type, ast.DatabasePlacement.$type, ast.ComputerSite.$type,
    ast.ComputerMsdtc.$type,
    ast.ClusterNodes.$type, ast.ClusterStorage.$type, ast.ClusterResource.$type, ast.NlbKind.$type, ast.NlbMembers.$type, ast.NlbFronts.$type,
    ast.SqlEdition.$type, ast.SqlVersion.$type, ast.DatabaseList.$type, ast.AgReplicas.$type, ast.AgListener.$type, ast.AgDtcSupport.$type,
    ast.MasterSecretServer.$type, ast.SsoBackup.$type, ast.SsoAdministrators.$type, ast.ReceiveHandlers.$type, ast.SendHandlers.$type,
    ast.Orchestrations.$type, ast.Tracking.$type, ast.Bitness.$type, ast.ClusteredOn.$type, ast.Instances.$type, ast.ServiceAccount.$type,
    ast.WindowsGroup.$type, ast.BackupDestination.$type, ast.LogShipping.$type,
    // Version 2.
    ast.FaultToleranceSetting.$type, ast.QueueManager.$type, ast.ComputerOs.$type, ast.ComputerZone.$type, ast.ComputerHypervisor.$type,
    ast.ComputerSqlAlias.$type, ast.ClusterNetworkName.$type, ast.ClusterWitness.$type, ast.SqlAgent.$type, ast.SqlPreferredOwner.$type,
    ast.SqlServerName.$type, ast.AgJobsAndLogins.$type, ast.BamPortal.$type, ast.BamEventBus.$type, ast.BamBackup.$type
]);

const noSpace = Formatting.noSpace();
const oneSpace = Formatting.oneSpace();
const twoSpaces = Formatting.spaces(2);
const continuation = Formatting.indent();
const memberIndent = Formatting.indent({ allowMore: true });
const closingBrace = Formatting.newLine();
const topLevel = Formatting.noIndent();

function keywordOf(leaf: CstNode): string | undefined {
    const source = leaf.grammarSource as { $type?: string; value?: string } | undefined;
    return source?.$type === GrammarAST.Keyword.$type ? source.value : undefined;
}

/**
 * Visible leaves under a CST node; with an `owner`, nested AST nodes (a block's members) are left
 * out, or replaced by what `nested` picks of them.
 */
function leaves(cst: CstNode | undefined, owner: AstNode | undefined, result: LeafCstNode[] = [], nested?: (node: AstNode) => LeafCstNode[]): LeafCstNode[] {
    if (!cst) return result;
    if (isCompositeCstNode(cst)) {
        for (const child of cst.content) {
            if (owner && isCompositeCstNode(child) && child.astNode !== owner) {
                if (nested) result.push(...nested(child.astNode));
                continue;
            }
            leaves(child, owner, result, nested);
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
 * Comments stay where they are: a comment on its own line is re-indented with it (the inner lines
 * of a block comment are kept byte for byte); blank lines between members are kept (at most
 * one). Formatting twice changes nothing.
 */
export class BizhaFormatter extends AbstractFormatter {

    protected format(node: AstNode): void {
        if (ast.isModel(node)) {
            for (const declaration of node.declarations) if (declaration.$cstNode) this.collector(declaration.$cstNode, 'prepend', topLevel);
        } else if (blockTypes.has(node.$type)) {
            this.formatBlock(node);
        } else if (lineTypes.has(node.$type)) {
            this.spaceWords(leaves(node.$cstNode, undefined));
        } else if (ast.isComputerDecl(node)) {
            // `computer A { ... }, B`: the list is one line; each computer's `{ ... }` is a block of its own.
            this.spaceWords(leaves(node.$cstNode, node, [], computer => leaves(computer.$cstNode, computer).slice(0, 1)));
        }
    }

    private formatBlock(node: AstNode): void {
        const own = leaves(node.$cstNode, node);
        const openIndex = own.findIndex(leaf => keywordOf(leaf) === '{');
        this.spaceWords(openIndex < 0 ? own : own.slice(0, openIndex + 1));
        if (openIndex < 0) return;
        const open = own[openIndex];
        const close = own.at(-1);
        if (!close || close === open || keywordOf(close) !== '}' || !open.container || open.container !== close.container) return;
        const siblings = open.container.content;
        const interior = siblings.slice(siblings.indexOf(open) + 1, siblings.indexOf(close));
        if (interior.length === 0) {
            this.collector(close, 'prepend', oneSpace);
        } else if (open.range.start.line === close.range.end.line) {
            // `host X { receive FILE  instances on A, B }` stays on one line, members two spaces apart.
            interior.filter(member => !member.hidden).forEach((member, i) => this.collector(member, 'prepend', i === 0 ? oneSpace : twoSpaces));
            this.collector(close, 'prepend', oneSpace);
        } else {
            for (const member of interior) this.collector(member, 'prepend', memberIndent);
            this.collector(close, 'prepend', closingBrace);
        }
    }

    /**
     * Single spaces between the words of one line, none inside parentheses or before commas. A
     * list that continues on the next line after a comma keeps that line break, indented one
     * level deeper than the member.
     */
    private spaceWords(words: LeafCstNode[]): void {
        if (words.length < 2) return;
        const text = words[0].root.fullText;
        let previous = keywordOf(words[0]);
        for (let i = 1; i < words.length; i++) {
            const word = keywordOf(words[i]);
            const tight = word === ',' || word === ')' || previous === '(';
            const gap = words[i].offset - words[i - 1].end;
            previous = word;
            // Most text is formatted already: registering nothing there keeps large files fast.
            if (tight ? gap === 0 : gap === 1 && text.charCodeAt(words[i - 1].end) === 32) continue;
            const continued = gap > 0 && keywordOf(words[i - 1]) === ',' && words[i].range.start.line > words[i - 1].range.end.line;
            this.collector(words[i], 'prepend', continued ? continuation : tight ? noSpace : oneSpace);
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

    /**
     * With syntax errors after the range (range formatting, on-type formatting), only edits that
     * end before the first error: Langium keeps edits that start in the range and run past its
     * end, and one running into the error replaced tokens the parser had skipped (robustness test).
     */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, options, range);
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length === 0 && parserErrors.length === 0) return edits;
        const length = document.textDocument.getText().length;
        const at = (offset: number | undefined) => offset === undefined || !Number.isFinite(offset) ? length : offset;
        const firstError = Math.min(...lexerErrors.map(e => at(e.offset)), ...parserErrors.map(e => at(e.token.startOffset)));
        return edits.filter(edit => document.textDocument.offsetAt(edit.range.end) <= firstError);
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
