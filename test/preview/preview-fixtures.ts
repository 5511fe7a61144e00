import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import * as esbuild from 'esbuild';
import { webviewBundleOptions } from '../../esbuild-options.mjs';
import { createTestServices } from '../helpers.js';
import { previewGroups } from '../../server/preview-request.js';
import type { PreviewGroup } from '../../preview/protocol.js';
import type { Range } from '../../language/model/topology.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export function examplePath(name: string): string {
    return path.join(repoRoot, 'examples', name, 'topology.bizha');
}

/** The preview data of an example, built exactly as the language server builds and sends it. */
export async function exampleGroups(name: string): Promise<{ uri: string; groups: PreviewGroup[] }> {
    return textGroups(fs.readFileSync(examplePath(name), 'utf8'), URI.file(examplePath(name)).toString());
}

export async function textGroups(text: string, uri = 'file:///workspace/preview.bizha'): Promise<{ uri: string; groups: PreviewGroup[] }> {
    const services = createTestServices();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    // As the client receives it: the language server answers over LSP, in JSON.
    return { uri: document.uri.toString(), groups: JSON.parse(JSON.stringify(previewGroups(services, document))) as PreviewGroup[] };
}

let bundled: string | undefined;

/** The webview script, bundled for the browser like esbuild.mjs does (fresh from the sources). */
export async function webviewBundle(): Promise<string> {
    if (bundled) return bundled;
    const result = await esbuild.build({ ...webviewBundleOptions, absWorkingDir: repoRoot, write: false, logLevel: 'silent' });
    bundled = result.outputFiles[0].text;
    return bundled;
}

export const evil = '<img src=x onerror=window.__pwned=1>';
export const scriptName = '"><script>window.__pwned=2</script>';
export const jsUrl = 'javascript:alert(1)';
export const bidi = 'BTS\u202Egnp.exe\u202C01';

const range = (line: number): Range => ({ start: { line, character: 4 }, end: { line, character: 30 } });
const uri = 'file:///hostile/topology.bizha';

/**
 * A group no .bizha file can express (its names are not identifiers): every name tries to
 * break out of the HTML it is put in.
 */
export function hostileGroup(): PreviewGroup {
    const computers = [evil, jsUrl, bidi, scriptName];
    const hostFunction = {
        id: `receive:${evil}:FILE`, kind: 'receive' as const, label: `receive FILE on ${evil}`, host: evil, adapter: `FILE${scriptName}`,
        mechanism: 'scale-out' as const, providers: [evil, jsUrl],
        placements: [{ computer: evil, role: 'active' as const }, { computer: jsUrl, role: 'active' as const }],
        paths: [[`computer:${evil}`], [`computer:${jsUrl}`, `site:${scriptName}`]], dependsOn: [`database:${bidi}`],
        ownRedundancy: 2, ownSingleFailures: [], redundancy: 1, singleFailures: [{ component: `computer:${bidi}`, via: `database:${bidi}` }],
        doubleFailures: [[`computer:${evil}`, `computer:${jsUrl}`]],
        source: { uri, range: range(3) },
        scopes: [{ uri, range: { start: { line: 2, character: 0 }, end: { line: 6, character: 1 } } }],
        diagnostics: [{ ruleId: `HA-${evil}`, severity: 'error' as const, message: `path "${evil}" ${jsUrl} ${scriptName}`, range: range(3) }]
    };
    const database = {
        id: `database:${bidi}`, kind: 'database' as const, label: `database ${bidi}`, database: bidi,
        mechanism: 'single' as const, providers: [bidi], placements: [{ computer: bidi, role: 'active' as const }],
        paths: [[`computer:${bidi}`]], dependsOn: [], ownRedundancy: 1, ownSingleFailures: [`computer:${bidi}`], redundancy: 1,
        singleFailures: [{ component: `computer:${bidi}` }], doubleFailures: [], source: { uri, range: range(8) }, scopes: [], diagnostics: []
    };
    return {
        group: `Prod${evil}`,
        source: { uri, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 1 } } },
        availability: 'high',
        functions: [hostFunction, database],
        components: [
            ...computers.map((name, i) => ({
                id: `computer:${name}`, kind: 'computer' as const, name, tier: i === 2 ? 'sql' as const : 'biztalk' as const,
                site: i === 1 ? scriptName : undefined,
                stops: i === 2 ? [database.id, hostFunction.id] : [], source: { uri, range: range(10 + i) }
            })),
            { id: `site:${scriptName}`, kind: 'site' as const, name: scriptName, tier: 'other' as const, stops: [] }
        ],
        worstSingleFailure: `computer:${bidi}`,
        topology: {
            hosts: [{ name: evil, type: 'in-process', tracking: false, instances: [{ computer: evil, disabled: false }, { computer: jsUrl, disabled: false }] }],
            clusters: [{ name: `CL${scriptName}`, nodes: [evil, jsUrl] }],
            loadBalancers: [{ name: `LB${evil}`, kind: 'windows', members: [evil, jsUrl], fronts: [evil], frontsBamPortal: false }],
            sqlInstances: [{ name: `SQL${scriptName}`, server: { kind: 'computer', name: bidi }, databases: [bidi] }],
            availabilityGroups: [],
            masterSecretServer: { kind: 'computer', name: bidi }
        },
        diagnostics: [{ ruleId: 'HA-GROUP-MIN-SERVERS', severity: 'warning', message: `<script>window.__pwned=3</script> ${evil}`, range: range(1) }]
    };
}

/** A real topology whose strings (a FILE path, the SSO backup) carry markup into diagnostic messages. */
export const hostileTopology = `group Evil {
    computer BTS01, BTS02
    host R { receive FILE (path "C:\\\\${evil}")  instances on BTS01, BTS02 }
    sso { backup "<script>window.__pwned=5</script>" }
}
`;
