/** What the passing of time does to a petition: 预警, overdue, 催办/督办 of their own accord, windows closing. */
import { periodEnd } from '../calendar';
import { effectiveDue, projectedDue } from '../pausable-deadline';
import type { JurisdictionProfile } from '../statute';
import { DAY_MS, actingUnitId, expiresAt, isOpen, isTerminal, withEvent, withStatus } from './lifecycle';
import { DEADLINE_KINDS, type CommandContext, type Deadline, type PetitionState, type TimelineEvent } from './state';
import { escalationReason, newUrge, withUrge } from './supervision';

function warningAt(d: Deadline, profile: JurisdictionProfile): number | null {
  if (DEADLINE_KINDS[d.kind].onExpiry !== 'OVERDUE' || d.warnedAt !== null) return null;
  const due = effectiveDue(d);
  // A clock shorter than the warning days (签收, a short 交办) is warned halfway, not the moment it opens.
  return Math.max(due - profile.practice.warningDays * DAY_MS, d.startedAt + Math.floor((due - d.startedAt) / 2));
}

/** The next moment time itself changes the petition (a warning or a deadline running out), if any. */
export function nextWakeUp(state: PetitionState, profile: JurisdictionProfile): number | null {
  if (isTerminal(state)) return null;
  let next = Number.POSITIVE_INFINITY;
  for (const d of state.deadlines) {
    if (d.overdueAt !== null && d.metAt === null && !state.escalation && state.escalationProposedAt === null) {
      next = Math.min(next, effectiveDue(d) + profile.practice.escalateWhenOverdueDays * DAY_MS + 1);
    }
    if (!isOpen(d)) continue;
    const warn = warningAt(d, profile);
    if (warn !== null) next = Math.min(next, warn);
    next = Math.min(next, expiresAt(d));
  }
  for (const u of state.urges) {
    if (u.dueAt !== null && u.answeredAt === null && u.overdueAt === null) next = Math.min(next, u.dueAt);
  }
  return Number.isFinite(next) ? next : null;
}

/**
 * Applies everything that is due by `now`: 预警 and an automatic 催办 before a duty's deadline; overdue and an
 * automatic 督办 when it runs out; a 督办 unanswered by its date goes overdue; an appeal window that runs out
 * unused closes the case, once the grace for requests made in time but entered later has passed too; and a case that meets a rule for 提级包案 is proposed for it. Applying it twice at
 * the same moment changes nothing.
 */
export function advanceClock(state: PetitionState, { now, profile, calendar }: CommandContext): PetitionState {
  let next = state;
  for (const d of state.deadlines) {
    if (isTerminal(next) || !isOpen(d)) continue;
    const due = effectiveDue(d);
    const warn = warningAt(d, profile);
    const replace = (patch: Partial<Deadline>) => ({
      ...next,
      deadlines: next.deadlines.map((x) => (x.kind === d.kind && isOpen(x) ? { ...x, ...patch } : x)),
    });
    if (warn !== null && now >= warn && now < due) {
      next = withEvent(replace({ warnedAt: now }), now, 'WARNING', null, null, { deadline: d.kind, dueAt: due });
      // 催办: the unit is reminded, no human needed.
      if (actingUnitId(next))
        next = withUrge(
          next,
          newUrge(next, 'REMINDER', `催办：${d.kind} 期限将于 ${new Date(due).toISOString()} 届满`, now, null, null),
          now,
          null,
        );
    }
    // A duty runs out at its due moment; an appeal window once its grace has passed too (docs/lifecycle.md).
    if (now < expiresAt(d)) continue;
    if (DEADLINE_KINDS[d.kind].onExpiry === 'OVERDUE') {
      next = withEvent(replace({ overdueAt: now }), now, 'OVERDUE', null, null, { deadline: d.kind, dueAt: due });
      // 督办 at overdue: the unit owes an answer within the profile's days.
      if (actingUnitId(next)) {
        const answerBy = periodEnd(now, profile.practice.urgeAnswerDays, 'CALENDAR_DAYS', calendar);
        next = withUrge(
          next,
          newUrge(next, 'SUPERVISION', `督办：${d.kind} 期限已逾期`, now, answerBy, null),
          now,
          null,
        );
      }
    } else if (DEADLINE_KINDS[d.kind].onExpiry === 'LAPSE') {
      // An 异议 window unused: the item stays with the unit, nothing else changes.
      next = withEvent(replace({ lapsedAt: now }), now, 'WINDOW_LAPSED', null, null, { deadline: d.kind, dueAt: due });
    } else {
      next = withEvent(
        withStatus(replace({ lapsedAt: now }), 'CLOSED', now),
        now,
        'CLOSED',
        null,
        d.kind === 'RATING_WINDOW' ? '评价期限届满，事项办结' : '期限内未请求复查或复核，事项办结',
        {
          deadline: d.kind,
          dueAt: due,
        },
      );
    }
  }
  for (const u of next.urges) {
    if (u.dueAt === null || u.answeredAt !== null || u.overdueAt !== null || now < u.dueAt) continue;
    const urges = next.urges.map((x) => (x.id === u.id ? { ...x, overdueAt: now } : x));
    next = withEvent({ ...next, urges }, now, 'URGE_OVERDUE', null, null, {
      urgeId: u.id,
      unitId: u.unitId,
      dueAt: u.dueAt,
    });
  }
  const reason = escalationReason(next, now, profile);
  if (reason) next = withEvent({ ...next, escalationProposedAt: now }, now, 'ESCALATION_PROPOSED', null, reason);
  return next;
}

/** Events a supervisor is told of (through the outbox): what the system did on its own, and breaches. */
export function notifiesSupervisor(event: TimelineEvent): boolean {
  if (event.type === 'URGED') return event.data.kind !== 'MANUAL';
  return event.type === 'OVERDUE' || event.type === 'URGE_OVERDUE' || event.type === 'ESCALATION_PROPOSED';
}

/** Overdue now: some duty ran out and has not been met since. */
export function isOverdue(state: Pick<PetitionState, 'deadlines'>): boolean {
  return state.deadlines.some((d) => d.overdueAt !== null && d.metAt === null);
}

/** In the warning period (预警) of some duty: warned, and neither met nor overdue yet. */
export function isDueSoon(state: Pick<PetitionState, 'deadlines'>): boolean {
  return state.deadlines.some((d) => d.warnedAt !== null && isOpen(d));
}

/** The due date that matters now: the earliest clock still open (a paused one shown as if restarted now). */
export function currentDueAt(state: Pick<PetitionState, 'deadlines'>, now: number): number | null {
  const open = state.deadlines.filter((d) => d.metAt === null && d.lapsedAt === null);
  if (open.length === 0) return null;
  return Math.min(...open.map((d) => projectedDue(d, now)));
}
