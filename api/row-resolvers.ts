/**
 * The Petition fields a lean row answers (api/petition-rows.ts), each from the column db/projection.ts wrote with
 * the very expression the snapshot's resolver computes, so a listed petition answers as one read whole does. Any
 * other field reads the snapshot. The answers still pass the petitioner decision: api/quoted-resolvers.ts wraps
 * these resolvers as it wraps the snapshot's.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from './context';
import type { PetitionResolvers } from './generated/resolvers-types';
import type { PetitionParent, PetitionRow } from './petition-rows';

type Field = keyof PetitionResolvers;

const FROM_ROW: Partial<Record<Field, (row: PetitionRow) => unknown>> = {
  id: (r) => r.id,
  status: (r) => r.status,
  stage: (r) => r.stage,
  summary: (r) => r.summary,
  content: (r) => r.content,
  category: (r) => r.category,
  channel: (r) => r.channel,
  receivedAt: (r) => r.receivedAt,
  registeredAt: (r) => r.registeredAt,
  acceptedAt: (r) => r.acceptedAt,
  forwardedTo: (r) => r.forwardedTo,
  direct: (r) => r.direct,
  repeatOf: (r) => r.repeatOf,
  isRepeat: (r) => r.isRepeat,
  closedAt: (r) => r.closedAt,
  escalationProposed: (r) => r.escalationProposed,
  overdue: (r) => r.overdue,
  dueSoon: (r) => r.dueSoon,
};

type Resolve = (p: PetitionParent, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => unknown;

export function answeringFromRows(resolvers: PetitionResolvers): PetitionResolvers {
  const wrapped = Object.entries(resolvers).map(([field, resolver]) => {
    const fromRow = FROM_ROW[field as Field];
    if (!fromRow || typeof resolver !== 'function') return [field, resolver];
    const fromSnapshot = resolver as unknown as Resolve;
    const resolve: Resolve = (p, args, ctx, info) => (p.row ? fromRow(p.row) : fromSnapshot(p, args, ctx, info));
    return [field, resolve];
  });
  return Object.fromEntries(wrapped) as PetitionResolvers;
}
