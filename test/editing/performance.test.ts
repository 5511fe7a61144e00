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

/** CPU milliseconds of this process: what the request costs, whatever else runs on the machine. */
function cpu(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

function p95(samples: number[]): number {
    return [...samples].sort((a, b) => a - b)[Math.floor(0.95 * (samples.length - 1))];
}

describe('performance on a 10,000-line file', () => {
    test('hover under 30 ms and completion under 50 ms (p95, CPU time)', async () => {
        const services = createEditingServices();
        const text = bigGroup(1430);
        expect(text.split('\n').length).toBeGreaterThan(10_000);
        const document = (await workspace(services, { 'big.bizha': text })).get('big.bizha')!;
        const hoverAt: number[] = [];
        const completeAt: number[] = [];
        for (const match of text.matchAll(/host (Host\d+)|instances on (BTS\d+)|receive (FILE)|(orchestrations|tracking|account)/g)) hoverAt.push(match.index! + match[0].length - 2);
        for (const match of text.matchAll(/instances on |receive |\n {8}(?=account)/g)) completeAt.push(match.index! + match[0].length);
        const sample = (offsets: number[], count: number) => offsets.filter((_, i) => i % Math.max(1, Math.floor(offsets.length / count)) === 0).slice(0, count);
        const hovers: number[] = [];
        for (const offset of sample(hoverAt, 200)) {
            const start = cpu();
            await services.lsp.HoverProvider!.getHoverContent(document, position(document, offset));
            hovers.push(cpu() - start);
        }
        const completions: number[] = [];
        for (const offset of sample(completeAt, 100)) {
            const start = cpu();
            const list = await services.lsp.CompletionProvider!.getCompletion(document, position(document, offset));
            completions.push(cpu() - start);
            expect(list?.items.length).toBeGreaterThan(0);
        }
        expect(p95(hovers)).toBeLessThan(30);
        expect(p95(completions)).toBeLessThan(50);
    }, 180_000);
});
