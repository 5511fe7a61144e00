import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-FILE-SHARE';

const findings = findingsOf(ID);

/** The fixture's receive location, as written in the .bizha text. */
const share = String.raw`(path "\\\\fs-cluster\\in")`;
const path = (bizhaString: string) => variant([[share, `(path "${bizhaString}")`]]);

describe(ID, () => {
    test('a local drive path on a scaled-out FILE receive host warns, on the handler', async () => {
        const text = path(String.raw`D:\\Inbound`);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host ReceiveHost', 'FILE'));
        expect(hits[0].message).toContain(String.raw`D:\Inbound`);
        expect(hits[0].message).toContain('ReceiveHost');
        expect(hits[0].message).toContain('BTS01 and BTS02');
    });

    test('does not fire for a share served by one declared computer: HA-FILE-SERVER-SPOF reports it', async () => {
        const { diagnostics } = await validate(variant([['computer DR01', 'computer DR01, FS01']], path(String.raw`\\\\fs01.contoso.com\\in`)));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-FILE-SERVER-SPOF')).toHaveLength(1);
    });

    test('availability standard lowers it to information', async () => {
        const hits = await findings(variant([['edition enterprise', 'edition enterprise\n    availability standard']], path(String.raw`D:\\Inbound`)));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
    });

    test('does not fire for a UNC share on a server that is not a declared single computer (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        expect(await findings(path(String.raw`\\\\SQLCL\\in`))).toEqual([]); // a cluster's network name
    });

    test('does not fire for a local path on a single instance (HA-HOST-SPOF reports the host)', async () => {
        const text = variant([['instances on BTS01, BTS02  account', 'instances on BTS01  account']], path(String.raw`D:\\Inbound`));
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire for a FILE send handler', async () => {
        expect(await findings(variant([['send FILE, SMTP', String.raw`send FILE (path "D:\\Outbound"), SMTP`]]))).toEqual([]);
    });
});
