import * as fs from 'node:fs';
import { URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAnalysis } from '../../server/preview-request.js';
import { analysisRequestMethod, type AnalysisResult } from '../../preview/protocol.js';
import { createTestServices } from '../helpers.js';
import { examplePath } from './preview-fixtures.js';
import { bundleSources, type Bundles } from '../bundles.js';
import { LspClient } from '../lsp-client.js';

describe('bizha/analysis in process', () => {
    it('answers with no groups for what it does not know, never an error', async () => {
        const services = createTestServices();
        for (const uri of ['file:///nowhere/missing.bizha', 'file:///nowhere/notes.txt', '', 'not a uri at all', 42, undefined, null]) {
            const result = await previewAnalysis(services, uri);
            expect(result.groups).toEqual([]);
            expect(result.version).toBeNull();
        }
    });

    it('answers with the groups of a built document', async () => {
        const services = createTestServices();
        const uri = URI.file(examplePath('small-ha'));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(uri.fsPath, 'utf8'), uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        const pending = previewAnalysis(services, uri.toString());
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const result = await pending;
        expect(result.groups.map(g => g.group)).toEqual(['ContosoSmall']);
        expect(result.groups[0].functions).toHaveLength(16);
    });
});

describe('bizha/analysis data agrees with the rules', () => {
    it('shows an HTTP receive without a load balancer as a single point of failure', async () => {
        const services = createTestServices();
        const uri = URI.file('/workspace/no-nlb.bizha');
        const text = fs.readFileSync(examplePath('small-ha'), 'utf8').replace(/^\s*nlb \w+ \{[^}]*\}\n/m, '\n');
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        const pending = previewAnalysis(services, uri.toString());
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const result = await pending;
        const web = result.groups[0].functions.find(f => f.kind === 'receive' && f.adapter === 'WCF-BasicHttp')!;
        expect(web).toMatchObject({ mechanism: 'unbalanced', redundancy: 1 });
        expect((document.diagnostics ?? []).some(d => d.code === 'HA-RECV-NLB' && d.severity === 1)).toBe(true);
    });
});

describe('bizha/analysis over LSP (bundled server, stdio)', () => {
    let bundles: Bundles;
    let session: LspClient;
    beforeAll(async () => {
        bundles = await bundleSources(['server']);
        session = await LspClient.start({ server: bundles.server });
    }, 60_000);
    afterAll(async () => {
        await session?.stop();
        bundles?.dispose();
    });

    const timed = async <T>(action: () => Promise<T>): Promise<[T, number]> => {
        const start = performance.now();
        const result = await action();
        return [result, performance.now() - start];
    };

    it('answers with no groups for an unknown document', async () => {
        const result = await session.request<AnalysisResult>(analysisRequestMethod, { uri: 'file:///nowhere/missing.bizha' });
        expect(result.groups).toEqual([]);
    });

    it('waits for validation and reflects an edit sent just before the request', async () => {
        const uri = URI.file(examplePath('small-ha')).toString();
        const text = fs.readFileSync(examplePath('small-ha'), 'utf8');
        await session.open(uri, text, 1);
        const [first, firstMs] = await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri }));
        expect(first.version).toBe(1);
        const processing = (r: AnalysisResult) => r.groups[0].functions.find(f => f.id === 'processing:ProcessingHost')!;
        expect(processing(first).redundancy).toBe(2);
        const [, warmMs] = await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri }));

        // ProcessingHost loses its instance on BTS02: the request right after the edit must see it.
        const edited = text.replace('orchestrations\n        instances on BTS01, BTS02', 'orchestrations\n        instances on BTS01');
        expect(edited).not.toBe(text);
        await session.change(uri, 2, edited);
        const [second, editMs] = await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri }));
        expect(second.version).toBe(2);
        expect(processing(second).redundancy).toBe(1);
        expect(processing(second).diagnostics.map(d => d.ruleId)).toContain('HA-HOST-SPOF');
        console.log(`bizha/analysis small-ha: first ${firstMs.toFixed(1)} ms, warm ${warmMs.toFixed(1)} ms, after an edit ${editMs.toFixed(1)} ms`);
    });

    it('answers for large-ha in well under a second', async () => {
        const uri = URI.file(examplePath('large-ha')).toString();
        const text = fs.readFileSync(examplePath('large-ha'), 'utf8');
        await session.open(uri, text, 1);
        const [first, firstMs] = await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri }));
        expect(first.groups[0].functions.length).toBeGreaterThan(20);
        const warm: number[] = [];
        for (let i = 0; i < 10; i++) warm.push((await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri })))[1]);
        const edits: number[] = [];
        for (let version = 2; version < 12; version++) {
            await session.change(uri, version, `${text}\n// edit ${version}\n`);
            const [result, ms] = await timed(() => session.request<AnalysisResult>(analysisRequestMethod, { uri }));
            expect(result.version).toBe(version);
            edits.push(ms);
        }
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        console.log(`bizha/analysis large-ha: first ${firstMs.toFixed(1)} ms, warm median ${median(warm).toFixed(1)} ms, after an edit median ${median(edits).toFixed(1)} ms`);
        expect(median(edits)).toBeLessThan(1000);
    });
});
