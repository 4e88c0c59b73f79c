/**
 * Migration 0017 moves the supervisors' old `outbox` into `notifications` in the words the projection writes now
 * (domain/petition/notices.ts), without the summary the outbox quoted; 0018 drops the outbox. Run on a SQLite file
 * migrated up to 0016, with rows as the old notifier wrote them.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { noticeMessage } from '../../domain/petition/notices';

const DIR = fileURLToPath(new URL('../../drizzle/', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

describe('the outbox becomes notifications', () => {
  it('keeps each supervisors’ notice, in the words of today, once', () => {
    const db = new Database(':memory:');
    for (const f of files.filter((f) => f < '0017')) db.exec(readFileSync(DIR + f, 'utf8'));
    const event = db.prepare(
      "INSERT INTO petition_events (petition_id, seq, type, at, data_json) VALUES ('XF-1', ?, ?, ?, ?)",
    );
    const old = db.prepare(
      "INSERT INTO outbox (petition_id, seq, recipient_role, kind, message, created_at) VALUES ('XF-1', ?, 'SUPERVISOR', ?, ?, ?)",
    );
    const rows: [number, string, Record<string, string>][] = [
      [3, 'URGED', { kind: 'REMINDER' }],
      [4, 'OVERDUE', { deadline: 'HANDLING' }],
      [5, 'URGED', { kind: 'SUPERVISION' }],
      [6, 'URGE_OVERDUE', {}],
      [7, 'ESCALATION_PROPOSED', {}],
    ];
    for (const [seq, type, data] of rows) {
      event.run(seq, type, seq * 1000, JSON.stringify(data));
      old.run(seq, type, `XF-1「王某某的诉求」${type}`, seq * 1000);
    }
    for (const f of files.filter((f) => f >= '0017' && f < '0019')) db.exec(readFileSync(DIR + f, 'utf8'));

    const moved = db
      .prepare('SELECT id, petition_id, seq, recipient, kind, message, created_at FROM notifications ORDER BY id')
      .all();
    expect(moved).toEqual(
      rows.map(([seq, type, data], i) => ({
        id: i + 1,
        petition_id: 'XF-1',
        seq,
        recipient: 'ROLE:SUPERVISOR',
        kind: type,
        message: noticeMessage('XF-1', { type, data }),
        created_at: seq * 1000,
      })),
    );
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'outbox'").all()).toEqual([]);
    db.close();
  });
});
