import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { TextDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionBacktrackingInformation, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { BizhaCompletionProvider } from '../../server/lsp/bizha-completion-provider.js';
import { expandSnippet } from '../../server/lsp/bizha-snippets.js';
import { cleanGroup } from '../fixtures.js';
import { validate } from '../helpers.js';
import { createEditingServices, offsetOf, position, readExample, workspace } from './editing.js';

const services = createEditingServices();
const completion = expectCompletion(services);

afterEach(() => clearDocuments(services.shared));

/** The completion list at `<|>` (the first marker). */
async function complete(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await completion({ text, index: 0, assert: (list: CompletionList) => { items = list.items; }, disposeAfterCheck: true });
    return items;
}

function sorted(items: CompletionItem[]): CompletionItem[] {
    return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));
}

function labels(items: CompletionItem[]): string[] {
    return sorted(items).map(item => item.label);
}

function item(items: CompletionItem[], label: string): CompletionItem {
    const found = items.find(i => i.label === label);
    if (!found) throw new Error(`no completion item ${label} in ${items.map(i => i.label).join(', ')}`);
    return found;
}

describe('keywords', () => {
    test('inside a host: the host properties, each with a one-line description', async () => {
        const items = await complete('group G { host H { <|> } }');
        const keywords = items.filter(i => i.kind === CompletionItemKind.Keyword);
        expect(keywords.map(i => i.label).sort()).toEqual(['account', 'bitness', 'clustered', 'instances', 'orchestrations', 'receive', 'send', 'tracking', 'windows-group']);
        for (const keyword of keywords) expect(keyword.detail, keyword.label).not.toBe('Keyword');
        expect(item(items, 'tracking').detail).toContain('Allow host tracking');
        expect(item(items, 'clustered').detail).toContain('one active instance');
        expect(item(items, 'instances').documentation).toMatchObject({ kind: 'markdown' });
    });

    test('the same keyword is described by where it stands', async () => {
        const items = await complete('group G { sql S on X { databases <|> } }');
        expect(item(items, 'tracking').detail).toContain('Database kind');
        expect(item(items, 'sso').detail).toContain('Database kind');
        const members = await complete('group G { <|> }');
        expect(item(members, 'sso').detail).toContain('master secret server');
    });

    test('an empty file offers the top-level declarations', async () => {
        const items = await complete('<|>');
        expect(items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label).sort()).toEqual(['cluster', 'computer', 'group', 'nlb', 'queue-manager', 'sql']);
    });
});

describe('references', () => {
    const topology = `group G {
    computer BTS01, BTS02, BTS03
    computer SQL01, SQL02
    cluster SQLCL { nodes SQL01, SQL02 }
    sql BTSSQL on SQLCL
    sql DRSQL on BTS03
    host ReceiveHost { receive FILE  instances on BTS01, BTS02 }
    host Processing { orchestrations  instances on BTS02, <|> }
    backup-job { log-shipping to <|> }
    sso { master-secret-server on <|> }
}`;

    test('inside `instances on`: computers that do not run the host yet first, no computer that only runs SQL Server', async () => {
        const items = await complete(topology);
        expect(labels(items)).toEqual(['BTS01', 'BTS02']);
        expect(item(items, 'BTS01').detail).toBe('BizTalk computer: ReceiveHost');
        expect(item(items, 'BTS02').detail).toBe('BizTalk computer: ReceiveHost, Processing');
        // The icon says the role: a BizTalk computer has the icon of the hosts it runs.
        expect(item(items, 'BTS01').kind).toBe(CompletionItemKind.Class);
    });

    test('elsewhere: BizTalk computers first, SQL computers last, each with the icon of its role', async () => {
        let items: CompletionItem[] = [];
        await completion({ text: topology, index: 2, assert: list => { items = list.items; }, disposeAfterCheck: true });
        const computers = labels(items.filter(i => i.detail !== undefined && !i.detail.startsWith('cluster')));
        expect(computers).toEqual(['BTS01', 'BTS02', 'BTS03', 'SQL01', 'SQL02']);
        expect(item(items, 'SQL01').detail).toBe('SQL computer: BTSSQL · node of SQLCL');
        expect(item(items, 'BTS03').detail).toBe('SQL computer: DRSQL');
        expect(item(items, 'SQL01').kind).toBe(CompletionItemKind.Struct);
        expect(item(items, 'BTS02').kind).toBe(CompletionItemKind.Class);
        const fresh = await complete('group G {\n    computer NEW01\n    sso { master-secret-server on <|> }\n}');
        expect(item(fresh, 'NEW01').kind).toBe(CompletionItemKind.Variable);
    });

    test('a SQL instance\'s server: SQL computers first', async () => {
        const items = await complete('group G {\n    computer BTS01, SQL01\n    sql A on SQL01\n    host H { instances on BTS01 }\n    sql B on <|>\n}');
        expect(labels(items.filter(i => i.kind !== CompletionItemKind.Module))).toEqual(['SQL01', 'BTS01']);
    });

    test('SQL instances say whether they are standalone or failover cluster instances', async () => {
        let items: CompletionItem[] = [];
        await completion({ text: topology, index: 1, assert: list => { items = list.items; }, disposeAfterCheck: true });
        expect(item(items, 'BTSSQL').detail).toBe('SQL failover cluster instance on SQLCL');
        expect(item(items, 'DRSQL').detail).toBe('standalone SQL instance on BTS03');
    });

    test('clusters show their nodes', async () => {
        let items: CompletionItem[] = [];
        await completion({ text: topology, index: 2, assert: list => { items = list.items; }, disposeAfterCheck: true });
        expect(item(items, 'SQLCL').detail).toBe('cluster: nodes SQL01, SQL02 · SQL BTSSQL');
        expect(item(items, 'BTS02').detail).toBe('BizTalk computer: ReceiveHost, Processing');
    });

    test('hosts show their functions', async () => {
        const items = await complete(`group G {
    computer A, B
    host Web isolated { receive WCF-BasicHttp  instances on A, B }
    host Proc { orchestrations  send SMTP  tracking }
    nlb LB { members A, B  fronts <|> }
}`);
        expect(item(items, 'Web').detail).toBe('isolated host: receive WCF-BasicHttp · on A, B');
        expect(item(items, 'Proc').detail).toBe('in-process host: orchestrations · send SMTP · tracking · no instances');
        expect(item(items, 'Web').kind).toBe(CompletionItemKind.Class);
    });

    test('top-level elements of other files are offered with the file they come from', async () => {
        const files = await workspace(services, {
            'inventory.bizha': 'computer BTS01, BTS02\ncluster SQLCL { nodes BTS01, BTS02 }\n',
            'group.bizha': 'group G {\n    host H { instances on  }\n}\n'
        });
        const document = files.get('group.bizha')!;
        const offset = document.textDocument.getText().indexOf('on ') + 3;
        const list = await services.lsp.CompletionProvider!.getCompletion(document, position(document, offset));
        const items = list!.items;
        expect(item(items, 'BTS01').detail).toBe('node of SQLCL (from inventory.bizha)');
    });
});

describe('computers of several topologies in one workspace', () => {
    /** The examples folder: a two-computer group beside an inventory that declares computers of the same names. */
    async function completeIn(needle: string, delta: number): Promise<CompletionItem[]> {
        const files = await workspace(services, {
            'inventory.bizha': readExample('multi-file/inventory.bizha'),
            'group.bizha': readExample('multi-file/group.bizha'),
            'two.bizha': readExample('two-computer-not-ha/topology.bizha').replace('instances on BTS01\n        account NetworkService', 'instances on BTS01, \n        account NetworkService')
        });
        const document = files.get('two.bizha')!;
        const offset = offsetOf(document.textDocument.getText(), needle, delta);
        return (await services.lsp.CompletionProvider!.getCompletion(document, position(document, offset)))!.items;
    }

    test('`instances on` offers each visible computer once, the group\'s own first, no SQL-only computer', async () => {
        const items = await completeIn('instances on BTS01, \n', 'instances on BTS01, '.length);
        expect(labels(items)).toEqual(['BTS02', 'BTS01']);
        // BTS01 is the group's own declaration (it hides the inventory's), BTS02 comes from the inventory.
        expect(item(items, 'BTS01').detail).toBe('BizTalk computer: BizTalkServerApplication, BizTalkServerIsolatedHost');
        expect(item(items, 'BTS02').detail).toBe('computer, no role yet (from inventory.bizha)');
        // SQL01 (the group's SQL Server), SQL02 and DRSQL01 (the inventory's SQL Server computers) are not offered.
        expect(items.map(i => i.label)).not.toContain('SQL01');
        expect(items.map(i => i.label)).not.toContain('SQL02');
        expect(items.map(i => i.label)).not.toContain('DRSQL01');
    });

    test('elsewhere each name once: BizTalk, no role, SQL; this group before other files', async () => {
        const items = await completeIn('master-secret-server on BTS01', 'master-secret-server on '.length);
        const computers = items.filter(i => i.kind !== CompletionItemKind.Module);
        expect(computers.map(i => i.label).filter((label, i, all) => all.indexOf(label) !== i)).toEqual([]);
        expect(labels(computers)).toEqual(['BTS01', 'BTS02', 'SQL01', 'DRSQL01', 'SQL02']);
        expect(item(items, 'SQL02').detail).toBe('SQL computer: BTSSQL · node of SQLCL01 (from inventory.bizha)');
        expect(item(items, 'SQL02').kind).toBe(CompletionItemKind.Struct);
    });
});

describe('adapter names', () => {
    test('after `receive`: every receive adapter with its HA strategy and host type, no duplicate keywords', async () => {
        const items = await complete('group G { host H { receive <|> } }');
        const ftp = item(items, 'FTP');
        expect(ftp.detail).toBe('receive · needs a clustered host · in-process host · 32-bit only');
        expect(ftp.labelDetails?.description).toBe('needs a clustered host · in-process');
        expect(item(items, 'WCF-BasicHttp').detail).toBe('receive · needs a load balancer · isolated host');
        expect(item(items, 'FILE').detail).toBe('receive · scale out · in-process host');
        expect(item(items, 'WCF-NetTcp').detail).toContain('load balancer or clustered host');
        expect(items.map(i => i.label)).not.toContain('SMTP');
        expect(items.map(i => i.label)).not.toContain('msmq');
        expect(items.map(i => i.label)).not.toContain('sql');
        // In an in-process host, in-process adapters first.
        expect(labels(items).indexOf('FILE')).toBeLessThan(labels(items).indexOf('HTTP'));
    });

    test('in an isolated host, isolated adapters come first', async () => {
        const items = await complete('group G { host H isolated { receive <|> } }');
        expect(labels(items).indexOf('HTTP')).toBeLessThan(labels(items).indexOf('FILE'));
    });

    test('after `send` and after a comma; partial names filter', async () => {
        const send = await complete('group G { host H { send FILE, <|> } }');
        expect(item(send, 'MSMQ').detail).toBe('send · needs a clustered host · in-process host');
        expect(item(send, 'HTTP').detail).toBe('send · scale out · in-process host');
        expect(send.map(i => i.label)).toContain('SMTP');
        expect(send.map(i => i.label)).not.toContain('POP3');
        const partial = await complete('group G { host H { receive SF<|> } }');
        expect(partial.map(i => i.label)).toContain('SFTP');
    });
});

describe('database names', () => {
    test('after `databases`: known names with their kind; names placed elsewhere in the group last', async () => {
        const items = await complete(`group G {
    sql A on X { databases BizTalkMgmtDb, SSODB }
    sql B on Y { databases <|> }
}`);
        const order = labels(items.filter(i => i.kind === CompletionItemKind.Value));
        expect(order.slice(-2).sort()).toEqual(['BizTalkMgmtDb', 'SSODB']);
        expect(order[0]).toBe('BizTalkMsgBoxDb');
        expect(item(items, 'BizTalkMsgBoxDb').detail).toBe('messagebox database');
        expect(item(items, 'SSODB').detail).toBe('sso database (already placed in this group)');
        expect(item(items, 'BAMArchive').detail).toBe('bam database');
        // The kind keywords are still there.
        expect(items.map(i => i.label)).toContain('messagebox');
    });
});

describe('snippets', () => {
    async function snippets(text: string): Promise<CompletionItem[]> {
        return (await complete(text)).filter(i => i.kind === CompletionItemKind.Snippet);
    }

    test('block snippets where those declarations are valid', async () => {
        const inGroup = await snippets('group G { <|> }');
        expect(inGroup.map(i => i.label).sort()).toEqual([
            'availability-group (synchronous, per-database DTC, listener, jobs and logins)', 'bam (portal, event bus, backup)', 'host (clustered)',
            'host (scaled out)', 'nlb (fronting a host)', 'sql (failover cluster instance)'
        ]);
        for (const snippet of inGroup) expect(snippet.insertTextFormat).toBe(InsertTextFormat.Snippet);
        const topLevel = await snippets('<|>');
        expect(topLevel.map(i => i.label).sort()).toEqual(['group (small high-availability group)', 'sql (failover cluster instance)']);
        expect(await snippets('group G { host H { <|> } }')).toEqual([]);
    });

    test('where a block is expected, the snippet comes before its bare keyword', async () => {
        const topLevel = labels(await complete('<|>'));
        expect(topLevel.indexOf('group (small high-availability group)')).toBeLessThan(topLevel.indexOf('group'));
        expect(topLevel.indexOf('sql (failover cluster instance)')).toBeLessThan(topLevel.indexOf('sql'));
        const members = labels(await complete('group G { <|> }'));
        expect(members.indexOf('host (scaled out)')).toBeLessThan(members.indexOf('host'));
        expect(members.indexOf('nlb (fronting a host)')).toBeLessThan(members.indexOf('nlb'));
    });

    test('snippets prefill names from the topology', async () => {
        const text = `group G {
    computer BTS01, BTS02, BTS03
    computer N1, N2
    cluster BTSCL { nodes N1, N2 }
    host R { receive FILE  instances on BTS01, BTS03 }
    host Web isolated { receive HTTP  instances on BTS01, BTS02 }
    <|>
}`;
        const items = await snippets(text);
        const body = (label: string) => expandSnippet(String(item(items, label).insertText));
        expect(body('host (scaled out)')).toBe('host ReceiveHost {\n    receive FILE\n    instances on BTS01, BTS02\n}');
        expect(body('host (clustered)')).toBe('host ClusteredReceiveHost {\n    receive SFTP\n    clustered on BTSCL\n    instances on N1, N2\n}');
        expect(body('nlb (fronting a host)')).toBe('nlb WebFarm {\n    kind windows\n    members BTS01, BTS02\n    fronts Web\n}');
    });

    test('the SQL snippet declares the cluster when there is none, and lists the databases not placed yet', async () => {
        const items = await snippets('group G {\n    sql OLD on X { databases BizTalkMgmtDb }\n    <|>\n}');
        const text = expandSnippet(String(item(items, 'sql (failover cluster instance)').insertText));
        expect(text).toContain('computer SQL01, SQL02\n\ncluster SQLCL {\n    nodes SQL01, SQL02\n    storage SAN01\n    msdtc\n}\n\nsql BTSSQL on SQLCL {');
        expect(text).toContain('databases BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb');
    });

    test('every snippet inserts text that parses, and the small HA group gets no diagnostic', async () => {
        const members = await snippets('group G { <|> }');
        for (const snippet of members) {
            const { document } = await validate(`group G {\n${expandSnippet(String(snippet.insertText))}\n}\n`);
            expect(document.parseResult.parserErrors, snippet.label).toEqual([]);
            expect(document.parseResult.lexerErrors, snippet.label).toEqual([]);
        }
        const group = item(await snippets('<|>'), 'group (small high-availability group)');
        const { diagnostics } = await validate(expandSnippet(String(group.insertText)) + '\n');
        expect(diagnostics.map(d => `${d.code}: ${d.message}`)).toEqual([]);
    });

    test('the group snippet is what the clean fixture describes', async () => {
        const group = item(await snippets('<|>'), 'group (small high-availability group)');
        const text = expandSnippet(String(group.insertText));
        for (const line of ['master-secret-server on SQLCL', 'nlb WebFarm {', 'log-shipping to DRSQL', 'host TrackingHost {']) expect(text).toContain(line);
        expect(cleanGroup).toContain('master-secret-server on SQLCL');
    });
});

describe('parsing from the nearest group member or declaration', () => {
    /** The same provider with Langium's whole-prefix parsing and whole-file tokenizing. */
    class WholePrefix extends BizhaCompletionProvider {
        protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
            return DefaultCompletionProvider.prototype['findFeaturesAt'].call(this, document, offset);
        }
        protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
            return DefaultCompletionProvider.prototype['backtrackToAnyToken'].call(this, text, offset);
        }
    }

    test('gives the same completions as parsing the whole text before the cursor', async () => {
        const reference = new WholePrefix(services);
        const texts = [readExample('multi-file/group.bizha'), readExample('ftp-msmq-clustered/topology.bizha'), readExample('multi-file/inventory.bizha'),
            'group G {\n    computer A, B\n    host H { receive FILE  instances on A, \n    sql S on A { databases \n}\n'];
        let compared = 0;
        for (const text of texts) {
            const document = (await workspace(services, { 'topology.bizha': text })).get('topology.bizha')!;
            // Line ends, token starts and the middle of words: where completion is asked for.
            const offsets = [...text.matchAll(/\n| (?=\S)/g)].flatMap(m => m[0] === ' ' ? [m.index + 1, m.index + 3] : [m.index]).filter((_, i) => i % 3 === 0);
            for (const offset of offsets) {
                const params = position(document, offset);
                const describe = (list: CompletionList | undefined) => (list?.items ?? []).map(i => `${i.label}|${i.detail}|${i.sortText}`).sort();
                expect(describe(await services.lsp.CompletionProvider!.getCompletion(document, params)), `at ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}`)
                    .toEqual(describe(await reference.getCompletion(document, params)));
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(200);
    });
});
