/**
 * A requestId for a mutation (docs/api.md §Retries): one per form opened, kept across its retries, so a TIMEOUT
 * retried is applied once. getRandomValues, unlike randomUUID, works outside secure contexts (plain http on a LAN).
 */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
