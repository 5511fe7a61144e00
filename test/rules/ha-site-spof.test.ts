import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-SITE-SPOF';

describe(ID, () => {
    test('reports each function whose providers all sit in one site, once per declaration', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02 { site DC1 }']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        // ReceiveHost, ProcessingHost, SendHost (both handlers in one diagnostic), WebReceive and tracking.
        expect(found).toHaveLength(5);
        expect(found.every(d => severityOf(d) === 'information')).toBe(true);
        const receive = found.find(d => startLine(d) === lineOf(text, 'host ReceiveHost'));
        expect(receive?.message).toContain('receive FILE on ReceiveHost');
        expect(receive?.message).toContain('site DC1');
        const send = found.find(d => startLine(d) === lineOf(text, 'host SendHost'));
        expect(send?.message).toContain('send FILE on SendHost and send SMTP on SendHost');
    });

    test('reports the SQL instance and the master secret server when both SQL nodes share a site', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine).sort((a, b) => a - b)).toEqual([lineOf(text, 'sql BTSSQL'), lineOf(text, 'master-secret-server')]);
        expect(found.find(d => startLine(d) === lineOf(text, 'sql BTSSQL'))?.message).toContain('database BizTalkMgmtDb');
    });

    test('does not fire when the providers are spread over two sites', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02 { site DC2 }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when only some computers declare a site, or none do', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('leaves a single computer failure to the SPOF rules', async () => {
        const text = variant([
            ['sql BTSSQL on SQLCL', 'sql BTSSQL on SQL01'],
            ['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }']
        ]);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID).map(startLine)).not.toContain(lineOf(text, 'sql BTSSQL'));
        expect(withCode(diagnostics, 'HA-DB-SPOF').map(startLine)).toEqual([lineOf(text, 'sql BTSSQL')]);
    });

    // The catalog's answer to losing the database site is BizTalk log shipping to a standby in
    // another site, not a provider there (a stretched SQL cluster is not what Microsoft describes).
    const sqlInDc1 = (standbySite: string) => variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }'], ['computer DR01', `computer DR01 { site ${standbySite} }`]]);

    test('for databases and the master secret server it advises log shipping to a standby in another site', async () => {
        const text = variant([['        log-shipping to DRSQL\n', '']], sqlInDc1('DC2'));
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine).sort((a, b) => a - b)).toEqual([lineOf(text, 'sql BTSSQL'), lineOf(text, 'master-secret-server')]);
        for (const diagnostic of found) {
            expect(diagnostic.message).toContain('log shipping');
            expect(diagnostic.message).toContain('another site');
            expect(diagnostic.message).not.toContain('Place a provider in another site');
        }
    });

    test('does not fire for databases and the master secret server log-shipped to a standby in another site', async () => {
        expect(withCode((await validate(sqlInDc1('DC2'))).diagnostics, ID)).toEqual([]);
    });

    test('still fires when the standby is in the same site as production', async () => {
        const text = sqlInDc1('DC1');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine)).toContain(lineOf(text, 'sql BTSSQL'));
        expect(found.find(d => startLine(d) === lineOf(text, 'sql BTSSQL'))!.message).toContain('DRSQL');
    });

    test('hosts still get the advice to place an instance in another site', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { site DC1 }, BTS02 { site DC1 }']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.find(d => startLine(d) === lineOf(text, 'host ProcessingHost'))!.message).toContain('another site');
        expect(found.find(d => startLine(d) === lineOf(text, 'host ProcessingHost'))!.message).not.toContain('log shipping');
    });
});
