/**
 * The seeded random generator of the fuzzer, the LSP session test and the benchmark's generator
 * (mulberry32): the same seed gives the same inputs on every machine.
 */
export class Rng {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** In [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [0, n). */
    int(n: number): number {
        return n <= 0 ? 0 : Math.floor(this.next() * n);
    }

    /** An integer in [lo, hi]. */
    range(lo: number, hi: number): number {
        return lo + this.int(hi - lo + 1);
    }

    chance(p: number): boolean {
        return this.next() < p;
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    /** Up to `count` different items, in random order. */
    sample<T>(items: readonly T[], count: number): T[] {
        const rest = [...items];
        const out: T[] = [];
        while (out.length < count && rest.length > 0) out.push(rest.splice(this.int(rest.length), 1)[0]);
        return out;
    }

    /** Picks by weight: [[weight, value], ...]. */
    weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
        const total = items.reduce((sum, [w]) => sum + w, 0);
        let x = this.next() * total;
        for (const [w, value] of items) {
            if ((x -= w) < 0) return value;
        }
        return items[items.length - 1][1];
    }
}
