/** The fields of a Petition (and of what hangs off it) as GraphQL shows them, from the state the workflow keeps. */
import { dayKey, shanghaiDayNumber } from '../domain/calendar';
import { hasVoted, isPresent } from '../domain/evaluation';
import { pausedMsAt, projectedDue } from '../domain/pausable-deadline';
import {
  DEADLINE_KINDS,
  PATHS,
  pathIdOf,
  currentDueAt,
  isDueSoon,
  isOverdue,
  type Deadline,
  type PetitionState,
  type PossibleRepeat,
  type RatingTarget,
} from '../domain/petition';
import { getProfile, ruleOf } from '../domain/statute';
import { canRead } from './access';
import { liveView, petitionerView, quotedAcross, quotedView } from './petitioner-view';
import type { ApiContext } from './context';
import type { EvaluationPanelResolvers, PanelCaseResolvers, PetitionResolvers } from './generated/resolvers-types';
import { errorCode, readablePetition } from './petition-access';
import * as commands from './petition-commands';
import { loadPetition, loadTimeline, panelMembership, type PetitionParent } from './petition-reads';
import { unitById } from './unit-reads';
import { answeringFromRows } from './row-resolvers';

/**
 * The proposals the principal may see: an earlier petition they could not read is left out, as if it did not
 * exist. Each shows the earlier petition's status now (it may have moved on since it was proposed).
 */
async function visibleRepeats(ctx: ApiContext, candidates: readonly PossibleRepeat[]) {
  const visible = await Promise.all(
    candidates.map(async (c) => {
      const earlier = (await loadPetition(ctx.db, c.petitionId))?.state;
      const units = earlier ?? { unitId: null, reviewUnitId: null, category: null, respondentUnitId: null };
      if (!canRead(ctx.principal!, units, await panelMembership(ctx.db, ctx.principal, c.petitionId))) return [];
      return [{ ...c, status: earlier?.status ?? c.status }];
    }),
  );
  return visible.flat();
}

function deadlineView(d: Deadline) {
  const now = Date.now();
  const due = projectedDue(d, now);
  const closedAt = d.metAt ?? d.lapsedAt;
  // An appeal window is the petitioner's, not a duty: it is never overdue, and in its grace it is still open.
  const window = DEADLINE_KINDS[d.kind].onExpiry === 'CLOSE';
  return {
    kind: d.kind,
    rule: d.ruleId,
    article: d.article,
    startedAt: d.startedAt,
    dueAt: due,
    lastDay: dayKey(shanghaiDayNumber(due - 1)),
    pausedMs: pausedMsAt(d, now),
    paused: d.pausedSince !== null,
    warnedAt: d.warnedAt,
    metAt: d.metAt,
    met: d.metAt !== null && d.metAt <= due,
    overdue:
      !window &&
      (d.overdueAt !== null ||
        (closedAt === null ? d.pausedSince === null && now > due : d.metAt !== null && d.metAt > due)),
    overdueAt: d.overdueAt,
    lapsedAt: d.lapsedAt,
    closesAt: window ? due + (d.graceMs ?? 0) : null,
    provisional: d.provisional ?? false,
  };
}

/** The petitions a panel evaluates, as the read model holds them (a case not projected yet is left out). */
async function casesOf(ctx: ApiContext, petitionIds: readonly string[]) {
  const cases = new Map<string, PetitionParent['state']>();
  for (const id of petitionIds) {
    const state = (await loadPetition(ctx.db, id))?.state;
    if (state) cases.set(id, state);
  }
  return cases;
}

/**
 * A panel's free texts can quote its cases' petitioners (a title naming the case, a member's comment on one): they
 * pass the same decision as the cases' own fields, the title against every case, a comment against its own.
 */
export const evaluationPanelResolvers: EvaluationPanelResolvers = {
  id: (p) => p.panelId,
  title: async (p, _, ctx) => quotedAcross(ctx, [...(await casesOf(ctx, p.petitionIds)).values()], p.title),
  members: (p) => p.members.map((m) => ({ ...m, attended: isPresent(p, m.memberId), voted: hasVoted(p, m.memberId) })),
  cases: (p) =>
    p.petitionIds.map(
      (petitionId) => p.results.find((r) => r.petitionId === petitionId) ?? { petitionId, verdict: null, votes: 0 },
    ),
  evaluations: async (p, _, ctx) => {
    const cases = await casesOf(ctx, p.petitionIds);
    return p.votes.map((v) => {
      const state = cases.get(v.petitionId);
      // Without its case there is no knowing whom a comment may quote: nothing of it is shown.
      return { ...v, comment: state ? quotedView(ctx, state, v.comment) : null };
    });
  },
};

export const panelCaseResolvers: PanelCaseResolvers = {
  petition: async (c, _, ctx) => readablePetition(ctx, ctx.principal!, c.petitionId),
};

export const petitionResolvers: PetitionResolvers = answeringFromRows({
  id: (p) => p.state.petitionId,
  status: (p) => p.state.status,
  stage: (p) => p.state.stage,
  unit: (p, _, ctx) => unitById(ctx.db, p.facts.unitId),
  petitioner: (p, _, ctx, info) => petitionerView(ctx, p.facts, info),
  summary: (p) => p.state.summary,
  content: (p) => p.state.content,
  category: (p) => p.state.category,
  channel: (p) => p.state.channel,
  receivedAt: (p) => p.state.receivedAt,
  registeredAt: (p) => p.state.registeredAt,
  acceptedAt: (p) => p.state.acceptedAt,
  routeMode: (p) => p.state.routeMode,
  declineReason: (p) => p.state.declineReason,
  handlingRoute: (p) => p.state.handlingRoute ?? null,
  // A run begun before paths by kind has no `handlingRoute` field: it is on (六), as every petition then was.
  path: (p) => {
    const id = pathIdOf(p.state, p.state.handlingRoute !== undefined);
    const { article, handlingClock, outcomes, appeals, agreement } = PATHS[id];
    return { id, article, handlingClock, outcomes: [...outcomes], appeals, agreement };
  },
  forwardedTo: (p) => p.state.forwardedTo ?? null,
  direct: (p) => p.state.direct === true,
  agreement: (p) => p.state.agreement ?? null,
  respondentUnitId: (p) => p.state.respondentUnitId,
  repeatOf: (p) => p.state.repeatOf?.petitionId ?? null,
  isRepeat: (p) => p.state.repeatOf !== null,
  possibleRepeats: (p, _, ctx) => visibleRepeats(ctx, p.state.possibleRepeats ?? []),
  reviewUnit: (p, _, ctx) => unitById(ctx.db, p.facts.reviewUnitId),
  extension: (p) => ({
    daysGranted: p.state.extensions.filter((e) => e.decision?.approved).reduce((sum, e) => sum + e.days, 0),
    maxDays: ruleOf(getProfile(p.state.profileId), 'EXTENSION').days ?? 0,
    requests: p.state.extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      requestedAt: e.requestedAt,
      requestedBy: e.requestedBy,
      approved: e.decision?.approved ?? null,
      decidedAt: e.decision?.at ?? null,
      decisionNote: e.decision?.note ?? null,
    })),
  }),
  hearings: (p) => p.state.hearings,
  reply: (p) => p.state.opinions.at(-1) ?? null,
  opinions: (p) => p.state.opinions,
  appeals: (p, _, ctx) =>
    Promise.all(
      p.state.appeals.map(async (a) => ({
        level: a.level,
        requestedAt: a.requestedAt,
        requestedVia: a.requestedVia ?? null,
        // Appeals recorded before receipt was kept apart were received as they were requested.
        receivedAt: a.receivedAt ?? a.requestedAt,
        reason: a.reason,
        unit: await unitById(ctx.db, a.unitId),
      })),
    ),
  satisfaction: (p) => {
    const latest = new Map<RatingTarget, PetitionState['ratings'][number]>();
    for (const rating of p.state.ratings) latest.set(rating.target, rating);
    return [...latest.values()];
  },
  closedAt: (p) => p.state.closedAt,
  urges: (p) => p.state.urges,
  materials: (p) => p.state.materials ?? [],
  evaluations: (p) => p.state.evaluations ?? [],
  escalation: (p) => p.state.escalation,
  escalationProposed: (p) => p.state.escalationProposedAt !== null && p.state.escalation === null,
  overdue: (p) => isOverdue(p.state),
  dueSoon: (p) => isDueSoon(p.state),
  dueAt: (p) => (p.row && !p.row.duePaused ? p.row.dueAt : currentDueAt(p.state, Date.now())),
  deadlines: (p) => p.state.deadlines.map(deadlineView),
  timeline: (p, _, ctx) => p.timeline ?? loadTimeline(ctx.db, p.state.petitionId),
  live: async (p, _, ctx) => {
    try {
      return liveView(ctx, await commands.queryPetition(ctx, p.state.petitionId));
    } catch (err) {
      // A closed workflow may be gone from the server after its retention period; the read model still has it.
      if (errorCode(err) === 'NOT_FOUND') return null;
      throw err;
    }
  },
});
