import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-HOST-TYPE-CONTENT';

const findings = findingsOf(ID);

const web = 'host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }';

/** Where the first occurrence of `word` on the line of `host` starts, as a 0-based [line, character]. */
function position(text: string, host: string, word: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(host));
    if (line < 0 || !lines[line].includes(word)) throw new Error(`no ${word} on the line of ${host}`);
    return [line, lines[line].indexOf(word)];
}

describe(ID, () => {
    test('a send handler on an isolated host fires once, on the handler', async () => {
        const text = variant([[web, 'host WebReceive isolated { receive WCF-BasicHttp  send SMTP  instances on BTS01, BTS02 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(position(text, 'host WebReceive', 'SMTP'));
        expect(hits[0].message).toContain('WebReceive is an isolated host');
        expect(hits[0].message).toContain('send SMTP');
    });

    test('orchestrations, tracking and clustering on an isolated host each fire, at their keyword', async () => {
        const text = variant([[web, 'host WebReceive isolated { receive WCF-BasicHttp  orchestrations  tracking  instances on BTS01, BTS02 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.map(h => [h.range.start.line, h.range.start.character])).toEqual(
            expect.arrayContaining([position(text, 'host WebReceive', 'orchestrations'), position(text, 'host WebReceive', 'tracking')]));
        expect(hits.some(h => h.message.includes('cannot run orchestrations'))).toBe(true);
        expect(hits.some(h => h.message.includes('cannot do tracking'))).toBe(true);

        const clustered = variant([
            ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc }\n'],
            ['nlb WebFarm {', 'nlb WebFarm { kind hardware '],
            [web, 'host WebReceive isolated { receive WCF-BasicHttp  clustered on BTSCL  instances on BTS01, BTS02 }']
        ]);
        const clusterHits = await findings(clustered);
        expect(clusterHits.map(show)).toHaveLength(1);
        expect(clusterHits[0].message).toContain('only in-process hosts can be clustered');
    });

    test('an in-process receive adapter on an isolated host fires', async () => {
        const hits = await findings(variant([[web, 'host WebReceive isolated { receive WCF-BasicHttp, FILE (path "\\\\\\\\fs-cluster\\\\web")  instances on BTS01, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('The FILE receive handler runs in the BizTalk service');
        expect(hits[0].message).toContain('WebReceive');
    });

    test('an IIS receive adapter on an in-process host fires, matched case-insensitively', async () => {
        const text = variant([['receive FILE (path', 'receive http, FILE (path']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(position(text, 'host ReceiveHost', 'http'));
        expect(hits[0].message).toContain('The HTTP receive handler runs in IIS');
        expect(hits[0].message).toContain('in-process host ReceiveHost');
    });

    test('does not fire for the right host types (the clean group), WCF-NetTcp in-process, or an unknown adapter', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([['receive FILE (path', 'receive WCF-NetTcp, FILE (path']]))).toEqual([]);
        const unknown = await validate(variant([[web, 'host WebReceive isolated { receive WCF-BasicHttp, ContosoGateway  instances on BTS01, BTS02 }']]));
        expect(withCode(unknown.diagnostics, ID)).toEqual([]);
        expect(withCode(unknown.diagnostics, 'HA-ADAPTER-UNKNOWN')).toHaveLength(1);
    });
});
