import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';
import { applyFix, getFixes } from '../fixes/fix-helpers.js';

const ID = 'HA-DOM-GROUPS';

const account = (value: string) => variant([['account CONTOSO\\svc-bts', `account ${value}`]]);
// Everything on one computer: local accounts are acceptable there.
const oneComputer = String.raw`group Solo {
    computer BOX
    sql LOCALSQL on BOX { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    host Main { receive FILE  tracking  instances on BOX  account BOX\svc-bts  windows-group .\BizTalkUsers }
}`;

describe(ID, () => {
    test('fires on a host account local to one computer of a multi-computer group', async () => {
        const text = account('BTS01\\svc-bts');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'host ReceiveHost'));
        expect(found[0].message).toContain('BTS01\\svc-bts');
        expect(found[0].message).toContain('domain');
    });

    test('fires on a .\\ Windows group and on local SSO administrators', async () => {
        const group = variant([['host ProcessingHost { orchestrations ', 'host ProcessingHost { orchestrations windows-group .\\BizTalkUsers ']]);
        expect(withCode((await validate(group)).diagnostics, ID)).toHaveLength(1);
        const sso = variant([['administrators CONTOSO\\SSOAdmins', 'administrators .\\SSOAdmins']]);
        expect(withCode((await validate(sso)).diagnostics, ID)).toHaveLength(1);
    });

    test('fires on a quoted group without a domain part and on a per-instance local account; the fix keeps the quotes', async () => {
        const text = variant([
            ['host ProcessingHost { orchestrations ', 'host ProcessingHost { orchestrations windows-group "BizTalk Application Users" '],
            ['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  instances on BTS01 (account .\\svc), BTS02 }']
        ]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(d => d.message.slice(0, d.message.indexOf(' is a local')))).toEqual(['BizTalk Application Users', '.\\svc']);
        const fixed = [];
        for (const diagnostic of found) {
            const [fix] = await getFixes(text, diagnostic);
            fixed.push(applyFix(text, fix));
        }
        expect(fixed[0]).toContain('windows-group "CONTOSO\\\\BizTalk Application Users"');
        expect(fixed[1]).toContain('BTS01 (account CONTOSO\\svc)');
        for (const after of fixed) expect(withCode((await validate(after)).diagnostics, ID)).toHaveLength(1);
    });

    test('does not fire on user principal names or DNS domain names (HA-DOM-NAME-FORMAT concerns them)', async () => {
        expect(withCode((await validate(account('svc@contoso.com'))).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(account('contoso.com\\svc'))).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on domain accounts', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on built-in identities (HA-DOM-BUILTIN reports them)', async () => {
        const { diagnostics } = await validate(account('NetworkService'));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-DOM-BUILTIN')).toHaveLength(1);
    });

    test('does not fire when the whole group runs on one computer', async () => {
        expect(withCode((await validate(oneComputer)).diagnostics, ID)).toEqual([]);
    });
});
