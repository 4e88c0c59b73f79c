/** 督办 and 催办 (urging the acting unit), 提级包案 (escalation to a leader) and the leader's 批示. */
import { periodEnd } from '../calendar';
import { effectiveDue } from '../pausable-deadline';
import type { JurisdictionProfile } from '../statute';
import { DAY_MS, actingUnitId, badInput, defineCommand, isTerminal, refuse, withEvent } from './lifecycle';
import type { Actor, PetitionState, Urge } from './state';

export interface UrgeCommand {
  message: string;
  /** Days the unit has to answer; the profile's default when null. */
  respondWithinDays: number | null;
  actor: Actor;
}
export interface AnswerUrgeCommand {
  urgeId: string;
  text: string;
  actor: Actor;
}
export interface EscalateCommand {
  leaderId: string;
  reason: string;
  actor: Actor;
}
export interface InstructCommand {
  text: string;
  actor: Actor;
}

export function newUrge(
  state: PetitionState,
  kind: Urge['kind'],
  message: string,
  now: number,
  dueAt: number | null,
  by: Actor | null,
): Urge {
  return {
    id: `DB-${state.urges.length + 1}`,
    kind,
    unitId: actingUnitId(state),
    message,
    issuedAt: now,
    issuedBy: by,
    dueAt,
    answeredAt: null,
    answer: null,
    overdueAt: null,
  };
}

export function withUrge(state: PetitionState, urge: Urge, now: number, actor: Actor | null): PetitionState {
  const next = { ...state, urges: [...state.urges, urge] };
  return withEvent(next, now, 'URGED', actor, urge.message, {
    urgeId: urge.id,
    kind: urge.kind,
    unitId: urge.unitId,
    dueAt: urge.dueAt,
  });
}

/** 督办 by a supervisor: the unit acting now must answer within the days given (the profile's by default). */
export const urge = defineCommand<UrgeCommand>('urge', {
  check: (_state, command, { profile }) => {
    if (!command.message.trim()) badInput('message', 'a 督办 needs a message');
    const days = command.respondWithinDays;
    const max = profile.practice.urgeAnswerMaxDays;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > max)) {
      badInput('respondWithinDays', `respondWithinDays must be a whole number from 1 to ${max}`);
    }
  },
  change: (state, command, { now, profile, calendar }) => {
    const days = command.respondWithinDays ?? profile.practice.urgeAnswerDays;
    const dueAt = periodEnd(now, days, 'CALENDAR_DAYS', calendar);
    return withUrge(state, newUrge(state, 'MANUAL', command.message, now, dueAt, command.actor), now, command.actor);
  },
});

export const answerUrge = defineCommand<AnswerUrgeCommand>('answerUrge', {
  check: (state, command) => {
    const found = state.urges.find((u) => u.id === command.urgeId);
    if (!found) badInput('urgeId', `no 督办 ${command.urgeId} on this petition`);
    if (found.dueAt === null)
      refuse(`${command.urgeId} is a reminder (催办): it needs no answer`, { status: state.status });
    if (found.answeredAt !== null) refuse(`${command.urgeId} was already answered`, { status: state.status });
    if (!command.text.trim()) badInput('text', 'the answer needs its text');
  },
  change: (state, command, { now }) => {
    const next = {
      ...state,
      urges: state.urges.map((u) => (u.id === command.urgeId ? { ...u, answeredAt: now, answer: command.text } : u)),
    };
    return withEvent(next, now, 'URGE_ANSWERED', command.actor, command.text, { urgeId: command.urgeId });
  },
});

/** 提级包案: a named leader owns the case from now on; its deadlines keep running. */
export const escalate = defineCommand<EscalateCommand>('escalate', {
  check: (state, command) => {
    if (state.escalation) refuse(`already escalated to ${state.escalation.leaderId}`, { status: state.status });
    if (!command.leaderId.trim()) badInput('leaderId', 'name the leader');
    if (!command.reason.trim()) badInput('reason', 'an escalation needs a reason');
  },
  change: (state, command, { now }) => {
    const next = {
      ...state,
      escalation: { leaderId: command.leaderId, reason: command.reason, at: now, by: command.actor, instructions: [] },
    };
    return withEvent(next, now, 'ESCALATED', command.actor, command.reason, { leaderId: command.leaderId });
  },
});

/** 批示 of the leader who owns the case. */
export const instruct = defineCommand<InstructCommand>('instruct', {
  check: (state, command) => {
    if (!state.escalation) refuse('the petition is not escalated to a leader', { status: state.status });
    if (!command.text.trim()) badInput('text', 'a 批示 needs its text');
  },
  change: (state, command, { now }) => {
    const escalation = state.escalation!;
    const next = {
      ...state,
      escalation: {
        ...escalation,
        instructions: [...escalation.instructions, { text: command.text, at: now, by: command.actor }],
      },
    };
    return withEvent(next, now, 'INSTRUCTED', command.actor, command.text, { leaderId: escalation.leaderId });
  },
});

/** Whether the case now meets a rule for 提级包案 (docs/domain.md, supervision), and why. */
export function escalationReason(state: PetitionState, now: number, profile: JurisdictionProfile): string | null {
  if (state.escalation || state.escalationProposedAt !== null || isTerminal(state)) return null;
  const limit = profile.practice.escalateWhenOverdueDays * DAY_MS;
  if (state.deadlines.some((d) => d.overdueAt !== null && d.metAt === null && now - effectiveDue(d) > limit)) {
    return `overdue by more than ${profile.practice.escalateWhenOverdueDays} days`;
  }
  const urged = state.urges.filter((u) => u.kind !== 'REMINDER').length;
  if (urged >= profile.practice.escalateWhenUrges) return `urged ${urged} times`;
  if (state.stage === 'RE_REVIEW') return 'a 复核 case';
  return null;
}
