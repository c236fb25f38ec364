/** Latency samples in milliseconds and what the tables report of them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface LoadResult {
  /** Operations that completed without throwing. */
  ok: number;
  /** Operations that threw, by message (first few kept). */
  failed: number;
  errors: string[];
  elapsedMs: number;
  /** Operations started, warm-up included (items 0 … started − 1 were used). */
  started: number;
  throughput: number;
  latency: LatencySummary;
}

export interface LoadOptions {
  /** Operations measured. */
  count: number;
  /** Operations in flight at once (a closed loop, like pgbench's clients). */
  concurrency: number;
  /** Operations run first and not counted (connections, JIT, caches). */
  warmup?: number;
  /** Stop starting operations after this long (the count is then an upper bound). */
  durationMs?: number;
  /** Called between the warm-up and the measured operations. */
  onMeasureStart?: () => void;
}

/**
 * Runs `operation(i)` for i in [0, warmup + count) with `concurrency` in flight, timing each of the
 * measured ones. Operation i is always the i-th prepared item, so the caller can hand out rows.
 */
export async function closedLoop(
  options: LoadOptions,
  operation: (i: number) => Promise<unknown>,
): Promise<LoadResult> {
  const { count, concurrency } = options;
  const warmup = options.warmup ?? 0;
  let next = 0;
  const samples: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let deadline = Number.POSITIVE_INFINITY;
  async function client(end: number, measure: boolean): Promise<void> {
    while (next < end && (!measure || Date.now() < deadline)) {
      const i = next++;
      const t = process.hrtime.bigint();
      try {
        await operation(i);
        if (measure) samples.push(msSince(t));
      } catch (error) {
        if (!measure) continue;
        failed++;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  if (warmup)
    await Promise.all(Array.from({ length: Math.min(concurrency, warmup) }, () => client(warmup, false)));
  options.onMeasureStart?.();
  if (options.durationMs) deadline = Date.now() + options.durationMs;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, () => client(warmup + count, true)));
  const elapsedMs = msSince(started);
  return {
    ok: samples.length,
    failed,
    errors,
    elapsedMs,
    started: next,
    throughput: (samples.length / elapsedMs) * 1000,
    latency: summarise(samples),
  };
}

/** Polls until `check` is truthy or `timeoutMs` passes; returns whether it became true. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const stop = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > stop) return false;
    await sleep(everyMs);
  }
}
