import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-HOST-BITNESS';

const findings = findingsOf(ID);

const send = 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }';
const ftpSend = (bitness: string) => variant([[send, `host SendHost { send FILE, SMTP, FTP  ${bitness} instances on BTS01, BTS02 }`]]);

describe(ID, () => {
    test('an FTP handler in a 64-bit host of BizTalk 2016 is an error, on the handler', async () => {
        const text = variant([['version 2020 cu 6', 'version 2016 cu 9']], ftpSend(''));
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('host SendHost'));
        expect(hits[0].range.start.line).toBe(line);
        expect(hits[0].range.start.character).toBe(lines[line].indexOf('FTP'));
        expect(hits[0].message).toContain('The FTP adapter is not supported in 64-bit host instances');
        expect(hits[0].message).toContain('SendHost');
        expect(hits[0].message).not.toContain('verify');
    });

    test('is an error for 2013 R2 too', async () => {
        const hits = await findings(variant([['version 2020 cu 6', 'version 2013 r2']], ftpSend('bitness 64 ')));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
    });

    test('is a warning for BizTalk 2020, where the limit is not confirmed', async () => {
        const hits = await findings(ftpSend(''));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(hits[0].message).toContain('verify for 2020');
    });

    test('fires for a POP3 receive handler in an explicitly 64-bit host, once per handler', async () => {
        const text = variant([['    nlb WebFarm', '    host MailHost { receive POP3  send FTP  bitness 64  instances on BTS01, BTS02 }\n    nlb WebFarm'], ['version 2020 cu 6', 'version 2016']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.some(h => h.message.includes('receive POP3 on MailHost'))).toBe(true);
        expect(hits.some(h => h.message.includes('send FTP on MailHost'))).toBe(true);
    });

    test('does not fire for FTP in a 32-bit host, for SFTP, or for the clean group', async () => {
        expect(await findings(variant([['version 2020 cu 6', 'version 2016']], ftpSend('bitness 32 ')))).toEqual([]);
        expect(await findings(variant([[send, 'host SendHost { send FILE, SMTP, SFTP  instances on BTS01, BTS02 }'], ['version 2020 cu 6', 'version 2016']]))).toEqual([]);
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
