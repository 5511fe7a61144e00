import { describe, expect, test } from 'vitest';
import { clusteredBase, variant, withHost } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-RECV-MUST-CLUSTER';

const findings = findingsOf(ID);

function handlerAt(text: string, host: string, adapter: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(host));
    return [line, lines[line].indexOf(adapter)];
}

describe(ID, () => {
    test('FTP receive scaled out over two computers is an error (duplicate messages), on the handler', async () => {
        const text = withHost('host FtpHost { receive FTP  bitness 32  instances on BTS01, BTS02 }');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect([hits[0].range.start.line, hits[0].range.start.character]).toEqual(handlerAt(text, 'host FtpHost', 'FTP'));
        expect(hits[0].message).toContain('receive FTP on FtpHost');
        expect(hits[0].message).toContain('BTS01 and BTS02');
        expect(hits[0].message).toContain('duplicate');
    });

    test('SFTP receive in a single instance is an error (single point of failure)', async () => {
        const hits = await findings(withHost('host SftpHost { receive SFTP  instances on BTS02 }'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].message).toContain('receive SFTP on SftpHost runs only on BTS02');
        expect(hits[0].message).toContain('clustered host');
    });

    test('availability standard lowers it to a warning', async () => {
        const text = withHost('host SftpHost { receive SFTP  instances on BTS02 }', variant([['edition enterprise', 'edition enterprise\n    availability standard']]));
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
    });

    test('does not fire for FTP receive in a clustered host with instances on every node', async () => {
        expect(await findings(withHost('host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }', clusteredBase))).toEqual([]);
    });

    test('does not fire for FTP send, which scales out', async () => {
        expect(await findings(withHost('host FtpSend { send FTP, SFTP  bitness 32  instances on BTS01, BTS02 }'))).toEqual([]);
    });

    test('does not fire for a host with no enabled instance (HA-HOST-NO-INSTANCES)', async () => {
        const { diagnostics } = await validate(withHost('host FtpHost { receive FTP  bitness 32  instances on BTS01 (disabled) }'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-NO-INSTANCES')).toHaveLength(1);
    });
});
