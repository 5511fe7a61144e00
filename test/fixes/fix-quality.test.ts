import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { NameAllocator } from '../../language/rules/naming.js';
import { BizhaCodeActionProvider } from '../../server/lsp/bizha-code-action-provider.js';
import { exampleFiles } from '../fixtures.js';
import { createTestServices, validate, validateWorkspace } from '../helpers.js';

describe('names for new declarations', () => {
    test('continue the series the file uses', () => {
        const names = new NameAllocator([]);
        expect(names.next(['BTS01', 'BTS02'], 'BTS01')).toBe('BTS03');
        expect(names.next(['SQLA', 'SQLB'], 'SQL01')).toBe('SQLC');
        expect(names.next(['APP1'], 'BTS01')).toBe('APP2');
        expect(names.next(['BTSSQL'], 'SQL01')).toBe('BTSSQL2');
        expect(names.nextMany(['BTSPRD08', 'BTSPRD09'], 'BTS01', 2)).toEqual(['BTSPRD10', 'BTSPRD11']);
    });

    test('start from the fallback when the file has none of that role', () => {
        const names = new NameAllocator(['BTS01']);
        expect(names.nextMany([], 'BTS01', 2)).toEqual(['BTS02', 'BTS03']);
        expect(names.next([], 'TrackingHost')).toBe('TrackingHost');
        expect(names.next([], 'TrackingHost')).toBe('TrackingHost2');
    });

    test('never clash, ignoring case, and never hand out a name twice', () => {
        const names = new NameAllocator(() => ['bts03', 'SQLC']);
        expect(names.next(['BTS01', 'BTS02'], 'BTS01')).toBe('BTS04');
        expect(names.next(['BTS01', 'BTS02'], 'BTS01')).toBe('BTS05');
        expect(names.next(['SQLA', 'SQLB'], 'SQL01')).toBe('SQLD');
    });
});

const services = createTestServices();
const provider = new BizhaCodeActionProvider(services);

async function actions(text: string, code: string, match: (diagnostic: Diagnostic) => boolean = () => true): Promise<{ text: string; list: CodeAction[] }> {
    const { document, diagnostics } = await validate(text, services);
    const diagnostic = diagnostics.find(d => d.code === code && match(d));
    expect(diagnostic, code).toBeDefined();
    const list = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] } }) ?? []) as CodeAction[];
    return { text, list };
}

function apply(text: string, action: CodeAction): string {
    const changes = action.edit?.changes ?? {};
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 1, text), Object.values(changes)[0] ?? []);
}

const twoComputer = exampleFiles().find(f => f.path === 'two-computer-not-ha/topology.bizha')!.text;

describe('fix quality', () => {
    test('the isolated host fix says it adds a load balancer, and writes it as the formatter would after the hosts', async () => {
        const { text, list } = await actions(twoComputer, 'HA-HOST-SPOF', d => String(d.message).startsWith('BizTalkServerIsolatedHost'));
        const fix = list.find(a => a.isPreferred)!;
        expect(fix.title).toBe('Declare computer BTS02, add an instance of BizTalkServerIsolatedHost on it and add hardware load balancer BizTalkServerIsolatedHostNlb in front of it');
        const fixed = apply(text, fix);
        expect(fixed).toContain(`        account NetworkService
    }

    nlb BizTalkServerIsolatedHostNlb {
        kind hardware
        members BTS01, BTS02
        fronts BizTalkServerIsolatedHost
    }
}
`);
        expect(fixed).toContain('    computer BTS01, BTS02\n    computer SQL01\n');
    });

    test('a new block goes after the members of its kind, with a blank line around it', async () => {
        const text = 'group G {\n    computer BTS01, BTS02\n\n    host H { receive FTP  instances on BTS01 }\n    host S { send FILE  instances on BTS01, BTS02 }\n\n    // the end\n}\n';
        const { list } = await actions(text, 'HA-RECV-MUST-CLUSTER');
        const fixed = apply(text, list.find(a => a.isPreferred)!);
        expect(fixed).toBe('group G {\n    computer BTS01, BTS02\n\n    cluster BTSCL {\n        nodes BTS01, BTS02\n        msdtc\n        witness file-share\n        network-name BTSCL-NN\n    }\n\n'
            + '    host H { instances on BTS01 }\n    host S { send FILE  instances on BTS01, BTS02 }\n\n    host FTPClusteredHost {\n        receive FTP\n        bitness 32\n        clustered on BTSCL\n        instances on BTS01, BTS02\n    }\n\n    // the end\n}\n');
    });

    test('a new computer does not take a name another file of the workspace declares', async () => {
        const files = {
            'inventory.bizha': 'computer BTS01, BTS02\n',
            'group.bizha': 'group G {\n    host H { send FILE  instances on BTS01 }\n}\n'
        };
        const workspace = createTestServices();
        const diagnostics = await validateWorkspace(files, workspace);
        const spof = diagnostics.get('group.bizha')!.find(d => d.code === 'HA-HOST-SPOF')!;
        const document = workspace.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///workspace/group.bizha'))!;
        const list = (await new BizhaCodeActionProvider(workspace).getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: spof.range, context: { diagnostics: [spof] } }) ?? []) as CodeAction[];
        expect(list.find(a => a.isPreferred)?.title).toBe('Declare computer BTS03 and add an instance of H on it');
    });

    test('a built-in account becomes a domain account whose name is selected for the user to type', async () => {
        const { text, list } = await actions(twoComputer, 'HA-DOM-BUILTIN');
        const fix = list.find(a => a.isPreferred)!;
        expect(fix.title).toBe('Use a domain account (CONTOSO\\svc-biztalkserverisolatedhost: type its name)');
        const fixed = apply(text, fix);
        expect(fixed).toContain('account CONTOSO\\svc-biztalkserverisolatedhost\n');
        // No snippet support announced by this client: a command selects the name.
        expect(fix.command?.command).toBe('bizha.selectRange');
        const [, line, character, length] = fix.command!.arguments as [string, number, number, number];
        expect(fixed.split('\n')[line].slice(character, character + length)).toBe('svc-biztalkserverisolatedhost');
    });
});

describe('a name the user must choose, in a client with snippet edits', () => {
    test('is a snippet placeholder (LSP 3.18 SnippetTextEdit, as vscode-languageclient 10.1 announces)', async () => {
        const snippetServices = createTestServices();
        const snippetProvider = new BizhaCodeActionProvider(snippetServices);
        await snippetServices.shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } } });
        const { document, diagnostics } = await validate(twoComputer, snippetServices);
        const diagnostic = diagnostics.find(d => d.code === 'HA-DOM-BUILTIN')!;
        const list = (await snippetProvider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? []) as CodeAction[];
        const fix = list.find(a => a.isPreferred)!;
        expect(fix.command).toBeUndefined();
        const [change] = fix.edit!.documentChanges! as Array<{ edits: Array<{ snippet?: { kind: string; value: string } }> }>;
        // The backslash is escaped for the snippet syntax; the name is placeholder 1.
        expect(change.edits[0].snippet).toEqual({ kind: 'snippet', value: 'CONTOSO\\\\${1:svc-biztalkserverisolatedhost}' });
    });
});
