/**
 * The access log of petitioners' personal data: every answer that reveals a petitioner unmasked, and every refusal
 * of a petition that exists, is written down — who, when, which petition, which fields. Resolvers note what they
 * answered; the entries of one request are appended in one transaction when its execution is done, so a list of a
 * hundred petitions costs one write, not a hundred.
 */
import { sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { ReadModel } from '../db/read-model';
import { personalDataAccessLog } from '../db/schema';
import type { Principal } from './auth';

export interface PersonalDataEntry {
  petitionId: string;
  outcome: 'READ' | 'DENIED';
  fields: string[];
}

interface Pending {
  db: ReadModel;
  principal: Principal;
  entries: Map<string, PersonalDataEntry>;
}

const pending = new WeakMap<object, Pending>();

/** Notes an entry for this request; the same petition and outcome twice in one request is one entry. */
export function notePersonalData(ctx: { db: ReadModel; principal: Principal | null }, entry: PersonalDataEntry): void {
  if (!ctx.principal) return;
  let request = pending.get(ctx);
  if (!request) pending.set(ctx, (request = { db: ctx.db, principal: ctx.principal, entries: new Map() }));
  const key = `${entry.outcome}\n${entry.petitionId}`;
  const known = request.entries.get(key);
  const fields = [...new Set([...(known?.fields ?? []), ...entry.fields])].sort();
  request.entries.set(key, { ...entry, fields });
}

/** Appends the request's entries. Exported for the HTTP routes outside GraphQL (history downloads). */
export async function flushPersonalData(ctx: object, at = Date.now()): Promise<void> {
  const request = pending.get(ctx);
  if (!request || request.entries.size === 0) return;
  pending.delete(ctx);
  const { id, role } = request.principal;
  // One statement, so the request's entries are written together or not at all.
  const rows = [...request.entries.values()].map(
    (e) => sql`(${at}, ${id}, ${role}, ${e.petitionId}, ${e.outcome}, ${e.fields.join(',')})`,
  );
  await request.db.exec(sql`INSERT INTO ${personalDataAccessLog} (at, principal_id, role, petition_id, outcome, fields)
    VALUES ${sql.join(rows, sql`, `)}`);
}

/** Writes each request's entries once its execution is done (the answer is then decided). */
export function usePersonalDataLog(): Plugin {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: () => flushPersonalData(args.contextValue as object),
    }),
  };
}

/** The sub-fields a resolver's field was asked for, by name; a named fragment counts as all of `all`. */
export function selectedFields(info: GraphQLResolveInfo, all: readonly string[]): string[] {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
      else for (const name of all) names.add(name);
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections);
  return all.filter((name) => names.has(name));
}
