import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exampleFiles } from '../fixtures.js';
import { validateWorkspace, type Diagnostic } from '../helpers.js';

/**
 * Each example says in its header what the analyzer reports on it, in a block such as
 *
 *   // Expected diagnostics (checked by test/analysis/example-headers.test.ts):
 *   //   errors:      none
 *   //   warnings:    none
 *   //   information: HA-DR-LOGSHIP
 *
 * Those claims must stay true: every rule id listed is reported with that severity, and nothing else.
 */

const severities = { errors: 1, warnings: 2, information: 3 } as const;
type Level = keyof typeof severities;

function claims(text: string): Record<Level, string[]> | undefined {
    const header = text.split('\n').filter((_, i, lines) => lines.slice(0, i + 1).every(l => l.startsWith('//')));
    const start = header.findIndex(l => l.startsWith('// Expected diagnostics (checked by test/analysis/example-headers.test.ts):'));
    if (start < 0) return undefined;
    const result = { errors: [], warnings: [], information: [] } as Record<Level, string[]>;
    let level: Level | undefined;
    for (const line of header.slice(start + 1)) {
        const key = /^\/\/\s+(errors|warnings|information):\s*(.*)$/.exec(line);
        const ids = (s: string) => s.match(/\b(?:HA|BIZHA)-[A-Z0-9-]+\b/g) ?? [];
        if (key) {
            level = key[1] as Level;
            if (key[2].trim() !== 'none') result[level].push(...ids(key[2]));
        } else if (level && /^\/\/\s+((?:HA|BIZHA)-[A-Z0-9-]+,?\s*)+$/.test(line)) {
            result[level].push(...ids(line));
        } else {
            break;
        }
    }
    return result;
}

const folders = [...new Set(exampleFiles().map(file => file.path.split('/')[0]))];

describe('example headers', () => {
    test.each(folders)('%s: the header states exactly what the analyzer reports', async folder => {
        const files = exampleFiles().filter(file => file.path.startsWith(`${folder}/`));
        const diagnostics = await validateWorkspace(Object.fromEntries(files.map(file => [path.basename(file.path), file.text])));
        for (const file of files) {
            const expected = claims(file.text);
            expect(expected, `${file.path} has no "Expected diagnostics" block`).toBeDefined();
            const found = diagnostics.get(path.basename(file.path)) ?? [];
            for (const [level, severity] of Object.entries(severities) as Array<[Level, number]>) {
                const actual = [...new Set(found.filter((d: Diagnostic) => (d.severity ?? 1) === severity).map(d => String(d.code)))].sort();
                expect(actual, `${file.path}: ${level}`).toEqual([...new Set(expected![level])].sort());
            }
        }
    });

    test('every example folder has a row in examples/README.md', () => {
        const readme = fs.readFileSync('examples/README.md', 'utf8');
        for (const folder of folders) expect(readme).toContain(`[\`${folder}/\`]`);
    });
});
