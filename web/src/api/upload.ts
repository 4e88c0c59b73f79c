/**
 * A mutation that carries a file, sent as the GraphQL multipart request spec has it (`operations`, `map`, the
 * file): the token in the Authorization header, as every request of the console sends it.
 */
import type { TypedDocumentString } from '../gql/graphql';
import { answerOf, authorization, type Answer } from './client';

export async function upload<TResult, TVariables extends { file: File }>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: document.toString(), variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', variables.file, variables.file.name);
  // No content-type of our own: the browser writes the multipart boundary into it.
  const response = await fetch('./graphql', {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json, application/json', ...authorization() },
    body: form,
  });
  return answerOf((await response.json()) as Answer<TResult>, response.status);
}
