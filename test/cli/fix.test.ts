import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unifiedDiff } from '../../cli/diff.js';
import { bundleSources, type Bundles } from '../bundles.js';

let bundles: Bundles;

function run(args: string[], cwd = process.cwd()): { status: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bundles.cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of examples/ in a temporary folder, as `path -> text`. */
function copyExamples(): { dir: string; files: () => Map<string, string> } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-fix-'));
    fs.cpSync('examples', dir, { recursive: true });
    const files = () => new Map(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
        .filter(name => fs.statSync(path.join(dir, name)).isFile())
        .map(name => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
    return { dir, files };
}

beforeAll(async () => {
    bundles = await bundleSources(['cli']);
}, 120_000);

afterAll(() => bundles.dispose());

describe('bizha fix', () => {
    test('without --write prints a unified diff and changes nothing', () => {
        const { dir, files } = copyExamples();
        const before = files();
        const { status, stdout } = run(['fix', path.join(dir, 'two-computer-not-ha')]);
        expect(status).toBe(1);
        expect(stdout).toMatch(/^--- a\/.*two-computer-not-ha\/topology\.bizha\n\+\+\+ b\/.*\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n/);
        expect(stdout).toContain('-    computer BTS01\n');
        expect(stdout).toContain('+    cluster SQLCL {\n');
        expect(files()).toEqual(before);
    });

    test('--write on a copy of the examples keeps comments and unrelated text, and a second run changes nothing', () => {
        const { dir, files } = copyExamples();
        const before = files();
        const first = run(['fix', dir, '--write']);
        expect(first.stdout).toMatch(/fixed .*two-computer-not-ha\/topology\.bizha: \d+ fixes/);
        const after = files();
        // Only .bizha files change; every comment line of a fixed file is still there, in order.
        for (const [name, text] of before) {
            if (!name.endsWith('.bizha')) expect(after.get(name), name).toBe(text);
            const comments = text.split('\n').filter(line => line.trim().startsWith('//'));
            const kept = after.get(name)!.split('\n').filter(line => line.trim().startsWith('//'));
            expect(kept, name).toEqual(comments);
        }
        // The header comment and the lines up to the group's first change are byte for byte the same.
        const original = before.get('two-computer-not-ha/topology.bizha')!;
        expect(after.get('two-computer-not-ha/topology.bizha')!.startsWith(original.slice(0, original.indexOf('    computer BTS01')))).toBe(true);
        expect(fs.readdirSync(path.join(dir, 'two-computer-not-ha'))).toEqual(['topology.bizha']);
        const second = run(['fix', dir, '--write']);
        expect(files()).toEqual(after);
        expect(second.stdout).toMatch(/: 0 fixes, changed 0 files; \d+ errors? left\n$/);
        expect(run(['fix', dir]).stdout).not.toContain('@@');
    });

    test('exits 0 when nothing is left to fix and 1 when errors remain', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-fix-'));
        const file = path.join(dir, 'g.bizha');
        fs.writeFileSync(file, fs.readFileSync('examples/two-computer-not-ha/topology.bizha', 'utf8'));
        // Only the domain-account rules: the other errors stay.
        const partial = run(['fix', file, '--rule', 'HA-DOM-GROUPS', '--rule', 'HA-DOM-BUILTIN', '--write']);
        expect(partial.status).toBe(1);
        expect(fs.readFileSync(file, 'utf8')).toContain('account CONTOSO\\svc-biztalk\n');
        expect(fs.readFileSync(file, 'utf8')).toContain('instances on BTS01\n');
        // A file with nothing to fix.
        fs.writeFileSync(file, fs.readFileSync('examples/small-ha/topology.bizha', 'utf8'));
        const clean = run(['fix', file]);
        expect(clean.stdout).not.toContain('@@');
        expect(clean.status).toBe(0);
    });

    test('exits 2 on bad input', () => {
        expect(run(['fix', 'no-such-folder']).status).toBe(2);
        const unknown = run(['fix', 'examples', '--rule', 'HA-NOPE']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('unknown rule HA-NOPE');
        expect(run(['fix', 'examples', '--write=yes']).status).toBe(2);
    });

    test('leaves a file with syntax errors alone', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-fix-'));
        const file = path.join(dir, 'broken.bizha');
        fs.writeFileSync(file, 'group G {\n    computer BTS01\n    host H { send FILE  instances on BTS01 \n');
        const result = run(['fix', file, '--write']);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('syntax errors');
        expect(fs.readFileSync(file, 'utf8')).toBe('group G {\n    computer BTS01\n    host H { send FILE  instances on BTS01 \n');
    });
});

describe('unified diff', () => {
    test('marks removed and added lines with context, and a missing final line end', () => {
        expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'a/x', 'b/x')).toBe('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
        expect(unifiedDiff('a', 'a\nb', 'a/x', 'b/x')).toBe('--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file\n');
        expect(unifiedDiff('same\n', 'same\n', 'a', 'b')).toBe('');
    });
});
