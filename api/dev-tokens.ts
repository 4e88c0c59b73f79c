/**
 * Development tokens, one per role, kept in a git-ignored JSON file so a restart prints the same ones. A token
 * in the file that the database no longer knows (a wiped .data/) is issued anew.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ReadModel } from '../db/read-model';
import { issueToken, principalForToken, type Role } from './auth';

export interface DevToken {
  role: Role;
  principalId: string;
  unitId: string | null;
  memberId: string | null;
  token: string;
}

/**
 * One principal per role, plus handlers at the two organs that hear 复查 and 复核 in the seeded unit tree, and
 * the five members of a dev evaluation panel (两代表一委员 and a lawyer).
 */
const DEV_PRINCIPALS: readonly Omit<DevToken, 'token'>[] = [
  { role: 'REGISTRAR', principalId: 'dev-registrar', unitId: 'B-FT', memberId: null },
  { role: 'UNIT_HANDLER', principalId: 'dev-unit-handler', unitId: 'U-FT-01', memberId: null },
  { role: 'UNIT_HEAD', principalId: 'dev-unit-head', unitId: 'U-FT-01', memberId: null },
  { role: 'SUPERVISOR', principalId: 'dev-supervisor', unitId: 'B-FT', memberId: null },
  { role: 'LEADER', principalId: 'dev-leader', unitId: null, memberId: null },
  { role: 'REVIEWER', principalId: 'dev-reviewer', unitId: null, memberId: 'M-LAWYER-01' },
  { role: 'REVIEWER', principalId: 'dev-npc-deputy', unitId: null, memberId: 'M-NPC-01' },
  { role: 'REVIEWER', principalId: 'dev-npc-deputy-2', unitId: null, memberId: 'M-NPC-02' },
  { role: 'REVIEWER', principalId: 'dev-cppcc-member', unitId: null, memberId: 'M-CPPCC-01' },
  { role: 'REVIEWER', principalId: 'dev-party-deputy', unitId: null, memberId: 'M-PARTY-01' },
  { role: 'TESTER', principalId: 'dev-tester', unitId: null, memberId: null },
  { role: 'ADMIN', principalId: 'dev-admin', unitId: null, memberId: null },
  { role: 'UNIT_HANDLER', principalId: 'dev-review-organ', unitId: 'O-FT-GOV', memberId: null },
  { role: 'UNIT_HANDLER', principalId: 'dev-reexam-organ', unitId: 'O-SZ-GOV', memberId: null },
];

export async function ensureDevTokens(db: ReadModel, file: string): Promise<DevToken[]> {
  const saved: DevToken[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DevToken[]) : [];
  const tokens: DevToken[] = [];
  for (const who of DEV_PRINCIPALS) {
    const mine = saved.find((t) => t.principalId === who.principalId);
    const known = mine && (await principalForToken(db, mine.token)) ? mine : null;
    tokens.push(known ?? { ...who, token: await issueToken(db, { ...who, label: `dev ${who.principalId}` }) });
  }
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}
