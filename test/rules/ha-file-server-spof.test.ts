import { describe, expect, test } from 'vitest';
import { cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, validateWorkspace, withCode } from '../helpers.js';

const ID = 'HA-FILE-SERVER-SPOF';

/** The fixture's receive location, as written in the .bizha text. */
const share = String.raw`(path "\\\\fs-cluster\\in")`;
/** The clean group with FS01 (and FS02) declared and the receive location on the given UNC path. */
const receivePath = (bizhaString: string, base = cleanGroup) =>
    variant([['computer DR01', 'computer DR01, FS01, FS02'], [share, `(path "${bizhaString}")`]], base);

describe(ID, () => {
    test('a FILE receive on a share of one declared computer is an error on the handler, naming the server', async () => {
        const text = receivePath(String.raw`\\\\FS01\\in`);
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host ReceiveHost', 'FILE'));
        expect(hits[0].message).toContain(String.raw`receive FILE on ReceiveHost reads \\FS01\in, a share`);
        expect(hits[0].message).toContain('the single computer FS01');
        expect(hits[0].message).toContain('when FS01 fails, receiving over FILE stops on every instance of ReceiveHost');
        expect(hits[0].message).toContain('clustered file server');
        expect(hits[0].relatedInformation?.map(r => r.message)).toEqual(['FS01 declared here']);
        // Reported once: HA-FILE-SHARE no longer reports a share on a single computer.
        expect(withCode(diagnostics, 'HA-FILE-SHARE')).toEqual([]);
    });

    test('a send handler writing to such a share is reported too, and the server is matched by its DNS name', async () => {
        const text = variant([['send FILE, SMTP', String.raw`send FILE (path "\\\\fs01.contoso.com\\out"), SMTP`], ['computer DR01', 'computer DR01, FS01']]);
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain(String.raw`send FILE on SendHost writes to \\fs01.contoso.com\out, a share`);
        expect(hits[0].message).toContain('sending over FILE stops');
    });

    test('a file server cluster with one node is still one computer', async () => {
        const text = receivePath(String.raw`\\\\FSCL\\in`, variant([['computer DR01', 'computer DR01\n    cluster FSCL { nodes FS01 }']]));
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('FSCL, which runs only on FS01');
    });

    test('a file server declared only in an inventory file, which the group names only in a UNC path, is a file server too', async () => {
        const inventory = 'computer FS01\ncomputer FS11, FS12\ncluster FSCL { nodes FS11, FS12  network-name FSNN }\n';
        const group = variant([[share, String.raw`(path "\\\\FS01\\in")`], ['send FILE, SMTP', String.raw`send FILE (path "\\\\fsnn.contoso.com\\out"), SMTP`]]);
        const result = await validateWorkspace({ 'inventory.bizha': inventory, 'group.bizha': group });
        const hits = withCode(result.get('group.bizha')!, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(group, 'host ReceiveHost', 'FILE'));
        expect(hits[0].message).toContain('the single computer FS01');
        expect(hits[0].relatedInformation?.map(r => [r.message, r.location.uri])).toEqual([['FS01 declared here', 'file:///workspace/inventory.bizha']]);
        expect(withCode(result.get('inventory.bizha')!, ID)).toEqual([]);
    });

    test('availability standard lowers it to a warning', async () => {
        const text = receivePath(String.raw`\\\\FS01\\in`, variant([['edition enterprise', 'edition enterprise\n    availability standard']]));
        expect(withCode((await validate(text)).diagnostics, ID).map(severityOf)).toEqual(['warning']);
    });

    test('does not fire for a clustered file server, an undeclared server, a local path or a backup share', async () => {
        const clustered = receivePath(String.raw`\\\\FSCL\\in`, variant([['computer DR01', 'computer DR01\n    cluster FSCL { nodes FS01, FS02 }']]));
        expect(withCode((await validate(clustered)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(receivePath(String.raw`D:\\Inbound`))).diagnostics, ID)).toEqual([]);
        // The clean group backs up SSO and the BizTalk databases to \\fs01: declared, it is a file server no handler uses.
        expect(withCode((await validate(variant([['computer DR01', 'computer DR01, FS01']]))).diagnostics, ID)).toEqual([]);
    });
});
