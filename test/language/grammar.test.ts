import { describe, expect, test } from 'vitest';
import * as ast from '../../language/generated/ast.js';
import { validate } from '../helpers.js';

/** Every construct of the language reference, in one file. */
const everyConstruct = `// line comment
/* block
   comment */
computer INV01, INV02 { site DC1 msdtc on }, INV03 { msdtc off site DC2 }
cluster INVCL { nodes INV01, INV02  storage SAN9  msdtc  msmq  iis }
sql INVSQL on INVCL { edition standard  version 2016 sp 2 cu 7 }
sql INVSQL2 on INV03
nlb INVNLB { kind hardware  members INV01, INV02 }

group Full {
    version 2013 r2 cu 3
    version 2016
    version 2020 cu 6
    edition enterprise
    edition standard
    edition branch
    edition developer
    availability high
    availability standard

    computer BTS01, BTS02 { site DC1 }
    cluster BTSCL { nodes BTS01, BTS02  msdtc }
    nlb Web { kind windows  members BTS01, BTS02  fronts Iso }
    sql LOCALSQL on BTSCL {
        edition enterprise
        version 2019 cu 20
        databases BizTalkMgmtDb, messagebox BizTalkMsgBoxDb, management Mgmt2, tracking Dta2, sso Sso2, rules Rules2, bam BAMPrimaryImport, Custom1
    }
    availability-group AG1 {
        replicas LOCALSQL synchronous, INVSQL asynchronous, INVSQL2
        listener AGL port 1433
        listener AGL2
        dtc-support per-database
        dtc-support none
        databases SSISDB
    }
    sso {
        master-secret-server on BTSCL
        master-secret-server on INV03
        backup "\\\\\\\\fs01\\\\sso \\"quoted\\""
        administrators CONTOSO\\SSOAdmins
        administrators LocalSystem
    }
    host Recv in-process {
        receive FILE (path "C:\\\\in"), FTP (ordered, remote-queue, non-transactional, shared-mailbox), msmq, sql, WCF-NetTcp
        send SMTP
        orchestrations
        tracking
        bitness 32
        bitness 64
        clustered on BTSCL
        instances on BTS01, BTS02 (disabled)
        account .\\svc
        windows-group NetworkService
    }
    host Iso isolated { receive HTTP  instances on BTS01, BTS02  account LocalService }
    backup-job { destination "\\\\\\\\fs01\\\\bak"  log-shipping to INVSQL2  log-shipping to INVSQL }
    databases BAMArchive, messagebox Box3 on INVSQL2
    databases EsbItineraryDb on AG1
}
`;

describe('the grammar', () => {
    test('accepts every construct of the reference without a syntax or reference error', async () => {
        const { document, diagnostics } = await validate(everyConstruct);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.filter(d => d.code === undefined || String(d.code).startsWith('bizha-'))).toEqual([]);
        const model = document.parseResult.value;
        expect(model.declarations.map(d => d.$type)).toEqual(['ComputerDecl', 'Cluster', 'SqlInstance', 'SqlInstance', 'Nlb', 'Group']);
        const group = model.declarations.find(ast.isGroup)!;
        const host = group.members.filter(ast.isHost)[0];
        const receive = host.properties.find(ast.isReceiveHandlers)!;
        expect(receive.handlers.map(h => h.adapter)).toEqual(['FILE', 'FTP', 'msmq', 'sql', 'WCF-NetTcp']);
        expect(receive.handlers[0].options[0].path).toBe('C:\\in');
        expect(receive.handlers[1].options.map(o => o.flag)).toEqual(['ordered', 'remote-queue', 'non-transactional', 'shared-mailbox']);
        const sso = group.members.find(ast.isSso)!;
        expect(sso.properties.find(ast.isSsoBackup)!.location).toBe('\\\\fs01\\sso "quoted"');
        expect(sso.properties.filter(ast.isSsoAdministrators).map(a => a.account)).toEqual(['CONTOSO\\SSOAdmins', 'LocalSystem']);
        const version = group.members.filter(ast.isVersionSetting)[0];
        expect([version.year, version.r2, version.cu]).toEqual([2013, true, 3]);
        const databases = group.members.find(ast.isSqlInstance)!.properties.find(ast.isDatabaseList)!.databases;
        expect(databases.map(d => [d.kind, d.name])).toEqual([
            [undefined, 'BizTalkMgmtDb'], ['messagebox', 'BizTalkMsgBoxDb'], ['management', 'Mgmt2'], ['tracking', 'Dta2'],
            ['sso', 'Sso2'], ['rules', 'Rules2'], ['bam', 'BAMPrimaryImport'], [undefined, 'Custom1']
        ]);
        const replicas = group.members.find(ast.isAvailabilityGroup)!.properties.find(ast.isAgReplicas)!.replicas;
        expect(replicas.map(r => r.commit)).toEqual(['synchronous', 'asynchronous', undefined]);
        expect(host.properties.find(ast.isInstances)!.instances.map(i => i.disabled)).toEqual([false, true]);
    });

    test('keywords are case-sensitive: Host is not host', async () => {
        const { document } = await validate('group G { Host H { } }');
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
    });

    test('hyphenated keywords are keywords, hyphenated names are names', async () => {
        const { document } = await validate('group G { computer SQL-01  host WCF-Host in-process { receive WCF-NetTcp  instances on SQL-01 } }');
        expect(document.parseResult.parserErrors).toEqual([]);
        const host = document.parseResult.value.declarations.find(ast.isGroup)!.members.find(ast.isHost)!;
        expect([host.name, host.hostType]).toEqual(['WCF-Host', 'in-process']);
    });

    test('a string with an escape other than \\\\ and \\" gets a located error, and the file still parses', async () => {
        const { document, diagnostics } = await validate('group G { backup-job { destination "C:\\temp" } }');
        expect(document.parseResult.parserErrors).toEqual([]);
        const escape = diagnostics.filter(d => d.code === 'bizha-string-escape');
        expect(escape).toHaveLength(1);
        expect(escape[0].range.start).toEqual({ line: 0, character: 35 });
        expect(escape[0].message).toContain('\\t');
    });

    test('quotes and escapes in comments are not strings; an escaped backslash before a letter is no bad escape', async () => {
        const text = [
            '// a lone " in a comment, and "C:\\temp" quoted in one',
            '/* "\\q" */ group G {',
            '    backup-job { destination "\\\\\\\\fs01\\\\temp" }',
            '    sso { backup "D:\\sso" }',
            '}'
        ].join('\n');
        const { diagnostics } = await validate(text);
        const escape = diagnostics.filter(d => d.code === 'bizha-string-escape');
        // Only the `\s` of "D:\sso" on line 4; `\\temp` is an escaped backslash followed by "temp".
        expect(escape.map(d => [d.range.start.line, d.range.start.character])).toEqual([[3, 17]]);
        expect(escape[0].message).toContain('\\s');
    });

    test('bitness and version values outside the reference are located errors', async () => {
        const { diagnostics } = await validate('group G { version 2015  version 2016 r2  host H { bitness 16 } }');
        expect(diagnostics.filter(d => d.code === 'bizha-version')).toHaveLength(2);
        expect(diagnostics.filter(d => d.code === 'bizha-bitness')).toHaveLength(1);
    });
});

describe('error recovery', () => {
    test('a broken member does not hide the members after it', async () => {
        const { document } = await validate(`group G {
    computer BTS01, BTS02
    host Broken { receive  instances on }
    host Good { send SMTP  instances on BTS01, BTS02 }
}`);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const group = document.parseResult.value.declarations.find(ast.isGroup)!;
        expect(group.members.filter(ast.isHost).map(h => h.name)).toContain('Good');
    });

    test('a missing closing brace still yields the group and its hosts', async () => {
        const { document, diagnostics } = await validate('group G {\n    computer BTS01\n    host H { send SMTP  instances on BTS01 }\n');
        const group = document.parseResult.value.declarations.find(ast.isGroup)!;
        expect(group.members.filter(ast.isHost).map(h => h.name)).toEqual(['H']);
        // The analysis still runs on what was typed.
        expect(diagnostics.some(d => d.code === 'HA-HOST-SPOF')).toBe(true);
    });

    test('a top-level sql that lists databases is an error that shows the placement to write', async () => {
        const { diagnostics } = await validate('computer S1\nsql X on S1 { databases BizTalkMgmtDb, SSODB }\n');
        const found = diagnostics.filter(d => d.code === 'bizha-top-level-databases');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('databases BizTalkMgmtDb, SSODB on X');
    });
});
