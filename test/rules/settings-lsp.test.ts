import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverOnFolder } from '../bundles.js';
import { fileUri, type LspClient } from '../lsp-client.js';

/** bizha.json in a workspace folder, read by the language server (server/rule-settings-sync.ts). */
describe('bizha.json over LSP', () => {
    const json = '{\n  "rules": {\n    "HA-SSO-BACKUP": "off",\n    "HA-NOPE": "off",\n    "HA-DB-SPOF": "loud"\n  }\n}\n';
    let server: Awaited<ReturnType<typeof serverOnFolder>>;
    let folder: string;
    let client: LspClient;

    beforeAll(async () => {
        // small-ha without its SSO backup: HA-SSO-BACKUP would warn, but bizha.json turns it off.
        const text = fs.readFileSync('examples/small-ha/topology.bizha', 'utf8').replace(/\n\s*backup "[^"]*"/, '');
        server = await serverOnFolder('bizha-settings-lsp-', { 'bizha.json': json, 'topology.bizha': text });
        ({ client, folder } = server);
    }, 60_000);

    afterAll(async () => server?.stop());

    test('its problems are diagnostics on bizha.json where they are written, and its valid overrides apply', async () => {
        const settingsUri = fileUri(path.join(folder, 'bizha.json'));
        const published = await client.diagnosticsAfter(settingsUri, 0, 30_000);
        const lines = json.split('\n');
        expect(published.diagnostics.map(d => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([
            ['bizha-config', 'unknown rule id "HA-NOPE"', 3, lines[3].indexOf('"HA-NOPE"'), lines[3].indexOf('"HA-NOPE"') + '"HA-NOPE"'.length],
            ['bizha-config', expect.stringContaining('not "loud"'), 4, lines[4].indexOf('"loud"'), lines[4].indexOf('"loud"') + '"loud"'.length]
        ]);
        const topologyUri = fileUri(path.join(folder, 'topology.bizha'));
        await client.open(topologyUri, fs.readFileSync(path.join(folder, 'topology.bizha'), 'utf8'));
        await client.diagnosticsAfter(topologyUri, 0, 30_000);
        await client.quiet(1000, 15_000, topologyUri);
        const codes = (client.lastDiagnostics(topologyUri) ?? []).map(d => d.code);
        expect(codes).not.toContain('HA-SSO-BACKUP');
        expect(client.alive).toBe(true);
    }, 60_000);
});
