/**
 * Editing features of the installed extension through VS Code's own commands: completion,
 * hover, a quick fix applied with workspace.applyEdit, rename across two files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, hoverText, openBizha, positionOf, spofTopology, waitFor } from './host-helpers.js';
import { log } from './log.js';

const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;

/** examples/two-computer-not-ha without its comments: one BizTalk computer, one SQL computer, local and built-in accounts. */
// Group names are workspace-wide: the examples folder (the test workspace) already has ContosoTwoBox,
// and each test's untitled document stays open, so every test names its group apart.
const notHighlyAvailable = (group: string): string => `group ${group} {
    version 2020 cu 6
    edition enterprise

    computer BTS01
    computer SQL01

    sql BTSSQL on SQL01 {
        edition standard
        version 2019 cu 18
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }

    sso {
        master-secret-server on BTS01
        administrators BTS01\\SSOAdmins
    }

    host BizTalkServerApplication {
        receive FILE (path "C:\\\\BizTalk\\\\In"), FTP
        orchestrations
        send FILE, SMTP, WCF-BasicHttp
        tracking
        instances on BTS01
        account BTS01\\svc-biztalk
        windows-group BTS01\\BizTalkAppUsers
    }

    host BizTalkServerIsolatedHost isolated {
        receive WCF-BasicHttp
        instances on BTS01
        account NetworkService
    }
}
`;

describe('bizha editing features (packaged extension)', function () {
  this.timeout(60_000);

  it('completes adapter names after receive, with their HA strategy', async function () {
    const doc = await openBizha('group G {\n    computer BTS01, BTS02\n    host H { receive  }\n}\n');
    const position = positionOf(doc, 'receive ', 'receive '.length);
    const list = await waitFor('adapter completions', 30_000, async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
      return result.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'FTP') ? result : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    log(`completions after receive: ${labels.slice(0, 12).join(', ')} ...`);
    for (const adapter of ['FILE', 'FTP', 'WCF-BasicHttp']) assert.ok(labels.includes(adapter), `no ${adapter} in ${labels.join(', ')}`);
  });

  it('explains a keyword and a host on hover, from the analysis', async function () {
    const doc = await openBizha(spofTopology);
    await waitFor('diagnostics', 30_000, () => vscode.languages.getDiagnostics(doc.uri).length > 0 ? true : undefined);
    const keyword = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'host SendHost', 1)));
    assert.match(keyword, /host instance/i, keyword);
    const host = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'SendHost', 2)));
    log(`hover on SendHost:\n${host}`);
    assert.match(host, /BTS01/, host);
    assert.match(host, /stops if BTS01 fails/i, host);
  });

  it('applies the quick fix for HA-HOST-SPOF and the diagnostic disappears', async function () {
    const doc = await openBizha(spofTopology);
    const diagnostic = await waitFor('HA-HOST-SPOF', 30_000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'HA-HOST-SPOF'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    log(`code actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fix = actions.find((a) => a.title === 'Add an instance of SendHost on BTS02');
    assert.ok(fix?.edit, `no "Add an instance of SendHost on BTS02" among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /host SendHost \{ send SMTP {2}instances on BTS01, BTS02 \}/);
    await waitFor('HA-HOST-SPOF to disappear', 30_000, () =>
      vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'HA-HOST-SPOF') ? undefined : true
    ).catch((err: Error) => { throw new Error(`${err.message}\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri))}`); });
  });

  it('makes a group highly available with the source action, and its errors go', async function () {
    this.timeout(120_000);
    const doc = await openBizha(notHighlyAvailable('E2eTwoBox'));
    await waitFor('errors', 30_000, () => vscode.languages.getDiagnostics(doc.uri).some(isError) ? true : undefined);
    log(`before:\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri).filter(isError))}`);
    const at = positionOf(doc, 'group E2eTwoBox');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), 'source.bizha.makeHighlyAvailable');
    log(`source actions: ${actions.map((a) => a.title).join(' | ')}`);
    const action = actions.find((a) => a.title === 'Make group E2eTwoBox highly available');
    assert.ok(action?.edit, `no "Make group E2eTwoBox highly available" among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    await waitFor('every error to go', 60_000, () => vscode.languages.getDiagnostics(doc.uri).some(isError) ? undefined : true)
      .catch((err: Error) => { throw new Error(`${err.message}\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri))}\n${doc.getText()}`); });
    // The new SQL node's name continues SQL01 and skips names other files of the workspace declare (examples/multi-file has SQL02).
    // One member per line, as the formatter writes them (witness and network name follow).
    assert.match(doc.getText(), /cluster SQLCL\d* \{\n {8}nodes SQL01, SQL\d\d\n {8}storage SAN\d+\n {8}msdtc\n( {8}\S[^\n]*\n)* {4}\}/);
  });

  it('makes the active group highly available from the command palette command', async function () {
    this.timeout(120_000);
    const doc = await openBizha(notHighlyAvailable('E2eTwoBoxPalette'));
    await waitFor('errors', 30_000, () => vscode.languages.getDiagnostics(doc.uri).some(isError) ? true : undefined);
    await vscode.commands.executeCommand('bizha.makeHighlyAvailable');
    await waitFor('every error to go', 60_000, () => vscode.languages.getDiagnostics(doc.uri).some(isError) ? undefined : true)
      .catch((err: Error) => { throw new Error(`${err.message}\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri))}\n${doc.getText()}`); });
  });

  it('renames a computer across two files', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-rename-'));
    const inventory = path.join(dir, 'inventory.bizha');
    const groupFile = path.join(dir, 'group.bizha');
    fs.writeFileSync(inventory, 'computer RNM01, RNM02\n');
    fs.writeFileSync(groupFile, 'group G {\n    host H { send SMTP  instances on RNM01, RNM02 }\n}\n');
    const inventoryDoc = await vscode.workspace.openTextDocument(inventory);
    const groupDoc = await vscode.workspace.openTextDocument(groupFile);
    await vscode.window.showTextDocument(groupDoc);
    // Both files are known to the server once the group's reference resolves (no unresolved-reference error).
    await waitFor('the reference to resolve', 30_000, () => {
      const list = vscode.languages.getDiagnostics(groupDoc.uri);
      return list.length > 0 && !list.some((d) => /No computer named/.test(d.message)) ? true : undefined;
    });
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', inventoryDoc.uri, positionOf(inventoryDoc, 'RNM01', 1), 'RNMNEW01');
    const touched = edit.entries().map(([uri, edits]) => `${path.basename(uri.fsPath)}:${edits.length}`).sort();
    log(`rename edits: ${touched.join(', ')}`);
    assert.deepEqual(touched, ['group.bizha:1', 'inventory.bizha:1']);
  });
});
