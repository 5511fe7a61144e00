import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { allRules } from '../../language/rules/registry.js';
import { validate } from '../helpers.js';

const rulesDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

/** The page's example (after "## Example") and its fixed version (the block after a line starting "Fixed"). */
function examples(id: string): { example?: string; fixed?: string } {
    const page = fs.readFileSync(path.join(rulesDir, `${id}.md`), 'utf8');
    const section = page.slice(page.indexOf('## Example'));
    const blocks = [...section.matchAll(/^(Fixed[^\n]*\n\n)?```bizha\n([\s\S]*?)```/gm)];
    return { example: blocks.find(b => !b[1])?.[2], fixed: blocks.find(b => b[1])?.[2] };
}

/** Lines of an example marked `// RULE-ID` (0-based). */
function markedLines(text: string, id: string): number[] {
    return text.split('\n').flatMap((line, i) => new RegExp(`//.*\\b${id}\\b`).test(line) ? [i] : []);
}

const checked = allRules.filter(rule => rule.check && examples(rule.id).example !== undefined);

describe('rule pages: the examples show what the page says', () => {
    test('most rule pages have an example', () => {
        expect(checked.length).toBeGreaterThan(allRules.length * 0.8);
    });

    test.each(checked.map(rule => rule.id))('%s fires on the example where it is marked', async id => {
        const text = examples(id).example!;
        const { diagnostics } = await validate(text);
        const lines = diagnostics.filter(d => d.code === id).map(d => d.range.start.line);
        expect(lines.length, `${id} does not fire on its page's example`).toBeGreaterThan(0);
        const marked = markedLines(text, id);
        if (marked.length > 0) expect([...new Set(lines)].sort((a, b) => a - b)).toEqual(marked);
    });

    test.each(checked.filter(rule => examples(rule.id).fixed !== undefined).map(rule => rule.id))('%s does not fire on the fixed example, and the fix raises no new error or warning', async id => {
        const { example, fixed } = examples(id);
        const { diagnostics } = await validate(fixed!);
        expect(diagnostics.filter(d => d.code === id).map(d => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
        // Examples show one rule, not a whole design; but what the page recommends must not trade
        // one finding for another (and a cluster in either needs its witness and network name).
        const before = new Set((await validate(example!)).diagnostics.map(d => String(d.code)));
        const serious = (d: { severity?: number }) => d.severity === 1 || d.severity === 2;
        expect(diagnostics.filter(d => serious(d) && (!before.has(String(d.code)) || ['HA-CLUSTER-WITNESS', 'HA-CLHOST-NETNAME'].includes(String(d.code))))
            .map(d => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`)).toEqual([]);
    });
});
