/**
 * The read-model bench's figures: a line per case as it is measured, and bench/results/readmodel.json keyed by
 * dialect, so that a run on one dialect keeps the other's last figures and a summary can show both side by side.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CaseResult {
  case: string;
  graphqlP50: number;
  graphqlP99: number;
  sqlP50: number;
  sqlP99: number;
  /** GraphQL p50 over the SQL alone's p50, both measured in this run. */
  ratioP50: number;
  targetMs: number;
  meetsTarget: boolean;
  /** The machine's 1-minute load average when the case ended: the figures mean little on a busy machine. */
  load1m: number;
}

export interface DialectRun {
  location: string;
  petitions: number;
  iterations: number;
  warmup: number;
  node: string;
  cpus: number;
  at: string;
  /** Same for the dialects measured by one invocation (`--both`), so their ratio is a same-run ratio. */
  runId: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  storage: Record<string, number>;
  results: CaseResult[];
}

export type Results = Partial<Record<'sqlite' | 'postgres', DialectRun>>;

const ms = (n: number) => n.toFixed(2).padStart(7);

export function caseLine(r: CaseResult): string {
  return `${r.case.padEnd(34)} GraphQL p50 ${ms(r.graphqlP50)} p99 ${ms(r.graphqlP99)} ms | SQL p50 ${ms(r.sqlP50)} p99 ${ms(r.sqlP99)} ms | ×${r.ratioP50.toFixed(2)} | target p99 < ${r.targetMs} ms: ${r.meetsTarget ? 'met' : 'MISSED'} | load ${r.load1m.toFixed(2)}`;
}

/** The file's figures, with this run's dialect replaced; a file of before the dialects were keyed is SQLite's. */
export function storeRun(file: string, dialect: 'sqlite' | 'postgres', run: DialectRun): Results {
  let stored: Results = {};
  if (existsSync(file)) {
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    stored = 'results' in old ? {} : (old as Results);
  }
  const merged = { ...stored, [dialect]: run };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

/** Both dialects' last figures side by side; the PostgreSQL / SQLite ratio only where one run measured both. */
export function summary(results: Results): string[] {
  const { sqlite, postgres } = results;
  if (!sqlite || !postgres) return [];
  const sameRun = sqlite.runId === postgres.runId;
  const pair = (a: number, b: number) => `${a.toFixed(2)} / ${b.toFixed(2)}`.padStart(15);
  const lines = [
    '',
    `Both dialects, p50 / p99 ms (SQLite ${sqlite.at}, ${sqlite.petitions.toLocaleString('en')} petitions, load ${sqlite.loadAtStart[0]!.toFixed(1)}–${sqlite.loadAtEnd[0]!.toFixed(1)}; PostgreSQL ${postgres.at}, ${postgres.petitions.toLocaleString('en')} petitions, load ${postgres.loadAtStart[0]!.toFixed(1)}–${postgres.loadAtEnd[0]!.toFixed(1)})`,
    `${'case'.padEnd(34)} ${'SQLite GraphQL'.padStart(15)} ${'SQLite SQL'.padStart(15)} ${'PG GraphQL'.padStart(15)} ${'PG SQL'.padStart(15)}${sameRun ? '  PG/SQLite GraphQL p50' : ''}`,
  ];
  for (const s of sqlite.results) {
    const p = postgres.results.find((r) => r.case === s.case);
    if (!p) continue;
    lines.push(
      `${s.case.padEnd(34)} ${pair(s.graphqlP50, s.graphqlP99)} ${pair(s.sqlP50, s.sqlP99)} ${pair(p.graphqlP50, p.graphqlP99)} ${pair(p.sqlP50, p.sqlP99)}${sameRun ? `  ×${(p.graphqlP50 / s.graphqlP50).toFixed(2)}` : ''}`,
    );
  }
  if (!sameRun) lines.push('(separate runs: no ratio between the dialects; `--both` measures them in one run)');
  return lines;
}
