import type { Severity } from '../rules/rule.js';

export type SeveritySetting = Severity | 'off';
export const severitySettings: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SettingsProblem {
    readonly message: string;
    /** Zero-based position in the settings text, when the problem comes from a file. */
    readonly line: number;
    readonly character: number;
}

export interface ParsedSettings {
    readonly overrides: Map<string, SeveritySetting>;
    readonly problems: SettingsProblem[];
}

/**
 * Reads rule severity overrides: `{ "rules": { "HA-DR-BACKUPJOB": "off" } }` (bizha.json) or the
 * `bizha.rules` object of the VS Code settings. Unknown ids and values are reported, not ignored.
 */
export function parseRuleOverrides(rules: unknown, knownIds: ReadonlySet<string>, locate: (key: string) => { line: number; character: number } = () => ({ line: 0, character: 0 })): ParsedSettings {
    const overrides = new Map<string, SeveritySetting>();
    const problems: SettingsProblem[] = [];
    if (rules === undefined || rules === null) return { overrides, problems };
    if (typeof rules !== 'object' || Array.isArray(rules)) {
        problems.push({ message: '"rules" must be an object mapping rule ids to severities', ...locate('rules') });
        return { overrides, problems };
    }
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
        if (!knownIds.has(id)) {
            problems.push({ message: `unknown rule id "${id}"`, ...locate(id) });
            continue;
        }
        const normalized = value === 'info' ? 'information' : value;
        if (typeof normalized !== 'string' || !severitySettings.includes(normalized as SeveritySetting)) {
            problems.push({ message: `rule "${id}": severity must be one of ${severitySettings.join(', ')}, not ${JSON.stringify(value)}`, ...locate(id) });
            continue;
        }
        overrides.set(id, normalized as SeveritySetting);
    }
    return { overrides, problems };
}

/** Parses the text of a bizha.json file; a malformed file gets a located problem. */
export function parseBizhaJson(text: string, knownIds: ReadonlySet<string>): ParsedSettings {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
        return { overrides: new Map(), problems: [{ message: `bizha.json is not valid JSON: ${message}`, ...positionAt(text, offset) }] };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { overrides: new Map(), problems: [{ message: 'bizha.json must hold a JSON object such as { "rules": { ... } }', line: 0, character: 0 }] };
    }
    const locate = (key: string) => {
        const offset = text.indexOf(JSON.stringify(key));
        return positionAt(text, Math.max(0, offset));
    };
    const problems: SettingsProblem[] = [];
    for (const key of Object.keys(parsed)) {
        if (key !== 'rules') problems.push({ message: `unknown setting "${key}" (bizha.json knows only "rules")`, ...locate(key) });
    }
    const result = parseRuleOverrides((parsed as Record<string, unknown>).rules, knownIds, locate);
    return { overrides: result.overrides, problems: [...problems, ...result.problems] };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
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
}
