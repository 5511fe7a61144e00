import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRules } from '../../language/rules/registry.js';
import { bundleSources, type Bundles } from '../bundles.js';

const root = process.cwd();
// The CLI runs from its bundle, built from the current sources into a folder of its own.
let bundles: Bundles;

function run(args: string[], cwd = root): { status: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bundles.cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
    bundles = await bundleSources(['cli']);
}, 120_000);

afterAll(() => bundles.dispose());

describe('bizha check', () => {
    test('prints path:line:col severity RULE-ID message and exits 1 on errors', () => {
        const { status, stdout } = run(['check', 'examples/two-computer-not-ha']);
        expect(status).toBe(1);
        const lines = stdout.trim().split('\n');
        expect(lines).toContain(lines.find(l => l.startsWith('examples/two-computer-not-ha/topology.bizha:61:9 error HA-HOST-SPOF BizTalkServerApplication runs only on BTS01')));
        for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+\.bizha:\d+:\d+ (error|warning|information|hint) [A-Za-z-]+ .+/);
        expect(lines.at(-1)).toBe('1 file: 12 errors, 5 warnings, 1 information');
    });

    test('exits 0 on a clean topology, and 1 with --max-warnings when warnings exceed it', () => {
        expect(run(['check', 'examples/small-ha']).status).toBe(0);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        const text = fs.readFileSync('examples/small-ha/topology.bizha', 'utf8').replace(/\n\s*backup "[^"]*"/, '');
        fs.writeFileSync(path.join(dir, 'warn.bizha'), text);
        const withWarning = run(['check', dir]);
        expect(withWarning.stdout).toContain('warning HA-SSO-BACKUP');
        expect(withWarning.status).toBe(0);
        expect(run(['check', dir, '--max-warnings', '0']).status).toBe(1);
        expect(run(['check', dir, '--max-warnings', '1']).status).toBe(0);
    });

    test('all paths form one workspace: a group resolves its inventory file', () => {
        const alone = run(['check', 'examples/multi-file/group.bizha']);
        expect(alone.stdout).toContain("No SQL instance or availability group named 'BTSSQL'");
        const together = run(['check', 'examples/multi-file/group.bizha', 'examples/multi-file/inventory.bizha']);
        expect(together.status).toBe(0);
        expect(together.stdout).toContain('2 files: 0 errors');
    });

    test('--format json lists every diagnostic with its rule and position', () => {
        const { stdout } = run(['check', 'examples/two-computer-not-ha', '--format', 'json']);
        const report = JSON.parse(stdout);
        expect(report.summary).toEqual({ errors: 12, warnings: 5, information: 1 });
        expect(report.diagnostics.find((d: { rule: string }) => d.rule === 'HA-DB-SPOF')).toMatchObject({ file: 'examples/two-computer-not-ha/topology.bizha', line: 44, column: 9, severity: 'error' });
    });

    test('--format json names no path of this machine; with --docs-url each rule diagnostic links to its page', () => {
        const plain = run(['check', 'examples/two-computer-not-ha', '--format', 'json']).stdout;
        expect(plain).not.toContain('file:');
        expect(plain).not.toContain(root);
        const linked = JSON.parse(run(['check', 'examples/two-computer-not-ha', '--format', 'json', '--docs-url', 'https://example.com/rules']).stdout);
        expect(linked.diagnostics.find((d: { rule: string }) => d.rule === 'HA-DB-SPOF').help).toBe('https://example.com/rules/HA-DB-SPOF.md');
    });

    test('--format sarif is SARIF 2.1.0 with every rule; --docs-url gives each rule its help URI', () => {
        const { stdout } = run(['check', 'examples/two-computer-not-ha', '--format', 'sarif']);
        const sarif = JSON.parse(stdout);
        expect(sarif.version).toBe('2.1.0');
        const rules = sarif.runs[0].tool.driver.rules;
        expect(rules.map((r: { id: string }) => r.id)).toEqual(allRules.map(rule => rule.id));
        const spof = rules.find((r: { id: string }) => r.id === 'HA-HOST-SPOF');
        expect(spof.helpUri).toBeUndefined();
        expect(spof.help.markdown).toBe(fs.readFileSync('docs/rules/HA-HOST-SPOF.md', 'utf8'));
        expect(stdout).not.toContain('file:');
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'HA-HOST-SPOF');
        expect(result.level).toBe('error');
        expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'examples/two-computer-not-ha/topology.bizha' }, region: { startLine: 61, startColumn: 9 } });
        expect(rules[result.ruleIndex].id).toBe('HA-HOST-SPOF');
        const linked = JSON.parse(run(['check', 'examples/two-computer-not-ha', '--format', 'sarif', '--docs-url', 'https://example.com/bizha/docs/rules/']).stdout);
        expect(linked.runs[0].tool.driver.rules[result.ruleIndex].helpUri).toBe('https://example.com/bizha/docs/rules/HA-HOST-SPOF.md');
        const local = run(['check', 'examples/two-computer-not-ha', '--format', 'sarif', '--docs-url', 'file:///srv/bizha/docs/rules']);
        expect(local.status).toBe(2);
        expect(local.stderr).toContain('--docs-url needs an http or https URL');
    });

    test.each([
        [['check', 'no/such/path'], 'no such file or folder: no/such/path'],
        [['check', 'README.md'], 'not a .bizha file: README.md'],
        [['check', 'examples', '--format', 'xml'], 'unknown format xml'],
        [['frobnicate', 'examples'], 'unknown command frobnicate']
    ])('bad input %j exits 2 with a clear message', (args, message) => {
        const { status, stderr } = run(args);
        expect(status).toBe(2);
        expect(stderr).toContain(message);
    });

    test('an unreadable file exits 2', () => {
        if (process.getuid?.() === 0) {
            // root reads any file: make an unreadable path with a dangling symlink instead.
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
            fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'dangling.bizha'));
            expect(run(['check', path.join(dir, 'dangling.bizha')]).status).toBe(2);
            return;
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        const file = path.join(dir, 'secret.bizha');
        fs.writeFileSync(file, 'group G { }');
        // Windows ignores mode bits: an access list without its inherited entries lets nobody read.
        if (process.platform === 'win32') execFileSync('icacls', [file, '/inheritance:r'], { stdio: 'ignore' });
        else fs.chmodSync(file, 0o000);
        const { status, stderr } = run(['check', file]);
        expect(status).toBe(2);
        expect(stderr).toContain('cannot read');
    });

    test('bizha.json overrides severities, and an unknown rule id is reported', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        fs.copyFileSync('examples/two-computer-not-ha/topology.bizha', path.join(dir, 'topology.bizha'));
        fs.writeFileSync(path.join(dir, 'bizha.json'), JSON.stringify({ rules: { 'HA-DR-BACKUPJOB': 'off', 'HA-HOST-SPOF': 'warning', 'HA-NOPE': 'off' } }, null, 2));
        const { stdout } = run(['check', '.'], dir);
        expect(stdout).not.toContain('HA-DR-BACKUPJOB');
        expect(stdout).toMatch(/topology\.bizha:61:9 warning HA-HOST-SPOF/);
        expect(stdout).toMatch(/bizha\.json:\d+:\d+ warning bizha-config unknown rule id "HA-NOPE"/);
    });
});

describe('command line', () => {
    test('no arguments print the usage and exit 2; --help / -h exit 0; --version prints the version', () => {
        const none = run([]);
        expect(none.status).toBe(2);
        expect(none.stdout).toContain('Usage:');
        for (const help of [['--help'], ['-h'], ['check', 'examples', '--help']]) {
            const { status, stdout } = run(help);
            expect(status).toBe(0);
            expect(stdout).toContain('Usage:');
        }
        const { status, stdout } = run(['--version']);
        expect(status).toBe(0);
        expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });

    test('--format, --format= and -f give the same result', () => {
        const long = run(['check', 'examples/two-computer-not-ha', '--format', 'json']);
        expect(JSON.parse(long.stdout).summary.errors).toBeGreaterThan(0);
        expect(run(['check', 'examples/two-computer-not-ha', '--format=json']).stdout).toBe(long.stdout);
        expect(run(['check', '-f', 'json', 'examples/two-computer-not-ha']).stdout).toBe(long.stdout);
    });

    test('the last of --color and --no-color wins', () => {
        expect(run(['explain', 'examples/two-computer-not-ha', '--no-color', '--color']).stdout).toContain('\u001b[');
        expect(run(['explain', 'examples/two-computer-not-ha', '--color', '--no-color']).stdout).not.toContain('\u001b[');
    });

    test.each([
        [['check', 'examples', '--bogus'], 'unknown option --bogus'],
        [['check', 'examples', '-x'], 'unknown option -x'],
        [['check', 'examples', '--format'], '--format needs a value'],
        [['check', 'examples', '--max-warnings', 'many'], '--max-warnings needs a whole number >= 0'],
        [['check', 'examples', '--max-warnings', '-1'], '--max-warnings needs a whole number >= 0'],
        [['check', 'examples', '--max-warnings='], '--max-warnings needs a whole number >= 0'],
        [['check', 'examples', '--no-color=yes'], '--no-color takes no value'],
        [['report', 'examples'], 'report needs -o <file.html>']
    ])('%j exits 2 with a clear message', (args, message) => {
        const { status, stdout, stderr } = run(args);
        expect(status).toBe(2);
        expect(stderr + stdout).toContain(message);
        expect(stderr).not.toContain('internal error');
    });
});

describe('bizha explain', () => {
    test('prints the redundancy table of each group', () => {
        const { status, stdout } = run(['explain', 'examples/two-computer-not-ha']);
        expect(status).toBe(0);
        expect(stdout).toContain('Group ContosoTwoBox');
        expect(stdout).toMatch(/processing on BizTalkServerApplication\s+single instance\s+BTS01\s+1 single point of failure\s+BTS01, SQL01 \(via BizTalkMgmtDb\)/);
        expect(stdout).toContain('Worst single failure: SQL01');
        expect(stdout).not.toContain('\u001b[');
    });

    test('names a file server among the functions and as what a handler needs', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        const text = fs.readFileSync('examples/small-ha/topology.bizha', 'utf8')
            .replace(/^(\s*)computer /m, '$1computer FS01\n$1computer ')
            .replace(/receive FILE \(path "[^"]*"\)/, String.raw`receive FILE (path "\\\\FS01\\In")`);
        expect(text).toContain(String.raw`(path "\\\\FS01\\In")`);
        fs.writeFileSync(path.join(dir, 'fs.bizha'), text);
        const { stdout } = run(['explain', dir]);
        expect(stdout).toMatch(/receive FILE on ReceiveHost\s+scale-out\s+BTS01, BTS02\s+1 single point of failure\s+FS01 \(via file server FS01\)/);
        expect(stdout).toMatch(/file server FS01\s+single instance\s+FS01\s+1 single point of failure\s+FS01/);
        expect(stdout).toContain('Worst single failure: FS01 stops 2 functions.');
    });

    test('an HTTP receive on two computers without a load balancer is a single point of failure, as HA-RECV-NLB says', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        const text = fs.readFileSync('examples/small-ha/topology.bizha', 'utf8').replace(/^\s*nlb \w+ \{[^}]*\}\n/m, '\n');
        expect(text).not.toMatch(/^\s*nlb /m);
        fs.writeFileSync(path.join(dir, 'no-nlb.bizha'), text);
        expect(run(['check', dir]).stdout).toContain('error HA-RECV-NLB');
        const { stdout } = run(['explain', dir]);
        expect(stdout).toMatch(/receive WCF-BasicHttp on \w+\s+no load balancer\s+BTS01, BTS02\s+1 single point of failure\s+BTS01, BTS02/);
        expect(stdout).not.toMatch(/receive WCF-BasicHttp on \w+\s+\S.*survives one failure/);
    });

    test('names the BAM portal and the BAM event bus among the functions', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-'));
        const text = fs.readFileSync('examples/small-ha/topology.bizha', 'utf8')
            .replace(/\n}\s*$/, '\n    bam { portal on BTS01, BTS02  event-bus on BTS01, BTS02 }\n}\n');
        expect(text).toContain('bam { portal on BTS01, BTS02');
        fs.writeFileSync(path.join(dir, 'bam.bizha'), text);
        const { stdout } = run(['explain', dir]);
        // No load balancer fronts the portal: users address one computer each, so either failure stops it.
        expect(stdout).toMatch(/BAM portal\s+no load balancer\s+BTS01, BTS02\s+1 single point of failure\s+BTS01, BTS02/);
        expect(stdout).toMatch(/BAM event bus\s+scale-out\s+BTS01, BTS02\s+2 survives one failure/);
    });

    test('colours the table with --color', () => {
        expect(run(['explain', 'examples/two-computer-not-ha', '--color']).stdout).toContain('\u001b[33m');
    });
});

describe('bizha rules', () => {
    test('lists every rule of the registry', () => {
        const { stdout } = run(['rules', '--format', 'json']);
        const rules = JSON.parse(stdout);
        expect(rules.map((r: { id: string }) => r.id)).toEqual(allRules.map(rule => rule.id));
        expect(rules.every((r: { id: string }) => fs.existsSync(`docs/rules/${r.id}.md`))).toBe(true);
    });
});

describe('bizha import', () => {
    const fixtures = path.join(root, 'test', 'import', 'fixtures');

    test('reads repeated --bindings and one --collector, writes the topology, exits as check does on it', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-cli-import-'));
        const args = ['import', '--collector', path.join(fixtures, 'contoso-collector.json'),
            '--bindings', path.join(fixtures, 'contoso-orders.BindingInfo.xml'), '--bindings', path.join(fixtures, 'contoso-finance.BindingInfo.xml'), '-o', 'contoso.bizha'];
        const first = run(args, dir);
        expect(first.stdout).toMatch(/^wrote contoso\.bizha: 10 computers, 8 hosts/);
        const check = run(['check', path.join(dir, 'contoso.bizha')], dir);
        expect(first.status).toBe(check.status);
        expect(first.stdout).toContain(check.stdout.trim().split('\n').at(-1)!.replace(/^1 file: /, 'check: '));
        const again = run(args, dir);
        expect(again.status).toBe(2);
        expect(again.stderr).toBe('bizha: contoso.bizha exists: use --force to replace it\n');
        expect(run([...args, '--force'], dir).status).toBe(first.status);
        expect(run(['import', '-o', 'x.bizha'], dir)).toMatchObject({ status: 2, stderr: 'bizha: import needs --collector FILE.json and/or --bindings FILE.xml\n' });
        expect(fs.readdirSync(dir)).toEqual(['contoso.bizha']);
    });
});
