import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-HYPERVISOR-SPOF';

const bizTalkOn = (first: string, second: string) => variant([['computer BTS01, BTS02', `computer BTS01 { hypervisor ${first} }, BTS02 { hypervisor ${second} }`]]);

describe(ID, () => {
    test('reports each function whose virtual machines all run on one hypervisor, once per declaration, as errors', async () => {
        const text = bizTalkOn('HV1', 'HV1');
        const { diagnostics } = await validate(text);
        const found = withCode(diagnostics, ID);
        // ReceiveHost, ProcessingHost, SendHost (both handlers in one diagnostic), WebReceive and tracking.
        expect(found).toHaveLength(5);
        expect(found.every(d => severityOf(d) === 'error')).toBe(true);
        const send = found.find(d => startLine(d) === lineOf(text, 'host SendHost'));
        expect(send?.message).toContain('Every computer that provides send FILE on SendHost and send SMTP on SendHost (BTS01 and BTS02) runs as a virtual machine on hypervisor HV1');
        expect(send?.message).toContain('another hypervisor');
        expect(send?.relatedInformation?.map(r => r.message)).toEqual(['BTS01 declared here', 'BTS02 declared here']);
        // Not a computer single point of failure: the host rule stays silent.
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toEqual([]);
    });

    test('reports the SQL instance and the master secret server when both cluster nodes share a hypervisor', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { hypervisor HVS }, SQL02 { hypervisor HVS }']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine).sort((a, b) => a - b)).toEqual([lineOf(text, 'sql BTSSQL'), lineOf(text, 'master-secret-server')]);
    });

    test('availability standard lowers it to a warning', async () => {
        const text = variant([['edition enterprise', 'edition enterprise\n    availability standard']], bizTalkOn('HV1', 'HV1'));
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toContain('warning');
    });

    test('does not fire on two hypervisors, on a hypervisor declared for only one computer, or without hypervisors', async () => {
        expect(withCode((await validate(bizTalkOn('HV1', 'HV2'))).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(variant([['computer BTS01, BTS02', 'computer BTS01 { hypervisor HV1 }, BTS02']]))).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('leaves a single computer to the SPOF rules', async () => {
        const text = variant([['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  instances on BTS01 }']], bizTalkOn('HV1', 'HV2'));
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });
});
