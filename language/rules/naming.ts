import type { AstNode } from 'langium';
import { astContents } from '../workspace/ast-walk.js';
import { oncePer } from '../workspace/once-per.js';
import type { GroupModel } from '../model/topology.js';

/**
 * Names for what a fix declares. A new name continues the series the file already uses for that
 * role (BTS01, BTS02 -> BTS03; SQLA, SQLB -> SQLC) and never clashes with any name of the
 * workspace: Windows computer names ignore case, so neither do these.
 * One allocator serves every fix applied together, so two of them never pick the same name.
 */
export class NameAllocator {
    private base?: LowerCaseNames;
    private readonly added = new Set<string>();

    /** `initial` may be a function: most fixes declare nothing, and collecting every name of a large workspace is not free. */
    constructor(private readonly initial: Iterable<string> | (() => Iterable<string> | LowerCaseNames)) { }

    private get taken(): LowerCaseNames {
        if (!this.base) {
            const names = typeof this.initial === 'function' ? this.initial() : this.initial;
            this.base = names instanceof LowerCaseNames ? names : new LowerCaseNames([new Set([...names].map(name => name.toLowerCase()))]);
        }
        return this.base;
    }

    isTaken(name: string): boolean {
        const lower = name.toLowerCase();
        return this.added.has(lower) || this.taken.has(lower);
    }

    /** Marks a name as used (a fix that reuses a name it did not allocate). */
    take(name: string): string {
        this.added.add(name.toLowerCase());
        return name;
    }

    /**
     * The next free name of the series `similar` (names of the same role, in the file's order),
     * or of `fallback` when they form no series: `BTS01` counts up from 01, `TrackingHost`
     * becomes TrackingHost, TrackingHost2, ...
     */
    next(similar: readonly string[], fallback: string): string {
        return this.nextMany(similar, fallback, 1)[0];
    }

    nextMany(similar: readonly string[], fallback: string, count: number): string[] {
        let series = seriesOf(similar) ?? fallbackSeries(fallback);
        const names: string[] = [];
        for (let i = series.start; names.length < count; i++) {
            const name = series.bare && i === 1 ? series.prefix : nameAt(series, i);
            if (name !== undefined && !this.isTaken(name)) names.push(this.take(name));
            // Letters run out after Z: continue with numbers on the same prefix.
            if (series.letters && i >= 26) series = { ...series, letters: false };
        }
        return names;
    }
}

interface Series {
    readonly prefix: string;
    /** The first index to try (after the last one used). */
    readonly start: number;
    readonly width: number;
    readonly letters: boolean;
    /** A name without a number: the first one is the prefix itself, then prefix2, prefix3... */
    readonly bare?: boolean;
}

function nameAt(series: Series, i: number): string | undefined {
    if (series.letters) return i <= 26 ? series.prefix + String.fromCharCode(64 + i) : undefined;
    return series.prefix + String(i).padStart(series.width, '0');
}

/** The series the names follow: the last name's prefix with a number (BTS01) or a capital letter shared by several (SQLA, SQLB). */
function seriesOf(names: readonly string[]): Series | undefined {
    const last = names.at(-1);
    if (!last) return undefined;
    const numbered = /^(.*?)(\d+)$/.exec(last);
    if (numbered) {
        const prefix = numbered[1];
        const used = names.map(n => /^(.*?)(\d+)$/.exec(n)).filter(m => m && m[1] === prefix).map(m => Number(m![2]));
        return { prefix, start: Math.max(...used) + 1, width: numbered[2].length, letters: false };
    }
    const prefix = last.slice(0, -1);
    const siblings = names.filter(n => n.length === last.length && n.startsWith(prefix) && /[A-Z]$/.test(n));
    if (prefix.length > 0 && /[A-Z]$/.test(last) && siblings.length >= 2) {
        return { prefix, start: Math.max(...siblings.map(n => n.charCodeAt(n.length - 1) - 64)) + 1, width: 0, letters: true };
    }
    // One name without a number (BTSSQL): the next is BTSSQL2.
    return { prefix: last, start: 2, width: 0, letters: false };
}

function fallbackSeries(fallback: string): Series {
    const numbered = /^(.*?)(\d+)$/.exec(fallback);
    if (numbered) return { prefix: numbered[1], start: Number(numbered[2]), width: numbered[2].length, letters: false };
    return { prefix: fallback, start: 1, width: 0, letters: false, bare: true };
}

/** Names in lower case, read from several sets without copying them into one. */
export class LowerCaseNames {
    constructor(private readonly sets: ReadonlyArray<ReadonlySet<string>>) { }

    has(lowerCaseName: string): boolean {
        return this.sets.some(set => set.has(lowerCaseName));
    }
}

/** Every name declared in a parsed document, in lower case; collected once per parse. */
const documentNames = oncePer((root: AstNode): ReadonlySet<string> => {
    const names = new Set<string>();
    for (const node of astContents(root).nodes) {
        if ('name' in node && typeof node.name === 'string') names.add(node.name.toLowerCase());
    }
    return names;
});

/**
 * Every name a new declaration must avoid: the group's elements, every named node of the document,
 * and `workspaceNames`. Fixes of many groups of one large file share the document's names.
 */
export function takenNames(group: GroupModel, document: AstNode, workspaceNames: Iterable<string> = []): LowerCaseNames {
    const own = new Set<string>();
    for (const map of [group.computers, group.clusters, group.nlbs, group.sqlInstances, group.availabilityGroups, group.hosts]) {
        for (const name of map.keys()) own.add(name.toLowerCase());
    }
    const workspace = new Set<string>();
    for (const name of workspaceNames) workspace.add(name.toLowerCase());
    return new LowerCaseNames([own, documentNames(document), workspace]);
}
