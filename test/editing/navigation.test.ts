import { clearDocuments, expectFoldings, expectSymbols } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { ResponseError, SymbolKind, type DocumentSymbol, type Location, type LocationLink, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanGroup } from '../fixtures.js';
import { createEditingServices, offsetOf, position, readExample, workspace } from './editing.js';

const services = createEditingServices();

afterEach(() => clearDocuments(services.shared));

async function multiFile() {
    const files = await workspace(services, {
        'inventory.bizha': readExample('multi-file/inventory.bizha'),
        'group.bizha': readExample('multi-file/group.bizha')
    });
    return { inventory: files.get('inventory.bizha')!, group: files.get('group.bizha')! };
}

function fileOf(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

describe('go to definition and find references (Langium defaults)', () => {
    test('a computer used in the group file is declared in the inventory file', async () => {
        const { group, inventory } = await multiFile();
        const text = group.textDocument.getText();
        const result = await services.lsp.DefinitionProvider!.getDefinition(group, position(group, offsetOf(text, 'instances on BTS01', 'instances on '.length)));
        const link = (result as LocationLink[])[0];
        expect(fileOf(link.targetUri)).toBe('inventory.bizha');
        expect(inventory.textDocument.getText(link.targetSelectionRange)).toBe('BTS01');
        expect(link.targetSelectionRange.start.line).toBe(inventory.textDocument.positionAt(offsetOf(inventory.textDocument.getText(), 'computer BTS01', 9)).line);
    });

    test('references of an inventory computer are found in the group file', async () => {
        const { inventory } = await multiFile();
        const text = inventory.textDocument.getText();
        const references: Location[] = await services.lsp.ReferencesProvider!.findReferences(inventory, {
            ...position(inventory, offsetOf(text, 'computer BTS01', 9)), context: { includeDeclaration: true }
        });
        const byFile = references.reduce<Record<string, number>>((counts, r) => ({ ...counts, [fileOf(r.uri)]: (counts[fileOf(r.uri)] ?? 0) + 1 }), {});
        // Declaration + 5 host instance lists + the NLB members in group.bizha.
        expect(byFile).toEqual({ 'inventory.bizha': 1, 'group.bizha': 6 });
    });
});

describe('rename', () => {
    function apply(text: string, edits: TextEdit[] | undefined): string {
        return TextDocument.applyEdits(TextDocument.create('file:///x', 'bizha', 0, text), edits ?? []);
    }

    test('renames a top-level computer in every file that uses it', async () => {
        const { inventory, group } = await multiFile();
        const inventoryText = inventory.textDocument.getText();
        const edit = await services.lsp.RenameProvider!.rename(inventory, { ...position(inventory, offsetOf(inventoryText, 'computer BTS01', 9)), newName: 'BTS11' });
        const changes = edit!.changes!;
        const renamedInventory = apply(inventoryText, changes[inventory.uri.toString()]);
        const renamedGroup = apply(group.textDocument.getText(), changes[group.uri.toString()]);
        expect(renamedInventory).toContain('computer BTS11, BTS02');
        const code = renamedGroup.replace(/\/\/.*$/gm, '');
        expect(code).not.toMatch(/\bBTS01\b/);
        expect(code.match(/\bBTS11\b/g)).toHaveLength(6);
        // The renamed workspace still links and validates cleanly.
        const again = await workspace(services, { 'inventory.bizha': renamedInventory, 'group.bizha': renamedGroup });
        for (const [name, document] of again) {
            expect(document.diagnostics?.filter(d => d.severity === 1).map(d => d.message), name).toEqual([]);
        }
    });

    test('renames from a reference as well as from the declaration', async () => {
        const { group, inventory } = await multiFile();
        const text = group.textDocument.getText();
        const edit = await services.lsp.RenameProvider!.rename(group, { ...position(group, offsetOf(text, 'master-secret-server on SQLCL01', 'master-secret-server on '.length)), newName: 'SQLCL09' });
        expect(Object.keys(edit!.changes!).map(fileOf).sort()).toEqual(['group.bizha', 'inventory.bizha']);
        expect(apply(inventory.textDocument.getText(), edit!.changes![inventory.uri.toString()])).toContain('cluster SQLCL09 {');
    });

    test('refuses a name that clashes with another computer or cluster in scope', async () => {
        const { inventory } = await multiFile();
        const text = inventory.textDocument.getText();
        const at = position(inventory, offsetOf(text, 'computer BTS01', 9));
        await expect(services.lsp.RenameProvider!.rename(inventory, { ...at, newName: 'BTS02' })).rejects.toThrow(ResponseError);
        await expect(services.lsp.RenameProvider!.rename(inventory, { ...at, newName: 'SQLCL01' }))
            .rejects.toThrow('Cannot rename BTS01 to SQLCL01: a computer or cluster named SQLCL01 is already declared at the top level of inventory.bizha.');
    });

    test('refuses a top-level name that a group using the element already declares', async () => {
        const files = await workspace(services, {
            'inventory.bizha': 'computer BTS01\n',
            'group.bizha': 'group G {\n    computer LOCAL1\n    host H { instances on BTS01, LOCAL1 }\n}\n'
        });
        const inventory = files.get('inventory.bizha')!;
        await expect(services.lsp.RenameProvider!.rename(inventory, { ...position(inventory, 'computer '.length), newName: 'LOCAL1' }))
            .rejects.toThrow('a computer or cluster named LOCAL1 is already declared in group G');
    });

    test('refuses a host name already used in the group, but allows one of another namespace', async () => {
        const document = (await workspace(services, { 'topology.bizha': cleanGroup })).get('topology.bizha')!;
        const at = position(document, offsetOf(cleanGroup, 'host SendHost', 'host '.length));
        await expect(services.lsp.RenameProvider!.rename(document, { ...at, newName: 'ReceiveHost' }))
            .rejects.toThrow('a host named ReceiveHost is already declared in group Prod');
        const edit = await services.lsp.RenameProvider!.rename(document, { ...at, newName: 'BTS01' });
        expect(edit!.changes![document.uri.toString()].length).toBe(1);
    });

    test('refuses names that are not identifiers or are keywords', async () => {
        const document = (await workspace(services, { 'topology.bizha': cleanGroup })).get('topology.bizha')!;
        const at = position(document, offsetOf(cleanGroup, 'host SendHost', 'host '.length));
        await expect(services.lsp.RenameProvider!.rename(document, { ...at, newName: '9lives' })).rejects.toThrow('is not a valid name');
        await expect(services.lsp.RenameProvider!.rename(document, { ...at, newName: 'Send Host' })).rejects.toThrow('is not a valid name');
        await expect(services.lsp.RenameProvider!.rename(document, { ...at, newName: 'tracking' })).rejects.toThrow('is a keyword');
        await expect(services.lsp.RenameProvider!.rename(document, { ...at, newName: 'master-secret-server' })).rejects.toThrow('is a keyword');
        const edit = await services.lsp.RenameProvider!.rename(document, { ...at, newName: 'Send-Host_2' });
        expect(edit!.changes![document.uri.toString()]).toHaveLength(1);
    });
});

describe('symbols and folding', () => {
    test('the outline shows the group with its computers, clusters, SQL instances and hosts, with meaningful kinds', async () => {
        await expectSymbols(services)({
            text: cleanGroup,
            disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => {
                expect(symbols.map(s => s.name)).toEqual(['Prod']);
                const group = symbols[0];
                expect(group.kind).toBe(SymbolKind.Module);
                expect(group.children!.map(c => c.name)).toEqual([
                    'BTS01', 'BTS02', 'SQL01', 'SQL02', 'SQLCL', 'BTSSQL',
                    'ReceiveHost', 'ProcessingHost', 'SendHost', 'TrackingHost', 'WebReceive', 'WebFarm', 'DR01', 'DRSQL'
                ]);
                const kinds = Object.fromEntries(group.children!.map(c => [c.name, c.kind]));
                expect(kinds.BTS01).toBe(SymbolKind.Variable);
                expect(kinds.SQLCL).toBe(SymbolKind.Namespace);
                expect(kinds.BTSSQL).toBe(SymbolKind.Struct);
                expect(kinds.ReceiveHost).toBe(SymbolKind.Class);
                expect(kinds.WebFarm).toBe(SymbolKind.Interface);
                const sql = group.children!.find(c => c.name === 'BTSSQL')!;
                expect(sql.detail).toBe('SQL failover cluster instance on SQLCL');
                expect(sql.children!.map(c => c.name)).toEqual(['BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb']);
                expect(group.children!.find(c => c.name === 'BTS01')!.detail).toBe('BizTalk computer: ReceiveHost, ProcessingHost, SendHost, TrackingHost, WebReceive');
                expect(group.children!.find(c => c.name === 'SQLCL')!.detail).toBe('cluster: nodes SQL01, SQL02 · SQL BTSSQL');
            }
        });
    });

    test('workspace symbols include the members of groups, with their group', async () => {
        await multiFile();
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Host' });
        const hosts = symbols.filter(s => s.kind === SymbolKind.Class).map(s => `${s.name} in ${s.containerName}`);
        expect(hosts.sort()).toEqual(['ProcessingHost', 'ReceiveHost', 'SendHost', 'TrackingHost', 'WebReceiveHost'].map(h => `${h} in ContosoShared`));
        const all = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        const named = (name: string) => all.find(s => s.name === name)!;
        expect(named('SQLCL01').kind).toBe(SymbolKind.Namespace);
        expect(named('BTSSQL').kind).toBe(SymbolKind.Struct);
        expect(named('ContosoShared').kind).toBe(SymbolKind.Module);
        expect(fileOf((named('BTS01').location as Location).uri)).toBe('inventory.bizha');
    });

    test('blocks fold (Langium default)', async () => {
        await expectFoldings(services)({
            text: `group G {
    sso {
        backup "x"
    }
    host H {
        receive FILE
        instances on A, B
    }
}
`,
            disposeAfterCheck: true,
            assert: foldings => {
                expect(foldings.map(f => [f.startLine, f.endLine])).toEqual([[0, 7], [1, 2], [4, 6]]);
            }
        });
    });
});

