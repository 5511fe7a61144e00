import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import settingsSchema from '../../schemas/bizha.schema.json' with { type: 'json' };
import type { Severity } from '../rules/rule.js';

export type SeveritySetting = Severity | 'off';
export const severitySettings: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SettingsProblem {
    readonly message: string;
    /** Zero-based position in the settings text, when the problem comes from a file. */
    readonly line: number;
    readonly character: number;
    /** How many characters of that line the problem covers (at least 1). */
    readonly length: number;
}

export interface ParsedSettings {
    readonly overrides: Map<string, SeveritySetting>;
    readonly problems: SettingsProblem[];
}

/** A JSON value and where it is written, for locating schema errors. */
interface Located {
    readonly value: unknown;
    readonly locate: (path: readonly string[], part: 'key' | 'value') => Omit<SettingsProblem, 'message'>;
}

let validator: ValidateFunction | undefined;

/** bizha.json's schema, also used by VS Code (contributes.jsonValidation); compiled on first use. */
function settingsValidator(): ValidateFunction {
    if (!validator) {
        const ajv = new Ajv({ allErrors: true });
        // VS Code's schema annotations.
        ajv.addVocabulary(['enumDescriptions', 'markdownDescription']);
        validator = ajv.compile(settingsSchema);
    }
    return validator;
}

function severityOf(value: unknown): SeveritySetting | undefined {
    const normalized = value === 'info' ? 'information' : value;
    return severitySettings.find(setting => setting === normalized);
}

/**
 * Checks settings against the schema and reads the rule severity overrides from them:
 * `{ "rules": { "HA-DR-BACKUPJOB": "off" } }`. Unknown ids and values are reported, not ignored;
 * the valid entries still apply.
 */
function readSettings({ value, locate }: Located): ParsedSettings {
    const validate = settingsValidator();
    const problems: SettingsProblem[] = [];
    const rejected = new Set<string>();
    if (!validate(value)) {
        for (const error of validate.errors ?? []) {
            const path = error.instancePath.split('/').slice(1).map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
            const problem = describeSchemaError(error, path, value);
            if (path[0] === 'rules' && path.length === 2) rejected.add(path[1]);
            if (error.keyword === 'additionalProperties' && path.length === 1 && path[0] === 'rules') rejected.add(String(error.params.additionalProperty));
            problems.push({ message: problem.message, ...locate(problem.path, problem.part) });
        }
    }
    const overrides = new Map<string, SeveritySetting>();
    const rules = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).rules : undefined;
    if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
        for (const [id, setting] of Object.entries(rules)) {
            const severity = severityOf(setting);
            if (severity && !rejected.has(id)) overrides.set(id, severity);
        }
    }
    return { overrides, problems: problems.sort((a, b) => a.line - b.line || a.character - b.character) };
}

/** The message for one schema error, and whether it is about a key or a value. */
function describeSchemaError(error: ErrorObject, path: string[], value: unknown): { message: string; path: string[]; part: 'key' | 'value' } {
    const where = path.join('.');
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            const message = where === '' ? `unknown setting "${key}" (bizha.json knows only "rules")` : where === 'rules' ? `unknown rule id "${key}"` : `unknown property "${key}" in ${where}`;
            return { message, path: [...path, key], part: 'key' };
        }
        case 'enum':
            if (path[0] === 'rules' && path.length === 2) {
                const setting = (value as { rules: Record<string, unknown> }).rules[path[1]];
                return { message: `rule "${path[1]}": severity must be one of ${severitySettings.join(', ')}, not ${JSON.stringify(setting)}`, path, part: 'value' };
            }
            break;
        case 'type':
            if (where === '') return { message: 'bizha.json must hold a JSON object such as { "rules": { ... } }', path, part: 'value' };
            if (where === 'rules') return { message: '"rules" must be an object mapping rule ids to severities', path, part: 'value' };
            break;
    }
    return { message: `${where || 'bizha.json'}: ${error.message ?? error.keyword}`, path, part: 'value' };
}

/** Reads the `bizha.rules` object of the VS Code settings (no positions: problems are shown as messages). */
export function parseRuleOverrides(rules: unknown): ParsedSettings {
    if (rules === undefined || rules === null) return { overrides: new Map(), problems: [] };
    return readSettings({ value: { rules }, locate: () => ({ line: 0, character: 0, length: 1 }) });
}

const syntaxMessages: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes is expected here (a trailing comma?)',
    ValueExpected: 'a value is expected here',
    ColonExpected: '":" is expected here',
    CommaExpected: '"," is expected here',
    CloseBraceExpected: '"}" is expected here',
    CloseBracketExpected: '"]" is expected here',
    EndOfFileExpected: 'nothing may follow the settings object',
    InvalidCommentToken: 'comments are not allowed in bizha.json',
    UnexpectedEndOfComment: 'comments are not allowed in bizha.json',
    UnexpectedEndOfString: 'the string is not closed',
    UnexpectedEndOfNumber: 'malformed number',
    InvalidUnicode: 'malformed \\u escape',
    InvalidEscapeCharacter: 'malformed escape sequence',
    InvalidCharacter: 'a control character must be escaped in a string'
};

/** Parses the text of a bizha.json file (strict JSON, like VS Code's editor for it); every problem is located. */
export function parseBizhaJson(text: string): ParsedSettings {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0 || !root) {
        // Later syntax errors are mostly consequences of the first one.
        const first = errors[0] ?? { error: 4, offset: 0, length: 0 };
        const code = printParseErrorCode(first.error);
        return { overrides: new Map(), problems: [{ message: `bizha.json is not valid JSON: ${syntaxMessages[code] ?? code}`, ...span(text, first.offset, first.length) }] };
    }
    return readSettings({
        value: getNodeValue(root),
        locate: (path, part) => {
            const node = nodeAt(root, path);
            const shown = part === 'key' && node?.parent?.type === 'property' ? node.parent.children![0] : node ?? root;
            return span(text, shown.offset, shown.length);
        }
    });
}

/** The value node at `path`; for a key written twice, the last one (JSON takes the last value). */
function nodeAt(root: JsonNode, path: readonly string[]): JsonNode | undefined {
    let node: JsonNode | undefined = root;
    for (const key of path) {
        const property: JsonNode | undefined = node?.type === 'object' ? [...node.children ?? []].reverse().find(child => child.children?.[0]?.value === key) : undefined;
        node = property?.children?.[1];
        if (!node) return undefined;
    }
    return node;
}

function span(text: string, offset: number, length: number): Omit<SettingsProblem, 'message'> {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const lineEnd = text.indexOf('\n', offset);
    const onLine = (lineEnd < 0 ? text.length : lineEnd) - offset;
    return { line, character: offset - (before.lastIndexOf('\n') + 1), length: Math.max(1, Math.min(length, onLine)) };
}

/** Holds the overrides in force: bizha.json first, the editor setting on top. */
export class BizhaRuleSettings {
    private fileOverrides = new Map<string, SeveritySetting>();
    private editorOverrides = new Map<string, SeveritySetting>();
    /** Files larger than this get a notice instead of the HA analysis (setting bizha.maxFileSizeKB). */
    maxFileSizeKB = 4096;

    setFileOverrides(overrides: Map<string, SeveritySetting>): void { this.fileOverrides = overrides; }
    setEditorOverrides(overrides: Map<string, SeveritySetting>): void { this.editorOverrides = overrides; }

    override(ruleId: string): SeveritySetting | undefined {
        return this.editorOverrides.get(ruleId) ?? this.fileOverrides.get(ruleId);
    }

    /** The same settings as another workspace's (the private copy "make highly available" works on). */
    copyFrom(other: BizhaRuleSettings): void {
        this.fileOverrides = new Map(other.fileOverrides);
        this.editorOverrides = new Map(other.editorOverrides);
        this.maxFileSizeKB = other.maxFileSizeKB;
    }
}
