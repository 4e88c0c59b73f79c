/**
 * `notificationAdded`: a principal's new notices as they are written. The worker writes them (the projection, in
 * another process), so no event inside the API could announce them: the stream follows the table itself, asking
 * for the principal's rows above its cursor every NOTIFICATION_POLL_MS (an indexed range read). The cursor is
 * the last id sent; a client that reconnects with that id as `after` gets every later notice once, whichever API
 * process it reaches, before or after a restart.
 */
import { Repeater } from 'graphql-yoga';
import type { ReadModel } from '../db/read-model';
import { principalForToken, type Principal } from './auth';
import { apiError } from './errors';
import { newestNotificationId, notificationsAfter, type NotificationNode } from './notification-reads';

export const NOTIFICATION_POLL_MS = 500;
/** A token revoked while its stream is open ends the stream within this long. */
const TOKEN_RECHECK_MS = 5_000;
const BATCH = 100;

export interface StreamOptions {
  db: ReadModel;
  principal: Principal;
  /** The last id the client received; absent, the stream starts with the next notice written. */
  after: number | null;
  /** The request's bearer token, checked again while the stream lasts. */
  token: string | null;
  pollMs?: number;
}

export function notificationStream(options: StreamOptions): Repeater<NotificationNode> {
  const { db, principal, token } = options;
  const pollMs = options.pollMs ?? NOTIFICATION_POLL_MS;
  return new Repeater<NotificationNode>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => (stopped = true));
    let cursor = options.after ?? (await newestNotificationId(db));
    let checkedAt = Date.now();
    while (!stopped) {
      if (token && Date.now() - checkedAt >= TOKEN_RECHECK_MS) {
        const still = await principalForToken(db, token);
        if (still?.id !== principal.id) throw apiError('UNAUTHENTICATED', 'unknown or revoked token');
        checkedAt = Date.now();
      }
      const rows = await notificationsAfter(db, principal, cursor, BATCH);
      for (const row of rows) {
        if (stopped) return;
        await push(row);
        cursor = Number(row.id);
      }
      if (rows.length < BATCH) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, pollMs))), stop]);
        clearTimeout(timer);
      }
    }
  });
}
