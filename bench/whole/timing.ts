/** Progress lines, and the timings of operations: one at a time or a pool of them, as p50, p99 and a rate. */

export const log = (line: string) => console.error(`[bench] ${line}`);
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export interface Timing {
  ops: number;
  totalMs: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function summarize(samples: number[], totalMs: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    totalMs,
    opsPerSecond: (sorted.length * 1000) / totalMs,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Runs `count` operations, at most `concurrency` at a time, timing each; reports progress every tenth. */
export async function timedPool(
  label: string,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<Timing> {
  const samples: number[] = [];
  const step = Math.max(1, Math.ceil(count / 10));
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const opStarted = process.hrtime.bigint();
        await op(i);
        samples.push(elapsedMs(opStarted));
        if (samples.length % step === 0 || samples.length === count) log(`${label} ${samples.length}/${count}`);
      }
    }),
  );
  return summarize(samples, elapsedMs(started));
}
