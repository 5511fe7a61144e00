/**
 * Over a real LSP connection: the bundled server (`main.cjs --stdio`, bundled from the current
 * sources as esbuild.mjs bundles out/server/main.cjs; BIZHA_SERVER_BUNDLE=out/server/main.cjs
 * tests the packaged one) gets ~2000 random
 * incremental edits of an example (ranged didChange, some CRLF, some multi-line, some several
 * changes in one notification) with hover, completion, code action and preview requests
 * interleaved. The client keeps its own copy of the text (TextDocument.update). Afterwards the
 * server is still up, still answers, and what it says about the document equals what a fresh
 * in-process build of the client's final text says: diagnostics, symbols, semantic tokens.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { createFuzzServices, fragment, keywords, strangeChars } from './fuzzer.js';
import { Rng } from '../random.js';
import { repoRoot, serverUnderTest } from '../bundles.js';
import { LspClient } from '../lsp-client.js';

const seed = Number(process.env.BIZHA_FUZZ_SEED ?? 20240611);
const editCount = 2000;
/** Bound on one answer while edits stream in (the server may queue behind rebuilds). */
const requestBoundMs = 10_000;

const example = fs.readFileSync(path.join(repoRoot, 'examples', 'medium-ha', 'topology.bizha'), 'utf8');

/** LSP error codes a request may legitimately end with while the document keeps changing. */
const cancelled = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

interface Outstanding {
    readonly method: string;
    readonly promise: Promise<unknown>;
}

describe('a real LSP session with thousands of incremental edits', () => {
    let folder: string;
    let server: Awaited<ReturnType<typeof serverUnderTest>>;
    let client: LspClient;
    let capabilities: Record<string, unknown>;

    beforeAll(async () => {
        server = await serverUnderTest();
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-lsp-session-'));
        fs.writeFileSync(path.join(folder, 'topology.bizha'), example);
        client = await LspClient.start({ server: server.bundle, folder });
        capabilities = client.capabilities as Record<string, unknown>;
    }, 60_000);

    afterAll(async () => {
        await client?.stop();
        fs.rmSync(folder, { recursive: true, force: true });
        server?.dispose();
    });

    test('the server keeps serving and ends in the same state as a fresh build', async () => {
        const started = Date.now();
        const rng = new Rng(seed);
        const uri = pathToFileURL(path.join(folder, 'topology.bizha')).href;
        let doc = TextDocument.create(uri, 'bizha', 1, example);
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bizha', version: 1, text: example } });

        const outstanding: Outstanding[] = [];
        const failures: string[] = [];
        let answered = 0;
        let cancelledCount = 0;
        let maxLatency = 0;
        const send = (method: string, params: unknown) => {
            const t0 = Date.now();
            const text = doc.getText();
            const promise = client.request(method, params, requestBoundMs).then(
                () => { answered++; maxLatency = Math.max(maxLatency, Date.now() - t0); },
                (error: { code?: number; message?: string }) => {
                    maxLatency = Math.max(maxLatency, Date.now() - t0);
                    if (typeof error?.code === 'number' && cancelled.has(error.code)) {
                        cancelledCount++;
                        answered++;
                    } else {
                        // Keep the text the request was about, to reproduce in process.
                        const file = path.join(os.tmpdir(), `bizha-lsp-session-failure-${failures.length}.bizha`);
                        fs.writeFileSync(file, text);
                        failures.push(`${method} (text in ${file}, params ${JSON.stringify(params)}): ${error?.code ?? ''} ${error?.message ?? error}`);
                    }
                });
            outstanding.push({ method, promise });
        };
        const drain = async () => {
            await Promise.all(outstanding.splice(0).map(o => o.promise));
        };

        const names = [...new Set(example.match(/\b[A-Z][\w-]*\b/g) ?? [])];
        const insertion = (): string => rng.weighted<() => string>([
            [6, () => rng.pick([' ', '\n', '\r\n', '    ', ',', '{', '}', '(', ')', '"', '//', '/*', '*/', '\\'])],
            [6, () => rng.pick(keywords) + ' '],
            [4, () => rng.pick(names) + rng.pick([' ', ', ', '\n'])],
            [4, () => fragment(rng, names) + rng.pick(['\n', '\r\n'])],
            [3, () => {
                // A multi-line slice of the example, sometimes with CRLF.
                const from = rng.int(example.length);
                const chunk = example.slice(from, from + rng.range(10, 300));
                return rng.chance(0.3) ? chunk.replace(/\r?\n/g, '\r\n') : chunk;
            }],
            [2, () => rng.pick(strangeChars)],
            [1, () => String.fromCharCode(rng.int(128))]
        ])();
        const change = (text: string): { range: Range; text: string } => {
            const length = text.length;
            // The document stays between half and three times the example's size.
            const big = length > 3 * example.length;
            const small = length < example.length / 2;
            const start = rng.int(length + 1);
            const span = big ? rng.range(50, 2000) : small ? 0 : rng.weighted<number>([[5, 0], [4, rng.range(1, 5)], [2, rng.range(5, 60)], [1, rng.range(60, 400)]]);
            const end = Math.min(length, start + span);
            const replacement = big || (!small && rng.chance(0.25)) ? '' : insertion();
            const scratch = TextDocument.create(uri, 'bizha', 0, text);
            return { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: replacement };
        };

        for (let i = 0; i < editCount; i++) {
            // Usually one change per notification; sometimes several, applied in order.
            const changes: Array<{ range: Range; text: string }> = [];
            let text = doc.getText();
            for (let n = rng.chance(0.1) ? rng.range(2, 4) : 1; n > 0; n--) {
                const c = change(text);
                changes.push(c);
                text = TextDocument.applyEdits(TextDocument.create(uri, 'bizha', 0, text), [{ range: c.range, newText: c.text }]);
            }
            doc = TextDocument.update(doc, changes, doc.version + 1);
            expect(doc.getText()).toBe(text);
            await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });

            const position = doc.positionAt(rng.int(doc.getText().length + 1));
            if (i % 7 === 0) send('textDocument/hover', { textDocument: { uri }, position });
            if (i % 11 === 0) send('textDocument/completion', { textDocument: { uri }, position });
            if (i % 53 === 0) send('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: client.lastDiagnostics(uri) ?? [] } });
            if (i % 97 === 0) send('textDocument/documentSymbol', { textDocument: { uri } });
            if (i % 101 === 0) send('bizha/analysis', { uri });
            // Now and then let the server catch up, so intermediate states get built and validated.
            if (i % 100 === 99) await drain();
            else if (i % 10 === 9) await new Promise(r => setImmediate(r));
        }
        await drain();
        const finalText = doc.getText();

        // The preview request answers once the server has validated the text the editor holds.
        const analysis = await client.request<{ version: number | null }>('bizha/analysis', { uri }, 20_000);
        expect(analysis.version, 'the preview answers for the final version').toBe(doc.version);
        await client.quiet(1500, 15_000, uri);

        expect(failures, 'requests answered with an error').toEqual([]);
        expect(client.alive, `server exited: ${JSON.stringify(client.exit)}\n${client.stderr.join('')}`).toBe(true);
        const errorsLogged = client.logs.filter(l => /uncaught|unhandled|failed|error/i.test(l) && !/bizha\.json/.test(l));
        expect(errorsLogged, 'the server logged errors').toEqual([]);

        // A fresh in-process build of the client's text.
        const services = await createFuzzServices(server.rulesDocsFolder);
        const fresh = services.shared.workspace.LangiumDocumentFactory.fromString(finalText, URI.parse(uri));
        services.shared.workspace.LangiumDocuments.addDocument(fresh);
        await services.shared.workspace.DocumentBuilder.build([fresh], { validation: true });
        const expected = JSON.parse(JSON.stringify(fresh.diagnostics ?? [])) as Diagnostic[];
        expect(sortDiagnostics(client.lastDiagnostics(uri) ?? []), 'published diagnostics equal a fresh build of the final text').toEqual(sortDiagnostics(expected));

        // The server's view of the text equals the client's: symbols and semantic tokens (every token's position) match.
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
        const freshSymbols = await services.lsp.DocumentSymbolProvider!.getSymbols(fresh, { textDocument: { uri } });
        expect(symbols).toEqual(JSON.parse(JSON.stringify(freshSymbols)));
        if (capabilities.semanticTokensProvider && services.lsp.SemanticTokenProvider) {
            const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } }, 10_000);
            const freshTokens = await services.lsp.SemanticTokenProvider.semanticHighlight(fresh, { textDocument: { uri } });
            expect(tokens.data).toEqual(freshTokens.data);
        }
        if (capabilities.documentFormattingProvider) {
            const edits = await client.request<unknown[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }, 10_000);
            expect(Array.isArray(edits)).toBe(true);
            const freshEdits = await services.lsp.Formatter!.formatDocument(fresh, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
            expect(edits).toEqual(JSON.parse(JSON.stringify(freshEdits)));
        }
        expect(client.alive).toBe(true);
        const elapsed = Date.now() - started;
        console.log(`lsp session: ${editCount} edits (final version ${doc.version}, ${finalText.length} chars), ${answered} requests answered (${cancelledCount} cancelled by newer edits), max latency ${maxLatency} ms, ${client.published.length} diagnostics notifications, ${elapsed} ms`);
        expect(elapsed).toBeLessThan(60_000);
    }, 90_000);

    test('the server survives a few hostile notifications and still answers', async () => {
        const uri = pathToFileURL(path.join(folder, 'hostile.bizha')).href;
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bizha', version: 1, text: '\u0000\uD800 group G { '.repeat(100) } });
        // A change past the end of the document and one with an inverted range.
        await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: 'computer X' }] });
        await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 50 }, end: { line: 0, character: 3 } }, text: '\r\n' }] });
        await client.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'group G { computer A }' }] });
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
        expect(Array.isArray(symbols)).toBe(true);
        // Requests about documents the server never saw, and positions far outside the document.
        await expect(client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.bizha' }, position: { line: 0, character: 0 } }, 10_000).catch(e => e)).resolves.toBeDefined();
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 500, character: 500 } }, 10_000).catch(() => undefined);
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 1_000_000 } }, 10_000).catch(() => undefined);
        const analysis = await client.request<{ groups: unknown[] }>('bizha/analysis', { uri: 'not a uri' }, 10_000);
        expect(analysis.groups).toEqual([]);
        await client.notify('textDocument/didClose', { textDocument: { uri } });
        expect(client.alive).toBe(true);
        expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(path.join(folder, 'topology.bizha')).href } }, 10_000)).toBeDefined();
    }, 30_000);
});

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
    const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.code ?? ''}:${d.message}`;
    return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}
