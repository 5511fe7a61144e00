import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: just what the importer reads. */
export interface XmlElement {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly children: readonly XmlElement[];
    readonly text: string;
}

/** Input the importer cannot use: reported with the file and, where known, the position. */
export class ImportInputError extends Error {
    readonly file: string;
    readonly line?: number;
    readonly column?: number;
    constructor(file: string, message: string, line?: number, column?: number) {
        super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: ${message}`);
        this.file = file;
        this.line = line;
        this.column = column;
    }
}

// Entity expansion is off in the parser (no DTD entity can expand: no "billion laughs"); the five
// predefined entities and character references are decoded here, and nothing else.
const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
    if (!value.includes('&')) return value;
    let out = '';
    let i = 0;
    while (i < value.length) {
        const amp = value.indexOf('&', i);
        if (amp < 0) { out += value.slice(i); break; }
        out += value.slice(i, amp);
        const semi = value.indexOf(';', amp);
        const entity = semi > amp ? value.slice(amp + 1, semi) : '';
        let decoded: string | undefined;
        if (entity in predefined) decoded = predefined[entity];
        else if (/^#x[0-9a-fA-F]{1,6}$/.test(entity)) decoded = codePoint(parseInt(entity.slice(2), 16));
        else if (/^#[0-9]{1,7}$/.test(entity)) decoded = codePoint(parseInt(entity.slice(1), 10));
        if (decoded === undefined) { out += '&'; i = amp + 1; continue; }
        out += decoded;
        i = semi + 1;
    }
    return out;
}

function codePoint(n: number): string | undefined {
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    preserveOrder: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true
});

type Ordered = Record<string, unknown>;

/** Parses an XML document; malformed input is an ImportInputError with its line and column. */
export function parseXml(file: string, xml: string): XmlElement {
    const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new ImportInputError(file, `not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
    const roots = (parser.parse(text) as Ordered[]).map(toElement).filter((e): e is XmlElement => e !== undefined);
    if (roots.length !== 1) throw new ImportInputError(file, 'expected one root element');
    return roots[0];
}

function toElement(node: Ordered): XmlElement | undefined {
    const name = Object.keys(node).find(key => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') return undefined;
    const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = decodeEntities(String(value));
    const content = (node[name] ?? []) as Ordered[];
    const children: XmlElement[] = [];
    let text = '';
    for (const child of content) {
        if ('#text' in child) text += decodeEntities(String(child['#text']));
        else {
            const element = toElement(child);
            if (element) children.push(element);
        }
    }
    return { name, attributes, children, text: text.trim() };
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
    return element?.children.find(c => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
    return element ? element.children.filter(c => c.name === name) : [];
}

/** The element at a path of child names, e.g. `path(port, 'PrimaryTransport', 'SendHandler')`. */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
    let current = element;
    for (const name of names) current = child(current, name);
    return current;
}
