/** Small helpers shared by the in-host test files. */
import * as vscode from 'vscode';

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** Polls until probe returns a value (the server answers asynchronously). */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  return list
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`)
    .join('\n') || '  (none)';
}

/** Opens an untitled bizha document (nothing is written to the workspace) and shows it. */
export async function openBizha(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'bizha', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`text not found: ${needle}`);
  return doc.positionAt(at + offsetInNeedle);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** A highly available group in which SendHost has lost its second instance. */
export const spofTopology = `group Prod {
    computer BTS01, BTS02
    computer SQL01, SQL02
    cluster SQLCL { nodes SQL01, SQL02  storage SAN01  msdtc }
    sql BTSSQL on SQLCL { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    sso { master-secret-server on SQLCL  backup "\\\\\\\\fs01\\\\sso"  administrators CONTOSO\\SSOAdmins }
    host ReceiveHost { receive FILE  instances on BTS01, BTS02 }
    host ProcessingHost { orchestrations  instances on BTS01, BTS02 }
    host SendHost { send SMTP  instances on BTS01 }
    host TrackingHost { tracking  instances on BTS01, BTS02 }
    backup-job { destination "\\\\\\\\fs01\\\\backup" }
}
`;
