import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRules } from '../../language/rules/registry.js';

/**
 * The CLI as users get it: `npm run pack:cli` makes bizha-<version>.tgz, installed with
 * `npm install -g` into a temporary prefix, offline (the package has no dependencies), and run
 * from a folder outside the repository with only this Node (22) on PATH.
 */

const root = process.cwd();
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const isWindows = process.platform === 'win32';
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-package-'));
const prefix = path.join(temp, 'prefix');
const elsewhere = path.join(temp, 'elsewhere');
const tarball = path.join(temp, `bizha-${version}.tgz`);
// Only the Node running the tests: the installed CLI must not reach the repository's node_modules.
const pathOnlyNode = [path.dirname(process.execPath), ...(process.env.PATH ?? '').split(path.delimiter).filter(dir => !dir.includes('node_modules'))].join(path.delimiter);

/** npm itself: its CLI script when run by npm (npm test, npx), else `npm` from PATH. */
function npm(args: string[], options: SpawnSyncOptions = {}): string {
    const npmCli = process.env.npm_execpath;
    const [command, commandArgs] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args];
    return execFileSync(command, commandArgs, { encoding: 'utf8', shell: isWindows && command === 'npm', ...options }) as string;
}

function bizha(args: string[]): { status: number; stdout: string; stderr: string } {
    const bin = isWindows ? path.join(prefix, 'bizha.cmd') : path.join(prefix, 'bin', 'bizha');
    // One PATH entry whatever its case (Windows spells it Path).
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.toUpperCase() !== 'PATH')), PATH: pathOnlyNode, NO_COLOR: '1' };
    const result = spawnSync(bin, args, { cwd: elsewhere, encoding: 'utf8', shell: isWindows, env });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    fs.mkdirSync(elsewhere);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'pack-cli.mjs'), '--out-dir', temp], { cwd: root, encoding: 'utf8' });
    npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: elsewhere });
}, 120_000);

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the packed CLI', () => {
    test('has no dependencies, one bundled script, no source maps and the rule pages', () => {
        const installed = path.join(prefix, isWindows ? '' : 'lib', 'node_modules', 'bizha');
        const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
        expect(manifest).toMatchObject({ name: 'bizha', version, bin: { bizha: 'bin/bizha.cjs' }, engines: { node: '>=22' } });
        expect(manifest.dependencies).toBeUndefined();
        expect(manifest.optionalDependencies).toBeUndefined();
        const files = fs.readdirSync(installed, { recursive: true, encoding: 'utf8' }).map(f => f.split(path.sep).join('/')).filter(f => fs.statSync(path.join(installed, f)).isFile());
        expect(files.filter(f => f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
        expect(files.filter(f => /\.c?js$/.test(f)).sort()).toEqual(['bin/bizha.cjs', 'out/cli/main.cjs', 'out/preview/webview.js']);
        expect(files).toContain('docs/rules/HA-HOST-SPOF.md');
        expect(files).toContain('collector/Get-BizhaTopology.ps1');
        expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
    });

    test('bizha check runs from another folder: clean example exits 0, the broken one 1 with its findings', () => {
        const clean = bizha(['check', path.join(root, 'examples', 'small-ha')]);
        expect(clean.stderr).toBe('');
        expect(clean.stdout.trim()).toBe('1 file: 0 errors, 0 warnings, 0 information');
        expect(clean.status).toBe(0);
        const broken = bizha(['check', path.join(root, 'examples', 'two-computer-not-ha')]);
        expect(broken.stdout).toMatch(/topology\.bizha:61:9 error HA-HOST-SPOF BizTalkServerApplication runs only on BTS01/);
        expect(broken.stdout.trim().split('\n').at(-1)).toBe('1 file: 12 errors, 5 warnings, 1 information');
        expect(broken.status).toBe(1);
    });

    test('bizha explain, report and rules run from another folder', () => {
        const explain = bizha(['explain', path.join(root, 'examples', 'small-ha')]);
        expect(explain.status).toBe(0);
        expect(explain.stdout).toMatch(/processing on \S+/);
        const report = bizha(['report', path.join(root, 'examples', 'small-ha'), '-o', 'report.html']);
        expect(report.status).toBe(0);
        const html = fs.readFileSync(path.join(elsewhere, 'report.html'), 'utf8');
        // The preview's browser script is in the package: the report simulates failures when opened.
        expect(html).toContain(fs.readFileSync(path.join(prefix, isWindows ? '' : 'lib', 'node_modules', 'bizha', 'out', 'preview', 'webview.js'), 'utf8').slice(0, 200));
        expect(fs.existsSync(path.join(elsewhere, 'report.svg'))).toBe(true);
        const rules = bizha(['rules', '--format', 'json']);
        expect(rules.status).toBe(0);
        expect((JSON.parse(rules.stdout) as Array<{ id: string }>).map(rule => rule.id)).toEqual(allRules.map(rule => rule.id));
        expect(bizha(['--version']).stdout.trim()).toBe(version);
    });

    test('bizha import writes a topology from a collector file that bizha check then reads', () => {
        const imported = bizha(['import', '--collector', path.join(root, 'test', 'import', 'fixtures', 'contoso-collector.json'), '-o', 'imported.bizha']);
        expect(imported.stderr).not.toContain('internal error');
        expect(imported.stdout).toContain('wrote imported.bizha');
        // Like check, import exits 1 when the imported topology has errors.
        expect(imported.status).toBeLessThan(2);
        expect(fs.readFileSync(path.join(elsewhere, 'imported.bizha'), 'utf8')).toMatch(/^\s*group \S+/m);
        const check = bizha(['check', 'imported.bizha']);
        expect(check.stdout).toMatch(/^1 file: \d+ errors?, /m);
        expect(check.status).toBeLessThan(2);
    });
});
