/** Who the tests act as: a token per role, issued straight into the read model's token table. */
import { newToken, type Role, type TokenRequest } from '../../api/auth';
import type { SqliteDatabase } from '../../db/connection';
import { apiTokens } from '../../db/schema';

export interface RoleTokens {
  registrar: string;
  supervisor: string;
  leader: string;
  tester: string;
  admin: string;
  /** The handler and the head of unit U-FT-01. */
  handler: string;
  head: string;
  /** Panel member M-LAW-1 (the lawyer of PANEL_OF_FIVE). */
  reviewer: string;
  /** The handlers of the 复查 organ (O-FT-GOV) and the 复核 organ (O-SZ-GOV). */
  reviewOrgan: string;
  reexamOrgan: string;
}

/**
 * A token written at once into a SQLite read model, as `issueToken` writes it (api/auth.ts): tests set up their
 * principals in a line each, without awaiting.
 */
export function issueTokenNow(db: SqliteDatabase, request: TokenRequest): string {
  const { token, row } = newToken(request);
  db.insert(apiTokens).values(row).run();
  return token;
}

/**
 * A token for every role the tests act as, each its own principal: `<prefix>-<role>-<unit or bureau>`. Tests that
 * need another unit's handler, a named leader or another panel member issue those themselves.
 */
export function tokensPerRole(db: SqliteDatabase, prefix = 'test'): RoleTokens {
  const issue = (
    role: Role,
    { unitId = null, memberId = null }: { unitId?: string | null; memberId?: string | null } = {},
  ) =>
    issueTokenNow(db, {
      role,
      principalId: `${prefix}-${role.toLowerCase()}-${unitId ?? memberId ?? 'bureau'}`,
      unitId,
      memberId,
    });
  return {
    registrar: issue('REGISTRAR'),
    supervisor: issue('SUPERVISOR'),
    leader: issue('LEADER'),
    tester: issue('TESTER'),
    admin: issue('ADMIN'),
    handler: issue('UNIT_HANDLER', { unitId: 'U-FT-01' }),
    head: issue('UNIT_HEAD', { unitId: 'U-FT-01' }),
    reviewer: issue('REVIEWER', { memberId: 'M-LAW-1' }),
    reviewOrgan: issue('UNIT_HANDLER', { unitId: 'O-FT-GOV' }),
    reexamOrgan: issue('UNIT_HANDLER', { unitId: 'O-SZ-GOV' }),
  };
}
