/**
 * The bench's command line: `npm run bench [-- --petitions N --concurrency C --cached K --warmup W --lifecycle-only
 * --cluster [--shards S] | --temporal-address HOST:PORT --pg]`.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    cached: { type: 'string' },
    warmup: { type: 'string', default: '8' },
    'lifecycle-only': { type: 'boolean', default: false },
    cluster: { type: 'boolean', default: false },
    shards: { type: 'string', default: '8' },
    'temporal-address': { type: 'string' },
    pg: { type: 'boolean', default: false },
  },
});
function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number ≥ 1, not ${text}`);
    process.exit(2);
  }
  return n;
}
export const N = positive('petitions', values.petitions);
export const CONCURRENCY = positive('concurrency', values.concurrency);
// More petitions than N by default: the per-petition figure is a difference of two RSS readings, and a larger
// difference drowns their noise (a few MB).
export const K = positive('cached', values.cached ?? String(Math.max(2 * N, 400)));
export const WARMUP = positive('warmup', values.warmup);
/** Only the 160-day life on the time-skipping server (its history's size before and after a workflow change). */
export const ONLY_LIFECYCLE = values['lifecycle-only'];
/** A Temporal cluster instead of the dev server: one of the bench's own, or the one at this address. */
export const CLUSTER = values.cluster || values['temporal-address'] !== undefined;
export const TEMPORAL_ADDRESS = values['temporal-address'] ?? null;
export const SHARDS = positive('shards', values.shards);
/** The read model on PostgreSQL (a fresh database of the bench's own) instead of a temp SQLite file. */
export const READ_MODEL: 'sqlite' | 'postgres' = values.pg ? 'postgres' : 'sqlite';
/** Tells this run's workflows from an earlier run's on a cluster that outlives the bench. */
export const RUN_TAG = Math.random().toString(36).slice(2, 8);
