import { AstUtils, GrammarAST } from 'langium';
import { BizhaGrammar } from '../language/generated/grammar.js';

let keywords: Set<string> | undefined;

/** Every keyword of the language: a name that equals one cannot be written as an identifier. */
function languageKeywords(): Set<string> {
    return keywords ??= new Set(AstUtils.streamAllContents(BizhaGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
}

const identifier = /^[_a-zA-Z][\w-]*$/;

/**
 * Names as the language can write them. A name that is not an identifier (a space, a dot, a
 * leading digit, a keyword) is rewritten, and the rewrite is recorded so the output can list
 * every alias with the real name it stands for. Names are matched case-insensitively, as Windows
 * and BizTalk do; the first spelling seen is kept.
 */
export class NameTable {
    private readonly byKey = new Map<string, string>();
    private readonly used = new Set<string>();
    readonly aliases: { alias: string; real: string; kind: string }[] = [];

    constructor(private readonly kind: string) { }

    name(real: string): string {
        const key = real.toLowerCase();
        const known = this.byKey.get(key);
        if (known) return known;
        let base = real.replace(/[^\w-]+/g, '_');
        if (!/^[_a-zA-Z]/.test(base)) base = `_${base}`;
        if (languageKeywords().has(base)) base = `${base}_`;
        let candidate = base;
        for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
        this.used.add(candidate.toLowerCase());
        this.byKey.set(key, candidate);
        if (candidate !== real) this.aliases.push({ alias: candidate, real, kind: this.kind });
        return candidate;
    }

    has(real: string): boolean {
        return this.byKey.has(real.toLowerCase());
    }
}

export function isIdentifier(text: string): boolean {
    return identifier.test(text) && !languageKeywords().has(text);
}

/** A STRING literal of the language. Control characters cannot be written and are dropped. */
export function quote(value: string): string {
    return `"${printable(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Text safe inside a `//` comment: no line breaks or other control characters. */
export function printable(value: string): string {
    // eslint-disable-next-line no-control-regex
    return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

const accountToken = /^[A-Za-z0-9_.-]+\\[A-Za-z0-9_.$-]+$/;
const builtIn: Record<string, string> = {
    'localsystem': 'LocalSystem', 'nt authority\\system': 'LocalSystem', '.\\localsystem': 'LocalSystem',
    'networkservice': 'NetworkService', 'nt authority\\network service': 'NetworkService', 'nt authority\\networkservice': 'NetworkService',
    'localservice': 'LocalService', 'nt authority\\local service': 'LocalService', 'nt authority\\localservice': 'LocalService'
};

/** An account or Windows group as the language writes it: bare when it lexes as an account, else quoted. */
export function account(value: string): string {
    const trimmed = value.trim();
    const identity = builtIn[trimmed.toLowerCase()];
    if (identity) return identity;
    return accountToken.test(trimmed) ? trimmed : quote(trimmed);
}
