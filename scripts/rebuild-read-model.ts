/**
 * `npm run readmodel:rebuild [-- --out FILE] [-- --replace]`: rebuilds the read model from Temporal (db/rebuild.ts)
 * into a new SQLite file, with a progress bar. `--replace` then moves it over the live file: stop the worker and
 * the API first. Units, API tokens, the published holiday notices, which notices each principal has read and
 * which left the system are not in Temporal: they are copied from the live file when it exists.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DB_FILE, openReadModel } from '../db/connection';
import { rebuildReadModel } from '../db/rebuild';
import { seedUnits } from '../db/seed-units';
import { connectToolClient } from '../worker/temporal-config';

const { values } = parseArgs({ options: { out: { type: 'string' }, replace: { type: 'boolean', default: false } } });
const live = process.env.FENGQIAO_DB ?? DEFAULT_DB_FILE;
const out = values.out ?? live.replace(/\.db$/, '') + '.rebuilt.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });

const db = openReadModel(out);
await seedUnits(db);
if (existsSync(live)) {
  db.$client.exec(`ATTACH DATABASE '${live.replace(/'/g, "''")}' AS live`);
  db.$client.exec(
    'INSERT OR REPLACE INTO units SELECT * FROM live.units; INSERT OR REPLACE INTO api_tokens SELECT * FROM live.api_tokens;',
  );
  // The published holiday notices are the bureau's data too; a live file migrated before they were has the seeds only.
  if (db.$client.prepare("SELECT 1 FROM live.sqlite_master WHERE name = 'holiday_calendars'").get())
    db.$client.exec('INSERT OR REPLACE INTO holiday_calendars SELECT * FROM live.holiday_calendars;');
  // Read marks name the event, not the notification's id, which the rebuild numbers anew: they still apply.
  if (db.$client.prepare("SELECT 1 FROM live.sqlite_master WHERE name = 'notification_reads'").get())
    db.$client.exec('INSERT OR REPLACE INTO notification_reads SELECT * FROM live.notification_reads;');
  // So is the record of what left the system (the rebuild sends nothing: it starts no delivery).
  if (db.$client.prepare("SELECT 1 FROM live.sqlite_master WHERE name = 'notification_deliveries'").get())
    db.$client.exec('INSERT OR REPLACE INTO notification_deliveries SELECT * FROM live.notification_deliveries;');
  db.$client.exec('DETACH DATABASE live');
}

// Temporal's environment configuration and the codec's keys, as the worker and the API read them.
const client = await connectToolClient();
const started = Date.now();
const width = 30;
const written = await rebuildReadModel(client, db, ({ done, total }) => {
  const share = total ? Math.min(1, done / total) : 1;
  const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
  process.stderr.write(
    `\r[${'█'.repeat(Math.round(share * width)).padEnd(width, '░')}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} petitions, ${rate.toFixed(1)}/s `,
  );
});
process.stderr.write('\n');
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
await client.connection.close();
console.log(`rebuilt ${written} petitions into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (values.replace) {
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  renameSync(out, live);
  console.log(`replaced ${live}`);
}
