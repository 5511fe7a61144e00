/**
 * Every crash, hang and loss of text the fuzzers found, minimised, kept as a test. Each runs the
 * input through the request that failed, at every token boundary (`positions: 'all'`), and
 * expects no failure at all. `npm run fuzz` prints new ones in this shape, ready to paste.
 */
import { describe, expect, test } from 'vitest';
import { checkInput, createFuzzServices, requestOf, type CheckOptions, type FuzzInput, type RequestName } from './fuzzer.js';
import type { BizhaServices } from '../../language/bizha-module.js';

let shared: Promise<BizhaServices> | undefined;
function services(): Promise<BizhaServices> {
    shared ??= createFuzzServices();
    return shared;
}

async function failuresOf(text: string, options: CheckOptions, siblings: Array<{ path: string; text: string }> = []) {
    const input: FuzzInput = { label: 'regression', files: [{ path: 'regression/topology.bizha', text }, ...siblings] };
    const { failures } = await checkInput(await services(), input, { positions: 'all', ...options });
    return failures.map(f => `${f.kind} in ${f.request}: ${f.message.split('\n').slice(0, 3).join(' | ')}`);
}

describe('the harness', () => {
    test('a misspelt request name in `only` is an error, not a run of the build alone', async () => {
        await expect(failuresOf('group G { }', { only: 'documentSymbol' as RequestName })).rejects.toThrow(/unknown request name in only: documentSymbol \(known: build, documentSymbols,/);
        const misspelt = 'prepareRename' as RequestName;
        await expect(failuresOf('group G { }', { only: ['hover', misspelt] })).rejects.toThrow(/: prepareRename \(/);
    });

    test('a failure names the request that re-runs it', () => {
        expect(['hover', 'quick fix "Add an instance" (HA-HOST-SPOF)', 'prepareRename (unhandled rejection)', 'setup', 'semanticTokensRange', 'between requests']
            .map(requestOf)).toEqual(['hover', 'codeActions', 'rename', 'build', 'semanticTokens', undefined]);
    });
});

describe('crashes in half-typed declarations', () => {
    // language/model/build-topology.ts: a database list whose last entry has no name yet.
    test('`databases sso` without a name: validation threw in findDatabase (seed 2, iteration 409)', async () => {
        expect(await failuresOf('group n databases sso backup', { only: 'build' })).toEqual([]);
        expect(await failuresOf('group t sql n S databases\nsso', { only: 'documentSymbols' })).toEqual([]);
        expect(await failuresOf('group n databases sso backup', { only: 'preview' })).toEqual([]);
        expect(await failuresOf('group n databases sso backup', { only: 'completion' })).toEqual([]);
    });

    // language/model/build-topology.ts: accounts without a value reached accountScope (HA-DOM-GROUPS, HA-DOM-BUILTIN, HA-SSO-DOMAIN).
    test('`account`, `windows-group` and `administrators` without a value: three rules threw (seed 2, iteration 18)', async () => {
        expect(await failuresOf('group G { computer A, B host H { receive FILE account instances on A, B } }', { only: 'build' })).toEqual([]);
        expect(await failuresOf('group G { host H { windows-group\n } }', { only: 'build' })).toEqual([]);
        expect(await failuresOf('group G { sso { administrators } }', { only: 'build' })).toEqual([]);
    });

    // language/model/build-topology.ts: a handler list whose handler has no adapter name yet.
    test('`receive (` without an adapter name: validation, hover, preview and code actions threw in findAdapter (seed 4242, iteration 423)', async () => {
        expect(await failuresOf('group C\nhost R receive(', { only: ['hover', 'preview', 'codeActions', 'completion', 'documentSymbols'] })).toEqual([]);
        expect(await failuresOf('group G { host H { receive ( ordered ) send , FILE } }', { only: ['hover', 'preview', 'codeActions'] })).toEqual([]);
    });

    // server/lsp/group-facts.ts: `sql X` without `on` has no server reference.
    test('`sql B` without `on`: document symbols and completion threw in groupFacts (seed 2, iteration 30)', async () => {
        expect(await failuresOf('sql B', { only: 'documentSymbols' })).toEqual([]);
        expect(await failuresOf('sql', { only: 'completion' })).toEqual([]);
        expect(await failuresOf('group G { sql S }', { only: 'documentSymbols' })).toEqual([]);
        expect(await failuresOf('group G { sql S }', { only: 'completion' })).toEqual([]);
    });

    // server/lsp/group-facts.ts elementDetail and server/lsp/element-hover.ts unusedElementHover: found by the LSP session test.
    test('`sql S` without `on`: document symbols and hover threw reading `ref` (LSP session, version 1401)', async () => {
        expect(await failuresOf('group G { sql S computer A }', { only: 'documentSymbols' })).toEqual([]);
        expect(await failuresOf('sql S', { only: 'hover' })).toEqual([]);
        expect(await failuresOf('group G { host H { clustered on } availability-group AG { replicas } }', { only: 'documentSymbols' })).toEqual([]);
    });
});

describe('lost text', () => {
    // server/lsp/bizha-formatter.ts: Langium compared 1-based error lines with 0-based range lines.
    test('range formatting of a line with a syntax error deleted text (seed 1, iteration 4)', async () => {
        expect(await failuresOf('}sql n e', { only: 'rangeFormatting' })).toEqual([]);
        expect(await failuresOf('group G { computer A }\n}sql n e\n', { only: 'rangeFormatting' })).toEqual([]);
    });

    // server/lsp/bizha-formatter.ts: Langium keeps range edits that run past the range, into a syntax error.
    test('range formatting ending before a syntax error replaced tokens the parser had skipped (seed 4242, iteration 53)', async () => {
        expect(await failuresOf('\nb nlb}', { only: 'rangeFormatting' })).toEqual([]);
        expect(await failuresOf('group G {\n  computer A\n\n  host H { receive FILE\n  acco(path "x") }\n}\n', { only: 'rangeFormatting' })).toEqual([]);
    });

    // server/lsp/bizha-formatter.ts: Langium re-indents every line of a block comment.
    test('formatting re-indented the inside of a block comment (seed 2, iteration 458)', async () => {
        expect(await failuresOf('group n{cluster G{}sso { }\nnlb W {\n/* c\n */\n}\n}\n', { only: 'formatting' })).toEqual([]);
        expect(await failuresOf('group G {\n        /*\n   keep\n      this\n*/\n computer A\n}\n', { only: 'formatting' })).toEqual([]);
        expect(await failuresOf('group G {\r\n/* a\r\n   b */\r\n computer A\r\n}\r\n', { only: 'formatting' })).toEqual([]);
        expect(await failuresOf('group G {\r/* a\r   b */\r computer A\r}\r', { only: 'formatting' })).toEqual([]);
    });
});

describe('quick fixes', () => {
    // server/lsp/bizha-code-action-provider.ts: "suppress" inserted its comment line into a block comment.
    test('suppressing a finding on a line that starts inside a block comment (gentle iteration 13)', async () => {
        expect(await failuresOf('group/* a\n b */ G {\n  computer A\n}\n', { only: 'codeActions' })).toEqual([]);
        expect(await failuresOf('group G {\n  computer A /* x\n  */ host H { receive FILE instances on A }\n}\n', { only: 'codeActions' })).toEqual([]);
    });

    // language/rules/fix.ts addToBlock: two additions to a one-line block replaced the same blank before `}`.
    test('a fix adding two members to a one-line group gave overlapping edits (gentle iteration 18)', async () => {
        expect(await failuresOf('group BTS03 { host SQL01 { clustered on SQL01 instances on SQL01 } }', { only: 'codeActions' })).toEqual([]);
        expect(await failuresOf('group G {}', { only: 'codeActions' })).toEqual([]);
    });

    // language/rules/fix.ts removeListItem: removing a list item deleted the comments between it and the previous item.
    test('moving a handler out of a list deleted the comments around it (seed 4242, iteration 101)', async () => {
        expect(await failuresOf('group n computer BTS01 host r receive I(),/**/FTP\ninstances BTS01', { only: 'codeActions' })).toEqual([]);
        // seed 4242, iteration 1456
        expect(await failuresOf('group s computer BTS01 host n receive I(""), /*}"\\ */ FTP /instances BTS01', { only: 'codeActions' })).toEqual([]);
        const text = 'group G {\n  computer BTS01, BTS02\n  cluster CL { nodes BTS01, BTS02 }\n  host R {\n    receive FILE,   // inbound files\n            FTP     // partner feed\n    instances on BTS01, BTS02\n  }\n}\n';
        expect(await failuresOf(text, { only: 'codeActions' })).toEqual([]);
        expect(await failuresOf('group G { computer A host H { receive FILE instances on A, /* twice */ A } }', { only: 'codeActions' })).toEqual([]);
    });

    // language/rules/fix.ts addToBlock: lone CR line ends were not seen as line ends.
    test('fixes in a file with lone CR line ends (two-computer-not-ha example)', async () => {
        const text = 'group G {\r    computer BTS01\r    host H { receive FTP instances on BTS01 }\r    sql S on BTS01 { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }\r}\r';
        expect(await failuresOf(text, { only: 'codeActions' })).toEqual([]);
    });

    // server/lsp/bizha-code-action-provider.ts fixAll: quadratic in the findings of one rule.
    test('thousands of findings of one rule: each code action request hung collecting "fix all" (nested-groups-10k)', async () => {
        const failures = await failuresOf('group G { '.repeat(5000), { only: 'codeActions', maxCodeActionRequests: 5, boundMs: 2000 });
        expect(failures.filter(f => f.includes('in codeActions'))).toEqual([]);
    }, 120_000);
});

describe('lost text', () => {
    // language/rules/ha-nlb-membership.ts: the fix replaced the whole `members` property; it now edits item by item.
    test('making an NLB\'s members match its host keeps the comments inside the list (seed 777, iterations 711 and 1821)', async () => {
        const text = 'group G {\n  computer BTS01, BTS02, OLD\n  host Web isolated { receive WCF-BasicHttp instances on BTS01, BTS02 }\n  nlb Farm {\n    members BTS01, // first\n            OLD /* retired */\n    fronts Web\n  }\n}\n';
        expect(await failuresOf(text, { only: 'codeActions' })).toEqual([]);
    });
});

describe('slow requests', () => {
    // language/rules/ha-ag-replica-nodes.ts: one finding per pair of replicas sharing a computer.
    test('an availability group listing one replica 5000 times: validation hung, then overflowed the stack (replicas-5k-refs)', async () => {
        const text = `group G { computer X sql S on X availability-group A { replicas ${Array.from({ length: 5000 }, () => 'S').join(', ')} databases SSODB } }`;
        expect(await failuresOf(text, { only: 'build', boundMs: 5000 })).toEqual([]);
    }, 60_000);

    // server/preview-request.ts: every group was given every diagnostic of the file.
    test('thousands of unclosed nested groups: the preview took minutes (extreme input nested-groups-10k)', async () => {
        // Only the preview's own time counts here (building 4000 groups takes its own time).
        expect((await failuresOf('group G { '.repeat(4000), { only: 'preview', boundMs: 2000 })).filter(f => f.includes('in preview'))).toEqual([]);
    }, 60_000);

    // preview/attach.ts compared every diagnostic with every function; it now indexes them by position.
    // Its time (seconds before the index, about 250 ms after) is a benchmark budget: preview-8000-databases in bench/run.mjs.
    test('thousands of databases in one group: the preview answers (seed 2, iteration 340)', async () => {
        const text = `group G {\n  databases ${Array.from({ length: 8000 }, () => 'SendHost').join(', ')}\n}\n`;
        expect((await failuresOf(text, { only: 'preview' })).filter(f => f.includes('in preview'))).toEqual([]);
    }, 60_000);
});
