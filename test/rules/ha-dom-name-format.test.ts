import { describe, expect, test } from 'vitest';
import { rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DOM-NAME-FORMAT';

describe(ID, () => {
    test('a user principal name is a warning on the account, suggesting the NetBIOS form the group already uses', async () => {
        const text = variant([['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01, BTS02  account svc-orch@contoso.com }']]);
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host ProcessingHost', 'svc-orch@contoso.com'));
        expect(hits[0].message).toContain('svc-orch@contoso.com (host account) is written as a user principal name');
        expect(hits[0].message).toContain('Write it as CONTOSO\\svc-orch');
    });

    test('a DNS domain name before the backslash is reported too', async () => {
        const text = variant([['administrators CONTOSO\\SSOAdmins', 'administrators contoso.com\\SSOAdmins'], ['account CONTOSO\\svc-bts', 'account FABRIKAM\\svc-bts']]);
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('contoso.com\\SSOAdmins (SSO administrators) is written with the DNS domain name');
        expect(hits[0].message).toContain('FABRIKAM\\SSOAdmins');
    });

    test('does not fire on NetBIOS domain accounts or built-in identities', async () => {
        const text = variant([['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01, BTS02  account CONTOSO\\svc-orch  windows-group CONTOSO\\BizTalkUsers }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
