/**
 * `notifications`, `markNotificationsRead` and `notificationAdded` (any role): each principal reads, marks and
 * follows its own notices only (./notification-reads.ts says which are its own).
 */
import { requireSignedIn } from './auth';
import type { ApiContext } from './context';
import { badInput } from './errors';
import type {
  MutationResolvers,
  NotificationConnectionResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from './generated/resolvers-types';
import { markRead, notificationPage, unreadCount, type NotificationNode } from './notification-reads';
import { notificationStream } from './notification-stream';

const MAX_PAGE = 100;
const MAX_MARKED = 200;

/** A notification's id as the API gave it: a positive whole number. */
function notificationId(field: string, value: string): number {
  const id = /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw badInput(field, `${field} is not a notification id this API gave`);
  return id;
}

const cursorOf = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function afterCursor(after: string | null | undefined): number | null {
  if (after == null) return null;
  return notificationId('after', Buffer.from(after, 'base64url').toString('utf8'));
}

/** The request's bearer token, which a long-lived stream checks again (yoga puts the request in the context). */
function bearerToken(ctx: ApiContext): string | null {
  const header = (ctx as ApiContext & { request?: Request }).request?.headers.get('authorization') ?? null;
  return header ? (/^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] ?? null) : null;
}

export const notificationQueryResolvers: Pick<QueryResolvers, 'notifications'> = {
  notifications: async (_, args, ctx) => {
    const principal = requireSignedIn(ctx.principal);
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput('first', `first must be a whole number from 1 to ${MAX_PAGE}`);
    const before = afterCursor(args.after);
    const page = await notificationPage(ctx.db, principal, { unread: args.unread === true, first, before });
    const edges = page.nodes.map((node) => ({ node, cursor: cursorOf(node.id) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

/** The count is read only when asked for: a page of notices does not need it. */
export const notificationConnectionResolvers: Pick<NotificationConnectionResolvers, 'unreadCount'> = {
  unreadCount: (_, __, ctx) => unreadCount(ctx.db, requireSignedIn(ctx.principal)),
};

export const notificationMutationResolvers: Pick<MutationResolvers, 'markNotificationsRead'> = {
  markNotificationsRead: async (_, args, ctx) => {
    const principal = requireSignedIn(ctx.principal);
    if (args.ids.length > MAX_MARKED) throw badInput('ids', `at most ${MAX_MARKED} ids at once`);
    const ids = [...new Set(args.ids.map((id) => notificationId('ids', id)))];
    const notifications = await markRead(ctx.db, principal, ids, Date.now());
    return { notifications, unreadCount: await unreadCount(ctx.db, principal) };
  },
};

export const notificationSubscriptionResolvers: Pick<SubscriptionResolvers, 'notificationAdded'> = {
  notificationAdded: {
    subscribe: (_, args, ctx) => {
      const principal = requireSignedIn(ctx.principal);
      const after = args.after == null ? null : notificationId('after', args.after);
      return notificationStream({ db: ctx.db, principal, after, token: bearerToken(ctx) });
    },
    resolve: (node: NotificationNode) => node,
  },
};
