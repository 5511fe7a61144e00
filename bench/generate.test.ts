import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createBizhaServices } from '../language/bizha-module.js';
import { isGroup, type Model } from '../language/generated/ast.js';
import { buildGroupModel } from '../language/model/build-topology.js';
import { generateScalingGroup, generateSingleFile, generateWorkspace, lineCount } from './generate.js';

async function build(files: Record<string, string>): Promise<LangiumDocument<Model>[]> {
    const services = createBizhaServices({ ...EmptyFileSystem }).Bizha;
    const documents = Object.entries(files).map(([name, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///gen/${name}`)));
    documents.forEach(d => services.shared.workspace.LangiumDocuments.addDocument(d));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

function errors(documents: LangiumDocument[]): string[] {
    return documents.flatMap(d => [
        ...d.parseResult.lexerErrors.map(e => `${d.uri.path}: lexer: ${e.message}`),
        ...d.parseResult.parserErrors.map(e => `${d.uri.path}: parser: ${e.message}`),
        ...(d.diagnostics ?? []).filter(x => (x.data as { code?: string } | undefined)?.code === 'linking-error')
            .map(x => `${d.uri.path}:${x.range.start.line + 1}: linking: ${x.message}`)
    ]);
}

describe('benchmark generator', () => {
    test('is deterministic for a seed', () => {
        expect(generateSingleFile(1000, 5)).toBe(generateSingleFile(1000, 5));
        expect(generateSingleFile(1000, 5)).not.toBe(generateSingleFile(1000, 6));
    });

    test.each([1000, 10_000])('a single file of about %i lines parses and links without errors', async target => {
        const text = generateSingleFile(target, 1);
        expect(Math.abs(lineCount(text) - target) / target).toBeLessThan(0.1);
        const documents = await build({ 'single.bizha': text });
        expect(errors(documents)).toEqual([]);
        const groups = documents[0].parseResult.value.declarations.filter(isGroup);
        expect(groups.length).toBeGreaterThan(target / 250);
    });

    test('the generated groups follow the guidance except for the deliberate flaws, so an editor sees as many diagnostics as on a real estate', async () => {
        // Built apart: both name their groups FinProd0001, ...
        const documents = [...await build({ 'single.bizha': generateSingleFile(10_000, 1) }), ...await build(generateWorkspace(40, 7).files)];
        const diagnostics = documents.flatMap(d => d.diagnostics ?? []);
        const rules = new Set(diagnostics.map(d => String(d.code)));
        // A host or tracking on one computer, a standalone SQL instance (and so SSODB), no or too little
        // log shipping, many host instances on one computer: the flaws the generator writes on purpose.
        expect([...rules].sort()).toEqual(['HA-DB-SPOF', 'HA-DR-LOGSHIP', 'HA-HOST-SPOF', 'HA-HOST-TOO-MANY', 'HA-SSO-SSODB-HA', 'HA-TRACK-SPOF']);
        const lines = documents.reduce((n, d) => n + lineCount(d.textDocument.getText()), 0);
        expect(diagnostics.length / lines).toBeLessThan(0.02);
    }, 120_000);

    test('the 300-file workspace uses the shared inventory without errors', async () => {
        const { files } = generateWorkspace(300, 7);
        expect(Object.keys(files)).toHaveLength(300);
        expect(files['inventory.bizha']).toMatch(/^sql \w+ on SQLCL\d+ \{/m);
        const documents = await build(files);
        expect(errors(documents)).toEqual([]);
        // Group files reference inventory declarations (databases placed on top-level SQL instances).
        const group = documents.find(d => d.uri.path.includes('/groups/'))!;
        expect(group.parseResult.value.declarations.filter(isGroup)[0].members.length).toBeGreaterThan(5);
    }, 120_000);

    test('the scaling group has 2,000 computers and 5,000 host instances', async () => {
        const documents = await build({ 'scale.bizha': generateScalingGroup(2000, 5000) });
        expect(errors(documents)).toEqual([]);
        const group = documents[0].parseResult.value.declarations.filter(isGroup)[0];
        const model = buildGroupModel(group);
        expect(model.computers.size).toBe(2000);
        expect([...model.hosts.values()].reduce((n, h) => n + h.instances.length, 0)).toBe(5000);
    }, 120_000);
});
