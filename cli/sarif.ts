import * as path from 'node:path';
import { allRules } from '../language/rules/registry.js';
import type { Finding, Severity } from './check.js';
import { InputError } from './workspace.js';

export interface SarifOptions {
    /** The tool's version (`tool.driver.version`). */
    readonly version: string;
    /** The Markdown page of a rule (docs/rules/<ID>.md), when it has one. */
    readonly ruleDoc: (id: string) => string | undefined;
    /**
     * Where the rule pages are published (http or https), from `--docs-url`. Without it the log
     * has no `helpUri` or `informationUri`: the pages travel in `help` instead, and no path of
     * the machine that ran the check leaks into it.
     */
    readonly docsUrl?: URL;
}

/** `--docs-url`: an http(s) URL of the folder that holds <RULE-ID>.md; a trailing slash is implied. */
export function parseDocsUrl(value: string): URL {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new InputError(`--docs-url needs an absolute http or https URL (got ${value})`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`--docs-url needs an http or https URL (got ${value})`);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 with every rule bizha knows, each with its documentation page as `help`. */
export function formatSarif(list: Finding[], options: SarifOptions): string {
    const rules = allRules.map(rule => {
        const page = options.ruleDoc(rule.id);
        return {
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.summary },
            ...(page === undefined ? {} : { help: { text: markdownToText(page, options.docsUrl), markdown: resolveLinks(page, options.docsUrl) } }),
            ...(options.docsUrl ? { helpUri: new URL(`${rule.id}.md`, options.docsUrl).href } : {}),
            defaultConfiguration: { level: sarifLevel[rule.defaultSeverity] },
            properties: { area: rule.area }
        };
    });
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    return JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'bizha',
                    version: options.version,
                    ...(options.docsUrl ? { informationUri: new URL('README.md', options.docsUrl).href } : {}),
                    rules
                }
            },
            results: list.map(f => ({
                ruleId: f.rule,
                ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
                level: sarifLevel[f.severity],
                message: { text: f.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: relativeUri(f.file) },
                        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    }
                }]
            }))
        }]
    }, null, 2);
}

/** A relative file path as a URI reference: forward slashes, each segment percent-encoded (spaces, #, ?). */
function relativeUri(file: string): string {
    return file.split(path.sep).join('/').split('/').map(segment => segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)).join('/');
}

const markdownLink = /\[([^\]]*)\]\(([^)\s]+)\)/g;

function isAbsoluteUrl(target: string): boolean {
    return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/**
 * The page's links as a reader of the log can follow them: a link to another page (relative)
 * points into `docsUrl` when there is one, and is left as its text when there is not.
 */
function resolveLinks(markdown: string, docsUrl: URL | undefined): string {
    return markdown.replace(markdownLink, (link, text: string, target: string) => {
        if (isAbsoluteUrl(target) || target.startsWith('#')) return link;
        return docsUrl ? `[${text}](${new URL(target, docsUrl).href})` : text;
    });
}

/** Plain text of a rule page for viewers without Markdown: no markup, link targets in parentheses. */
function markdownToText(markdown: string, docsUrl: URL | undefined): string {
    return resolveLinks(markdown, docsUrl)
        .replace(markdownLink, (_link, text: string, target: string) => target.startsWith('#') ? text : `${text} (${target})`)
        .split('\n')
        .filter(line => !line.startsWith('```'))
        .map(line => line.replace(/^#+\s+/, '').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1'))
        .join('\n');
}
