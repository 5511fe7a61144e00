import { CstUtils } from 'langium';
import { clearDocuments, expectFormatting, parseDocument } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanGroup } from '../fixtures.js';
import { createEditingServices } from './editing.js';
import { exampleFiles } from '../fixtures.js';

const services = createEditingServices();
const formatting = expectFormatting(services);

afterEach(() => clearDocuments(services.shared));

async function format(text: string): Promise<string> {
    const document = await parseDocument(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(TextDocument.create('file:///x.bizha', 'bizha', 0, text), edits);
}

/** The tokens and comments of a text, without layout: formatting must not change them. */
async function tokens(text: string): Promise<string[]> {
    const document = await parseDocument(services, text);
    return CstUtils.flattenCst(document.parseResult.value.$cstNode!).map(leaf => leaf.text).toArray();
}

describe('formatting the examples', () => {
    for (const { path: name, text } of exampleFiles()) {
        test(`${name}: idempotent, keeps every token and comment`, async () => {
            const once = await format(text);
            expect(await format(once)).toBe(once);
            expect(await tokens(once)).toEqual(await tokens(text));
        });
    }

    test('the clean fixture is already formatted', async () => {
        expect(await format(cleanGroup)).toBe(cleanGroup);
    });
});

describe('layout', () => {
    test('blocks, one member per line, four-space indent, single spaces and comma lists', async () => {
        await formatting({
            before: `group   G{
  version 2020   cu 6
        computer A,B ,C
  host H
  {
  receive FILE( path "x" ),MSMQ ( remote-queue )
      instances on A ( disabled ),B
  }
  sql S on X{edition enterprise
  databases BizTalkMgmtDb,SSODB}
}
cluster X { nodes A, B
storage SAN }
`,
            after: `group G {
    version 2020 cu 6
    computer A, B, C
    host H {
        receive FILE (path "x"), MSMQ (remote-queue)
        instances on A (disabled), B
    }
    sql S on X {
        edition enterprise
        databases BizTalkMgmtDb, SSODB
    }
}
cluster X {
    nodes A, B
    storage SAN
}
`,
            disposeAfterCheck: true
        });
    });

    test('a block written on one line stays on one line, members two spaces apart', async () => {
        await formatting({
            before: 'group G {\n    host ReceiveHost {   receive FILE instances on BTS01,BTS02}\n    sso { }\n    backup-job {\n    }\n    computer C { site DC1   msdtc off }, D\n}\n',
            after: 'group G {\n    host ReceiveHost { receive FILE  instances on BTS01, BTS02 }\n    sso { }\n    backup-job { }\n    computer C { site DC1  msdtc off }, D\n}\n',
            disposeAfterCheck: true
        });
    });

    test('comments stay: each moves with its line, the inner lines of a block comment are kept byte for byte; a line break after a comma is kept', async () => {
        await formatting({
            before: `// head
group G { // after the brace
  // before the computers
        computer A, B   // trailing
      /* block
         comment */
  host K isolated {
      receive HTTP // c1
      instances on A, // first
     B
  }
}
`,
            after: `// head
group G { // after the brace
    // before the computers
    computer A, B   // trailing
    /* block
         comment */
    host K isolated {
        receive HTTP // c1
        instances on A, // first
            B
    }
}
`,
            disposeAfterCheck: true
        });
    });

    test('blank lines between members are kept, at most one', async () => {
        await formatting({
            before: 'group G {\n    computer A\n\n\n\n    computer B\n\n    computer C\n}\n\n\n\ngroup H { }\n',
            after: 'group G {\n    computer A\n\n    computer B\n\n    computer C\n}\n\ngroup H { }\n',
            disposeAfterCheck: true
        });
    });

    test('a document with syntax errors is left alone', async () => {
        const broken = 'group G {\n  host H { receive }\n';
        expect(await format(broken)).toBe(broken);
    });
});
