import { clearDocuments, expectSemanticToken, highlightHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { createEditingServices, workspace } from './editing.js';

const services = createEditingServices();
const highlight = highlightHelper(services);

afterEach(() => clearDocuments(services.shared));

describe('semantic highlighting of references by kind', () => {
    test('computers, hosts, clusters and SQL instances each get their own token type', async () => {
        const result = await highlight(`group G {
    computer BTS01, BTS02, SQL01, SQL02
    cluster SQLCL { nodes <|SQL01|>, SQL02 }
    sql BTSSQL on <|SQLCL|> { databases BizTalkMgmtDb }
    sql DRSQL on <|SQL01|>
    host Web isolated { receive HTTP  instances on <|BTS01|>, BTS02 }
    nlb LB { members BTS01, BTS02  fronts <|Web|> }
    availability-group AG { replicas <|BTSSQL|>, DRSQL }
    sso { master-secret-server on <|SQLCL|> }
    backup-job { log-shipping to <|DRSQL|> }
}`);
        const expected = [
            SemanticTokenTypes.variable, SemanticTokenTypes.namespace, SemanticTokenTypes.variable, SemanticTokenTypes.variable,
            SemanticTokenTypes.class, SemanticTokenTypes.type, SemanticTokenTypes.namespace, SemanticTokenTypes.type
        ];
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(result, { rangeIndex, tokenType }));
    });

    test('declarations carry the declaration modifier; unresolved references are not coloured', async () => {
        const provider = services.lsp.SemanticTokenProvider!;
        const result = await highlight('group G {\n    computer <|BTS01|>\n    host <|H|> { instances on BTS01, NOPE }\n}');
        expectSemanticToken(result, { rangeIndex: 0, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(result, { rangeIndex: 1, tokenType: SemanticTokenTypes.class });
        const declaration = result.tokens.find(t => t.text === 'H')!;
        expect(declaration.tokenModifiers & provider.tokenModifiers[SemanticTokenModifiers.declaration]).not.toBe(0);
        expect(result.tokens.some(t => t.text === 'NOPE')).toBe(false);
    });

    test('references to another file are marked defaultLibrary', async () => {
        const files = await workspace(services, {
            'inventory.bizha': 'computer BTS01\n',
            'group.bizha': 'group G {\n    computer LOCAL\n    host H { instances on BTS01, LOCAL }\n}\n'
        });
        const document = files.get('group.bizha')!;
        const provider = services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        // [deltaLine, deltaStart, length, type, modifiers] per token.
        const data = tokens.data;
        const decoded: Array<{ line: number; char: number; modifiers: number }> = [];
        let line = 0, char = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
            decoded.push({ line, char, modifiers: data[i + 4] });
        }
        const text = document.textDocument;
        const at = (needle: string) => decoded.find(t => text.offsetAt({ line: t.line, character: t.char }) === text.getText().indexOf(needle))!;
        const library = provider.tokenModifiers[SemanticTokenModifiers.defaultLibrary];
        expect(at('BTS01, LOCAL').modifiers & library).not.toBe(0);
        expect(at('LOCAL }').modifiers & library).toBe(0);
    });
});
