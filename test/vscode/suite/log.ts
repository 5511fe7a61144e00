/**
 * Output of the in-host run. Everything logged here goes to the extension
 * host's console (forwarded to the workbench: run.mjs sees it through
 * codeAutomationLog; test-electron prints it) and into the results file that
 * index.ts writes. Tests should use `log()` rather than console.log, whose
 * output does not reach the results file.
 */
import * as util from 'node:util';

export const captured: string[] = [];

export function log(...args: unknown[]): void {
  captured.push(util.format(...args));
  console.log(...args);
}
