/** 登记, 转送/交办, 受理 and 不予受理 (Arts. 21–23): the petition from its receipt until a unit handles it. */
import {
  badInput,
  declined,
  defineCommand,
  isTerminal,
  meetDeadlines,
  openDeadline,
  refuse,
  withEvent,
  withStatus,
} from './lifecycle';
import { pathOf, type ForwardingOrgan } from './paths';
import { registeredRepeats } from './repeats';
import { ruleOf } from '../statute';
import type { Actor, CommandContext, DeclineReason, PetitionState, Registration, RouteMode } from './state';
import type { UnitRouting } from './unit-routing';

export interface AcceptCommand {
  unitId: string | null;
  note: string | null;
  actor: Actor;
}
export interface RouteCommand {
  unitId: string;
  mode: RouteMode;
  note: string | null;
  actor: Actor;
  /** 交办's 指定办理期限: calendar days from routing for the 办结报告 (Art. 22 ¶1(三)); absent or null: none set. */
  dueDays?: number | null;
  /**
   * The unit routed to is 纪检监察 or 政法 (the API reads it from the unit tree): the item is forwarded (转出) and
   * handled under that organ's rules. Absent or null: an ordinary 转送/交办.
   */
  forwardTo?: ForwardingOrgan | null;
}
export interface DeclineCommand {
  reason: DeclineReason;
  note: string | null;
  actor: Actor;
}

/** Why an item goes to an organ outside the petition system, by the organ. */
const FORWARDING_ARTICLE: Record<ForwardingOrgan, string> = {
  DISCIPLINE_INSPECTION: '《信访工作条例》第二十二条第二款、第三十条',
  POLITICAL_LEGAL: '《信访工作条例》第二十二条第二款',
};

/** 不予受理: the case ends here. A 涉法涉诉 letter is not declined but forwarded to the 政法 organs (Art. 22 ¶2). */
export const decline = defineCommand<DeclineCommand>('decline', {
  check: (_state, command, ctx) => {
    if (ctx.pathsByKind && command.reason === 'LITIGATION_RELATED')
      badInput(
        'reason',
        '涉法涉诉 letters are forwarded to the same-level 政法 organs, not declined (Art. 22 ¶2): routePetition to the 政法 unit',
      );
  },
  change: (state, command, ctx) => declined(state, command, ctx),
});

/**
 * 登记: the petition as it stands the moment it is registered; the registration clock runs from receipt.
 * Every petition is registered (Arts. 21–23), a repeat too. The repeats matching proposes are kept for the
 * registrar to decide; a repeat the registrar named is decided (./repeats.ts).
 */
export function openPetition(registration: Registration, ctx: CommandContext): PetitionState {
  const { now, profile } = ctx;
  const { registeredBy, repeatOf = null, possibleRepeats = [], ...facts } = registration;
  const { directUnitId = null, ...registered } = facts;
  const receivedAt = registration.receivedAt ?? now;
  // Brought directly to its unit: the unit tells the petitioner within 15 days (Art. 23 ¶2); the bureau's
  // 15 days to register and route (Art. 22) are not this item's.
  const direct = ctx.pathsByKind && directUnitId !== null;
  const initial: PetitionState = {
    ...registered,
    receivedAt,
    repeatOf,
    profileId: profile.id,
    registeredAt: now,
    status: 'REGISTERED',
    stage: 'REGISTRATION',
    unitId: direct ? directUnitId : null,
    reviewUnitId: null,
    routeMode: null,
    acceptedAt: null,
    declineReason: null,
    ...(ctx.pathsByKind && { handlingRoute: null, forwardedTo: null, direct, agreement: null }),
    deadlines: [openDeadline(ctx, direct ? 'DIRECT_NOTICE' : 'REGISTRATION', receivedAt)],
    extensions: [],
    hearings: [],
    opinions: [],
    appeals: [],
    ratings: [],
    urges: [],
    evaluations: [],
    escalation: null,
    escalationProposedAt: null,
    closedAt: null,
    timeline: [],
    lastSeq: 0,
  };
  const state = withEvent(initial, now, 'REGISTERED', registeredBy, null, {
    receivedAt,
    channel: registration.channel,
    repeatOf: repeatOf?.petitionId ?? null,
    ...(direct && { directUnitId }),
  });
  if (ctx.repeatsProposed) return registeredRepeats(state, { repeatOf, possibleRepeats, actor: registeredBy }, ctx);
  // Runs begun before: `repeatOf` came from matching, and declined the petition at once.
  if (repeatOf?.status === 'CONCLUDED') {
    const note = `同一事实和理由已于 ${repeatOf.petitionId} 复核终结，不再受理 (第三十六条)`;
    return decline.apply(state, { reason: 'ALREADY_REEXAMINED', note, actor: registeredBy }, ctx);
  }
  if (repeatOf && !isTerminal(repeatOf)) {
    const note = `同一事项正在办理 (${repeatOf.petitionId})，不予受理 (第十九条)`;
    return decline.apply(state, { reason: 'DUPLICATE_IN_PROGRESS', note, actor: registeredBy }, ctx);
  }
  return state;
}

/** 受理 (and 交办 to the unit when not yet routed): the handling clock starts now. */
export const accept = defineCommand<AcceptCommand>('accept', {
  check: (state, command) => {
    if (!command.unitId && !state.unitId)
      badInput('unitId', 'unitId is required: the petition has not been routed to a unit');
    // The unit said the item is not its own (Art. 23 ¶3): the bureau decides that before anything else.
    const objection = state.routing?.objection;
    if (objection && !objection.decision)
      refuse('the unit has objected to this routing: decide the objection first (decideObjection)', {
        status: state.status,
      });
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const unitId = command.unitId ?? state.unitId;
    const next: PetitionState = {
      ...withStatus(state, 'HANDLING', now),
      unitId,
      acceptedAt: now,
      // 受理 takes the item from the unit's receipt on: what it owed before handling is settled. Only a claim
      // heard under Art. 31 (六) runs Art. 34's 60 days; a claim starts there until its unit chooses its route.
      deadlines: [
        ...meetDeadlines(state, ['REGISTRATION', 'NOTICE', 'DIRECT_NOTICE', 'RECEIPT', 'OBJECTION_WINDOW'], ctx),
        ...(pathOf(state, ctx.pathsByKind).handlingClock ? [openDeadline(ctx, 'HANDLING', now)] : []),
      ],
      // Accepted for another unit than the one routed to: that routing is over.
      ...(state.routing && state.routing.unitId !== unitId && { routing: null }),
    };
    return withEvent(next, now, 'ACCEPTED', command.actor, command.note, { unitId });
  },
});

/**
 * 转送 / 交办. The unit's 15-day 告知 (Art. 23 ¶3) runs from its 签收, due within the profile's `receiptDays`; a run
 * begun before 签收 starts it at routing. A 交办 with `dueDays` opens the 指定办理期限 for the 办结报告.
 */
export const route = defineCommand<RouteCommand>('route', {
  check: (_state, command, { profile, pathsByKind }) => {
    const days = command.dueDays ?? null;
    if (days === null) return;
    if (pathsByKind && command.forwardTo)
      badInput('dueDays', 'a forwarded item is handled under the rules of the organ it goes to: no 指定办理期限');
    if (command.mode !== 'ASSIGN') badInput('dueDays', 'dueDays is the deadline of a 交办 (mode ASSIGN) only');
    // No more than the statute's whole handling period, extension included (Art. 34).
    const max = ruleOf(profile, 'HANDLE').days! + ruleOf(profile, 'EXTENSION').days!;
    if (!Number.isInteger(days) || days < 1 || days > max)
      badInput('dueDays', `dueDays must be a whole number from 1 to ${max}`);
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    if (ctx.pathsByKind && command.forwardTo) return forwarded(state, command, command.forwardTo, ctx);
    const status = command.mode === 'TRANSFER' ? 'TRANSFERRED' : 'ASSIGNED';
    const dueDays = command.dueDays ?? null;
    const routing: UnitRouting = {
      unitId: command.unitId,
      mode: command.mode,
      routedAt: now,
      dueDays,
      signedAt: null,
      signedBy: null,
      objection: null,
      report: null,
    };
    const next: PetitionState = {
      ...withStatus(state, status, now),
      unitId: command.unitId,
      routeMode: command.mode,
      routing,
      deadlines: [
        ...meetDeadlines(state, ['REGISTRATION'], ctx),
        openDeadline(ctx, ctx.unitReceipt ? 'RECEIPT' : 'NOTICE', now),
        ...(dueDays === null ? [] : [openDeadline(ctx, 'ASSIGNMENT', now, dueDays)]),
      ],
    };
    return withEvent(next, now, status, command.actor, command.note, { unitId: command.unitId, dueDays });
  },
});

/** 转出: the item leaves for 纪检监察 or 政法, its registration clock met; their rules handle it from here. */
function forwarded(
  state: PetitionState,
  command: RouteCommand,
  organ: ForwardingOrgan,
  ctx: CommandContext,
): PetitionState {
  const { now } = ctx;
  const next: PetitionState = {
    ...withStatus(state, 'FORWARDED', now),
    unitId: command.unitId,
    routeMode: command.mode,
    routing: null,
    forwardedTo: organ,
    deadlines: meetDeadlines(state, ['REGISTRATION', 'DIRECT_NOTICE'], ctx),
  };
  return withEvent(next, now, 'FORWARDED', command.actor, command.note, {
    unitId: command.unitId,
    organ,
    article: FORWARDING_ARTICLE[organ],
  });
}
