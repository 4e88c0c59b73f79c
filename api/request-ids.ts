/** Ids the API gives what it starts: derived from the client's requestId, so a retried request starts nothing new. */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from './auth';

/**
 * `PREFIX-` and 12 hex digits: a hash of (principal, kind, requestId) when the client sent a requestId, else random.
 * `kind` keeps a petition and a panel asked for with the same requestId apart.
 */
export function idForRequest(
  prefix: string,
  kind: 'petition' | 'panel',
  principal: Principal,
  requestId: string | null,
): string {
  // Petitions were hashed without a kind before panels existed; their ids must stay what clients already hold.
  const scope = kind === 'petition' ? '' : `${kind}\n`;
  const seed = requestId
    ? createHash('sha256').update(`${principal.id}\n${scope}${requestId}`).digest()
    : randomBytes(6);
  return `${prefix}-${seed.subarray(0, 6).toString('hex').toUpperCase()}`;
}
