/** `// bizha-ignore RULE-ID[, RULE-ID] -- reason` on the line before an element. */
export interface Suppression {
    /** Zero-based line of the comment; it silences diagnostics starting on `line + 1`. */
    readonly line: number;
    readonly character: number;
    readonly length: number;
    readonly ids: string[];
    readonly reason: string;
}

const suppressionPattern = /^(\s*)(\/\/\s*bizha-ignore\b(.*))$/;

export function parseSuppressions(text: string): Suppression[] {
    const suppressions: Suppression[] = [];
    if (!text.includes('bizha-ignore')) return suppressions;
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((line, index) => {
        const match = suppressionPattern.exec(line);
        if (!match) return;
        const body = match[3];
        const separator = body.indexOf('--');
        const idsText = separator >= 0 ? body.slice(0, separator) : body;
        suppressions.push({
            line: index,
            character: match[1].length,
            length: match[2].trimEnd().length,
            ids: idsText.split(',').map(id => id.trim()).filter(id => id.length > 0),
            reason: separator >= 0 ? body.slice(separator + 2).trim() : ''
        });
    });
    return suppressions;
}
