/** If the language server process dies, the client starts it again and diagnostics come back. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, openBizha, spofTopology, waitFor } from './host-helpers.js';
import { log } from './log.js';

/** Pids of bizha language server processes (out/server/main.cjs of the installed extension). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('bizha') && cmdline.includes('out/server/main.cjs')) pids.push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  return pids;
}

describe('bizha resilience (packaged extension)', function () {
  this.timeout(90_000);

  it('restarts a killed language server and diagnostics come back', async function () {
    if (process.platform !== 'linux') this.skip(); // reads /proc to find the server process
    const doc = await openBizha(spofTopology);
    await waitFor('HA-HOST-SPOF', 30_000, () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'HA-HOST-SPOF'));
    const before = serverPids();
    assert.ok(before.length > 0, 'no bizha language server process found');
    for (const pid of before) process.kill(pid, 'SIGKILL');
    log(`killed language server ${before.join(', ')}`);
    const after = await waitFor('a new language server process', 45_000, () => {
      const pids = serverPids().filter((pid) => !before.includes(pid));
      return pids.length > 0 ? pids : undefined;
    });
    log(`restarted as ${after.join(', ')}`);
    // A diagnostic only the new server can publish: ProcessingHost loses its instance on BTS01.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? await vscode.window.showTextDocument(doc);
    await editor.edit((b) => {
      const text = doc.getText();
      const at = text.indexOf('instances on BTS01, BTS02 }\n    host SendHost');
      b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'instances on BTS01, BTS02'.length)), 'instances on BTS02');
    });
    await waitFor('diagnostics from the restarted server', 45_000, () => {
      const spofs = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === 'HA-HOST-SPOF');
      return spofs.some((d) => d.message.includes('ProcessingHost')) ? spofs : undefined;
    });
  });
});
