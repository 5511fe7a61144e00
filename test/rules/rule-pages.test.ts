import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { allRules, ruleIds } from '../../language/rules/registry.js';

// The domain catalog lives beside the repository (CI checks out shared/ next to the clone).
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const catalogPath = path.resolve(repoRoot, '../shared/domain/biztalk-ha-rules.md');
const rulesDir = path.join(repoRoot, 'docs/rules');

function catalogIds(): string[] {
    if (!fs.existsSync(catalogPath)) {
        throw new Error(`The domain catalog is missing: expected ${catalogPath} (shared/domain/biztalk-ha-rules.md beside the repository).`);
    }
    return [...fs.readFileSync(catalogPath, 'utf8').matchAll(/^\*\*(HA-[A-Z0-9-]+)/gm)].map(match => match[1]);
}

/** The rows `| ID | status |` of the "Every catalog rule" section of docs/rules/README.md. */
function statusRows(): Map<string, string[]> {
    const readme = fs.readFileSync(path.join(rulesDir, 'README.md'), 'utf8');
    const start = readme.indexOf('## Every catalog rule and its status');
    if (start < 0) throw new Error('docs/rules/README.md has no "Every catalog rule and its status" section');
    const rows = new Map<string, string[]>();
    for (const match of readme.slice(start).matchAll(/^\| (HA-[A-Z0-9-]+) \| (.+) \|$/gm)) {
        rows.set(match[1], [...(rows.get(match[1]) ?? []), match[2]]);
    }
    return rows;
}

describe('rule documentation', () => {
    test('every id of the domain catalog has exactly one status row in docs/rules/README.md', () => {
        const ids = catalogIds();
        expect(ids.length).toBeGreaterThan(0);
        const rows = statusRows();
        expect(ids.filter(id => !rows.has(id))).toEqual([]);
        expect([...rows].filter(([, statuses]) => statuses.length > 1).map(([id]) => id)).toEqual([]);
        expect([...rows.keys()].filter(id => !ids.includes(id))).toEqual([]);
    });

    test('each status is a rule, a covering rule, a hover keyword or a reason it is not modelled', () => {
        for (const [id, [status]] of statusRows()) {
            expect(status, id).toMatch(/^(rule: \[HA-[A-Z0-9-]+\]\(HA-[A-Z0-9-]+\.md\)$|covered by \[HA-[A-Z0-9-]+\]\(HA-[A-Z0-9-]+\.md\): .+|hover \(on keyword `[a-z-]+`\)|not modelled: .+)/);
        }
    });

    test('a catalog id that bizha checks is listed as that rule, and a covering rule exists', () => {
        const rows = statusRows();
        for (const id of catalogIds().filter(id => ruleIds.has(id))) {
            expect(rows.get(id)?.[0], id).toBe(`rule: [${id}](${id}.md)`);
        }
        for (const [id, [status]] of rows) {
            const covering = /^covered by \[(HA-[A-Z0-9-]+)\]/.exec(status)?.[1];
            if (covering) expect(ruleIds.has(covering), `${id} is covered by ${covering}, which is not a registered rule`).toBe(true);
            if (status.startsWith('rule: ')) expect(ruleIds.has(id), `${id} is listed as a rule but is not registered`).toBe(true);
        }
    });

    test('a hover status names a keyword of the language', () => {
        const grammar = fs.readFileSync(path.join(repoRoot, 'language/bizha.langium'), 'utf8');
        for (const [id, [status]] of statusRows()) {
            const keyword = /^hover \(on keyword `([a-z-]+)`\)/.exec(status)?.[1];
            if (keyword) expect(grammar.includes(`'${keyword}'`), `${id}: ${keyword} is not a keyword`).toBe(true);
        }
    });

    test('every registered rule has a page and a row in the rules table', () => {
        const readme = fs.readFileSync(path.join(rulesDir, 'README.md'), 'utf8');
        expect(allRules.filter(rule => !fs.existsSync(path.join(rulesDir, `${rule.id}.md`))).map(rule => rule.id)).toEqual([]);
        expect(allRules.filter(rule => !readme.includes(`| [${rule.id}](${rule.id}.md) |`)).map(rule => rule.id)).toEqual([]);
    });
});
