import { describe, expect, test } from 'vitest';
import { variant } from '../fixtures.js';
import { createTestServices, severityOf, validate, withCode } from '../helpers.js';
import { parseBizhaJson, type SeveritySetting } from '../../language/config/rule-settings.js';
import { ruleIds } from '../../language/rules/registry.js';

// An unclustered master secret server (HA-SSO-MSS-SPOF, error) without a backup (HA-SSO-BACKUP, warning).
const text = variant([
    ['master-secret-server on SQLCL', 'master-secret-server on SQL01'],
    [String.raw`        backup "\\\\fs01\\sso"
`, '']
]);
const overrides = (entries: Array<[string, SeveritySetting]>) => new Map(entries);

describe('rule severity settings', () => {
    test('without overrides the catalog severities apply', async () => {
        const { diagnostics } = await validate(text, createTestServices());
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF').map(severityOf)).toEqual(['error']);
        expect(withCode(diagnostics, 'HA-SSO-BACKUP').map(severityOf)).toEqual(['warning']);
    });

    test('a bizha.json override changes the severity of that rule only', async () => {
        const services = createTestServices();
        services.validation.RuleSettings.setFileOverrides(overrides([['HA-SSO-MSS-SPOF', 'information']]));
        const { diagnostics } = await validate(text, services);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF').map(severityOf)).toEqual(['information']);
        expect(withCode(diagnostics, 'HA-SSO-BACKUP').map(severityOf)).toEqual(['warning']);
    });

    test('the editor setting wins over bizha.json', async () => {
        const services = createTestServices();
        services.validation.RuleSettings.setFileOverrides(overrides([['HA-SSO-MSS-SPOF', 'information'], ['HA-SSO-BACKUP', 'error']]));
        services.validation.RuleSettings.setEditorOverrides(overrides([['HA-SSO-MSS-SPOF', 'hint']]));
        const { diagnostics } = await validate(text, services);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF').map(severityOf)).toEqual(['hint']);
        // Not overridden in the editor: the file setting still applies.
        expect(withCode(diagnostics, 'HA-SSO-BACKUP').map(severityOf)).toEqual(['error']);
    });

    test("'off' removes the diagnostic, from either source", async () => {
        const fromFile = createTestServices();
        fromFile.validation.RuleSettings.setFileOverrides(overrides([['HA-SSO-MSS-SPOF', 'off']]));
        const { diagnostics } = await validate(text, fromFile);
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF')).toEqual([]);
        expect(withCode(diagnostics, 'HA-SSO-BACKUP')).toHaveLength(1);

        const fromEditor = createTestServices();
        fromEditor.validation.RuleSettings.setFileOverrides(overrides([['HA-SSO-BACKUP', 'error']]));
        fromEditor.validation.RuleSettings.setEditorOverrides(overrides([['HA-SSO-BACKUP', 'off']]));
        expect(withCode((await validate(text, fromEditor)).diagnostics, 'HA-SSO-BACKUP')).toEqual([]);
    });

    test('availability standard lowers error to warning and warning to information', async () => {
        const standard = variant([['edition enterprise', 'edition enterprise\n    availability standard']], text);
        const { diagnostics } = await validate(standard, createTestServices());
        expect(withCode(diagnostics, 'HA-SSO-MSS-SPOF').map(severityOf)).toEqual(['warning']);
        expect(withCode(diagnostics, 'HA-SSO-BACKUP').map(severityOf)).toEqual(['information']);
    });
});

describe('parseBizhaJson', () => {
    test('reads severities, accepting "info" for information', () => {
        const { overrides: parsed, problems } = parseBizhaJson('{ "rules": { "HA-DR-BACKUPJOB": "off", "HA-DB-SPOF": "info" } }', ruleIds);
        expect(problems).toEqual([]);
        expect([...parsed]).toEqual([['HA-DR-BACKUPJOB', 'off'], ['HA-DB-SPOF', 'information']]);
    });

    test('reports an unknown rule id where it is written, and keeps the valid entries', () => {
        const json = '{\n  "rules": {\n    "HA-DB-SPOF": "warning",\n    "HA-NOPE": "off"\n  }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json, ruleIds);
        expect([...parsed]).toEqual([['HA-DB-SPOF', 'warning']]);
        expect(problems).toEqual([{ message: expect.stringContaining('unknown rule id "HA-NOPE"'), line: 3, character: 4 }]);
    });

    test('reports a bad severity value', () => {
        const json = '{\n  "rules": { "HA-DB-SPOF": "fatal" }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json, ruleIds);
        expect(parsed.size).toBe(0);
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toContain('HA-DB-SPOF');
        expect(problems[0].message).toContain('"fatal"');
        expect(problems[0]).toMatchObject({ line: 1, character: 13 });
    });

    test('reports malformed JSON with the line and character of the error', () => {
        const json = '{\n  "rules": {\n    "HA-DB-SPOF": "off",\n  }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json, ruleIds);
        expect(parsed.size).toBe(0);
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toContain('not valid JSON');
        // The stray comma is only detected at the closing brace: line 4, column 3 (1-based).
        expect(problems[0]).toMatchObject({ line: 3, character: 2 });
    });

    test('reports unknown top-level settings and a non-object rules value', () => {
        expect(parseBizhaJson('{ "rule": {} }', ruleIds).problems[0].message).toContain('unknown setting "rule"');
        expect(parseBizhaJson('{ "rules": [] }', ruleIds).problems[0].message).toContain('"rules" must be an object');
    });
});
