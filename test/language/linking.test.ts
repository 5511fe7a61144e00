import { describe, expect, test } from 'vitest';
import { describe as show, validate, validateWorkspace } from '../helpers.js';

const linkingErrors = <T extends { data?: unknown }>(diagnostics: T[]) => diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error');

describe('scoping and linking', () => {
    test('top-level declarations resolve from another file of the workspace', async () => {
        const result = await validateWorkspace({
            'inventory.bizha': 'computer BTS01, BTS02, SQL01, SQL02\ncluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc }\nsql BTSSQL on SQLCL\n',
            'group.bizha': 'group G {\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB on BTSSQL\n    host H { send SMTP  instances on BTS01, BTS02 }\n}\n'
        });
        expect(linkingErrors(result.get('group.bizha')!).map(show)).toEqual([]);
        expect(result.get('inventory.bizha')!.map(show)).toEqual([]);
    });

    test('group members are visible only inside their group', async () => {
        const { diagnostics } = await validate('group A { computer BTS01 }\ngroup B { host H { send SMTP  instances on BTS01 } }\n');
        const errors = linkingErrors(diagnostics);
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toBe("No computer named 'BTS01' is declared in this group or at the top level of a .bizha file in the workspace.");
        expect(errors[0].range.start).toEqual({ line: 1, character: 'group B { host H { send SMTP  instances on '.length });
    });

    test('an unresolved reference names what may be missing', async () => {
        const { diagnostics } = await validate('group G {\n    sql S on Nowhere\n    databases BizTalkMgmtDb on Missing\n    sso { master-secret-server on Gone }\n    nlb N { fronts NoHost }\n}\n');
        expect(linkingErrors(diagnostics).map(d => d.message)).toEqual([
            "No computer or cluster named 'Nowhere' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No SQL instance or availability group named 'Missing' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No computer or cluster named 'Gone' is declared in this group or at the top level of a .bizha file in the workspace.",
            "No host named 'NoHost' is declared in this group."
        ]);
    });

    test('duplicate names in a scope are errors; other kinds may share a name', async () => {
        const { diagnostics } = await validate('group G {\n    computer BTS01, BTS01\n    cluster BTS01 { }\n    sql SQL01 on BTS01\n    computer SQL01\n}\n');
        const duplicates = diagnostics.filter(d => d.code === 'bizha-duplicate-name');
        expect(duplicates.map(d => d.range.start.line)).toEqual([1, 2]);
    });

    test('the same top-level name in two files is an error in both', async () => {
        const result = await validateWorkspace({ 'a.bizha': 'computer BTS01\n', 'b.bizha': 'computer BTS01\n' });
        for (const file of ['a.bizha', 'b.bizha']) {
            const duplicates = result.get(file)!.filter(d => d.code === 'bizha-duplicate-name');
            expect(duplicates).toHaveLength(1);
            expect(duplicates[0].message).toContain(file === 'a.bizha' ? 'b.bizha' : 'a.bizha');
        }
    });

    test('a group member may reuse a top-level name and wins inside the group', async () => {
        const result = await validateWorkspace({
            'inventory.bizha': 'computer BTS01\n',
            'group.bizha': 'group G { computer BTS01 { msdtc off }  host H { send SMTP  instances on BTS01 } }\n'
        });
        const group = result.get('group.bizha')!;
        expect(linkingErrors(group)).toEqual([]);
        // The local computer (msdtc off) is the one the host runs on.
        expect(group.some(d => d.code === 'HA-MSDTC-NETWORK')).toBe(true);
    });
});
