/** The redundancy preview: the command opens the panel, it shows the functions of the open file, edits update it. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openBizha, spofTopology, waitFor } from './host-helpers.js';
import { log } from './log.js';

interface DrawnDiagram { group: string; computers: string[]; clusters: string[]; failed: string[] }
interface PreviewState { open: boolean; uri?: string; version: number | null; updates: number; groups: Array<{ group: string; functions: string[] }>; diagram?: DrawnDiagram[] }
const state = () => vscode.commands.executeCommand<PreviewState>('_bizha.preview.state');

describe('bizha redundancy preview (packaged extension)', function () {
  this.timeout(60_000);

  it('opens to the side, shows the functions of the file and follows edits', async function () {
    const doc = await openBizha(spofTopology);
    await vscode.commands.executeCommand('bizha.openPreviewToSide');
    const shown = await waitFor('the preview to show the group', 30_000, async () => {
      const s = await state();
      return s.open && s.groups.length > 0 ? s : undefined;
    });
    log(`preview shows ${shown.groups[0].functions.length} functions of ${shown.groups[0].group}`);
    assert.equal(shown.uri, doc.uri.toString());
    for (const id of ['send:SendHost:SMTP', 'processing:ProcessingHost', 'database:BizTalkMsgBoxDb', 'master-secret-server']) {
      assert.ok(shown.groups[0].functions.includes(id), `${id} missing from ${shown.groups[0].functions.join(', ')}`);
    }
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().lastIndexOf('}')), '    host AuditHost { send FILE  instances on BTS01, BTS02 }\n'));
    await waitFor('the preview to show the new host', 30_000, async () => {
      const s = await state();
      return s.groups[0]?.functions.includes('send:AuditHost:FILE') ? s : undefined;
    });
  });
  it('opens the topology diagram: every computer and the cluster drawn in the webview', async function () {
    await openBizha(spofTopology);
    await vscode.commands.executeCommand('bizha.openDiagramToSide');
    // The webview lays the diagram out with elkjs under VS Code's webview CSP and reports what it drew.
    const drawn = await waitFor('the webview to draw the diagram', 45_000, async () => {
      const s = await state();
      return s.diagram?.some((d) => d.group === 'Prod' && d.computers.length > 0) ? s.diagram : undefined;
    });
    const prod = drawn.find((d) => d.group === 'Prod')!;
    log(`diagram of Prod: computers ${prod.computers.join(', ')}; clusters ${prod.clusters.join(', ')}`);
    assert.deepEqual([...prod.computers].sort(), ['BTS01', 'BTS02', 'SQL01', 'SQL02']);
    assert.deepEqual(prod.clusters, ['SQLCL']);
    assert.deepEqual(prod.failed, []);
  });
});
