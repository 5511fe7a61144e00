import { describe, expect, test } from 'vitest';
import { variant } from '../fixtures.js';
import { createTestServices, severityOf, validate, withCode } from '../helpers.js';
import { parseBizhaJson, parseRuleOverrides, type SeveritySetting } from '../../language/config/rule-settings.js';
import { allRules } from '../../language/rules/registry.js';
import settingsSchema from '../../schemas/bizha.schema.json' with { type: 'json' };
import packageJson from '../../package.json' with { type: 'json' };

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
        const { overrides: parsed, problems } = parseBizhaJson('{ "rules": { "HA-DR-BACKUPJOB": "off", "HA-DB-SPOF": "info" } }');
        expect(problems).toEqual([]);
        expect([...parsed]).toEqual([['HA-DR-BACKUPJOB', 'off'], ['HA-DB-SPOF', 'information']]);
    });

    test('reports an unknown rule id where it is written, and keeps the valid entries', () => {
        const json = '{\n  "rules": {\n    "HA-DB-SPOF": "warning",\n    "HA-NOPE": "off"\n  }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json);
        expect([...parsed]).toEqual([['HA-DB-SPOF', 'warning']]);
        expect(problems).toEqual([{ message: expect.stringContaining('unknown rule id "HA-NOPE"'), line: 3, character: 4, length: '"HA-NOPE"'.length }]);
    });

    test('reports a bad severity value on the value', () => {
        const json = '{\n  "rules": { "HA-DB-SPOF": "fatal", "HA-SSO-BACKUP": 3 }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json);
        expect(parsed.size).toBe(0);
        expect(problems).toHaveLength(2);
        expect(problems[0].message).toContain('HA-DB-SPOF');
        expect(problems[0].message).toContain('"fatal"');
        expect(problems[0]).toMatchObject({ line: 1, character: json.split('\n')[1].indexOf('"fatal"'), length: '"fatal"'.length });
        expect(problems[1].message).toContain('rule "HA-SSO-BACKUP": severity must be one of error, warning, information, hint, off, not 3');
        expect(problems[1]).toMatchObject({ line: 1, character: json.split('\n')[1].indexOf('3 }'), length: 1 });
    });

    test('locates a key by its position, not by the first text that looks like it', () => {
        // "HA-NOPE" first occurs inside a string value; the key is on line 3. A key written twice: JSON takes the last.
        const json = '{\n  "$schema": "see \\"HA-NOPE\\"",\n  "rules": { "HA-NOPE": "off",\n    "HA-DB-SPOF": "off", "HA-DB-SPOF": "loud" }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json);
        expect(problems.map(p => [p.message, p.line, p.character])).toEqual([
            ['unknown rule id "HA-NOPE"', 2, json.split('\n')[2].indexOf('"HA-NOPE"')],
            [expect.stringContaining('not "loud"'), 3, json.split('\n')[3].indexOf('"loud"')]
        ]);
        expect(parsed.size).toBe(0);
    });

    test('reports malformed JSON with the line and character of the error', () => {
        const json = '{\n  "rules": {\n    "HA-DB-SPOF": "off",\n  }\n}';
        const { overrides: parsed, problems } = parseBizhaJson(json);
        expect(parsed.size).toBe(0);
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toContain('not valid JSON');
        // The stray comma is only detected at the closing brace: line 4, column 3 (1-based).
        expect(problems[0]).toMatchObject({ line: 3, character: 2 });
    });

    test.each([
        ['', 'a value is expected here', 0, 0],
        ['{ "rules": { } } }', 'nothing may follow the settings object', 0, 17],
        ['{\n  // comment\n  "rules": {}\n}', 'comments are not allowed in bizha.json', 1, 2],
        ['{ "rules": { "HA-DB-SPOF" "off" } }', '":" is expected here', 0, 26],
        ['{ "rules": { "HA-DB-SPOF": "off } }', 'the string is not closed', 0, 27]
    ])('reports the syntax error of %j where it is', (json, message, line, character) => {
        const { overrides: parsed, problems } = parseBizhaJson(json);
        expect(parsed.size).toBe(0);
        expect(problems).toEqual([{ message: `bizha.json is not valid JSON: ${message}`, line, character, length: expect.any(Number) }]);
    });

    test('reports unknown top-level settings and a non-object rules value', () => {
        expect(parseBizhaJson('{ "rule": {} }').problems[0].message).toContain('unknown setting "rule"');
        expect(parseBizhaJson('{ "rules": [] }').problems[0].message).toContain('"rules" must be an object');
        expect(parseBizhaJson('[]').problems[0].message).toContain('bizha.json must hold a JSON object');
    });

    test('the editor setting bizha.rules is checked by the same schema', () => {
        expect([...parseRuleOverrides({ 'HA-DB-SPOF': 'info', 'HA-NOPE': 'off', 'HA-SSO-BACKUP': 'loud' }).overrides]).toEqual([['HA-DB-SPOF', 'information']]);
        expect(parseRuleOverrides({ 'HA-NOPE': 'off', 'HA-SSO-BACKUP': 'loud' }).problems.map(p => p.message)).toEqual([
            'unknown rule id "HA-NOPE"', expect.stringContaining('rule "HA-SSO-BACKUP": severity must be one of')]);
        expect(parseRuleOverrides(undefined).problems).toEqual([]);
    });
});

describe('the bizha.json schema', () => {
    test('names every rule of the registry, and only those (regenerate with scripts/rules-table.mjs)', () => {
        expect(Object.keys(settingsSchema.properties.rules.properties).sort()).toEqual(allRules.map(rule => rule.id).sort());
    });

    test('is the schema VS Code applies to bizha.json (test/vsix.test.ts checks that it ships)', () => {
        expect(packageJson.contributes.jsonValidation).toContainEqual({ fileMatch: 'bizha.json', url: './schemas/bizha.schema.json' });
    });
});
