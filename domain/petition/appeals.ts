/**
 * Opinions and what follows them: the 信访处理意见书 (or 复查/复核 opinion) delivered to the petitioner, the
 * satisfaction recorded, and the appeal to the organ one level up (复查 Art. 35, 复核 Art. 36).
 */
import { Refusal } from '../error-codes';
import { effectiveDue } from '../pausable-deadline';
import { hasOpenHearing } from './handling';
import {
  LEVEL_OF,
  actingUnitId,
  badInput,
  defineCommand,
  meetDeadlines,
  openDeadline,
  openOf,
  refuse,
  withEvent,
  withStatus,
} from './lifecycle';
import type {
  Actor,
  DeadlineKind,
  Level,
  Opinion,
  PetitionState,
  PetitionStatus,
  RatingTarget,
  ReplyOutcome,
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
  check: (state, command, { now }) => {
    if (hasOpenHearing(state)) refuse('a hearing is still open: end it before replying', { status: state.status });
    if (!command.text.trim()) badInput('text', 'the opinion needs its text');
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
    const after = AFTER_DELIVERY[level];
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
    const deadlines = meetDeadlines(state, dutiesOf(state.status), deliveredAt);
    if (after.window) deadlines.push(openDeadline(ctx, after.window, deliveredAt));
    let next: PetitionState = {
      ...withStatus(state, after.status, now),
      deadlines,
      opinions: [...state.opinions, opinion],
    };
    next = withEvent(next, now, 'OPINION_DELIVERED', command.actor, command.text, {
      level,
      outcome: command.outcome,
      deliveredAt,
    });
    return after.window
      ? next
      : withEvent(next, now, 'CONCLUDED', null, '复核终结：同一事实和理由不再受理 (第三十六条)');
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

/** 复查 (Art. 35) or 复核 (Art. 36), inside its window: the organ one level up has its own 30 days. */
export const requestReview = defineCommand<AppealCommand>('requestReview', {
  check: (state, _command, { now }) => {
    const appeal = APPEAL_FROM[state.status]!;
    const window = openOf(state, appeal.window);
    if (!window || now > effectiveDue(window)) {
      throw new Refusal(
        'WINDOW_CLOSED',
        `the 30-day window to ask for ${appeal.level === 'REVIEW' ? '复查' : '复核'} has closed`,
        {
          status: state.status,
        },
      );
    }
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const appeal = APPEAL_FROM[state.status]!;
    const next: PetitionState = {
      ...withStatus(state, appeal.status, now),
      reviewUnitId: command.reviewUnitId,
      deadlines: [...meetDeadlines(state, [appeal.window], now), openDeadline(ctx, appeal.duty, now)],
      appeals: [
        ...state.appeals,
        { level: appeal.level, requestedAt: now, reason: command.reason, unitId: command.reviewUnitId },
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
      },
    );
  },
});
