/** "bizha: Import BizTalk Environment…": the server imports the files, the topology opens beside its preview. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, waitFor } from './host-helpers.js';
import { log } from './log.js';

declare const BIZHA_REPOSITORY: string;

interface PreviewState { open: boolean; uri?: string; groups: Array<{ group: string; functions: string[] }> }

describe('bizha import command (packaged extension)', function () {
  this.timeout(90_000);

  it('imports the collector output and binding files, opens the topology and its preview', async function () {
    const fixtures = path.join(BIZHA_REPOSITORY, 'test', 'import', 'fixtures');
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-e2e-import-')), 'contoso.bizha');
    const written = await vscode.commands.executeCommand<string | undefined>('bizha.importEnvironment', {
      collector: path.join(fixtures, 'contoso-collector.json'),
      bindings: [path.join(fixtures, 'contoso-orders.BindingInfo.xml'), path.join(fixtures, 'contoso-finance.BindingInfo.xml')],
      output
    });
    assert.equal(written, vscode.Uri.file(output).toString());
    assert.match(fs.readFileSync(output, 'utf8'), /^group Contoso_Production \{/m);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === output);
    assert.ok(editor, 'the imported topology is open');
    const preview = await waitFor('the preview of the imported group', 45_000, async () => {
      const s = await vscode.commands.executeCommand<PreviewState>('_bizha.preview.state');
      return s.open && s.uri === editor.document.uri.toString() && s.groups.length > 0 ? s : undefined;
    });
    assert.ok(preview.groups[0].functions.includes('processing:ProcessingHost'));
    // It parses and links: no syntax or reference error, only rule findings (which carry a code).
    const diagnostics = await waitFor('diagnostics of the imported file', 30_000, () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri);
      return list.length > 0 ? list : undefined;
    });
    log(`imported topology: ${diagnostics.length} diagnostics`);
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error && !codeOf(d)?.startsWith('HA-')).map((d) => d.message), []);
  });
});
