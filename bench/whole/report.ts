/** The machine the figures were taken on, and the table of them on stdout. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { onServer } from './dev-server';
import type { onTimeSkippingServer } from './lifecycle';
import { CONCURRENCY, K, N } from './options';
import type { Timing } from './timing';

/**
 * The load average is kept because the figures mean little on a machine busy with other work. `root`: the
 * checkout whose commit the figures are for.
 */
export function machine(loadAtStart: number[], root: string) {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a checkout: the figures stand without it.
  }
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20),
    loadAverage1mAtStart: loadAtStart[0]!,
    loadAverage1mAtEnd: os.loadavg()[0]!,
    date: new Date().toISOString(),
    commit,
  };
}

type DevResults = Awaited<ReturnType<typeof onServer>>;
/** The machine, with the Temporal server and the read model's dialect the figures were taken on. */
type Machine = ReturnType<typeof machine> & { server: string | null; readModel: string };
type LifeResults = Awaited<ReturnType<typeof onTimeSkippingServer>>;

export function table(m: Machine, dev: DevResults, life: LifeResults | null): string {
  const ms = (n: number) => n.toFixed(1).padStart(8);
  const times = (n: number) => `×${n.toFixed(2)}`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const row = (name: string, t: Timing) =>
    `  ${name.padEnd(40)} ${String(t.ops).padStart(5)} ${(t.totalMs / 1000).toFixed(2).padStart(8)} ${t.opsPerSecond.toFixed(1).padStart(8)} ${ms(t.p50Ms)} ${ms(t.p99Ms)}`;
  const head = `  ${''.padEnd(40)} ${'ops'.padStart(5)} ${'total s'.padStart(8)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`;
  const r = dev.registration;
  const a = dev.anchors;
  const mem = dev.memory;
  /** A ratio beside its target: `at most` for times, `at least` for rates. */
  const against = (label: string, ratio: number, target: number, atMost: boolean) =>
    `  ${label.padEnd(58)} ${times(ratio).padStart(7)}  target ${atMost ? '≤' : '≥'} ${target}  ${(atMost ? ratio <= target : ratio >= target) ? 'met' : 'NOT MET'}`;
  const on = m.server ?? 'the dev server';
  const cpuLine = (t: DevResults['throughput']['acceptC']) => {
    const part = (name: string, value: number | null) => (value === null ? '' : `  ${name} ${value.toFixed(1)}`);
    const c = t.cpuMsPerOp;
    return `    CPU ms per op:${part('API + worker process', c.benchProcess!)}${part('Temporal services', c.temporal ?? null)}${part('PostgreSQL (bench databases)', c.postgres ?? null)}`;
  };
  const lines = [
    `Fengqiao whole-system bench — ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.date}`,
    `Temporal: ${on}; read model: ${m.readModel === 'postgres' ? 'PostgreSQL (a database of its own)' : 'SQLite (a temp file)'}`,
    `load average (1 min) ${m.loadAverage1mAtStart.toFixed(2)} at the start, ${m.loadAverage1mAtEnd.toFixed(2)} at the end; N=${N}, K=${K}`,
    '',
    `Temporal's floor on ${on} (the anchors)`,
    head,
    row('bare no-op update', a.noopUpdate),
    row('bare update + local activity', a.localActivityUpdate),
    row('bare update + activity', a.activityUpdate),
    row('bare update as a command (LA, SA, timer)', a.commandUpdate),
    row('bare update answered before its activity (SA, timer)', a.answerThenActivity),
    row(`bare start + update, ${CONCURRENCY} at a time`, a.startUpdate),
    row('bare start + update, 25 at a time', a.startUpdate25),
    '',
    `Registration on ${on}, ${CONCURRENCY} at a time`,
    head,
    row('GraphQL registerPetition', r.graphql),
    cpuLine(r.graphql),
    row('GraphQL registerPetition, 25 at a time', r.graphql25),
    cpuLine(r.graphql25),
    row('bare start + run of a no-op workflow', r.bareRun),
    row('bare start only (queue without a worker)', r.bareStart),
    `  GraphQL / bare start+run: p50 ${times(r.ratioP50VsBareRun)}, total ${times(r.ratioTotalVsBareRun)};  GraphQL / bare start only: p50 ${times(r.ratioP50VsBareStart)}`,
    '',
    `Update round trip on ${on}, one at a time, alternating over the same petitions`,
    head,
    ...dev.updates.flatMap((u) => [
      row(`GraphQL ${u.update === 'accept' ? 'acceptPetition' : 'urge'}`, u.graphql),
      row(`bare executeUpdate(${u.update})`, u.bare),
      `  GraphQL / bare: p50 ${times(u.ratioP50)}, p99 ${times(u.ratioP99)}`,
    ]),
    '',
    `Update throughput on ${on}: acceptPetition through GraphQL on fresh petitions`,
    head,
    row(`GraphQL acceptPetition, ${CONCURRENCY} at a time`, dev.throughput.acceptC),
    cpuLine(dev.throughput.acceptC),
    row('GraphQL acceptPetition, 25 at a time', dev.throughput.accept25),
    cpuLine(dev.throughput.accept25),
    '',
    'Against the floor (p50 unless a rate)',
    ...dev.updates.map((u) =>
      against(`GraphQL ${u.update} / bare no-op update`, u.graphql.p50Ms / a.noopUpdate.p50Ms, 1.3, true),
    ),
    ...dev.updates.map((u) =>
      against(`GraphQL ${u.update} / bare update as a command`, u.graphql.p50Ms / a.commandUpdate.p50Ms, 1.3, true),
    ),
    against('GraphQL registerPetition / bare start + update', r.graphql.p50Ms / a.startUpdate.p50Ms, 1.3, true),
    against(
      `registrations/s / bare start + update/s, ${CONCURRENCY} at a time`,
      r.graphql.opsPerSecond / a.startUpdate.opsPerSecond,
      0.8,
      false,
    ),
    against(
      'registrations/s / bare start + update/s, 25 at a time',
      r.graphql25.opsPerSecond / a.startUpdate25.opsPerSecond,
      0.8,
      false,
    ),
    '',
    `Worker memory per cached open petition (HANDLING), ${mem.added} added to ${mem.cachedBefore} cached (cache max ${mem.maxCachedWorkflows})`,
    `  RSS                       ${mib(mem.before.rss).padStart(10)} → ${mib(mem.after.rss).padStart(10)}   ${kib(mem.perPetitionBytes.rss).padStart(11)} per petition`,
    `  heapUsed (main thread)    ${mib(mem.before.heapUsed).padStart(10)} → ${mib(mem.after.heapUsed).padStart(10)}   ${kib(mem.perPetitionBytes.heapUsedMainThread).padStart(11)} per petition`,
    '',
    ...(life
      ? lifecycleLines(life)
      : ['The 160-day life: not run on a cluster (it does not depend on the server; --lifecycle-only)']),
    '',
    `Start-up: ${on} ${(dev.serverStartupMs / 1000).toFixed(1)} s${life ? `; time-skipping server + worker + API ${(life.startupMs / 1000).toFixed(1)} s` : ''}`,
  ];
  return lines.join('\n');
}

function lifecycleLines(life: LifeResults): string[] {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    'One whole life on the time-skipping server, through GraphQL',
    `  ${life.mutations} mutations (register → accept → extension → reply → 复查 → reply → 复核 with a hearing → ${life.finalStatus})`,
    `  wall ${(life.wallMs / 1000).toFixed(2)} s for ${life.simulatedDays.toFixed(1)} simulated days; ${life.historyEvents} history events in ${life.runs} run(s), ${kib(life.historyBytes)}`,
    `  per mutation: ${life.eventsPerMutation.toFixed(1)} events, ${kib(life.bytesPerMutation)} of history (timers that fired between the steps not counted)`,
    `  ${life.timersStarted} timers started (each change re-plans the next wake-up), ${life.timersFired} fired${life.timersFired === 0 ? ' (every step came before the next warning)' : ''}`,
  ];
}

/** The table of `--lifecycle-only`. */
export function lifecycleTable(life: LifeResults): string {
  return [
    ...lifecycleLines(life),
    `Start-up: time-skipping server + worker + API ${(life.startupMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
