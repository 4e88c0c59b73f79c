/**
 * CPU time spent by each part of the system over a stretch of the bench: this process (the API and the worker),
 * the Temporal cluster's services, and the PostgreSQL backends serving the bench's databases. Divided by the
 * operations of the stretch, it says what one mutation costs each part, from which capacity per core is reckoned
 * (docs/scaling.md); the machine's other work is in none of them, only in the wall time.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in ms; 0 for one that is gone. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSplit {
  benchProcessMs: number;
  temporalMs: number | null;
  postgresMs: number | null;
}

export function cpuProbe(temporalPids: readonly number[], adminUrl: string | null, databases: readonly string[]) {
  const backends = async (): Promise<number[]> => {
    if (!adminUrl || !databases.length) return [];
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [
        databases,
      ]);
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  };
  const reading = async () => {
    const pgPids = await backends();
    return {
      bench: process.cpuUsage(),
      temporal: temporalPids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
      postgres: new Map(pgPids.map((pid) => [pid, processCpuMs(pid)])),
    };
  };
  return {
    /** Starts a stretch; the function it answers ends it and says what each part spent. */
    async start(): Promise<() => Promise<CpuSplit>> {
      const before = await reading();
      return async () => {
        const after = await reading();
        const bench = process.cpuUsage(before.bench);
        // A backend that began during the stretch counts from zero; one that ended is lost (pools keep theirs).
        let postgres = 0;
        for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
        return {
          benchProcessMs: (bench.user + bench.system) / 1000,
          temporalMs: temporalPids.length ? after.temporal - before.temporal : null,
          postgresMs: adminUrl && databases.length ? postgres : null,
        };
      };
    },
  };
}
