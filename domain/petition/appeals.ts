/**
 * Opinions and what follows them: the 信访处理意见书 (or 复查/复核 opinion) delivered to the petitioner, the
 * satisfaction recorded, and the appeal to the organ one level up (复查 Art. 35, 复核 Art. 36).
 */
import { formatShanghai, periodEnd } from '../calendar';
import { Refusal } from '../error-codes';
import { effectiveDue } from '../pausable-deadline';
import { hasOpenHearing } from './handling';
import { routeOnAnswer } from './kind-paths';
import { REVIEW_OUTCOMES, pathOf } from './paths';
import {
  LEVEL_OF,
  actingUnitId,
  badInput,
  defineCommand,
  expiresAt,
  meetDeadlines,
  openDeadline,
  openOf,
  refuse,
  withEvent,
  withStatus,
} from './lifecycle';
import type {
  Actor,
  CommandContext,
  Deadline,
  DeadlineKind,
  Level,
  Opinion,
  PetitionState,
  PetitionStatus,
  RatingTarget,
  ReplyOutcome,
  RequestedVia,
  SatisfactionLevel,
} from './state';

export interface ReplyCommand {
  outcome: ReplyOutcome;
  text: string;
  basis: string | null;
  /** 送达: when the petitioner received the written opinion (null: as it is issued); the appeal window runs from it. */
  deliveredAt: number | null;
  actor: Actor;
}
export interface SatisfactionCommand {
  level: SatisfactionLevel;
  target: RatingTarget;
  actor: Actor;
}
export interface AppealCommand {
  reason: string | null;
  /**
   * When the petitioner made the request (the postmark, the online submission): the window is judged on it.
   * Null or absent (commands recorded before it existed): as it is entered. Not in the future, not before the
   * opinion was delivered.
   */
  requestedAt?: number | null;
  /** What `requestedAt` rests on; null or absent: as entered. */
  requestedVia?: RequestedVia | null;
  /** The organ one level up, resolved by the API from the unit tree. */
  reviewUnitId: string;
  actor: Actor;
}

/** After an opinion at a level is delivered: the next status and the appeal window it opens. */
const AFTER_DELIVERY: Record<Level, { status: PetitionStatus; window: DeadlineKind | null }> = {
  HANDLING: { status: 'DELIVERED', window: 'REVIEW_WINDOW' },
  REVIEW: { status: 'REVIEW_DELIVERED', window: 'REEXAMINATION_WINDOW' },
  REEXAMINATION: { status: 'CONCLUDED', window: null },
};

/** An answer no 复查 follows: 办结, rated within the profile's days, then closed. */
const ANSWER_ENDS = { status: 'DELIVERED', window: 'RATING_WINDOW' } as const;

/** The outcomes an answer at this status may have: its path's at first handling, Art. 32's at 复查/复核. */
function outcomesAt(state: PetitionState, pathsByKind: boolean): readonly ReplyOutcome[] {
  return LEVEL_OF[state.status]?.level === 'HANDLING' ? pathOf(state, pathsByKind).outcomes : REVIEW_OUTCOMES;
}

function answerArticle(state: PetitionState, pathsByKind: boolean): string {
  return LEVEL_OF[state.status]?.level === 'HANDLING'
    ? pathOf(state, pathsByKind).article
    : '《信访工作条例》第三十二条';
}

/** The appeal each window allows: 复查 after the handling opinion, 复核 after the 复查 opinion. */
const APPEAL_FROM: Partial<
  Record<
    PetitionStatus,
    { level: 'REVIEW' | 'REEXAMINATION'; window: DeadlineKind; status: PetitionStatus; duty: DeadlineKind }
  >
> = {
  DELIVERED: { level: 'REVIEW', window: 'REVIEW_WINDOW', status: 'UNDER_REVIEW', duty: 'REVIEW' },
  REVIEW_DELIVERED: {
    level: 'REEXAMINATION',
    window: 'REEXAMINATION_WINDOW',
    status: 'UNDER_REEXAMINATION',
    duty: 'REEXAMINATION',
  },
};

/**
 * An appeal window from `deliveredAt`, with the profile's grace after its last day for requests made in time
 * that are entered later (rolled to a working day like every period's end). A grace of 0 (a run begun before the
 * grace existed) closes the window at its last moment, as it always did.
 */
function openWindow(ctx: CommandContext, kind: DeadlineKind, deliveredAt: number): Deadline {
  const window = openDeadline(ctx, kind, deliveredAt);
  // A rating is no appeal made by post: its window closes at its last moment.
  if (kind === 'RATING_WINDOW') return window;
  return ctx.profile.practice.appealGraceDays > 0 ? withGrace(window, ctx) : window;
}

/** The grace after a window's last day, found on the calendar (again, when the window moved). */
export function withGrace(window: Deadline, { profile, calendar }: Omit<CommandContext, 'now'>): Deadline {
  const graceEnd = periodEnd(window.dueAt - 1, profile.practice.appealGraceDays, 'CALENDAR_DAYS', calendar);
  return { ...window, graceMs: graceEnd - window.dueAt };
}

/** The duty clocks an opinion at this status meets: at first handling, a 重新办理 clock too. */
function dutiesOf(status: PetitionStatus): DeadlineKind[] {
  const { level, duty } = LEVEL_OF[status]!;
  return level === 'HANDLING' ? [duty, 'REHANDLING'] : [duty];
}

/**
 * 信访处理意见书 (or the 复查/复核 opinion), delivered to the petitioner at `deliveredAt` (送达). Delivery meets
 * the level's duty clock (办结) and opens the next appeal window; after 复核 the case is concluded (终结).
 */
export const reply = defineCommand<ReplyCommand>('reply', {
  check: (state, command, { now, pathsByKind }) => {
    if (hasOpenHearing(state)) refuse('a hearing is still open: end it before replying', { status: state.status });
    if (!command.text.trim()) badInput('text', 'the opinion needs its text');
    const outcomes = outcomesAt(state, pathsByKind);
    if (!outcomes.includes(command.outcome))
      badInput(
        'outcome',
        `this answer's outcome must be one of ${outcomes.join(', ')} (${answerArticle(state, pathsByKind)})`,
      );
    const deliveredAt = command.deliveredAt ?? now;
    if (deliveredAt > now) badInput('deliveredAt', 'deliveredAt lies in the future');
    // The clock this opinion answers: the newest unmet one (a reopened case answers its 重新办理 clock).
    const kinds = dutiesOf(state.status);
    const started = state.deadlines
      .filter((d) => kinds.includes(d.kind) && d.lapsedAt === null && d.metAt === null)
      .map((d) => d.startedAt);
    if (started.length > 0 && deliveredAt < Math.max(...started)) {
      badInput('deliveredAt', 'deliveredAt lies before this level of handling started');
    }
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const { level } = LEVEL_OF[state.status]!;
    // A path without 复查/复核 (a suggestion, an accusation's 反馈, (五)) ends with its answer.
    const after = level === 'HANDLING' && !pathOf(state, ctx.pathsByKind).appeals ? ANSWER_ENDS : AFTER_DELIVERY[level];
    const deliveredAt = command.deliveredAt ?? now;
    const opinion: Opinion = {
      level,
      unitId: actingUnitId(state) ?? '',
      outcome: command.outcome,
      text: command.text,
      basis: command.basis,
      issuedAt: now,
      deliveredAt,
    };
    const deadlines = meetDeadlines(state, dutiesOf(state.status), { ...ctx, now: deliveredAt });
    if (after.window) deadlines.push(openWindow(ctx, after.window, deliveredAt));
    let next: PetitionState = {
      ...withStatus(routeOnAnswer(state, ctx), after.status, now),
      deadlines,
      opinions: [...state.opinions, opinion],
    };
    next = withEvent(next, now, 'OPINION_DELIVERED', command.actor, command.text, {
      level,
      outcome: command.outcome,
      deliveredAt,
    });
    if (after.window || after.status !== 'CONCLUDED') return next;
    return withEvent(next, now, 'CONCLUDED', null, '复核终结：同一事实和理由不再受理 (第三十六条)');
  },
});

/** 满意度评价, recorded by the bureau on the petitioner's behalf; the latest per target counts. */
export const recordSatisfaction = defineCommand<SatisfactionCommand>('recordSatisfaction', {
  change: (state, command, { now }) => {
    const next = { ...state, ratings: [...state.ratings, { target: command.target, level: command.level, at: now }] };
    return withEvent(next, now, 'SATISFACTION_RECORDED', command.actor, null, {
      target: command.target,
      level: command.level,
    });
  },
});

/**
 * 复查 (Art. 35) or 复核 (Art. 36), made inside its window: judged on when the petitioner made it (`requestedAt`),
 * so a request posted in time is accepted when it is entered later, as long as the case is still open (the
 * window's grace). The organ one level up has its own 30 days from its receipt: now, when the registrar enters it.
 */
export const requestReview = defineCommand<AppealCommand>('requestReview', {
  check: (state, command, { now, pathsByKind }) => {
    const path = pathOf(state, pathsByKind);
    if (!path.appeals)
      refuse(`no 复查 follows an answer on this path (${path.article}); Arts. 35–36 are (六)'s`, {
        status: state.status,
      });
    const appeal = APPEAL_FROM[state.status]!;
    const requestedAt = command.requestedAt ?? now;
    // Against the case's clock, not the API's: under a time-skipping server the two differ.
    if (requestedAt > now) badInput('requestedAt', 'requestedAt lies in the future: give the moment it was made');
    const window = openOf(state, appeal.window);
    if (window && requestedAt < window.startedAt) {
      badInput(
        'requestedAt',
        `requestedAt lies before the opinion was delivered (${formatShanghai(window.startedAt)})`,
      );
    }
    if (!window || requestedAt > effectiveDue(window) || now > expiresAt(window)) {
      const what = appeal.level === 'REVIEW' ? '复查' : '复核';
      throw new Refusal(
        'WINDOW_CLOSED',
        window && requestedAt <= effectiveDue(window)
          ? `the ${what} request was made in time, but entered after the case's grace ran out (${formatShanghai(expiresAt(window))})`
          : `the 30-day window to ask for ${what} has closed`,
        { status: state.status },
      );
    }
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const appeal = APPEAL_FROM[state.status]!;
    const requestedAt = command.requestedAt ?? now;
    const requestedVia = command.requestedVia ?? null;
    const next: PetitionState = {
      ...withStatus(state, appeal.status, now),
      reviewUnitId: command.reviewUnitId,
      // The petitioner used the window when they made the request; the organ's clock runs from its receipt.
      deadlines: [
        ...meetDeadlines(state, [appeal.window], { ...ctx, now: requestedAt }),
        openDeadline(ctx, appeal.duty, now),
      ],
      appeals: [
        ...state.appeals,
        {
          level: appeal.level,
          requestedAt,
          requestedVia,
          receivedAt: now,
          reason: command.reason,
          unitId: command.reviewUnitId,
        },
      ],
    };
    return withEvent(
      next,
      now,
      appeal.level === 'REVIEW' ? 'REVIEW_REQUESTED' : 'REEXAMINATION_REQUESTED',
      command.actor,
      command.reason,
      {
        unitId: command.reviewUnitId,
        requestedAt,
        requestedVia,
        receivedAt: now,
      },
    );
  },
});
