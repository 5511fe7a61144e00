import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { findings } from '../../cli/check.js';
import { formatSarif, parseDocsUrl } from '../../cli/sarif.js';
import { collectFiles, loadWorkspace } from '../../cli/workspace.js';
import { allRules } from '../../language/rules/registry.js';

/**
 * `bizha check --format sarif` against the SARIF 2.1.0 JSON Schema. The schema is the one
 * Microsoft's SARIF SDK ships (@microsoft/jest-sarif, lib/schemas/sarif-2.1.0-rtm.5.json, the
 * 2.1.0 schema also published on SchemaStore), read from the dev dependency, not copied here.
 */

const root = process.cwd();
const rulePage = (id: string): string | undefined => {
    const file = path.join(root, 'docs', 'rules', `${id}.md`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
};

/**
 * The schema is written in JSON Schema draft-04; Ajv 8 reads draft-07. For this schema the two
 * differ only in the root's `id` (draft-07: `$id`) and `$schema`: it has no boolean
 * exclusiveMinimum/Maximum, the other draft-04 difference. Strict mode is off because it checks
 * how a schema is written (e.g. unknown keywords), not the document being validated. Patterns
 * are ECMAScript regular expressions without the `u` flag, as draft-04 validators (Ajv 6, which
 * @microsoft/jest-sarif uses) compile them: the schema's `language` pattern has a stray `]`
 * that only unicode mode rejects.
 */
function sarifValidator(): ValidateFunction {
    let file: string;
    try {
        file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    } catch {
        throw new Error('the SARIF schema comes from the dev dependency @microsoft/jest-sarif: run npm ci');
    }
    const { $schema, id, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect($schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(String(id)).toMatch(/sarif-2\.1\.0/);
    expect(JSON.stringify(schema)).not.toMatch(/exclusiveM(in|ax)imum/);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // ajv-formats is CommonJS with its function as `default`.
    ajvFormats.default(ajv);
    return ajv.compile(schema);
}

async function sarifOf(paths: string[], docsUrl?: string): Promise<string> {
    const workspace = await loadWorkspace(collectFiles(paths));
    return formatSarif(findings(workspace), { version: '9.9.9', ruleDoc: rulePage, docsUrl: docsUrl === undefined ? undefined : parseDocsUrl(docsUrl) });
}

/** A Markdown link to a relative target (another page of the documentation). */
const relativeLink = /\]\((?!https?:|#)/;

interface Rule { id: string; help?: { text: string; markdown: string }; helpUri?: string }

let validate: ValidateFunction;
beforeAll(() => {
    validate = sarifValidator();
});

function expectValid(log: unknown): void {
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
}

describe('SARIF output', () => {
    test('is valid SARIF 2.1.0, for a topology with findings and for a clean one', async () => {
        const broken = JSON.parse(await sarifOf(['examples/two-computer-not-ha']));
        expect(broken.runs[0].results.length).toBeGreaterThan(10);
        expectValid(broken);
        const clean = JSON.parse(await sarifOf(['examples/small-ha']));
        expect(clean.runs[0].results).toEqual([]);
        expectValid(clean);
    });

    test('the validator rejects what SARIF 2.1.0 forbids', async () => {
        const log = JSON.parse(await sarifOf(['examples/two-computer-not-ha']));
        const withoutMessage = structuredClone(log);
        delete withoutMessage.runs[0].results[0].message;
        expect(validate(withoutMessage)).toBe(false);
        const badLevel = structuredClone(log);
        badLevel.runs[0].results[0].level = 'information';
        expect(validate(badLevel)).toBe(false);
        const badHelpUri = structuredClone(log);
        badHelpUri.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
        expect(validate(badHelpUri)).toBe(false);
        const spaceInUri = structuredClone(log);
        spaceInUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my topology.bizha';
        expect(validate(spaceInUri)).toBe(false);
    });

    test("every rule carries its page as help (text and Markdown); without --docs-url no URI and no path of this machine", async () => {
        const text = await sarifOf(['examples/two-computer-not-ha']);
        const rules: Rule[] = JSON.parse(text).runs[0].tool.driver.rules;
        expect(rules.map(rule => rule.id)).toEqual(allRules.map(rule => rule.id));
        for (const rule of rules) {
            const page = rulePage(rule.id)!;
            expect(page, `docs/rules/${rule.id}.md`).toBeDefined();
            expect(rule.help?.markdown.split('\n')[0]).toBe(page.split('\n')[0]);
            expect(rule.help?.text.split('\n')[0]).toBe(page.split('\n')[0].replace(/^#\s+/, ''));
            expect(rule.help?.text).not.toMatch(/\*\*|^#|^```/m);
            expect(rule.helpUri).toBeUndefined();
        }
        expect(text).not.toContain('file:');
        expect(text).not.toContain(root);
        expect(text).not.toContain('helpUri');
        expect(text).not.toContain('informationUri');
        // Links to other pages cannot be followed from the log: their text stays, the link goes.
        const spof = rules.find(rule => rule.id === 'HA-HOST-SPOF')!;
        const related = rules.find(rule => relativeLink.test(rulePage(rule.id)!))!;
        expect(related.help!.markdown).not.toMatch(relativeLink);
        expect(spof.help!.markdown).toContain('[Providing High Availability for BizTalk Hosts](https://learn.microsoft.com/en-us/biztalk/core/providing-high-availability-for-biztalk-hosts)');
        expect(spof.help!.text).toContain('Providing High Availability for BizTalk Hosts (https://learn.microsoft.com/en-us/biztalk/core/providing-high-availability-for-biztalk-hosts)');
    });

    test('with --docs-url: helpUri per rule, informationUri, and links between pages made absolute', async () => {
        const log = JSON.parse(await sarifOf(['examples/two-computer-not-ha'], 'https://docs.example.com/bizha/rules'));
        expectValid(log);
        const driver = log.runs[0].tool.driver;
        expect(driver.informationUri).toBe('https://docs.example.com/bizha/rules/README.md');
        const rules: Rule[] = driver.rules;
        for (const rule of rules) expect(rule.helpUri).toBe(`https://docs.example.com/bizha/rules/${rule.id}.md`);
        // BIZHA-UNUSED-SUPPRESSION links to ../language.md: the site's language page.
        const related = rules.find(rule => relativeLink.test(rulePage(rule.id)!))!;
        expect(related.help!.markdown).not.toMatch(relativeLink);
        expect(related.help!.markdown).toContain('(https://docs.example.com/bizha/language.md');
    });

    test('--docs-url takes only http and https URLs', () => {
        expect(parseDocsUrl('https://example.com/r').href).toBe('https://example.com/r/');
        expect(() => parseDocsUrl('file:///home/me/bizha/docs/rules')).toThrow(/http or https/);
        expect(() => parseDocsUrl('docs/rules')).toThrow(/absolute http or https URL/);
    });

    test('file names with spaces and # are URI references that keep their meaning', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha sarif #'));
        try {
            fs.copyFileSync('examples/two-computer-not-ha/topology.bizha', path.join(folder, 'my topology #1.bizha'));
            const log = JSON.parse(await sarifOf([folder]));
            expectValid(log);
            const uri: string = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
            expect(uri.endsWith('/my%20topology%20%231.bizha')).toBe(true);
            expect(decodeURIComponent(uri.split('/').at(-1)!)).toBe('my topology #1.bizha');
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
