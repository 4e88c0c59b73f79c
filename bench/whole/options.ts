/** The bench's command line: `npm run bench [-- --petitions N --concurrency C --cached K --warmup W --lifecycle-only]`. */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    cached: { type: 'string' },
    warmup: { type: 'string', default: '8' },
    'lifecycle-only': { type: 'boolean', default: false },
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
