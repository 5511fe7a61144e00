import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DOM-BUILTIN';

const account = (value: string) => variant([['account CONTOSO\\svc-bts', `account ${value}`]]);

describe(ID, () => {
    test('fires on a host account that is a built-in identity', async () => {
        const text = account('NetworkService');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'host ReceiveHost'));
        expect(found[0].message).toContain('host account');
        expect(found[0].message).toContain('NetworkService');
    });

    test('fires for LocalSystem and LocalService too', async () => {
        expect(withCode((await validate(account('LocalSystem'))).diagnostics, ID)).toHaveLength(1);
        expect(withCode((await validate(account('LocalService'))).diagnostics, ID)).toHaveLength(1);
    });

    test('does not fire on domain or local accounts', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(account('BTS01\\svc-bts'))).diagnostics, ID)).toEqual([]);
    });

    test('does not fire when the whole group runs on one computer', async () => {
        const text = `group Solo {
    computer BOX
    sql LOCALSQL on BOX { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    host Main { receive FILE  tracking  instances on BOX  account NetworkService }
}`;
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
