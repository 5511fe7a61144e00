import { describe, expect, test } from 'vitest';
import { createEditingServices, position, workspace } from './editing.js';

/** One group of about 10,000 lines: many computers and hosts, each host a few lines. */
function bigGroup(hosts: number): string {
    const lines = ['group Big {', '    version 2020 cu 6', '    edition enterprise', ''];
    for (let i = 0; i < 40; i += 2) lines.push(`    computer BTS${pad(i)}, BTS${pad(i + 1)}`);
    lines.push('    computer SQL01, SQL02', '', '    cluster SQLCL {', '        nodes SQL01, SQL02', '        storage SAN01', '        msdtc', '    }', '');
    lines.push('    sql BTSSQL on SQLCL {', '        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB', '    }', '');
    for (let i = 0; i < hosts; i++) {
        const a = i % 40, b = (i + 1) % 40;
        lines.push(`    host Host${pad(i)} {`, `        receive FILE (path "\\\\\\\\fs\\\\in${i}"), WCF-SQL`, '        send SMTP', `        instances on BTS${pad(a)}, BTS${pad(b)}`, '        account CONTOSO\\svc-bts', '    }', '');
    }
    lines.push('}', '');
    return lines.join('\n');
}

function pad(n: number): string {
    return String(n).padStart(4, '0');
}

/**
 * Hover and completion in one group of 10,000 lines (1,430 hosts) answer with the right content.
 * Their latency budgets are measured by the benchmark (`npm run bench`), not here.
 */
describe('editing one 10,000-line group', () => {
    test('hovers and completions answer with content at every sampled position', async () => {
        const services = createEditingServices();
        const text = bigGroup(1430);
        expect(text.split('\n').length).toBeGreaterThan(10_000);
        const document = (await workspace(services, { 'big.bizha': text })).get('big.bizha')!;
        const hoverAt: number[] = [];
        const completeAt: number[] = [];
        for (const match of text.matchAll(/host (Host\d+)|instances on (BTS\d+)|receive (FILE)|(orchestrations|tracking|account)/g)) hoverAt.push(match.index + match[0].length - 2);
        for (const match of text.matchAll(/instances on |receive |\n {8}(?=account)/g)) completeAt.push(match.index + match[0].length);
        const sample = (offsets: number[], count: number) => offsets.filter((_, i) => i % Math.max(1, Math.floor(offsets.length / count)) === 0).slice(0, count);
        for (const offset of sample(hoverAt, 200)) {
            const hover = await services.lsp.HoverProvider!.getHoverContent(document, position(document, offset));
            expect(JSON.stringify(hover?.contents ?? '')).not.toBe('""');
        }
        for (const offset of sample(completeAt, 100)) {
            const list = await services.lsp.CompletionProvider!.getCompletion(document, position(document, offset));
            expect(list?.items.length).toBeGreaterThan(0);
        }
    }, 180_000);
});
