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
}
export interface DeclineCommand {
  reason: DeclineReason;
  note: string | null;
  actor: Actor;
}

/** 不予受理: the case ends here. */
export const decline = defineCommand<DeclineCommand>('decline', {
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
  const receivedAt = registration.receivedAt ?? now;
  const initial: PetitionState = {
    ...facts,
    receivedAt,
    repeatOf,
    profileId: profile.id,
    registeredAt: now,
    status: 'REGISTERED',
    stage: 'REGISTRATION',
    unitId: null,
    reviewUnitId: null,
    routeMode: null,
    acceptedAt: null,
    declineReason: null,
    deadlines: [openDeadline(ctx, 'REGISTRATION', receivedAt)],
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
      // 受理 takes the item from the unit's receipt on: what it owed before handling is settled.
      deadlines: [
        ...meetDeadlines(state, ['REGISTRATION', 'NOTICE', 'RECEIPT', 'OBJECTION_WINDOW'], ctx),
        openDeadline(ctx, 'HANDLING', now),
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
  check: (_state, command, { profile }) => {
    const days = command.dueDays ?? null;
    if (days === null) return;
    if (command.mode !== 'ASSIGN') badInput('dueDays', 'dueDays is the deadline of a 交办 (mode ASSIGN) only');
    // No more than the statute's whole handling period, extension included (Art. 34).
    const max = ruleOf(profile, 'HANDLE').days! + ruleOf(profile, 'EXTENSION').days!;
    if (!Number.isInteger(days) || days < 1 || days > max)
      badInput('dueDays', `dueDays must be a whole number from 1 to ${max}`);
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
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
