/**
 * The paths by kind (domain/petition/paths.ts) as one explicit table: for each category and route, what each
 * command of the handling does — allowed and where it leads, or refused with its code — and which clocks run.
 * Written out here, not derived from PATHS, so that a change to a path has to change this table too.
 */
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  Refusal,
  advanceClock,
  openPetition,
  type Category,
  type Command,
  type HandlingRoute,
  type PetitionState,
  type ReplyOutcome,
} from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import { ctxAt } from '../support/calendar';
import { sampleRegistration } from '../support/registrations';

const profile = getProfile();
const day = 86_400_000;
const t0 = Date.parse('2026-11-02T09:00:00+08:00');
const actor = { id: 'tester', role: 'UNIT_HANDLER' };
const ctx = (step: number) => ctxAt(t0 + step * day, profile);

function handling(category: Category, route: HandlingRoute | null): PetitionState {
  const registered = openPetition(
    sampleRegistration(t0, actor, { petitionId: 'XF-P', channel: 'ONLINE', category }),
    ctx(0),
  );
  const accepted = COMMANDS.accept.apply(registered, { unitId: 'U-1', note: null, actor }, ctx(1));
  return route ? COMMANDS.chooseRoute.apply(accepted, { route, note: null, actor }, ctx(2)) : accepted;
}

type Row = { category: Category; route: HandlingRoute | null };
const ROWS: Record<string, Row> = {
  SUGGESTION: { category: 'SUGGESTION', route: null },
  ACCUSATION: { category: 'ACCUSATION', route: null },
  'CLAIM, no route yet': { category: 'CLAIM', route: null },
  'CLAIM (一)': { category: 'CLAIM', route: 'LEGAL_PROCEDURE' },
  'CLAIM (二)': { category: 'CLAIM', route: 'ARBITRATION' },
  'CLAIM (三)': { category: 'CLAIM', route: 'PARTY_APPEAL' },
  'CLAIM (四)': { category: 'CLAIM', route: 'ADMINISTRATIVE_PROCEDURE' },
  'CLAIM (五)': { category: 'CLAIM', route: 'DUTY_PERFORMED' },
  'CLAIM (六)': { category: 'CLAIM', route: 'HEARD_AND_ANSWERED' },
};

// Per row: the status after chooseRoute (or accept), the open clocks then, and for each command the outcome —
// a status it leads to, "=" allowed and unchanged, IT INVALID_TRANSITION, BI BAD_USER_INPUT.
const COLUMNS = [
  'extension',
  'hearing',
  'reply SUPPORT',
  'reply ADOPTED',
  'reply PERFORMED',
  'reply ANSWERED',
  'agreement',
  'route (五)',
] as const;
const TABLE: Record<string, { status: string; clocks: string[]; cells: string[] }> = {
  //                                                  ext   hear  SUPPORT      ADOPTED   PERFORMED ANSWERED  agree     (五)
  SUGGESTION: { status: 'HANDLING', clocks: [], cells: ['IT', 'IT', 'BI', 'DELIVERED', 'BI', 'BI', 'IT', 'IT'] },
  ACCUSATION: { status: 'HANDLING', clocks: [], cells: ['IT', 'IT', 'BI', 'BI', 'BI', 'DELIVERED', 'IT', 'IT'] },
  'CLAIM, no route yet': {
    status: 'HANDLING',
    clocks: ['HANDLING'],
    cells: ['=', '=', 'DELIVERED', 'BI', 'BI', 'BI', 'CLOSED', '='],
  },
  'CLAIM (一)': { status: 'CLOSED', clocks: [], cells: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'] },
  'CLAIM (二)': { status: 'CLOSED', clocks: [], cells: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'] },
  'CLAIM (三)': { status: 'CLOSED', clocks: [], cells: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'] },
  'CLAIM (四)': { status: 'CLOSED', clocks: [], cells: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'] },
  'CLAIM (五)': {
    status: 'HANDLING',
    clocks: [],
    cells: ['IT', 'IT', 'BI', 'BI', 'DELIVERED', 'DELIVERED', 'IT', 'IT'],
  },
  'CLAIM (六)': {
    status: 'HANDLING',
    clocks: ['HANDLING'],
    cells: ['=', '=', 'DELIVERED', 'BI', 'BI', 'BI', 'CLOSED', 'IT'],
  },
};

const reply = (outcome: ReplyOutcome) => ({ outcome, text: '答复', basis: null, deliveredAt: null, actor });
const COMMAND_OF: Record<(typeof COLUMNS)[number], { name: keyof typeof COMMANDS; args: unknown }> = {
  extension: { name: 'requestExtension', args: { days: 10, reason: '需调查', actor } },
  hearing: { name: 'startHearing', args: { note: null, actor } },
  'reply SUPPORT': { name: 'reply', args: reply('SUPPORT') },
  'reply ADOPTED': { name: 'reply', args: reply('ADOPTED') },
  'reply PERFORMED': { name: 'reply', args: reply('PERFORMED') },
  'reply ANSWERED': { name: 'reply', args: reply('ANSWERED') },
  agreement: { name: 'recordAgreement', args: { kind: 'MEDIATION', text: '调解协议', actor } },
  'route (五)': { name: 'chooseRoute', args: { route: 'DUTY_PERFORMED', note: null, actor } },
};

const cells = Object.entries(TABLE).flatMap(([row, { cells: outcomes }]) =>
  COLUMNS.map((column, i) => ({ row, column, expected: outcomes[i]! })),
);

describe('category × route × command', () => {
  it('the table covers every route of Art. 31 and every category', () => {
    expect(Object.keys(TABLE)).toEqual(Object.keys(ROWS));
  });

  it.each(Object.keys(ROWS))('%s: its status and open clocks after 受理 and the route', (row) => {
    const { category, route } = ROWS[row]!;
    const state = handling(category, route);
    expect(state.status).toBe(TABLE[row]!.status);
    const open = state.deadlines.filter((d) => d.metAt === null && d.lapsedAt === null).map((d) => d.kind);
    expect(open).toEqual(TABLE[row]!.clocks);
  });

  it.each(cells)('$row, $column: $expected', ({ row, column, expected }) => {
    const { category, route } = ROWS[row]!;
    const state = handling(category, route);
    const { name, args } = COMMAND_OF[column];
    const rules = COMMANDS[name] as Command<unknown>;
    const at = ctx(3);
    let refusal: Refusal | null = null;
    try {
      rules.check(state, args, at);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      refusal = err;
    }
    if (expected === 'IT' || expected === 'BI') {
      expect(refusal?.code).toBe(expected === 'IT' ? 'INVALID_TRANSITION' : 'BAD_USER_INPUT');
      return;
    }
    expect(refusal).toBeNull();
    const after = rules.apply(state, args, at);
    expect(after.status).toBe(expected === '=' ? state.status : expected);
  });
});

describe('what each path leaves behind', () => {
  it('a suggestion answered is rated within 30 days, no 复查 allowed, then closes', () => {
    const answered = COMMANDS.reply.apply(handling('SUGGESTION', null), reply('PARTLY_ADOPTED'), ctx(5));
    expect(answered.status).toBe('DELIVERED');
    expect(answered.deadlines.map((d) => d.kind)).toEqual(['REGISTRATION', 'RATING_WINDOW']);
    // Answered 7 Nov 2026 (a Saturday, 09:00): 30 days end on Monday 7 Dec at 24:00.
    expect(answered.deadlines.at(-1)?.dueAt).toBe(Date.parse('2026-12-08T00:00:00+08:00'));
    expect(answered.opinions.at(-1)?.outcome).toBe('PARTLY_ADOPTED');
    const appeal = { reason: null, reviewUnitId: 'O-1', actor };
    expect(() => COMMANDS.requestReview.check(answered, appeal, ctx(6))).toThrow(/no 复查 follows/);
    const rated = COMMANDS.recordSatisfaction.apply(answered, { level: 'SATISFIED', target: 'UNIT', actor }, ctx(6));
    expect(advanceClock(rated, ctx(36)).status).toBe('CLOSED');
  });

  it('(一) is guided into its procedure: the 60 days met at the choice, the petitioner told, the route recorded', () => {
    const guided = handling('CLAIM', 'LEGAL_PROCEDURE');
    expect(guided.handlingRoute).toBe('LEGAL_PROCEDURE');
    expect(guided.deadlines.find((d) => d.kind === 'HANDLING')?.metAt).toBe(t0 + 2 * day);
    expect(guided.timeline.map((e) => e.type).slice(-2)).toEqual(['ROUTE_CHOSEN', 'PETITIONER_TOLD']);
  });

  it('(五) leaves the 60 days of Art. 34: withdrawn, neither met nor overdue', () => {
    const clock = handling('CLAIM', 'DUTY_PERFORMED').deadlines.find((d) => d.kind === 'HANDLING')!;
    expect(clock).toMatchObject({ metAt: null, overdueAt: null, lapsedAt: t0 + 2 * day });
  });

  it('a claim answered without a route chosen is on (六), and 调解 settles one with its agreement', () => {
    const answered = COMMANDS.reply.apply(handling('CLAIM', null), reply('SUPPORT'), ctx(5));
    expect(answered.handlingRoute).toBe('HEARD_AND_ANSWERED');
    const settled = COMMANDS.recordAgreement.apply(
      handling('CLAIM', null),
      { kind: 'RECONCILIATION', text: '和解协议', actor },
      ctx(5),
    );
    expect(settled).toMatchObject({ status: 'CLOSED', handlingRoute: 'HEARD_AND_ANSWERED' });
    expect(settled.agreement).toMatchObject({ kind: 'RECONCILIATION', at: t0 + 5 * day });
    expect(settled.deadlines.find((d) => d.kind === 'HANDLING')?.metAt).toBe(t0 + 5 * day);
  });

  it('a run begun before paths by kind keeps every category on (六): the 60 days and 复查', () => {
    const old = (step: number) => ({ ...ctx(step), pathsByKind: false });
    const registered = openPetition(
      sampleRegistration(t0, actor, { petitionId: 'XF-O', category: 'SUGGESTION' }),
      old(0),
    );
    expect(registered.handlingRoute).toBeUndefined();
    const accepted = COMMANDS.accept.apply(registered, { unitId: 'U-1', note: null, actor }, old(1));
    expect(accepted.deadlines.map((d) => d.kind)).toContain('HANDLING');
    expect(COMMANDS.reply.apply(accepted, reply('EXPLAIN'), old(2)).status).toBe('DELIVERED');
    expect(() =>
      COMMANDS.decline.check(registered, { reason: 'LITIGATION_RELATED', note: null, actor }, old(1)),
    ).not.toThrow();
  });
});
