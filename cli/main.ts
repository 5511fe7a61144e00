import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { rulesDocsFolder } from '../server/bundle-paths.js';
import { findings, formatJson, formatText, relative, summary } from './check.js';
import { formatExplain } from './explain.js';
import { runFix } from './fix.js';
import { runImport } from './import.js';
import { checkReportTarget, makeReport, svgPathFor } from './report.js';
import { formatRules } from './rules.js';
import { formatSarif, parseDocsUrl } from './sarif.js';
import { collectFiles, InputError, loadWorkspace } from './workspace.js';

const version = '0.1.0';

const usage = `bizha ${version} - BizTalk Server high-availability analyzer

Usage:
  bizha check <file|folder>... [--format text|json|sarif] [--max-warnings N] [--config bizha.json]
              [--docs-url URL]   (rule pages' base URL: SARIF helpUri, JSON help)
  bizha explain <file|folder>... [--format text|json] [--no-color]
  bizha report <file|folder>... -o report.html   (also writes report.svg)
  bizha fix <file|folder>... [--rule ID]... [--write] [--diff] [--config bizha.json]
  bizha rules [--format text|markdown|json]
  bizha import [--collector collector.json] [--bindings bindings.xml]... -o topology.bizha [--force]
  bizha --help | --version

All paths of one command form one workspace; a folder contributes its .bizha files.
check exits 1 when there are errors (or more than N warnings), 2 on bad input.
import writes one .bizha file from a collector file (collector/Get-BizhaTopology.ps1) and binding
files (BTSTask ExportBindings), then exits as check does on it.
fix applies the rules' preferred fixes (errors and warnings; --rule limits them) until none is left.
Without --write it prints a unified diff and changes nothing; --write rewrites the .bizha files
(--diff also prints the diff). It exits 0 when nothing is left to fix, 1 when errors remain or,
without --write, when a file would change.`;

/** Every option of every command; `parseArgs` reads them, `parseArguments` checks them. */
const optionSpec = {
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    'docs-url': { type: 'string' },
    output: { type: 'string', short: 'o' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    bindings: { type: 'string', multiple: true },
    collector: { type: 'string' },
    force: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    write: { type: 'boolean' },
    diff: { type: 'boolean' }
} as const satisfies ParseArgsConfig['options'];

interface Options {
    command?: string;
    paths: string[];
    format?: string;
    maxWarnings?: number;
    config?: string;
    docsUrl?: URL;
    output?: string;
    color: boolean;
    help: boolean;
    version: boolean;
    bindings: string[];
    collector?: string;
    force: boolean;
    rules: string[];
    write: boolean;
    diff: boolean;
}

/**
 * `parseArgs` runs non-strict so that this function, not Node's error text, words the
 * problems: an unknown option, an option without its value, a value given to a switch.
 */
function parseArguments(args: string[]): Options {
    const { positionals, tokens } = parseArgs({ args, options: optionSpec, strict: false, allowPositionals: true, tokens: true });
    const options: Options = { paths: [], color: !!process.stdout.isTTY && !process.env.NO_COLOR, help: false, version: false, bindings: [], force: false, rules: [], write: false, diff: false };
    for (const token of tokens) {
        if (token.kind !== 'option') continue;
        if (!Object.hasOwn(optionSpec, token.name)) throw new InputError(`unknown option ${token.rawName}`);
        const name = token.name as keyof typeof optionSpec;
        const value = token.value;
        if (optionSpec[name].type === 'string') {
            if (value === undefined) throw new InputError(`${token.rawName} needs a value`);
        } else if (value !== undefined) {
            throw new InputError(`${token.rawName} takes no value`);
        }
        switch (name) {
            case 'format': options.format = value; break;
            case 'max-warnings': {
                const n = Number(value);
                if (value!.trim() === '' || !Number.isInteger(n) || n < 0) throw new InputError('--max-warnings needs a whole number >= 0');
                options.maxWarnings = n;
                break;
            }
            case 'config': options.config = value; break;
            case 'docs-url': options.docsUrl = parseDocsUrl(value!); break;
            case 'output': options.output = value; break;
            // The last of --color / --no-color wins.
            case 'color': options.color = true; break;
            case 'no-color': options.color = false; break;
            case 'help': options.help = true; break;
            case 'version': options.version = true; break;
            case 'bindings': options.bindings.push(value!); break;
            case 'collector': options.collector = value; break;
            case 'force': options.force = true; break;
            case 'rule': options.rules.push(value!); break;
            case 'write': options.write = true; break;
            case 'diff': options.diff = true; break;
        }
    }
    [options.command, ...options.paths] = positionals;
    return options;
}

/** A rule's page as shipped with the CLI (docs/rules/<ID>.md). */
function ruleDoc(id: string): string | undefined {
    try {
        return fs.readFileSync(path.join(rulesDocsFolder(), `${id}.md`), 'utf8');
    } catch {
        return undefined;
    }
}

async function main(args: string[]): Promise<number> {
    if (args.length === 0) {
        process.stdout.write(usage + '\n');
        return 2;
    }
    const options = parseArguments(args);
    if (options.help) {
        process.stdout.write(usage + '\n');
        return 0;
    }
    if (options.version) {
        process.stdout.write(version + '\n');
        return 0;
    }
    switch (options.command) {
        case 'check': {
            const format = options.format ?? 'text';
            if (!['text', 'json', 'sarif'].includes(format)) throw new InputError(`unknown format ${format} (text, json or sarif)`);
            const files = collectFiles(options.paths);
            const workspace = await loadWorkspace(files, options.config);
            const list = findings(workspace);
            const counts = summary(list);
            if (format === 'json') process.stdout.write(formatJson(list, files, options.docsUrl) + '\n');
            else if (format === 'sarif') process.stdout.write(formatSarif(list, { version, ruleDoc, docsUrl: options.docsUrl }) + '\n');
            else {
                if (list.length > 0) process.stdout.write(formatText(list) + '\n');
                process.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'}: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.information} information\n`);
            }
            if (counts.errors > 0) return 1;
            if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) return 1;
            return 0;
        }
        case 'explain': {
            const format = options.format ?? 'text';
            if (!['text', 'json'].includes(format)) throw new InputError(`unknown format ${format} (text or json)`);
            const files = collectFiles(options.paths);
            const workspace = await loadWorkspace(files, options.config);
            const analyses = workspace.documents.flatMap(document =>
                workspace.services.analysis.Analysis.forDocument(document).map(({ analysis }) => ({ file: relative(document.uri.fsPath), analysis })));
            if (format === 'json') process.stdout.write(JSON.stringify(analyses, null, 2) + '\n');
            else process.stdout.write(formatExplain(analyses, options.color));
            const syntax = workspace.documents.flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1 && d.code === undefined);
            if (syntax.length > 0) process.stderr.write(`bizha: ${syntax.length} syntax or reference error${syntax.length === 1 ? '' : 's'}; run \`bizha check\` to see them.\n`);
            return 0;
        }
        case 'rules': {
            const format = options.format ?? 'text';
            if (!['text', 'markdown', 'json'].includes(format)) throw new InputError(`unknown format ${format} (text, markdown or json)`);
            process.stdout.write(formatRules(format as 'text' | 'markdown' | 'json') + '\n');
            return 0;
        }
        case 'report': {
            if (!options.output) throw new InputError('report needs -o <file.html>');
            checkReportTarget(options.output);
            const files = collectFiles(options.paths);
            const workspace = await loadWorkspace(files, options.config);
            const report = await makeReport(workspace, `bizha ${version}`);
            const svg = svgPathFor(options.output);
            try {
                fs.writeFileSync(options.output, report.html);
                fs.writeFileSync(svg, report.svg);
            } catch (error) {
                throw new InputError(`cannot write the report: ${(error as Error).message}`);
            }
            process.stdout.write(`wrote ${options.output} and ${svg}\n`);
            return 0;
        }
        case 'fix':
            return runFix(options, text => process.stdout.write(text), text => process.stderr.write(text));
        case 'import':
            if (options.paths.length > 0) throw new InputError(`import reads --collector and --bindings files, not ${options.paths[0]}`);
            return runImport(options, text => process.stdout.write(text));
        default:
            throw new InputError(options.command ? `unknown command ${options.command} (check, explain, fix, report, rules or import)` : 'no command given');
    }
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, error => {
    if (error instanceof InputError) {
        process.stderr.write(`bizha: ${error.message}\n`);
        process.exitCode = 2;
    } else {
        process.stderr.write(`bizha: internal error: ${error?.stack ?? error}\n`);
        process.exitCode = 3;
    }
});
