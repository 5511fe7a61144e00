import * as fs from 'node:fs';
import * as path from 'node:path';
import { previewGroups } from '../server/preview-request.js';
import { extensionRoot } from '../server/bundle-paths.js';
import { createLayoutEngine } from '../preview/layout-engine.js';
import { buildReport, type Report } from '../preview/report.js';
import { InputError, type LoadedWorkspace } from './workspace.js';

/**
 * `bizha report`: the redundancy preview as a self-contained HTML file (and an SVG of the
 * matrices), from the same renderer as the VS Code panel, for CI artifacts.
 */

/** The preview's browser bundle; the report is static (no failure simulation) without it. */
export function webviewScript(): string | undefined {
    const file = path.join(extensionRoot(), 'out', 'preview', 'webview.js');
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}

export function checkReportTarget(output: string): void {
    if (/\.bizha$/i.test(output)) throw new InputError(`refusing to write the report over a .bizha file: ${output} (give an .html file name with -o)`);
    // A link named like a report (or its .svg) that leads to a .bizha file would be written through (robustness test).
    for (const file of [output, svgPathFor(output)]) {
        let real: string;
        try {
            real = fs.realpathSync(file);
        } catch {
            continue; // does not exist yet
        }
        if (/\.bizha$/i.test(real)) throw new InputError(`refusing to write the report over a .bizha file: ${file} leads to ${real} (give another file name with -o)`);
    }
    if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new InputError(`${output} is a folder; give an .html file name with -o`);
}

export function svgPathFor(output: string): string {
    return /\.html?$/i.test(output) ? output.replace(/\.html?$/i, '.svg') : `${output}.svg`;
}

export function makeReport(workspace: LoadedWorkspace, generator: string, script = webviewScript()): Promise<Report> {
    const documents = workspace.documents.map(document => ({
        uri: document.uri.toString(),
        label: path.relative(process.cwd(), document.uri.fsPath) || path.basename(document.uri.fsPath),
        groups: previewGroups(workspace.services, document)
    }));
    return buildReport({ documents, script, generator, engine: createLayoutEngine() });
}
