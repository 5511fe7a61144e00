/** If the language server process dies, the client starts it again and diagnostics come back. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, openBizha, spofTopology, waitFor } from './host-helpers.js';
import { log } from './log.js';

/**
 * Every process's id and command line: /proc on Linux (no procps needed), CIM through PowerShell
 * on Windows, `ps` elsewhere (macOS).
 */
function processes(): Array<{ pid: number; command: string }> {
  if (process.platform === 'linux') {
    return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
      try {
        return [{ pid: Number(entry), command: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') }];
      } catch {
        return []; // the process ended meanwhile
      }
    });
  }
  if (process.platform === 'win32') {
    const json = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command',
      'Get-CimInstance Win32_Process | Select-Object ProcessId, CommandLine | ConvertTo-Json -Compress'], { encoding: 'utf8' });
    return (JSON.parse(json) as Array<{ ProcessId: number; CommandLine: string | null }>).map((p) => ({ pid: p.ProcessId, command: p.CommandLine ?? '' }));
  }
  return execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' }).split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), command: match[2] }] : [];
  });
}

/** Pids of bizha language server processes (out/server/main.cjs of the installed extension). */
function serverPids(): number[] {
  return processes()
    .filter(({ command }) => command.includes('bizha') && command.replace(/\\/g, '/').includes('out/server/main.cjs'))
    .map(({ pid }) => pid);
}

describe('bizha resilience (packaged extension)', function () {
  this.timeout(90_000);

  it('restarts a killed language server and diagnostics come back', async function () {
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
