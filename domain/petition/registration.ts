/** 登记, 转送/交办, 受理 and 不予受理 (Arts. 21–23): the petition from its receipt until a unit handles it. */
import {
  badInput,
  declined,
  defineCommand,
  isTerminal,
  meetDeadlines,
  openDeadline,
  withEvent,
  withStatus,
} from './lifecycle';
import { registeredRepeats } from './repeats';
import type { Actor, CommandContext, DeclineReason, PetitionState, Registration, RouteMode } from './state';

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
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const unitId = command.unitId ?? state.unitId;
    const next: PetitionState = {
      ...withStatus(state, 'HANDLING', now),
      unitId,
      acceptedAt: now,
      deadlines: [...meetDeadlines(state, ['REGISTRATION', 'NOTICE'], ctx), openDeadline(ctx, 'HANDLING', now)],
    };
    return withEvent(next, now, 'ACCEPTED', command.actor, command.note, { unitId });
  },
});

/** 转送 / 交办: the unit now has 15 days to notify the petitioner (Art. 23 ¶3). */
export const route = defineCommand<RouteCommand>('route', {
  change: (state, command, ctx) => {
    const { now } = ctx;
    const status = command.mode === 'TRANSFER' ? 'TRANSFERRED' : 'ASSIGNED';
    const next: PetitionState = {
      ...withStatus(state, status, now),
      unitId: command.unitId,
      routeMode: command.mode,
      deadlines: [...meetDeadlines(state, ['REGISTRATION'], ctx), openDeadline(ctx, 'NOTICE', now)],
    };
    return withEvent(next, now, status, command.actor, command.note, { unitId: command.unitId });
  },
});
