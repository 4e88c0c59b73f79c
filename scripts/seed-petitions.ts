/**
 * `npm run seed -- --petitions 1000000 [--db FILE] [--seed N]`: fills a read model with a realistic year of a
 * big city's petitions (db/seed-petitions.ts), with progress output. Default file: .data/seed.db (not the live one).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openReadModel } from '../db/connection';
import { seedUnits } from '../db/seed-units';
import { seedPetitions } from '../db/seed-petitions';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '100000' },
    db: { type: 'string' },
    seed: { type: 'string', default: '2026' },
  },
});
const count = Number(values.petitions);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run seed -- --petitions 1000000 [--db FILE] [--seed N]');
  process.exit(2);
}
const file = values.db ?? fileURLToPath(new URL('../.data/seed.db', import.meta.url));
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const db = openReadModel(file);
// A bulk load: a crash means starting again, so durability per batch is not needed.
db.$client.pragma('synchronous = OFF');
await seedUnits(db);
const started = Date.now();
seedPetitions(db, {
  count,
  now: Date.parse('2026-11-30T18:00:00+08:00'),
  seed: Number(values.seed),
  onProgress: (done) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    process.stderr.write(
      `\r${done.toLocaleString('en')}/${count.toLocaleString('en')} petitions  ${rate.toFixed(0)}/s  eta ${Math.max(0, (count - done) / rate).toFixed(0)} s   `,
    );
  },
});
process.stderr.write('\n');
db.$client.pragma('optimize');
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
console.log(`seeded ${count} petitions into ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
