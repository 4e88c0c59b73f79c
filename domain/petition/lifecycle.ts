/**
 * The lifecycle of a petition as data (docs/domain.md, the statutory lifecycle): which statuses each command may
 * start from, what stage and level each status is at, and the small steps every command is made of.
 */
import { Refusal } from '../error-codes';
import { assertActorMayAct } from './actors';
import { periodEnd } from '../calendar';
import { countedClock, effectiveDue, resume } from '../pausable-deadline';
import { ruleOf, type LocalPractice, type StatuteRule } from '../statute';
import {
  DEADLINE_KINDS,
  PETITION_STATUSES,
  type Actor,
  type CommandContext,
  type Deadline,
  type DeclineReason,
  type DeadlineKind,
  type Level,
  type PetitionState,
  type PetitionStatus,
  type Stage,
  type TimelineEvent,
} from './state';

export const DAY_MS = 86_400_000;

export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['CONCLUDED', 'CLOSED', 'DECLINED', 'FORWARDED'];
/** Every status of a case not yet ended, in the lifecycle's order. */
const NOT_ENDED = PETITION_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status));

/** Which statuses each command may start from. */
export const ALLOWED_FROM = {
  accept: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  // An item the bureau took back on an agreed 异议 is REGISTERED again, and routed again from there.
  route: ['REGISTERED'],
  decline: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  // A repeat is decided where 不予受理 still can be: before 受理.
  confirmRepeat: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  dismissRepeat: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  requestExtension: ['HANDLING'],
  decideExtension: ['HANDLING'],
  startHearing: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  endHearing: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  reply: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  recordSatisfaction: ['DELIVERED', 'REVIEW_DELIVERED'],
  requestReview: ['DELIVERED', 'REVIEW_DELIVERED'],
  // A unit can be urged wherever a unit owes the next step.
  urge: ['TRANSFERRED', 'ASSIGNED', 'HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  answerUrge: NOT_ENDED,
  escalate: NOT_ENDED,
  instruct: NOT_ENDED,
  signForReceipt: ['TRANSFERRED', 'ASSIGNED'],
  raiseObjection: ['TRANSFERRED', 'ASSIGNED'],
  decideObjection: ['TRANSFERRED', 'ASSIGNED'],
  // A claim's route of Art. 31 and its settlement by agreement (Art. 33) are the handling unit's.
  chooseRoute: ['HANDLING'],
  recordAgreement: ['HANDLING'],
  // The 办结报告 follows the handling, so it is owed until the case ends.
  submitAssignmentReport: NOT_ENDED.filter((status) => status !== 'REGISTERED' && status !== 'TRANSFERRED'),
  // Materials come in while the case is open; once it ends its workflow takes no command.
  attachMaterial: NOT_ENDED,
} as const satisfies Record<string, readonly PetitionStatus[]>;
export type CommandName = keyof typeof ALLOWED_FROM;

/**
 * Every command has this one shape. `check` refuses with a typed `Refusal` and changes nothing (it is the
 * update's validator); `apply` checks again and returns the changed state. A command that passes `check` must
 * apply without throwing: a handler that throws after its validator passed would wedge the workflow.
 */
export interface Command<C> {
  check(state: PetitionState, command: C, ctx: CommandContext): void;
  apply(state: PetitionState, command: C, ctx: CommandContext): PetitionState;
}

/** A command from its rules: the status check of `ALLOWED_FROM` first, then its own checks, then its change. */
export function defineCommand<C extends { actor: Actor }>(
  name: CommandName,
  rules: {
    check?: (state: PetitionState, command: C, ctx: CommandContext) => void;
    change: (state: PetitionState, command: C, ctx: CommandContext) => PetitionState;
  },
): Command<C> {
  const check = (state: PetitionState, command: C, ctx: CommandContext) => {
    if (ctx.actorsChecked) assertActorMayAct(name, state, command.actor);
    assertAllowed(state, name);
    rules.check?.(state, command, ctx);
  };
  return {
    check,
    apply: (state, command, ctx) => {
      check(state, command, ctx);
      return rules.change(state, command, ctx);
    },
  };
}

export const STAGE_OF: Record<PetitionStatus, Stage> = {
  REGISTERED: 'REGISTRATION',
  TRANSFERRED: 'REGISTRATION',
  ASSIGNED: 'REGISTRATION',
  HANDLING: 'HANDLING',
  DELIVERED: 'HANDLING',
  UNDER_REVIEW: 'REVIEW',
  REVIEW_DELIVERED: 'REVIEW',
  UNDER_REEXAMINATION: 'RE_REVIEW',
  CONCLUDED: 'CLOSED',
  CLOSED: 'CLOSED',
  DECLINED: 'CLOSED',
  FORWARDED: 'CLOSED',
};

/** What each working status is at, for opinions and hearings: the level and its duty clock. */
export const LEVEL_OF: Partial<Record<PetitionStatus, { level: Level; duty: DeadlineKind }>> = {
  HANDLING: { level: 'HANDLING', duty: 'HANDLING' },
  UNDER_REVIEW: { level: 'REVIEW', duty: 'REVIEW' },
  UNDER_REEXAMINATION: { level: 'REEXAMINATION', duty: 'REEXAMINATION' },
};

export function isTerminal(state: Pick<PetitionState, 'status'>): boolean {
  return TERMINAL_STATUSES.includes(state.status);
}

/** The unit that acts on the petition now: the responsible unit, or the organ hearing the appeal. */
export function actingUnitId(state: Pick<PetitionState, 'stage' | 'unitId' | 'reviewUnitId'>): string | null {
  return state.stage === 'REVIEW' || state.stage === 'RE_REVIEW' ? state.reviewUnitId : state.unitId;
}

/** A clock's length: the statute row's, or for the kinds the statute leaves open, the profile's or the bureau's. */
function lengthOf(kind: DeadlineKind, rule: StatuteRule, practice: LocalPractice, bureauDays: number | null) {
  if (kind === 'REHANDLING')
    return {
      days: practice.rehandlingDays,
      counting: rule.counting,
      article: '本地规则：第三方评议不满意的，责任单位重新办理 (docs/domain.md §7)',
    };
  if (kind === 'RECEIPT')
    return {
      days: practice.receiptDays,
      counting: 'WORKING_DAYS' as const,
      article: `本地规则：转送、交办事项由责任单位签收，签收起算${rule.article}的期限 (docs/lifecycle.md)`,
    };
  if (kind === 'RATING_WINDOW')
    return {
      days: practice.ratingDays,
      counting: 'CALENDAR_DAYS' as const,
      article: '本地规则：不适用复查的答复，信访人可在此期间评价 (docs/paths.md)',
    };
  if (kind === 'ASSIGNMENT') return { days: bureauDays, counting: rule.counting, article: rule.article };
  return { days: rule.days, counting: rule.counting, article: rule.article };
}

/** Opens a clock of `kind` at `startedAt`; `bureauDays` is the 指定办理期限 of an ASSIGNMENT clock. */
export function openDeadline(
  { profile, calendar, dayCounted }: Pick<CommandContext, 'profile' | 'calendar' | 'dayCounted'>,
  kind: DeadlineKind,
  startedAt: number,
  bureauDays: number | null = null,
): Deadline {
  const rule = ruleOf(profile, DEADLINE_KINDS[kind].rule);
  const { days, counting, article } = lengthOf(kind, rule, profile.practice, bureauDays);
  if (days === null || counting === null) throw new Error(`rule ${rule.id} has no duration`);
  const clock = dayCounted
    ? countedClock(startedAt, days, counting, calendar)
    : { startedAt, dueAt: periodEnd(startedAt, days, counting, calendar), pausedMs: 0, pausedSince: null };
  return {
    kind,
    ruleId: rule.id,
    article,
    ...clock,
    warnedAt: null,
    metAt: null,
    overdueAt: null,
    lapsedAt: null,
  };
}

export function withEvent(
  state: PetitionState,
  at: number,
  type: string,
  actor: Actor | null,
  note: string | null,
  data: TimelineEvent['data'] = {},
): PetitionState {
  const seq = state.lastSeq + 1;
  return { ...state, lastSeq: seq, timeline: [...state.timeline, { seq, type, at, actor, note, data }] };
}

export function withStatus(state: PetitionState, status: PetitionStatus, at: number): PetitionState {
  return {
    ...state,
    status,
    stage: STAGE_OF[status],
    closedAt: TERMINAL_STATUSES.includes(status) ? at : state.closedAt,
  };
}

/** 不予受理: the case ends, its registration and notice clocks met (a direct item's 告知 too, Art. 23 ¶2). */
export function declined(
  state: PetitionState,
  decline: { reason: DeclineReason; note: string | null; actor: Actor },
  ctx: Pick<CommandContext, 'now' | 'calendar'>,
): PetitionState {
  const next: PetitionState = {
    ...withStatus(state, 'DECLINED', ctx.now),
    declineReason: decline.reason,
    deadlines: meetDeadlines(state, ['REGISTRATION', 'NOTICE', 'DIRECT_NOTICE'], ctx),
  };
  return withEvent(next, ctx.now, 'DECLINED', decline.actor, decline.note, { reason: decline.reason });
}

export function isOpen(d: Deadline): boolean {
  return d.metAt === null && d.overdueAt === null && d.lapsedAt === null;
}

export function meetDeadlines(
  state: PetitionState,
  kinds: readonly DeadlineKind[],
  { now: at, calendar }: Pick<CommandContext, 'now' | 'calendar'>,
): Deadline[] {
  return state.deadlines.map((d) =>
    kinds.includes(d.kind) && d.metAt === null && d.lapsedAt === null ? resume({ ...d, metAt: at }, at, calendar) : d,
  );
}

/** Clocks no longer owed (the item returned to the bureau, or a path without them): ended, neither met nor overdue. */
export function withdraw(state: PetitionState, kinds: readonly DeadlineKind[], at: number): Deadline[] {
  return state.deadlines.map((d) =>
    kinds.includes(d.kind) && d.metAt === null && d.lapsedAt === null && d.overdueAt === null
      ? { ...d, lapsedAt: at }
      : d,
  );
}

export function openOf(state: PetitionState, kind: DeadlineKind): Deadline | undefined {
  return state.deadlines.find((d) => d.kind === kind && isOpen(d));
}

/**
 * When an open clock runs out for good: a duty at its due moment; an appeal window only once its grace (a request
 * made in time may still arrive) has passed too, and then it closes the case.
 */
export function expiresAt(d: Deadline): number {
  return effectiveDue(d) + (DEADLINE_KINDS[d.kind].onExpiry === 'CLOSE' ? (d.graceMs ?? 0) : 0);
}

export function refuse(message: string, details: Record<string, string | number | null> = {}): never {
  throw new Refusal('INVALID_TRANSITION', message, details);
}

export function badInput(field: string, message: string): never {
  throw new Refusal('BAD_USER_INPUT', message, { field });
}

export function assertAllowed(state: PetitionState, command: CommandName): void {
  const allowed: readonly PetitionStatus[] = ALLOWED_FROM[command];
  if (!allowed.includes(state.status)) {
    refuse(
      `cannot ${command} petition ${state.petitionId}: it is ${state.status} (allowed from ${allowed.join(', ')})`,
      {
        status: state.status,
      },
    );
  }
}
