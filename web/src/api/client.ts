/**
 * The console's GraphQL client: posts a typed document (codegen's client preset, documentMode string) with the
 * principal's Bearer token and answers its data, or throws the API's first error with its code and field.
 */
import type { TypedDocumentString } from '../gql/graphql';

/** An error of the API (API.md's codes), with the input field `extensions.field` names, if any. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

export interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

let token: string | null = null;

export function setToken(value: string | null): void {
  token = value;
}

/** The principal's Authorization header, for requests made outside `request` (uploads, files). */
export function authorization(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The API's answer as `request` reads it: its data, or its first error thrown with the code and field. */
export function answerOf<TResult>(answer: Answer<TResult>, status: number): TResult {
  const first = answer.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN', first.extensions?.field ?? null);
  if (!answer.data) throw new ApiError(`HTTP ${status}`, 'UNAVAILABLE', null);
  return answer.data;
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const response = await fetch('./graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return answerOf((await response.json()) as Answer<TResult>, response.status);
}

/**
 * A file the API serves beside GraphQL (GET /petitions/{id}/history.json): the token goes in the Authorization
 * header only (the API takes no token in a URL), so a plain link cannot carry it and the file is fetched here.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Answer<unknown> | null;
    const first = body?.errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code ?? 'UNKNOWN', null);
  }
  return response.blob();
}
