import * as fs from 'node:fs';

/** Summary statistics of repeated timings (milliseconds). */
export interface Stats {
    n: number;
    median: number;
    min: number;
    max: number;
    p95: number;
    /** Half the min-max range relative to the median, in percent. */
    spreadPct: number;
}

export function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) return NaN;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function stats(samples: readonly number[]): Stats {
    const sorted = [...samples].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const round = (x: number): number => Math.round(x * 100) / 100;
    return {
        n: sorted.length,
        median: round(median),
        min: round(sorted[0]),
        max: round(sorted[sorted.length - 1]),
        p95: round(quantile(sorted, 0.95)),
        spreadPct: sorted.length > 1 && median > 0 ? Math.round(((sorted[sorted.length - 1] - sorted[0]) / 2 / median) * 1000) / 10 : 0
    };
}

/** Latency distribution of many single requests. */
export interface Latency {
    n: number;
    p50: number;
    p95: number;
    max: number;
    mean: number;
}

export function latency(samples: readonly number[]): Latency {
    const sorted = [...samples].sort((a, b) => a - b);
    const round = (x: number): number => Math.round(x * 100) / 100;
    return {
        n: sorted.length,
        p50: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        max: round(sorted[sorted.length - 1] ?? NaN),
        mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length))
    };
}

export function gc(): void {
    (globalThis as { gc?: () => void }).gc?.();
}


function schedstatMs(file: string): number {
    try {
        return Number(fs.readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
    } catch {
        return NaN;
    }
}

/**
 * CPU time the calling (main) thread has used so far, in ms: `process.threadCpuUsage()` (Node
 * 22.19+), else the whole process. Unlike wall time it does not grow when other processes compete
 * for the cores, so it estimates the wall time on an idle machine (work that V8 moves to its
 * helper threads, such as concurrent marking, is left out).
 */
export function threadCpuMs(): number {
    const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/**
 * CPU time of the main thread of another process (the language server), in ms, from Linux
 * schedstat. The kernel brings it up to date whenever the thread blocks, so it is exact when
 * read while the server waits for the next message, as the benchmark does.
 */
export function mainThreadCpuMs(pid: number): number {
    return schedstatMs(`/proc/${pid}/task/${pid}/schedstat`);
}

/** Peak and current resident set size of another process, in MB (Linux /proc); undefined elsewhere. */
export function processMemory(pid: number): { peakRssMB: number; rssMB: number } | undefined {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (key: string): number => Number(/\d+/.exec(status.split('\n').find(l => l.startsWith(key)) ?? '')?.[0] ?? NaN);
        return { peakRssMB: Math.round(kb('VmHWM:') / 1024), rssMB: Math.round(kb('VmRSS:') / 1024) };
    } catch {
        return undefined;
    }
}

/** Wall and main-thread CPU time of one call. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
    const c0 = threadCpuMs();
    const t0 = performance.now();
    const value = await fn();
    const wall = performance.now() - t0;
    return { wall, cpu: threadCpuMs() - c0, value };
}

/** Runs `fn` warmup + reps times; returns wall and CPU statistics of the counted repetitions. */
export async function repeat(reps: number, warmup: number, fn: (i: number) => unknown, before?: () => void): Promise<{ wall: Stats; cpu: Stats }> {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < warmup + reps; i++) {
        before?.();
        const t = await timed(() => fn(i));
        if (i >= warmup) {
            wall.push(t.wall);
            cpu.push(t.cpu);
        }
    }
    return { wall: stats(wall), cpu: stats(cpu) };
}
