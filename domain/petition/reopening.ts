/** A third-party panel's verdict (第三方评议) reaching the case, and the 重新办理 a DISSATISFIED one orders. */
import { periodEnd } from '../calendar';
import { meetDeadlines, openDeadline, withEvent, withStatus } from './lifecycle';
import type { CommandContext, DeadlineKind, PanelEvaluation, PetitionState, PetitionStatus } from './state';
import { newUrge, withUrge } from './supervision';

/** Statuses from which a DISSATISFIED verdict sends the case back to its unit (not after 复核: Art. 36). */
const REOPENABLE: readonly PetitionStatus[] = ['DELIVERED', 'REVIEW_DELIVERED', 'CLOSED'];

/**
 * Recorded once per panel (a repeated delivery changes nothing). A DISSATISFIED verdict returns the case to its
 * unit for 重新办理, with a new deadline and a 督办.
 */
export function applyPanelVerdict(
  state: PetitionState,
  verdict: Omit<PanelEvaluation, 'at'>,
  ctx: CommandContext,
): PetitionState {
  const { now, profile, calendar } = ctx;
  if (state.evaluations.some((e) => e.panelId === verdict.panelId)) return state;
  let next: PetitionState = { ...state, evaluations: [...state.evaluations, { ...verdict, at: now }] };
  next = withEvent(next, now, 'EVALUATED', null, verdict.verdict === null ? '未达法定人数，无评议结论' : null, {
    panelId: verdict.panelId,
    verdict: verdict.verdict,
    votes: verdict.votes,
  });
  if (verdict.verdict !== 'DISSATISFIED' || !REOPENABLE.includes(state.status)) return next;
  const windows: DeadlineKind[] = ['REVIEW_WINDOW', 'REEXAMINATION_WINDOW', 'RATING_WINDOW'];
  next = {
    ...withStatus(next, 'HANDLING', now),
    closedAt: null,
    deadlines: [...meetDeadlines(next, windows, ctx), openDeadline(ctx, 'REHANDLING', now)],
  };
  next = withEvent(next, now, 'REOPENED', null, '第三方评议不满意，责任单位重新办理', {
    panelId: verdict.panelId,
    unitId: next.unitId,
  });
  const due = periodEnd(now, profile.practice.urgeAnswerDays, 'CALENDAR_DAYS', calendar);
  return withUrge(next, newUrge(next, 'SUPERVISION', '督办：第三方评议不满意，请重新办理', now, due, null), now, null);
}
