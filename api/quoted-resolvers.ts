/**
 * The Petition type's resolvers with every answer passed through the petitioner decision (./petitioner-view.ts
 * `quotedView`): a free text that quotes the petitioner's name, ID number, phone or address — what they wrote,
 * a handler's note, an opinion, a timeline entry — is masked for whoever gets the masked petitioner. Wrapping the
 * whole type, not field by field, means a field added later cannot forget it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from './context';
import type { PetitionResolvers } from './generated/resolvers-types';
import type { PetitionParent } from './petition-reads';
import { quotedView } from './petitioner-view';

/** Fields with their own decision (the petitioner itself, the workflow's state), or other petitions' own. */
const DECIDED_ELSEWHERE = new Set(['petitioner', 'live', 'possibleRepeats']);

type Resolve = (p: PetitionParent, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => unknown;

export function maskingQuotes(resolvers: PetitionResolvers): PetitionResolvers {
  const wrapped = Object.entries(resolvers).map(([field, resolver]) => {
    if (DECIDED_ELSEWHERE.has(field) || typeof resolver !== 'function') return [field, resolver];
    const resolve = resolver as unknown as Resolve;
    const masking: Resolve = (p, args, ctx, info) => {
      const answer = resolve(p, args, ctx, info);
      return answer instanceof Promise
        ? answer.then((value) => quotedView(ctx, p.facts, value))
        : quotedView(ctx, p.facts, answer);
    };
    return [field, masking];
  });
  return Object.fromEntries(wrapped) as PetitionResolvers;
}
