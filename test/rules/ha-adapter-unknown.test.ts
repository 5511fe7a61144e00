import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-ADAPTER-UNKNOWN';

const findings = findingsOf(ID);

const send = 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }';

describe(ID, () => {
    test('an adapter name bizha does not know is information, on the handler', async () => {
        const text = variant([[send, 'host SendHost { send FILE, SMTP, ContosoGateway  instances on BTS01, BTS02 }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host SendHost', 'ContosoGateway'));
        expect(hits[0].message).toContain('"ContosoGateway"');
        expect(hits[0].message).toContain('scales out');
    });

    test('a misspelt BizTalk adapter is reported once per handler', async () => {
        const hits = await findings(variant([[send, 'host SendHost { send FILE, SMPT  receive FTPS  instances on BTS01, BTS02 }']]));
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.map(h => h.message).join(' ')).toMatch(/"SMPT"[\s\S]*"FTPS"/);
    });

    test('is treated as a scale-out adapter: one instance is a host SPOF, two need nothing more', async () => {
        const single = await validate(variant([[send, 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }\n    host GatewayHost { receive ContosoGateway  instances on BTS01 }']]));
        expect(withCode(single.diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
        expect(withCode(single.diagnostics, 'HA-HOST-SPOF')[0].message).toContain('receive ContosoGateway');

        const scaled = await validate(variant([[send, 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }\n    host GatewayHost { receive ContosoGateway  instances on BTS01, BTS02 }']]));
        for (const rule of ['HA-HOST-SPOF', 'HA-RECV-NLB', 'HA-RECV-MUST-CLUSTER', 'HA-HOST-TYPE-CONTENT', 'HA-CLHOST-UNNEEDED']) {
            expect(withCode(scaled.diagnostics, rule), rule).toEqual([]);
        }
    });

    test('does not fire for BizTalk adapter names in any case, or for the SharePoint alias', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(variant([[send, 'host SendHost { send file, smtp, Windows-SharePoint-Services  instances on BTS01, BTS02 }']]))).toEqual([]);
    });
});
