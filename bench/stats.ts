/**
 * Small statistics for benchmark figures: percentiles of latency samples, and a memory sampler.
 *
 * Percentiles use the nearest-rank method (the smallest sample with at least p% of the samples at or
 * below it), so every reported figure is a latency that was actually measured, never an
 * interpolation between two. With 200 samples, p99 is the second slowest.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile `p` (0–100) of `sorted`, which must be sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

let gcFn: (() => void) | null | undefined;

/**
 * Runs a full garbage collection if one can be had, so that memory baselines do not carry the
 * garbage of the previous phase. Without `--expose-gc` on the command line, the flag is switched on
 * at run time and `gc` fetched from a fresh context (the documented V8 trick); if even that fails,
 * baselines are simply noisier and this returns false.
 */
export function collectGarbage(): boolean {
  if (gcFn === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  if (!gcFn) return false;
  gcFn();
  gcFn();
  return true;
}

export interface MemoryPeaks {
  samples: number;
  baseline: { rss: number; heapUsed: number };
  peak: { rss: number; heapUsed: number };
}

/**
 * Samples `process.memoryUsage()` on a timer. The timer only fires when the event loop is free, so
 * the work measured must yield now and then (the core's import yields every 50 ms); call `sample()`
 * by hand at points of interest as well.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private count = 0;
  private readonly baseline: { rss: number; heapUsed: number };
  private readonly peak: { rss: number; heapUsed: number };

  constructor(private readonly intervalMs = 50) {
    const { rss, heapUsed } = process.memoryUsage();
    this.baseline = { rss, heapUsed };
    this.peak = { rss, heapUsed };
  }

  start(): this {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.count++;
    if (rss > this.peak.rss) this.peak.rss = rss;
    if (heapUsed > this.peak.heapUsed) this.peak.heapUsed = heapUsed;
  }

  stop(): MemoryPeaks {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return { samples: this.count, baseline: { ...this.baseline }, peak: { ...this.peak } };
  }
}

export const MB = 1e6;
