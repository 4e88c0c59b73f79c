/** Bearer tokens (docs/api.md, Identity): a token maps to a principal stored, hashed, in the SQLite database. */
import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { ReadModel } from '../db/connection';
import { apiTokens } from '../db/schema';
import { apiError } from './errors';

import { ROLES, type Role } from '../domain/roles';

export { ROLES, type Role } from '../domain/roles';

export interface Principal {
  id: string;
  role: Role;
  unitId: string | null;
  memberId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface TokenRequest {
  principalId: string;
  role: Role;
  unitId?: string | null;
  memberId?: string | null;
  label?: string | null;
}

/** Creates a token and stores its hash; the plain token is returned once and never stored. */
export function issueToken(db: ReadModel, request: TokenRequest): string {
  if ((request.role === 'UNIT_HANDLER' || request.role === 'UNIT_HEAD') && !request.unitId) {
    throw new Error(`a ${request.role} token needs a unit (--unit)`);
  }
  const token = `fq_${randomBytes(24).toString('base64url')}`;
  db.insert(apiTokens)
    .values({
      tokenHash: hashToken(token),
      principalId: request.principalId,
      role: request.role,
      unitId: request.unitId ?? null,
      memberId: request.memberId ?? null,
      label: request.label ?? null,
    })
    .run();
  return token;
}

/** Revokes a token: it stops working with the next request. Answers whether it existed. */
export function revokeToken(db: ReadModel, token: string): boolean {
  return (
    db
      .delete(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)))
      .run().changes > 0
  );
}

type TokenRow = Pick<Principal, 'id' | 'role' | 'unitId' | 'memberId'>;
const tokenLookups = new WeakMap<ReadModel['$client'], Statement<[string], TokenRow>>();

/** Every request looks its token up: prepared once per connection, not built by drizzle's query builder each time. */
export function principalForToken(db: ReadModel, token: string): Principal | null {
  let lookup = tokenLookups.get(db.$client);
  if (!lookup) {
    lookup = db.$client.prepare(
      'SELECT principal_id AS id, role, unit_id AS unitId, member_id AS memberId FROM api_tokens WHERE token_hash = ?',
    );
    tokenLookups.set(db.$client, lookup);
  }
  const row = lookup.get(hashToken(token));
  return row ? { id: row.id, role: row.role, unitId: row.unitId, memberId: row.memberId } : null;
}

/** The principal behind the request's `Authorization: Bearer` header; null without one. */
export function authenticate(db: ReadModel, authorization: string | null): Principal | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw apiError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
  const principal = principalForToken(db, match[1]!);
  if (!principal) throw apiError('UNAUTHENTICATED', 'unknown or revoked token');
  return principal;
}

/** Refuses the call unless the principal has one of the roles; ADMIN may do everything. */
export function requireRole(principal: Principal | null, ...roles: Role[]): Principal {
  if (!principal) throw apiError('UNAUTHENTICATED', 'this operation needs a token: send Authorization: Bearer <token>');
  if (principal.role !== 'ADMIN' && !roles.includes(principal.role)) {
    throw apiError('FORBIDDEN', `role ${principal.role} may not do this (needs ${roles.join(' or ')})`);
  }
  return principal;
}

/** Any principal with a token, whatever its role. */
export function requireSignedIn(principal: Principal | null): Principal {
  return requireRole(principal, ...ROLES);
}
