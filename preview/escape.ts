/**
 * Everything the preview shows from a topology (names, labels, strings in diagnostic messages)
 * goes through these: a topology can come from anyone's repository.
 */

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Bidirectional formatting and invisible direction marks: shown as visible code points, never obeyed. */
// eslint-disable-next-line no-control-regex
const invisibleControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function visibleControls(text: string): string {
    return text.replace(invisibleControls, ch => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Text content and attribute values (always quoted with "). */
export function escapeHtml(value: unknown): string {
    return visibleControls(String(value ?? '')).replace(/[&<>"'`]/g, ch => htmlEntities[ch]);
}

/** A value of our own (a CSP) inside a double-quoted attribute: only what could end the attribute is escaped. */
export function escapeQuoted(value: string): string {
    return value.replace(/[&"<>]/g, ch => htmlEntities[ch]);
}

/** A name from the file as text: escaped and isolated so its direction cannot reorder what surrounds it. */
export function name(value: unknown): string {
    return `<bdi>${escapeHtml(value)}</bdi>`;
}

/** XML text and attributes for the SVG export. */
export function escapeXml(value: unknown): string {
    return visibleControls(String(value ?? '')).replace(/[&<>"']/g, ch => htmlEntities[ch]);
}

/** JSON inside a <script type="application/json">: nothing in it can close the element or start a comment. */
export function jsonForScript(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

/** A bundled script inside an inline <script> element: `</script` and `<!--` cannot end or escape it (the escapes mean the same in strings and regular expressions). */
export function scriptForInline(code: string): string {
    return code
        .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')
        .replace(/<\/(script)/gi, '<\\/$1')
        .replace(/<!--/g, '<\\x21--');
}
