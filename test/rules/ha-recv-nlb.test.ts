import { describe, expect, test } from 'vitest';
import { cleanGroup, clusteredBase, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-RECV-NLB';

const findings = findingsOf(ID);

const nlb = '    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n';

describe(ID, () => {
    test('a scaled-out isolated WCF-BasicHttp host with no load balancer fires once, on the handler', async () => {
        const text = variant([[nlb, '']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('host WebReceive'));
        expect(hits[0].range.start.line).toBe(line);
        expect(hits[0].range.start.character).toBe(lines[line].indexOf('WCF-BasicHttp'));
        expect(hits[0].message).toContain('receive WCF-BasicHttp on WebReceive');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        expect(hits[0].message).toContain('no load balancer fronts WebReceive');
    });

    test('fires for WCF-NetTcp scaled out in an in-process host without a load balancer', async () => {
        const hits = await findings(variant([['receive FILE (path', 'receive WCF-NetTcp, FILE (path']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('receive WCF-NetTcp on ReceiveHost');
    });

    test('WCF-NetTcp in a clustered host is a warning: the load balancer is the preferred design', async () => {
        const text = variant([['    nlb WebFarm', '    host TcpHost { receive WCF-NetTcp  clustered on BTSCL  instances on BTS01, BTS02 }\n    nlb WebFarm']], clusteredBase);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('TcpHost');
        expect(hits[0].message).toContain('clustered host');
    });

    test('does not fire when a load balancer fronts the host (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('does not fire for a single instance (HA-HOST-SPOF) or for WCF-NetNamedPipe (machine-local)', async () => {
        const single = await validate(variant([[nlb, ''], ['receive WCF-BasicHttp  instances on BTS01, BTS02', 'receive WCF-BasicHttp  instances on BTS01']]));
        expect(withCode(single.diagnostics, ID)).toEqual([]);
        expect(withCode(single.diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
        expect(await findings(variant([['receive FILE (path', 'receive WCF-NetNamedPipe, FILE (path']]))).toEqual([]);
    });
});
