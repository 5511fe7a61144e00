import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe as suite, expect, test, vi } from 'vitest';
import { findings as cliFindings, summary } from '../../cli/check.js';
import { loadWorkspace } from '../../cli/workspace.js';
import { allRules } from '../../language/rules/registry.js';
import type { GroupRuleContext, Rule } from '../../language/rules/rule.js';
import { clusteredBase, cleanGroup, lineOf, variant } from '../fixtures.js';
import { describe, validate, validateAllowingCrashes, validateWorkspace, withCode } from '../helpers.js';

/**
 * A rule that throws must not pass its "does not fire" tests: the engine reports the crash as a
 * BIZHA-INTERNAL error on the group and the test helpers fail on it. HA-HOST-SPOF is made to throw
 * only for clustered hosts, the case the code review found hidden behind a swallowed exception.
 */
const rule = allRules.find(r => r.id === 'HA-HOST-SPOF') as Rule & { check: (context: GroupRuleContext) => void };
const realCheck = rule.check;

beforeEach(() => {
    vi.spyOn(rule, 'check').mockImplementation(context => {
        if ([...context.group.hosts.values()].some(host => host.clusteredOn !== undefined)) throw new TypeError('clustered hosts are not handled');
        realCheck(context);
    });
    // The engine also logs the crash with its stack for the server's output channel.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
    vi.restoreAllMocks();
});

const clusteredProcessing = variant([['host ProcessingHost {', 'host ProcessingHost clustered on BTSCL {']], clusteredBase);

suite('a rule that throws', () => {
    test('is reported as BIZHA-INTERNAL: an error on the group name that names the rule and the exception', async () => {
        const { diagnostics } = await validateAllowingCrashes(clusteredProcessing);
        const crashes = withCode(diagnostics, 'BIZHA-INTERNAL');
        expect(crashes.map(describe)).toHaveLength(1);
        expect(crashes[0].severity).toBe(1);
        expect(crashes[0].message).toContain('HA-HOST-SPOF');
        expect(crashes[0].message).toContain('TypeError: clustered hosts are not handled');
        expect(crashes[0].range.start.line + 1).toBe(lineOf(clusteredProcessing, 'group Prod'));
        expect(crashes[0].range.start.character).toBe('group '.length);
        expect(console.error).toHaveBeenCalledWith(expect.stringContaining('HA-HOST-SPOF'), expect.any(TypeError));
    });

    test('does not hide the findings of the other rules', async () => {
        const withoutSsoBackup = clusteredProcessing.replace(/\n\s*backup "[^"]*"/, '');
        const { diagnostics } = await validateAllowingCrashes(withoutSsoBackup);
        expect(withCode(diagnostics, 'BIZHA-INTERNAL')).toHaveLength(1);
        expect(withCode(diagnostics, 'HA-SSO-BACKUP').map(describe)).toHaveLength(1);
    });

    test('makes the rule-test helpers fail, so a "does not fire" case cannot pass', async () => {
        await expect(validate(clusteredProcessing)).rejects.toThrow(/a rule crashed:\n.*BIZHA-INTERNAL.*HA-HOST-SPOF/);
        await expect(validateWorkspace({ 'group.bizha': clusteredProcessing })).rejects.toThrow(/BIZHA-INTERNAL/);
        // Where the rule does not throw, the helper passes as before.
        expect((await validate(cleanGroup)).diagnostics.map(describe)).toEqual([]);
    });

    test('counts as an error in bizha check', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-crash-'));
        try {
            const file = path.join(dir, 'topology.bizha');
            fs.writeFileSync(file, clusteredProcessing);
            const list = cliFindings(await loadWorkspace([file]));
            expect(list.filter(f => f.rule === 'BIZHA-INTERNAL')).toMatchObject([{ severity: 'error', line: lineOf(clusteredProcessing, 'group Prod') }]);
            expect(summary(list).errors).toBeGreaterThan(0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
