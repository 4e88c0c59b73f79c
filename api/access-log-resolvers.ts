/** `personalDataAccessLog` (ADMIN): the access log newest first, filtered, paged by entry id. */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { personalDataAccessLog as log } from '../db/schema';
import type { Role } from '../domain/roles';
import { requireRole } from './auth';
import { badInput } from './errors';
import type { QueryResolvers } from './generated/resolvers-types';
import { IDS, TEXT, optionalId, optionalText } from './input-rules';

const MAX_PAGE = 200;

interface LogRow {
  id: number;
  at: number;
  principalId: string;
  role: string;
  petitionId: string;
  outcome: 'READ' | 'DENIED';
  fields: string;
}

function afterId(after: string | null | undefined): number | null {
  if (after == null) return null;
  const id = Number(Buffer.from(after, 'base64url').toString('utf8'));
  if (!Number.isInteger(id) || id < 1) throw badInput('after', 'after is not a cursor this list gave');
  return id;
}

export const accessLogQueryResolvers: Pick<QueryResolvers, 'personalDataAccessLog'> = {
  personalDataAccessLog: async (_, args, ctx) => {
    requireRole(ctx.principal, 'ADMIN');
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput('first', `first must be a whole number from 1 to ${MAX_PAGE}`);
    const f = args.filter ?? {};
    const before = afterId(args.after);
    const where: SQL[] = [];
    const petitionId = optionalId('filter.petitionId', f.petitionId, IDS.petition);
    const principalId = optionalText('filter.principalId', f.principalId, TEXT.note);
    if (petitionId) where.push(eq(log.petitionId, petitionId));
    if (principalId) where.push(eq(log.principalId, principalId));
    if (f.outcome) where.push(eq(log.outcome, f.outcome));
    if (f.from != null) where.push(gte(log.at, sql`${f.from}`));
    if (f.to != null) where.push(lt(log.at, sql`${f.to}`));
    if (before !== null) where.push(lt(log.id, before));
    const condition = and(...where);
    const rows = await ctx.db.rows<LogRow>(sql`SELECT id, at, principal_id AS "principalId", role,
      petition_id AS "petitionId", outcome, fields FROM ${log}
      ${condition ? sql`WHERE ${condition}` : sql``} ORDER BY id DESC LIMIT ${first + 1}`);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: Buffer.from(String(row.id), 'utf8').toString('base64url'),
      node: {
        ...row,
        id: String(row.id),
        at: Number(row.at),
        role: row.role as Role,
        fields: row.fields ? row.fields.split(',') : [],
      },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};
