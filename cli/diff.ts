/**
 * A unified diff (`diff -u` format) of two texts, for `bizha fix` without `--write`. Lines keep
 * their line ends, so a CRLF file diffs as it is; the changed middle of the texts (after their
 * common first and last lines) is compared line by line with a longest common subsequence.
 */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
    if (before === after) return '';
    const a = splitLines(before);
    const b = splitLines(after);
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const ops: Array<{ kind: ' ' | '-' | '+'; line: string }> = [];
    for (let i = 0; i < start; i++) ops.push({ kind: ' ', line: a[i] });
    ops.push(...middle(a.slice(start, a.length - end), b.slice(start, b.length - end)));
    for (let i = a.length - end; i < a.length; i++) ops.push({ kind: ' ', line: a[i] });
    return `--- ${oldName}\n+++ ${newName}\n${hunks(ops, context)}`;
}

function splitLines(text: string): string[] {
    return text.length === 0 ? [] : text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

/** The longest common subsequence of two line lists as keep/remove/add steps (one replacement past a size where it would be slow). */
function middle(a: string[], b: string[]): Array<{ kind: ' ' | '-' | '+'; line: string }> {
    if (a.length * b.length > 4_000_000) return [...a.map(line => ({ kind: '-' as const, line })), ...b.map(line => ({ kind: '+' as const, line }))];
    const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const ops: Array<{ kind: ' ' | '-' | '+'; line: string }> = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            ops.push({ kind: ' ', line: a[i++] });
            j++;
        } else if (j < b.length && (i === a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
            ops.push({ kind: '+', line: b[j++] });
        } else {
            ops.push({ kind: '-', line: a[i++] });
        }
    }
    return ops;
}

function hunks(ops: Array<{ kind: ' ' | '-' | '+'; line: string }>, context: number): string {
    const changed = ops.map((op, i) => op.kind !== ' ' ? i : -1).filter(i => i >= 0);
    let out = '';
    let k = 0;
    while (k < changed.length) {
        const first = Math.max(0, changed[k] - context);
        let last = changed[k];
        while (k + 1 < changed.length && changed[k + 1] - last <= 2 * context) last = changed[++k];
        k++;
        const stop = Math.min(ops.length - 1, last + context);
        // 1-based starting lines in each text: lines before the hunk that belong to that text.
        const oldStart = ops.slice(0, first).filter(op => op.kind !== '+').length + 1;
        const newStart = ops.slice(0, first).filter(op => op.kind !== '-').length + 1;
        const body = ops.slice(first, stop + 1);
        const oldCount = body.filter(op => op.kind !== '+').length;
        const newCount = body.filter(op => op.kind !== '-').length;
        out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
        for (const op of body) {
            const text = op.line.replace(/\r?\n$|\r$/, '');
            out += `${op.kind}${text}${op.line.endsWith('\r\n') ? '\r' : ''}\n`;
            if (!/[\r\n]$/.test(op.line)) out += '\\ No newline at end of file\n';
        }
    }
    return out;
}

function range(start: number, count: number): string {
    if (count === 0) return `${start - 1},0`;
    return count === 1 ? `${start}` : `${start},${count}`;
}
