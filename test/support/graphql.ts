/** GraphQL answers in tests: the answer's shape, its error code, and the assertion that it has no errors. */
import { expect } from 'vitest';

export interface GraphQLAnswer<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** Anything that answers GraphQL for a token: a `System`, a read-model harness, an API process over HTTP. */
export interface GraphQLApi {
  gql(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
}

/** The code of the answer's first error (`extensions.code`), or undefined when it has none. */
export function errorCode(answer: Pick<GraphQLAnswer, 'errors'>): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}

/** The answer's data, after asserting it has no errors (shown in full when it does). */
export function okData<T = any>(answer: GraphQLAnswer<T>): T {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}

/** The value of the answer's one top-level field (`registerPetition`, `petition`…), after asserting it has no errors. */
export function okField(answer: GraphQLAnswer): any {
  return Object.values(okData(answer) as object)[0];
}

/**
 * A test file's `ok(token, 'acceptPetition(id: "…", unitId: "U-FT-01")')`: sends the mutation selecting `fields`
 * and answers its field, asserting no errors. `api` is read at each call (a file's system starts in beforeAll);
 * `via` sends one call through another API (e.g. one configured for another jurisdiction profile).
 */
export function mutationsSelecting(fields: string, api: () => GraphQLApi) {
  return async (token: string, mutation: string, via: GraphQLApi = api()): Promise<any> =>
    okField(await via.gql(token, `mutation { ${mutation} { ${fields} } }`));
}
