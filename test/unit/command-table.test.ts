/**
 * Every command from every status, as one explicit table: allowed (and the status it leads to) or refused with
 * the exact code. The table is written out here, not derived from the rules, so a change to the lifecycle has to
 * change it too.
 */
import { describe, expect, it } from 'vitest';
import {
  COMMAND_NAMES,
  COMMANDS,
  Refusal,
  advanceClock,
  openPetition,
  type Command,
  type CommandArgs,
  type CommandName,
  type PetitionState,
  type PetitionStatus,
} from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import { ctxAt } from '../support/calendar';

const profile = getProfile();
const day = 86_400_000;
const t0 = Date.parse('2026-11-02T09:00:00+08:00');
const actor = { id: 'tester', role: 'REGISTRAR' };
const ctx = (step: number) => ctxAt(t0 + step * day, profile);

const SAMPLE: { [N in CommandName]: CommandArgs[N] } = {
  accept: { unitId: 'U-1', note: null, actor },
  route: { unitId: 'U-2', mode: 'TRANSFER', note: null, actor },
  decline: { reason: 'OTHER', note: null, actor },
  confirmRepeat: { repeatOf: { petitionId: 'XF-E', status: 'CONCLUDED' }, note: null, actor },
  dismissRepeat: { candidateId: 'XF-E', note: null, actor },
  requestExtension: { days: 10, reason: '需调查', actor },
  decideExtension: { approve: true, note: null, actor },
  startHearing: { note: null, actor },
  endHearing: { note: null, actor },
  reply: { outcome: 'EXPLAIN', text: '答复', basis: null, deliveredAt: null, actor },
  recordSatisfaction: { level: 'SATISFIED', target: 'UNIT', actor },
  requestReview: { reason: null, reviewUnitId: 'O-1', actor },
  urge: { message: '请报告进展', respondWithinDays: null, actor },
  answerUrge: { urgeId: 'DB-1', text: '已办理', actor },
  escalate: { leaderId: 'leader-1', reason: '久拖未决', actor },
  instruct: { text: '抓紧办理', actor },
  signForReceipt: { actor },
  raiseObjection: { reason: '不属于本单位职权范围', actor },
  decideObjection: { agree: true, note: null, actor },
  submitAssignmentReport: { text: '已办结', actor },
  chooseRoute: { route: 'HEARD_AND_ANSWERED', note: null, actor },
  recordAgreement: { kind: 'MEDIATION', text: '双方达成调解协议', actor },
  attachMaterial: {
    hash: 'c'.repeat(64),
    size: 1_024,
    mediaType: 'application/pdf',
    name: '来信.pdf',
    kind: 'LETTER',
    note: null,
    actor,
  },
};

/** Signed for at `at`, where the item was routed (a precondition of 异议). */
const signed = (s: PetitionState, at: number) =>
  s.routing?.signedAt === null ? COMMANDS.signForReceipt.apply(s, SAMPLE.signForReceipt, ctxAt(at, profile)) : s;

/** What a command needs besides its status, given to every fixture so that only the status decides. */
const PRECONDITION: Partial<Record<CommandName, (s: PetitionState, at: number) => PetitionState>> = {
  dismissRepeat: (s) => ({
    ...s,
    possibleRepeats: [{ petitionId: 'XF-E', status: 'CONCLUDED', reasons: ['SAME_ID_NUMBER', 'SAME_RESPONDENT_UNIT'] }],
  }),
  decideExtension: (s, at) => ({
    ...s,
    extensions: [{ days: 10, reason: 'r', requestedAt: at, requestedBy: actor, decision: null }],
  }),
  endHearing: (s, at) => ({ ...s, hearings: [{ level: 'HANDLING', startedAt: at, endedAt: null, note: null }] }),
  answerUrge: (s, at) => ({
    ...s,
    urges: [
      {
        id: 'DB-1',
        kind: 'MANUAL',
        unitId: 'U-1',
        message: 'm',
        issuedAt: at,
        issuedBy: actor,
        dueAt: at + 5 * day,
        answeredAt: null,
        answer: null,
        overdueAt: null,
      },
    ],
  }),
  raiseObjection: signed,
  decideObjection: (s, at) =>
    s.routing ? COMMANDS.raiseObjection.apply(signed(s, at), SAMPLE.raiseObjection, ctxAt(at, profile)) : s,
  submitAssignmentReport: (s, at) => ({
    ...s,
    routing: s.routing ?? {
      unitId: 'U-1',
      mode: 'ASSIGN',
      routedAt: at,
      dueDays: 20,
      signedAt: null,
      signedBy: null,
      objection: null,
      report: null,
    },
  }),
  instruct: (s, at) => ({ ...s, escalation: { leaderId: 'leader-1', reason: 'r', at, by: actor, instructions: [] } }),
};

const registered = openPetition(
  {
    petitionId: 'XF-T',
    petitioner: { name: '张三', idNumber: null, phone: null, address: null },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: 's',
    content: 'c',
    receivedAt: t0,
    respondentUnitId: null,
    registeredBy: actor,
  },
  ctx(0),
);
const handling = COMMANDS.accept.apply(registered, SAMPLE.accept, ctx(1));
const delivered = COMMANDS.reply.apply(handling, SAMPLE.reply, ctx(2));
const underReview = COMMANDS.requestReview.apply(delivered, SAMPLE.requestReview, ctx(3));
const reviewDelivered = COMMANDS.reply.apply(underReview, SAMPLE.reply, ctx(4));
const underReexamination = COMMANDS.requestReview.apply(
  reviewDelivered,
  { ...SAMPLE.requestReview, reviewUnitId: 'O-2' },
  ctx(5),
);

/** One petition in each status, all at step 6 or earlier. */
const FIXTURES: Record<PetitionStatus, PetitionState> = {
  REGISTERED: registered,
  TRANSFERRED: COMMANDS.route.apply(registered, SAMPLE.route, ctx(1)),
  ASSIGNED: COMMANDS.route.apply(registered, { ...SAMPLE.route, mode: 'ASSIGN' }, ctx(1)),
  HANDLING: handling,
  DELIVERED: delivered,
  UNDER_REVIEW: underReview,
  REVIEW_DELIVERED: reviewDelivered,
  UNDER_REEXAMINATION: underReexamination,
  CONCLUDED: COMMANDS.reply.apply(underReexamination, SAMPLE.reply, ctx(6)),
  // The 复查 window's 30 days and its grace for requests made in time (docs/lifecycle.md) have run out.
  CLOSED: advanceClock(delivered, ctx(60)),
  DECLINED: COMMANDS.decline.apply(registered, SAMPLE.decline, ctx(1)),
  FORWARDED: COMMANDS.route.apply(registered, { ...SAMPLE.route, unitId: 'P-1', forwardTo: 'POLITICAL_LEGAL' }, ctx(1)),
};

// A status name: allowed, leading there; "=": allowed, status unchanged; "IT": refused INVALID_TRANSITION.
const COLUMNS = [
  'accept',
  'route',
  'decline',
  'requestExtension',
  'decideExtension',
  'startHearing',
  'endHearing',
  'reply',
  'recordSatisfaction',
  'requestReview',
  'urge',
  'answerUrge',
  'escalate',
  'instruct',
] as const;
const TABLE: Record<PetitionStatus, readonly string[]> = {
  //                   accept      route         decline     reqExt decExt startH endH reply                 rate  review                 urge  answer esc  instr
  REGISTERED: ['HANDLING', 'TRANSFERRED', 'DECLINED', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', '=', '=', '='],
  TRANSFERRED: ['HANDLING', 'IT', 'DECLINED', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', '=', '=', '=', '='],
  ASSIGNED: ['HANDLING', 'IT', 'DECLINED', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', '=', '=', '=', '='],
  HANDLING: ['IT', 'IT', 'IT', '=', '=', '=', '=', 'DELIVERED', 'IT', 'IT', '=', '=', '=', '='],
  DELIVERED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', '=', 'UNDER_REVIEW', 'IT', '=', '=', '='],
  UNDER_REVIEW: ['IT', 'IT', 'IT', 'IT', 'IT', '=', '=', 'REVIEW_DELIVERED', 'IT', 'IT', '=', '=', '=', '='],
  REVIEW_DELIVERED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', '=', 'UNDER_REEXAMINATION', 'IT', '=', '=', '='],
  UNDER_REEXAMINATION: ['IT', 'IT', 'IT', 'IT', 'IT', '=', '=', 'CONCLUDED', 'IT', 'IT', '=', '=', '=', '='],
  CONCLUDED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'],
  CLOSED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'],
  DECLINED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'],
  FORWARDED: ['IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT', 'IT'],
};

/** The registrar's decisions on a repeat (./repeats.ts): where 不予受理 still can be, before 受理. */
const REPEAT_COLUMNS = ['confirmRepeat', 'dismissRepeat'] as const;
const BEFORE_ACCEPTANCE = ['DECLINED', '='];
const NOT_THERE = ['IT', 'IT'];
const REPEAT_TABLE: Record<PetitionStatus, readonly string[]> = {
  REGISTERED: BEFORE_ACCEPTANCE,
  TRANSFERRED: BEFORE_ACCEPTANCE,
  ASSIGNED: BEFORE_ACCEPTANCE,
  HANDLING: NOT_THERE,
  DELIVERED: NOT_THERE,
  UNDER_REVIEW: NOT_THERE,
  REVIEW_DELIVERED: NOT_THERE,
  UNDER_REEXAMINATION: NOT_THERE,
  CONCLUDED: NOT_THERE,
  CLOSED: NOT_THERE,
  DECLINED: NOT_THERE,
  FORWARDED: NOT_THERE,
};

/**
 * The unit's side of a routed item: 签收 and 异议 while it is with the unit before 受理; an agreed 异议 returns it to
 * the bureau (REGISTERED); the 办结报告 of a 交办 until the case ends.
 */
const ROUTING_COLUMNS = ['signForReceipt', 'raiseObjection', 'decideObjection', 'submitAssignmentReport'] as const;
const ROUTING_TABLE: Record<PetitionStatus, readonly string[]> = {
  //                 sign  object decide        report
  REGISTERED: ['IT', 'IT', 'IT', 'IT'],
  TRANSFERRED: ['=', '=', 'REGISTERED', 'IT'],
  ASSIGNED: ['=', '=', 'REGISTERED', '='],
  HANDLING: ['IT', 'IT', 'IT', '='],
  DELIVERED: ['IT', 'IT', 'IT', '='],
  UNDER_REVIEW: ['IT', 'IT', 'IT', '='],
  REVIEW_DELIVERED: ['IT', 'IT', 'IT', '='],
  UNDER_REEXAMINATION: ['IT', 'IT', 'IT', '='],
  CONCLUDED: ['IT', 'IT', 'IT', 'IT'],
  CLOSED: ['IT', 'IT', 'IT', 'IT'],
  DECLINED: ['IT', 'IT', 'IT', 'IT'],
  FORWARDED: ['IT', 'IT', 'IT', 'IT'],
};

/** A claim's route of Art. 31 and its settlement by agreement (Art. 33): while the unit handles it. */
const PATH_COLUMNS = ['chooseRoute', 'recordAgreement'] as const;
const PATH_TABLE: Record<PetitionStatus, readonly string[]> = Object.fromEntries(
  Object.keys(TABLE).map((status) => [status, status === 'HANDLING' ? ['=', 'CLOSED'] : ['IT', 'IT']]),
) as unknown as Record<PetitionStatus, readonly string[]>;

/** 材料 come in while the case is open, and change nothing but its materials and timeline. */
const MATERIAL_COLUMNS = ['attachMaterial'] as const;
const ENDED = ['CONCLUDED', 'CLOSED', 'DECLINED', 'FORWARDED'];
const MATERIAL_TABLE = Object.fromEntries(
  Object.keys(TABLE).map((status) => [status, ENDED.includes(status) ? ['IT'] : ['=']]),
) as unknown as Record<PetitionStatus, readonly string[]>;

const cells = (Object.keys(TABLE) as PetitionStatus[]).flatMap((status) => [
  ...COLUMNS.map((command, i) => ({ status, command, expected: TABLE[status][i]! })),
  ...REPEAT_COLUMNS.map((command, i) => ({ status, command, expected: REPEAT_TABLE[status][i]! })),
  ...ROUTING_COLUMNS.map((command, i) => ({ status, command, expected: ROUTING_TABLE[status][i]! })),
  ...PATH_COLUMNS.map((command, i) => ({ status, command, expected: PATH_TABLE[status][i]! })),
  ...MATERIAL_COLUMNS.map((command, i) => ({ status, command, expected: MATERIAL_TABLE[status][i]! })),
]);

describe('status × command', () => {
  it('the table covers every status and every command', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(TABLE).sort());
    expect([...COLUMNS, ...REPEAT_COLUMNS, ...ROUTING_COLUMNS, ...PATH_COLUMNS, ...MATERIAL_COLUMNS].sort()).toEqual(
      [...COMMAND_NAMES].sort(),
    );
    for (const [status, state] of Object.entries(FIXTURES)) expect(state.status).toBe(status);
  });

  it.each(cells)('$command from $status: $expected', ({ status, command, expected }) => {
    const at = ctx(7);
    const state = PRECONDITION[command]?.(FIXTURES[status], at.now) ?? FIXTURES[status];
    const rules = COMMANDS[command] as Command<unknown>;
    const sample = SAMPLE[command];
    let refusal: Refusal | null = null;
    try {
      rules.check(state, sample, at);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      refusal = err;
    }
    if (expected === 'IT') {
      expect(refusal).toMatchObject({ code: 'INVALID_TRANSITION', details: { status } });
      return;
    }
    expect(refusal).toBeNull();
    const next = rules.apply(state, sample, at);
    expect(next.status).toBe(expected === '=' ? status : expected);
    expect(next.lastSeq).toBeGreaterThan(state.lastSeq);
  });
});
