/**
 * The table of test/system/roles.test.ts: every role (a column each) against every operation of API.md (a row
 * each, with its target), and what the call answers.
 */
import type { Role } from '../../api/auth';
import { MADE_UP, OPERATIONS, type Target } from './role-operations';
import type { System } from './system';

/**
 * Who asks: one column each. Unit A (U-FT-01) handles every fixture petition but `accusation`, which unit B
 * (U-FT-02) handles and is accused by: B reads none.
 */
export const PRINCIPALS = {
  REG: { role: 'REGISTRAR' },
  HDL: { role: 'UNIT_HANDLER', unitId: 'U-FT-01' },
  'HDL/B': { role: 'UNIT_HANDLER', unitId: 'U-FT-02' },
  HEAD: { role: 'UNIT_HEAD', unitId: 'U-FT-01' },
  'HEAD/B': { role: 'UNIT_HEAD', unitId: 'U-FT-02' },
  SUP: { role: 'SUPERVISOR' },
  // `escalated` is escalated to leader-wang; leader-li has no case.
  LDR: { role: 'LEADER', principalId: 'leader-wang' },
  'LDR/X': { role: 'LEADER', principalId: 'leader-li' },
  // M-LAW-1 sits on `panel`; M-OUTSIDER on no panel.
  REV: { role: 'REVIEWER', principalId: 'reviewer-law-1', memberId: 'M-LAW-1' },
  'REV/X': { role: 'REVIEWER', principalId: 'reviewer-outsider', memberId: 'M-OUTSIDER' },
  TEST: { role: 'TESTER' },
  ADM: { role: 'ADMIN' },
  anon: null,
} as const satisfies Record<string, { role: Role; unitId?: string; principalId?: string; memberId?: string } | null>;
export type Who = keyof typeof PRINCIPALS;

const OUTCOMES = {
  ok: 'answers data, no error',
  UA: 'UNAUTHENTICATED',
  FB: 'FORBIDDEN',
  NF: 'NOT_FOUND, identical to the answer for a made-up id',
  IT: 'INVALID_TRANSITION',
  LE: 'LIMIT_EXCEEDED',
  WC: 'WINDOW_CLOSED',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const CODE: Record<Exclude<Outcome, 'ok'>, string> = {
  UA: 'UNAUTHENTICATED',
  FB: 'FORBIDDEN',
  NF: 'NOT_FOUND',
  IT: 'INVALID_TRANSITION',
  LE: 'LIMIT_EXCEEDED',
  WC: 'WINDOW_CLOSED',
};

/**
 * The matrix. UA, FB and NF are refusals for who is asking; IT, LE and WC passed the role check and were refused
 * by the rules (the target's state was picked for it); ok answered. Rows run in this order, top to bottom.
 * ADM on recordEvaluation: an evaluation is a named member's own vote, and an admin token names no member.
 */
const MATRIX = `
| operation              | target     | REG | HDL | HDL/B | HEAD | HEAD/B | SUP | LDR | LDR/X | REV | REV/X | TEST | ADM | anon |
|------------------------|------------|-----|-----|-------|------|--------|-----|-----|-------|-----|-------|------|-----|------|
| viewer                 |            | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statute                |            | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | ok   |
| petition               | handling   | ok  | ok  | NF    | ok   | NF     | ok  | NF  | NF    | NF  | NF    | ok   | ok  | UA   |
| petition               | escalated  | ok  | ok  | NF    | ok   | NF     | ok  | ok  | NF    | NF  | NF    | ok   | ok  | UA   |
| petition               | closed     | ok  | ok  | NF    | ok   | NF     | ok  | NF  | NF    | ok  | NF    | ok   | ok  | UA   |
| petition               | accusation | ok  | NF  | NF    | NF   | NF     | ok  | NF  | NF    | NF  | NF    | ok   | ok  | UA   |
| petitions              |            | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statistics             |            | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statistics of U-FT-01  |            | ok  | ok  | FB    | ok   | FB     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| panel                  | panel      | ok  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | ok  | NF    | ok   | ok  | UA   |
| panels                 |            | ok  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | ok  | ok    | ok   | ok  | UA   |
| petitionHistory        | handling   | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | ok   | ok  | UA   |
| registerPetition       |            | ok  | ok  | ok    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| acceptPetition         | handling   | IT  | FB  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| acceptPetition         | accusation | IT  | NF  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| routePetition          | handling   | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| declinePetition        | handling   | IT  | FB  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| confirmRepeat          | handling   | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| dismissRepeat          | handling   | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| signForReceipt         | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| raiseObjection         | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| decideObjection        | handling   | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| submitAssignmentReport | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| chooseRoute            | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| chooseRoute            | accusation | FB  | NF  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| recordAgreement        | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| requestExtension       | handling   | FB  | LE  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | LE  | UA   |
| requestExtension       | accusation | FB  | NF  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | LE  | UA   |
| decideExtension        | handling   | FB  | FB  | FB    | IT   | NF     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| decideExtension        | accusation | FB  | FB  | FB    | NF   | NF     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| startHearing           | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| endHearing             | escalated  | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| endHearing             | accusation | FB  | NF  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| replyPetition          | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| recordSatisfaction     | handling   | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| requestReview          | closed     | WC  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | WC  | UA   |
| urge                   | handling   | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| urge                   | accusation | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| answerUrge             | handling   | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| escalate               | escalated  | FB  | FB  | FB    | FB   | FB     | IT  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| instruct               | escalated  | FB  | FB  | FB    | FB   | FB     | FB  | ok  | NF    | FB  | FB    | FB   | ok  | UA   |
| conveneEvaluationPanel | closed     | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| recordEvaluation       | panel      | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | ok  | NF    | FB   | FB  | UA   |
| recordAttendance       | panel      | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| replayHistory          |            | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | ok   | ok  | UA   |
| holidayCalendars       |            | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| publishHolidayCalendar |            | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
`;

export interface Row {
  label: string;
  operation: string;
  target: Target | null;
  cells: { who: Who; outcome: Outcome }[];
}

function parseMatrix(table: string): Row[] {
  const split = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const [header, , ...lines] = table.trim().split('\n').map(split);
  const columns = header!.slice(2);
  if (columns.join() !== Object.keys(PRINCIPALS).join())
    throw new Error(`the columns must be ${Object.keys(PRINCIPALS).join(', ')}`);
  return lines.map(([operation, target, ...outcomes]) => {
    if (!OPERATIONS[operation!]) throw new Error(`no operation ${operation} in OPERATIONS`);
    if (target && !(target in MADE_UP)) throw new Error(`${operation}: unknown target ${target}`);
    const cells = outcomes.map((outcome, i) => {
      if (!(outcome in OUTCOMES)) throw new Error(`${operation}: unknown outcome ${outcome}`);
      if (outcome === 'NF' && !target) throw new Error(`${operation}: NF needs a target to hide`);
      return { who: columns[i] as Who, outcome: outcome as Outcome };
    });
    if (cells.length !== columns.length)
      throw new Error(`${operation} ${target}: ${cells.length} cells for ${columns.length} columns`);
    return {
      label: target ? `${operation} (${target})` : operation!,
      operation: operation!,
      target: (target || null) as Target | null,
      cells,
    };
  });
}

export const ROWS = parseMatrix(MATRIX);
export const outcomeOf = (operation: string, target: Target | null, who: Who) =>
  ROWS.find((r) => r.operation === operation && r.target === target)!.cells.find((c) => c.who === who)!.outcome;

/** A token for each principal of the matrix (`anon` has none), issued into the system's read model. */
export function principalTokens(system: Pick<System, 'token'>): Record<Who, string | null> {
  const tokens = {} as Record<Who, string | null>;
  for (const [who, principal] of Object.entries(PRINCIPALS) as [Who, (typeof PRINCIPALS)[Who]][]) {
    if (!principal) {
      tokens[who] = null;
      continue;
    }
    const { role, ...options } = principal;
    tokens[who] = system.token(role, options);
  }
  return tokens;
}
