/**
 * Smoke test of the packaged extension inside a real VS Code extension host.
 *
 * Expects the workspace folder to contain two-computer-not-ha/topology.bizha
 * (examples/ in the repository), a topology whose two computers share every
 * role, so the analyzer reports host and database single points of failure.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, waitFor } from './host-helpers.js';
import { log } from './log.js';

const EXTENSION_ID = 'bizha.bizha';
const TOPOLOGY = 'two-computer-not-ha/topology.bizha';

describe('bizha smoke (packaged extension)', function () {
  let doc: vscode.TextDocument;

  it('opens two-computer-not-ha/topology.bizha as a bizha document', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, ...TOPOLOGY.split('/'));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'bizha');
  });

  it('reports HA-HOST-SPOF and HA-DB-SPOF diagnostics', async function () {
    this.timeout(45_000);
    assert.ok(doc, 'document was not opened');
    const diagnostics = await waitFor('an HA-HOST-SPOF diagnostic', 30_000, () => {
      const list = vscode.languages.getDiagnostics(doc.uri);
      return list.some((d) => codeOf(d) === 'HA-HOST-SPOF') ? list : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}; diagnostics now:\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri))}`);
    });
    log(`diagnostics on ${TOPOLOGY}:\n${describeDiagnostics(diagnostics)}`);
    const codes = new Set(diagnostics.map(codeOf));
    assert.ok(codes.has('HA-HOST-SPOF'), 'no HA-HOST-SPOF diagnostic');
    assert.ok(codes.has('HA-DB-SPOF'), `no HA-DB-SPOF diagnostic; codes: ${[...codes].join(', ')}`);
  });

  it('runs the installed extension bizha.bizha, active', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(ext.isActive, true, `extension ${EXTENSION_ID} is not active`);
    // isActive is true even when activate() threw; activate() on an activated
    // extension rethrows its activation error, if any.
    await ext.activate();
    const where = ext.extensionUri.fsPath;
    log(`${EXTENSION_ID} ${ext.packageJSON?.version} at ${where}; VS Code ${vscode.version}, Node ${process.versions.node}`);
    // run.mjs installs the .vsix into its own extensions dir: prove that copy is the one running.
    const expectedDir = process.env.BIZHA_E2E_EXTENSIONS_DIR;
    if (expectedDir) {
      const rel = path.relative(path.resolve(expectedDir), path.resolve(where));
      assert.ok(rel && !rel.startsWith('..') && !path.isAbsolute(rel),
        `${EXTENSION_ID} runs from ${where}, not from the installed vsix under ${expectedDir}`);
    }
  });
});
