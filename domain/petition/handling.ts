/** The unit's handling: 延期 (Art. 34), asked by the handler and decided by the unit head, and 听证 hearings. */
import { Refusal } from '../error-codes';
import { periodEnd } from '../calendar';
import { effectiveDue, extendBy, pause, resume } from '../pausable-deadline';
import { ruleOf } from '../statute';
import { LEVEL_OF, badInput, defineCommand, isOpen, openOf, refuse, withEvent } from './lifecycle';
import { pathOf } from './paths';
import type { Actor, ExtensionRequest, Hearing, PetitionState } from './state';

export interface ExtensionCommand {
  days: number;
  reason: string;
  actor: Actor;
}
export interface ExtensionDecisionCommand {
  approve: boolean;
  note: string | null;
  actor: Actor;
}
export interface HearingCommand {
  note: string | null;
  actor: Actor;
}

export function extensionDaysUsed(state: Pick<PetitionState, 'extensions'>): number {
  return state.extensions.filter((e) => e.decision === null || e.decision.approved).reduce((sum, e) => sum + e.days, 0);
}

function pendingExtension(state: PetitionState): ExtensionRequest | undefined {
  return state.extensions.find((e) => e.decision === null);
}

function handlingDeadlinePassed(state: PetitionState, message: string): never {
  throw new Refusal('WINDOW_CLOSED', `the handling deadline has already passed: ${message}`, { status: state.status });
}

export const requestExtension = defineCommand<ExtensionCommand>('requestExtension', {
  check: (state, command, { now, profile, pathsByKind }) => {
    const path = pathOf(state, pathsByKind);
    if (!path.handlingClock)
      refuse(`this path has no statutory handling period to extend (${path.article}); Art. 34's 60 days are (六)'s`, {
        status: state.status,
      });
    if (!Number.isInteger(command.days) || command.days < 1)
      badInput('days', 'days must be a whole number of at least 1');
    if (!command.reason.trim()) badInput('reason', 'an extension needs a reason');
    if (pendingExtension(state))
      refuse('an extension request is already waiting for the unit head', { status: state.status });
    const max = ruleOf(profile, 'EXTENSION').days ?? 0;
    const used = extensionDaysUsed(state);
    if (used + command.days > max) {
      throw new Refusal(
        'LIMIT_EXCEEDED',
        `extensions may add at most ${max} days in total; ${used} already granted or asked`,
        {
          maxDays: max,
          usedDays: used,
        },
      );
    }
    const handling = openOf(state, 'HANDLING');
    if (!handling || now > effectiveDue(handling))
      handlingDeadlinePassed(state, 'an extension must be asked before it');
  },
  change: (state, command, { now }) => {
    const request: ExtensionRequest = {
      days: command.days,
      reason: command.reason,
      requestedAt: now,
      requestedBy: command.actor,
      decision: null,
    };
    const next = { ...state, extensions: [...state.extensions, request] };
    return withEvent(next, now, 'EXTENSION_REQUESTED', command.actor, command.reason, { days: command.days });
  },
});

/**
 * The unit head's 批准 (Art. 34). A clock counted by the day takes the days onto its unrolled last day (60 + 30 from
 * 受理, docs/statute.md), so approvals split in two end where one of the same total would; a clock opened before
 * that moves from its due date, as it always did.
 */
export const decideExtension = defineCommand<ExtensionDecisionCommand>('decideExtension', {
  check: (state, command) => {
    if (!pendingExtension(state)) refuse('there is no extension request to decide', { status: state.status });
    // A deadline that already ran out (overdue) cannot be moved any more; refusing the request still can.
    if (command.approve && !openOf(state, 'HANDLING')) handlingDeadlinePassed(state, 'it can no longer be extended');
  },
  change: (state, command, { now, calendar }) => {
    const request = pendingExtension(state)!;
    const decided = {
      ...request,
      decision: { approved: command.approve, note: command.note, at: now, by: command.actor },
    };
    let next: PetitionState = { ...state, extensions: state.extensions.map((e) => (e === request ? decided : e)) };
    if (!command.approve)
      return withEvent(next, now, 'EXTENSION_REFUSED', command.actor, command.note, { days: request.days });
    const handling = openOf(state, 'HANDLING')!;
    const extended = handling.count
      ? extendBy(handling, request.days, calendar)
      : { ...handling, dueAt: periodEnd(handling.dueAt - 1, request.days, 'CALENDAR_DAYS', calendar) };
    const { dueAt } = extended;
    next = { ...next, deadlines: next.deadlines.map((d) => (d === handling ? { ...extended, warnedAt: null } : d)) };
    next = withEvent(next, now, 'EXTENSION_APPROVED', command.actor, command.note, { days: request.days, dueAt });
    // 告知延期理由: the petitioner is told the new date and why (Art. 34).
    return withEvent(next, now, 'EXTENSION_NOTICE', null, request.reason, { dueAt });
  },
});

function openHearing(state: PetitionState): Hearing | undefined {
  return state.hearings.find((h) => h.endedAt === null);
}

export function hasOpenHearing(state: PetitionState): boolean {
  return openHearing(state) !== undefined;
}

/** Stops every running clock whose rule says a hearing is not counted (Art. 36; per profile for handling). */
export const startHearing = defineCommand<HearingCommand>('startHearing', {
  check: (state, _command, { pathsByKind }) => {
    if (openHearing(state)) refuse('a hearing is already open', { status: state.status });
    const path = pathOf(state, pathsByKind);
    if (LEVEL_OF[state.status]?.level === 'HANDLING' && !path.hearing)
      refuse(`a hearing is held on a claim heard under Art. 31 (六); this petition is on ${path.article}`, {
        status: state.status,
      });
  },
  change: (state, command, { now, profile, calendar }) => {
    const level = LEVEL_OF[state.status]!.level;
    const paused: string[] = [];
    const deadlines = state.deadlines.map((d) => {
      if (!isOpen(d) || !ruleOf(profile, d.ruleId).pausedByHearing) return d;
      paused.push(d.kind);
      return pause(d, now, calendar);
    });
    const next = {
      ...state,
      deadlines,
      hearings: [...state.hearings, { level, startedAt: now, endedAt: null, note: command.note }],
    };
    return withEvent(next, now, 'HEARING_STARTED', command.actor, command.note, {
      level,
      paused: paused.join(',') || null,
    });
  },
});

export const endHearing = defineCommand<HearingCommand>('endHearing', {
  check: (state) => {
    if (!openHearing(state)) refuse('no hearing is open', { status: state.status });
  },
  change: (state, command, { now, calendar }) => {
    const hearing = openHearing(state)!;
    const deadlines = state.deadlines.map((d) => (d.pausedSince === null ? d : resume(d, now, calendar)));
    const next = {
      ...state,
      deadlines,
      hearings: state.hearings.map((h) => (h === hearing ? { ...h, endedAt: now } : h)),
    };
    return withEvent(next, now, 'HEARING_ENDED', command.actor, command.note, {
      level: hearing.level,
      durationMs: now - hearing.startedAt,
    });
  },
});
