import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

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
