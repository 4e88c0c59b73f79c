/** Bearer tokens (docs/api.md, Identity): a token maps to a principal stored, hashed, in the read model. */
import { sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { ReadModel } from '../db/read-model';
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

/** A new token and the row that stores it: its hash, never the token itself. */
export function newToken(request: TokenRequest): { token: string; row: typeof apiTokens.$inferInsert } {
  if ((request.role === 'UNIT_HANDLER' || request.role === 'UNIT_HEAD') && !request.unitId) {
    throw new Error(`a ${request.role} token needs a unit (--unit)`);
  }
  const token = `fq_${randomBytes(24).toString('base64url')}`;
  const row = {
    tokenHash: hashToken(token),
    principalId: request.principalId,
    role: request.role,
    unitId: request.unitId ?? null,
    memberId: request.memberId ?? null,
    label: request.label ?? null,
  };
  return { token, row };
}

/** Creates a token and stores its hash; the plain token is returned once and never stored. */
export async function issueToken(db: ReadModel, request: TokenRequest): Promise<string> {
  const { token, row: r } = newToken(request);
  await db.exec(sql`INSERT INTO ${apiTokens} (token_hash, principal_id, role, unit_id, member_id, label)
    VALUES (${r.tokenHash}, ${r.principalId}, ${r.role}, ${r.unitId}, ${r.memberId}, ${r.label})`);
  return token;
}

/** Revokes a token: it stops working with the next request. Answers whether it existed. */
export async function revokeToken(db: ReadModel, token: string): Promise<boolean> {
  return (await db.exec(sql`DELETE FROM ${apiTokens} WHERE token_hash = ${hashToken(token)}`)) > 0;
}

type TokenRow = Pick<Principal, 'id' | 'role' | 'unitId' | 'memberId'>;

/**
 * Every request looks its token up: the statement is compiled once per read model and sent with the hash as its one
 * parameter, not built by drizzle each time.
 */
const lookups = new WeakMap<ReadModel, string>();

export async function principalForToken(db: ReadModel, token: string): Promise<Principal | null> {
  let text = lookups.get(db);
  if (text === undefined) {
    text = db.compile(sql`SELECT principal_id AS "id", role, unit_id AS "unitId", member_id AS "memberId"
      FROM ${apiTokens} WHERE token_hash = ${''}`).text;
    lookups.set(db, text);
  }
  const row = await db.row<TokenRow>({ text, params: [hashToken(token)] });
  return row ? { id: row.id, role: row.role, unitId: row.unitId, memberId: row.memberId } : null;
}

/** The principal behind the request's `Authorization: Bearer` header; null without one. */
export async function authenticate(db: ReadModel, authorization: string | null): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw apiError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
  const principal = await principalForToken(db, match[1]!);
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
