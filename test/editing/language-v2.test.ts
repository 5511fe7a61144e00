import { clearDocuments, expectCompletion, expectSemanticToken, expectSymbols, highlightHelper, parseDocument } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind, type CompletionItem, type CompletionList, type DocumentSymbol, type Hover } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expandSnippet } from '../../server/lsp/bizha-snippets.js';
import { validate } from '../helpers.js';
import { createEditingServices, offsetOf, position, workspace } from './editing.js';

/** Editing features on the constructs of language version 2 (docs/language.md, "Version 2"). */

const services = createEditingServices();
const completion = expectCompletion(services);
const highlight = highlightHelper(services);

afterEach(() => clearDocuments(services.shared));

async function complete(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await completion({ text, index: 0, assert: (list: CompletionList) => { items = list.items; }, disposeAfterCheck: true });
    return items;
}

const keywordLabels = (items: CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label).sort();
const otherLabels = (items: CompletionItem[]) => items.filter(i => i.kind !== CompletionItemKind.Keyword && i.kind !== CompletionItemKind.Snippet).map(i => i.label).sort();

async function hoverIn(text: string, needle: string, delta = 0): Promise<string> {
    const document = (await workspace(services, { 'topology.bizha': text })).get('topology.bizha')!;
    const result: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, position(document, offsetOf(text, needle, delta)));
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

async function format(text: string): Promise<string> {
    const document = await parseDocument(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 0, text), edits);
}

/** A formatted group using every version 2 construct; it stands for the layout the formatter produces. */
const formattedV2 = `queue-manager TOPQM on MQ01

group V2 {
    receive-location-fault-tolerance on

    // Virtual machines on two hypervisors.
    computer BTS01 { os 2019  hypervisor HV1  sql-alias AG1 }, BTS02 { os 2012 r2  hypervisor HV2  sql-alias AG1 }
    computer WEB01 {
        zone perimeter
        os 2022
    }
    computer SQL01, SQL02

    cluster MQCL {
        nodes BTS01, BTS02
        network-name MQCLNN
        witness file-share
    }

    sql SQLA on SQL01 { agent stopped  preferred-owner SQL02  server-name "SQL01\\\\A,1533" }
    sql SQLB on SQL02

    availability-group AG1 {
        replicas SQLA synchronous, SQLB synchronous
        listener AGL port 1533 subnets 1
        jobs-and-logins replicated
        databases BizTalkMsgBoxDb (recovery full, publication off), BizTalkMgmtDb (mirrored, sql-log-shipping, vss)
    }

    sso { master-secret-server on MQCL preferred-owner BTS02 }

    bam {
        portal on BTS01, BTS02
        event-bus on BTS01, BTS02
        backup "\\\\\\\\fs01\\\\bam"
    }

    queue-manager QM1 on MQCL

    host Mq {
        receive MQSeries (queue-manager QM1), "Windows SharePoint Services", WCF-NetTcp (lease-timeout 30)
        instances on BTS01 (account CONTOSO\\svc1), BTS02 (disabled, account svc2@contoso.com)
        windows-group CONTOSO\\BizTalkUsers (domain-local)
        windows-group "BizTalk Application Users"
    }

    nlb Web { members BTS01, BTS02  fronts Mq, bam-portal }
}
`;

describe('completion of version 2 constructs', () => {
    test('computer, cluster, SQL and availability group properties include the version 2 keywords', async () => {
        expect(keywordLabels(await complete('group G { computer A { <|> } }'))).toEqual(['hypervisor', 'msdtc', 'os', 'site', 'sql-alias', 'zone']);
        expect(keywordLabels(await complete('group G { cluster C { <|> } }'))).toEqual(expect.arrayContaining(['network-name', 'witness']));
        expect(keywordLabels(await complete('group G { computer A  sql S on A { <|> } }'))).toEqual(['agent', 'databases', 'edition', 'preferred-owner', 'server-name', 'version']);
        expect(keywordLabels(await complete('group G { availability-group AG { <|> } }'))).toEqual(expect.arrayContaining(['jobs-and-logins', 'listener']));
        expect(keywordLabels(await complete('group G { cluster C { witness <|> } }'))).toEqual(['cloud', 'disk', 'file-share']);
    });

    test('group members include bam, queue-manager and the fault tolerance setting, each described', async () => {
        const items = await complete('group G { <|> }');
        expect(keywordLabels(items)).toEqual(expect.arrayContaining(['bam', 'queue-manager', 'receive-location-fault-tolerance']));
        expect(items.find(i => i.label === 'bam' && i.kind === CompletionItemKind.Keyword)!.detail).toContain('BAM');
        expect(items.find(i => i.label === 'receive-location-fault-tolerance')!.detail).toContain('2020');
    });

    test('options inside parentheses: database, handler, instance and Windows group options', async () => {
        expect(keywordLabels(await complete('group G { computer A  sql S on A { databases X (<|> } }'))).toEqual(['mirrored', 'publication', 'recovery', 'sql-log-shipping', 'vss']);
        expect(keywordLabels(await complete('group G { host H { receive FILE (<|> } }'))).toEqual(expect.arrayContaining(['lease-timeout', 'queue-manager']));
        expect(keywordLabels(await complete('group G { computer A  host H { instances on A (<|> } }'))).toEqual(['account', 'disabled']);
        expect(keywordLabels(await complete('group G { host H { windows-group CONTOSO\\G (<|> } }'))).toEqual(['domain-local']);
    });

    test('references complete with the elements they may name', async () => {
        const topology = (cursorLine: string) => `group G {
    computer BTS01, BTS02
    cluster CL { nodes BTS01, BTS02 }
    sql S on BTS01
    availability-group AG1 { replicas S }
    queue-manager QM1 on CL
    ${cursorLine}
}`;
        expect(otherLabels(await complete(topology('computer C { sql-alias <|> }')))).toEqual(['AG1']);
        expect(otherLabels(await complete(topology('sql T on BTS02 { preferred-owner <|> }')))).toEqual(['BTS01', 'BTS02']);
        expect(otherLabels(await complete(topology('queue-manager QM2 on <|>')))).toEqual(['BTS01', 'BTS02', 'CL']);
        expect(otherLabels(await complete(topology('host H { receive MQSeries (queue-manager <|>) }')))).toEqual(['QM1']);
        expect(otherLabels(await complete(topology('bam { portal on <|> }')))).toEqual(['BTS01', 'BTS02']);
        const fronts = await complete(topology('host Web isolated { receive HTTP }  nlb N { fronts <|> }'));
        expect(fronts.map(i => i.label)).toEqual(expect.arrayContaining(['Web', 'bam-portal']));
    });

    test('version 2 words that may be names are not offered where a name goes', async () => {
        const items = await complete('group G { computer agent, portal  host H { instances on <|> } }');
        expect(keywordLabels(items)).toEqual([]);
        expect(otherLabels(items)).toEqual(['agent', 'portal']);
    });
});

describe('hover on version 2 keywords', () => {
    test('every version 2 keyword has glossary text with a Microsoft Learn source', async () => {
        for (const [needle, term] of [
            ['receive-location-fault-tolerance', 'Receive location fault tolerance'], ['os 2019', 'Windows Server version'], ['zone', 'Network zone'],
            ['hypervisor HV1', 'Hypervisor'], ['sql-alias', 'SQL Server alias'], ['network-name', 'Cluster network name'], ['witness', 'Quorum witness'],
            ['agent', 'SQL Server Agent'], ['preferred-owner SQL02', 'Preferred owner'], ['server-name', 'SQL network name'],
            ['subnets', 'Listener subnets'], ['jobs-and-logins', 'Jobs and logins'], ['recovery', 'Recovery model'], ['publication', 'Replication publication'],
            ['mirrored', 'Database mirroring'], ['sql-log-shipping', 'SQL Server log shipping'], ['vss', 'Volume Shadow Copy'],
            ['bam {', 'Business Activity Monitoring'], ['portal on', 'BAM portal'], ['event-bus', 'BAM Event Bus'], ['backup "', 'BAM backup'],
            ['queue-manager QM1 on', 'IBM MQ queue manager'], ['queue-manager QM1)', 'IBM MQ queue manager'], ['lease-timeout', 'Lease timeout'],
            ['domain-local', 'Domain local group'], ['bam-portal', 'BAM portal']
        ] as const) {
            const text = await hoverIn(formattedV2, needle);
            expect(text, needle).toContain(`**${term}`);
            expect(text, needle).toMatch(/\(https:\/\/learn\.microsoft\.com\/en-us\/biztalk\/[a-z0-9/-]+\)/);
        }
    });

    test('the catalog\'s hover-only advice appears on the keyword it concerns', async () => {
        const text = `group G {
    computer A, B
    cluster CL { nodes A, B  storage SAN1  msdtc }
    sql S on CL { databases BizTalkMsgBoxDb }
    availability-group AG { replicas S }
    sso { master-secret-server on CL }
    host H isolated { clustered on CL  instances on A, B  account CONTOSO\\svc }
    backup-job { destination "\\\\\\\\fs\\\\b" }
}`;
        const expectations: Array<[string, string, number?]> = [
            ['sql S', 'HA-PLATFORM-FIRST'], ['sql S', 'isolated host instances pause'], ['clustered on', 'HA-CLHOST-DEFAULTS'],
            ['master-secret-server', 'HA-SSO-GENERIC-SERVICE'], ['master-secret-server', 'HA-SSO-MANUAL-PROMOTION'],
            ['availability-group', 'HA-AG-VS-FCI'], ['msdtc', 'HA-MSDTC-SCOPE'], ['account', 'HA-DOM-SHARED-ACCOUNT'],
            ['isolated', 'HA-ISOLATED-STOP'], ['backup-job', 'HA-DR-TESTING'], ['storage', 'HA-DB-STORAGE'], ['databases', 'HA-DB-SPLIT-HINT']
        ];
        for (const [needle, id] of expectations) expect(await hoverIn(text, needle), `${id} on ${needle}`).toContain(id);
    });

    test('accounts in the new forms are explained', async () => {
        expect(await hoverIn(formattedV2, 'svc2@contoso.com')).toContain('user principal name');
        expect(await hoverIn(formattedV2, 'svc2@contoso.com')).toContain('instance of host Mq on BTS02');
        expect(await hoverIn(formattedV2, '"BizTalk Application Users"', 2)).toContain('**local**');
        expect(await hoverIn(formattedV2, 'CONTOSO\\BizTalkUsers')).toContain('(domain local)');
    });

    test('a queue manager name shows where it runs and which handlers use it', async () => {
        const text = await hoverIn(formattedV2, 'QM1 on');
        expect(text).toContain('IBM MQ queue manager on cluster');
        expect(text).toContain('receive MQSeries on `Mq`');
    });
});

describe('formatting version 2 constructs', () => {
    test('a formatted version 2 file is left as it is', async () => {
        const { document } = await validate(formattedV2);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(await format(formattedV2)).toBe(formattedV2);
    });

    test('badly spaced version 2 blocks get the layout of the old ones, comments kept, idempotent', async () => {
        const messy = formattedV2
            .replace('    bam {\n        portal on BTS01, BTS02', '  bam   {\n portal   on BTS01 ,BTS02 // web tier')
            .replace('listener AGL port 1533 subnets 1', 'listener   AGL  port 1533   subnets  1')
            .replace('BizTalkMsgBoxDb (recovery full, publication off)', 'BizTalkMsgBoxDb ( recovery  full ,publication off )')
            .replace('    queue-manager QM1 on MQCL', 'queue-manager   QM1   on MQCL')
            .replace('BTS02 (disabled, account svc2@contoso.com)', 'BTS02 ( disabled , account   svc2@contoso.com )');
        expect(messy).not.toBe(formattedV2);
        const once = await format(messy);
        expect(await format(once)).toBe(once);
        expect(once).toBe(formattedV2.replace('portal on BTS01, BTS02', 'portal on BTS01, BTS02 // web tier'));
    });
});

describe('highlighting, outline and snippets', () => {
    test('queue manager declarations and references get their own token type', async () => {
        const result = await highlight(`group G {
    computer BTS01
    availability-group AG { }
    queue-manager <|QM1|> on <|BTS01|>
    computer C { sql-alias <|AG|> }
    sql S on BTS01 { preferred-owner <|BTS01|> }
    host H { receive MQSeries (queue-manager <|QM1|>) }
    bam { portal on <|BTS01|> }
}`);
        [SemanticTokenTypes.enum, SemanticTokenTypes.variable, SemanticTokenTypes.type, SemanticTokenTypes.variable, SemanticTokenTypes.enum, SemanticTokenTypes.variable]
            .forEach((tokenType, rangeIndex) => expectSemanticToken(result, { rangeIndex, tokenType }));
    });

    test('the outline lists queue managers and BAM with what they are', async () => {
        await expectSymbols(services)({
            text: formattedV2,
            disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => {
                expect(symbols.map(s => s.name)).toEqual(['TOPQM', 'V2']);
                expect(symbols[0]).toMatchObject({ kind: SymbolKind.Enum, detail: 'IBM MQ queue manager on MQ01' });
                const children = symbols[1].children!;
                const bam = children.find(c => c.name === 'bam')!;
                expect(bam).toMatchObject({ kind: SymbolKind.Object, detail: 'BAM: portal on BTS01, BTS02 · event bus on BTS01, BTS02' });
                expect(children.find(c => c.name === 'QM1')).toMatchObject({ kind: SymbolKind.Enum, detail: 'IBM MQ queue manager on cluster MQCL' });
                expect(children.find(c => c.name === 'Web')!.detail).toBe('load balancer fronting Mq, the BAM portal');
            }
        });
    });

    test('the BAM snippet fills in the group\'s BizTalk computers and parses without errors', async () => {
        const items = await complete('group G {\n    computer BTS01, BTS02\n    host H { instances on BTS01, BTS02 }\n    <|>\n}');
        const snippet = items.find(i => i.kind === CompletionItemKind.Snippet && i.label.startsWith('bam'))!;
        const inserted = expandSnippet(snippet.insertText!);
        expect(inserted).toBe('bam {\n    portal on BTS01, BTS02\n    event-bus on BTS01, BTS02\n    backup "\\\\\\\\fs01\\\\bam"\n}');
        const { document, diagnostics } = await validate(`group G {\n    computer BTS01, BTS02\n    host H { instances on BTS01, BTS02 }\n    ${inserted}\n}`);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.filter(d => String(d.code ?? '').startsWith('bizha-') || d.code === undefined)).toEqual([]);
    });

    test('the availability group snippet records the listener and the replicated jobs and logins', async () => {
        const items = await complete('group G {\n    <|>\n}');
        const snippet = items.find(i => i.kind === CompletionItemKind.Snippet && i.label.startsWith('availability-group'))!;
        const inserted = expandSnippet(snippet.insertText!);
        expect(inserted).toContain('listener BTSLISTENER port 1433');
        expect(inserted).toContain('jobs-and-logins replicated');
    });
});

describe('rename', () => {
    test('renaming a queue manager changes its declaration and the handlers naming it; names follow the queue manager namespace', async () => {
        const text = 'group G {\n    computer BTS01\n    queue-manager QM1 on BTS01\n    queue-manager QM2 on BTS01\n    host H { receive MQSeries (queue-manager QM1)  instances on BTS01 }\n}\n';
        const document = (await workspace(services, { 'topology.bizha': text })).get('topology.bizha')!;
        const at = position(document, offsetOf(text, 'QM1 on'));
        const rename = (newName: string) => services.lsp.RenameProvider!.rename(document, { ...at, newName });
        await expect(rename('QM2')).rejects.toThrow('a queue manager named QM2 is already declared');
        // Another namespace, and a version 2 word that stays a name, are fine.
        expect((await rename('H'))!.changes![document.uri.toString()]).toHaveLength(2);
        expect((await rename('agent'))!.changes![document.uri.toString()]).toHaveLength(2);
        await expect(rename('bam-portal')).rejects.toThrow('is a keyword');
    });
});
