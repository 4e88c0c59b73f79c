/** The bench's command line: `npm run bench [-- --petitions N --concurrency C --cached K --warmup W]`. */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    cached: { type: 'string' },
    warmup: { type: 'string', default: '8' },
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
