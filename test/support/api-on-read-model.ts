/**
 * The real GraphQL API on a read model of a test's own, with no Temporal behind it: its client points at an
 * address where nothing listens, so a command answers UNAVAILABLE, as a command that got past the API's checks
 * must. Lists, search and statistics never reach Temporal. Both dialects' harnesses serve it.
 */
import { Client } from '@temporalio/client';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { createFengqiaoYoga } from '../../api/create-yoga';
import type { ReadModel } from '../../db/read-model';
import { getProfile } from '../../domain/statute';
import type { GraphQLAnswer } from './graphql';

export interface ApiOnReadModel {
  gql<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** POST a raw body, as a hostile client would. */
  gqlRaw(token: string | null, body: string): Promise<Response>;
}

/** `temporalAttempts`: how often the client tries (the API's default, or 1 where a test sends many commands). */
export function apiOnReadModel(db: ReadModel, options: { temporalAttempts?: number } = {}): ApiOnReadModel {
  const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', options.temporalAttempts) });
  const yoga = createFengqiaoYoga({ db, temporal, taskQueue: 'unused', profileId: getProfile().id });
  const post = async (authorization: string | null, body: string) =>
    yoga.fetch('http://fengqiao.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      body,
    });
  return {
    async gql(token, query, variables) {
      const response = await post(`Bearer ${token}`, JSON.stringify({ query, variables }));
      return (await response.json()) as GraphQLAnswer;
    },
    gqlRaw: (token, body) => post(token ? `Bearer ${token}` : null, body),
  };
}
