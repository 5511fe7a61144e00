import { describe, expect, test } from 'vitest';
import { clusteredBase, rangeStart, startOf, withHost } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-ORDERED-SEND';

/** The clean group with a BizTalk cluster and one more host. */
const withClusteredHost = (host: string) => withHost(host, clusteredBase);

describe(ID, () => {
    test('an ordered send in a host clustered for nothing else is information, on the handler', async () => {
        const text = withClusteredHost('host OrderedSend { send WCF-BasicHttp (ordered)  clustered on BTSCL  instances on BTS01, BTS02 }');
        const { diagnostics } = await validate(text);
        const hits = withCode(diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host OrderedSend', 'WCF-BasicHttp'));
        expect(hits[0].message).toContain('send WCF-BasicHttp (ordered) on OrderedSend');
        expect(hits[0].message).toContain('does not need a clustered host');
        expect(hits[0].message).toContain('Remove `clustered on` from OrderedSend');
        // One finding for one cause: HA-CLHOST-UNNEEDED leaves this host to HA-ORDERED-SEND.
        expect(withCode(diagnostics, 'HA-CLHOST-UNNEEDED')).toEqual([]);
    });

    test('reports each ordered send of the host', async () => {
        const hits = withCode((await validate(withClusteredHost('host OrderedSend { send FILE (ordered), SMTP, WCF-SQL (ordered)  clustered on BTSCL  instances on BTS01, BTS02 }'))).diagnostics, ID);
        expect(hits.map(h => h.message.slice(0, h.message.indexOf(':')))).toEqual(['send FILE (ordered) on OrderedSend', 'send WCF-SQL (ordered) on OrderedSend']);
    });

    test('does not fire when another handler justifies the cluster', async () => {
        const text = withClusteredHost('host FtpAndOrdered { receive FTP  send FILE (ordered)  bitness 32  clustered on BTSCL  instances on BTS01, BTS02 }');
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
        const msmq = withClusteredHost('host MsmqSend { send MSMQ (ordered)  clustered on BTSCL  instances on BTS01, BTS02 }');
        expect(withCode((await validate(msmq)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire for an ordered send in a scaled-out host, nor for an unordered send in a clustered one', async () => {
        expect(withCode((await validate(withClusteredHost('host OrderedSend { send FILE (ordered)  instances on BTS01, BTS02 }'))).diagnostics, ID)).toEqual([]);
        const { diagnostics } = await validate(withClusteredHost('host ClSend { send SMTP  clustered on BTSCL  instances on BTS01, BTS02 }'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-CLHOST-UNNEEDED')).toHaveLength(1);
    });
});
