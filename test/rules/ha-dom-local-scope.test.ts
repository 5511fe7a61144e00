import { describe, expect, test } from 'vitest';
import { rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DOM-LOCAL-SCOPE';
const withGroup = (group: string) => variant([['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', `host ProcessingHost { orchestrations  instances on BTS01, BTS02  windows-group ${group} }`]]);

describe(ID, () => {
    test('a Domain Local group in a single-domain group is information, on the group name', async () => {
        const text = withGroup('CONTOSO\\BizTalkUsers (domain-local)');
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'host ProcessingHost', 'CONTOSO\\BizTalkUsers'));
        expect(hits[0].message).toContain('CONTOSO\\BizTalkUsers is a Domain Local group');
        expect(hits[0].message).toContain('Prefer a Global group');
    });

    test('with accounts of several domains it is a warning', async () => {
        const text = variant([['account CONTOSO\\svc-bts', 'account FABRIKAM\\svc-bts']], withGroup('CONTOSO\\BizTalkUsers (domain-local)'));
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(severityOf)).toEqual(['warning']);
        expect(hits[0].message).toContain('2 domains (CONTOSO and FABRIKAM)');
    });

    test('does not fire on a global group', async () => {
        expect(withCode((await validate(withGroup('CONTOSO\\BizTalkUsers'))).diagnostics, ID)).toEqual([]);
    });
});
