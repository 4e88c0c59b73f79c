/**
 * Development tokens, one per role, kept in a git-ignored JSON file so a restart prints the same ones. A token
 * in the file that the database no longer knows (a wiped .data/) is issued anew.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ReadModel } from '../db/connection';
import { issueToken, principalForToken, ROLES, type Role } from './auth';

export interface DevToken {
  role: Role;
  principalId: string;
  unitId: string | null;
  memberId: string | null;
  token: string;
}

const DEV_PRINCIPALS: Record<Role, { principalId: string; unitId: string | null; memberId: string | null }> = {
  REGISTRAR: { principalId: 'dev-registrar', unitId: 'B-FT', memberId: null },
  UNIT_HANDLER: { principalId: 'dev-unit-handler', unitId: 'U-FT-01', memberId: null },
  UNIT_HEAD: { principalId: 'dev-unit-head', unitId: 'U-FT-01', memberId: null },
  SUPERVISOR: { principalId: 'dev-supervisor', unitId: 'B-FT', memberId: null },
  LEADER: { principalId: 'dev-leader', unitId: null, memberId: null },
  REVIEWER: { principalId: 'dev-reviewer', unitId: null, memberId: 'M-LAWYER-01' },
  TESTER: { principalId: 'dev-tester', unitId: null, memberId: null },
  ADMIN: { principalId: 'dev-admin', unitId: null, memberId: null },
};

export function ensureDevTokens(db: ReadModel, file: string): DevToken[] {
  const saved: DevToken[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DevToken[]) : [];
  const tokens = ROLES.map((role) => {
    const known = saved.find((t) => t.role === role && principalForToken(db, t.token));
    if (known) return known;
    const who = DEV_PRINCIPALS[role];
    return { role, ...who, token: issueToken(db, { ...who, role, label: `dev ${role}` }) };
  });
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}
