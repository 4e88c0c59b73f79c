/**
 * The unit's side of a 转送/交办 item (Arts. 22 ¶1(三), 23 ¶3): 签收, 异议 and the bureau's decision on it, and the
 * 办结报告 of a 交办 item within the bureau's 指定办理期限.
 */
import { Refusal } from '../error-codes';
import { effectiveDue } from '../pausable-deadline';
import { meetDeadlines, openDeadline, openOf, withdraw } from './lifecycle';
import { badInput, defineCommand, refuse, withEvent, withStatus } from './lifecycle';
import type { Actor, PetitionState, RouteMode } from './state';

/** 异议: the unit says the item is not its to handle; the bureau agrees or refuses. */
export interface Objection {
  reason: string;
  raisedAt: number;
  raisedBy: Actor;
  decision: { agreed: boolean; note: string | null; at: number; by: Actor } | null;
}

/** 办结报告 of a 交办 item. */
export interface AssignmentReport {
  text: string;
  at: number;
  by: Actor;
}

/** One 转送/交办 to one unit, from routing until the item is returned to the bureau. */
export interface UnitRouting {
  unitId: string;
  mode: RouteMode;
  routedAt: number;
  /** 指定办理期限: the days the bureau gave for the 办结报告 of a 交办; null when it set none. */
  dueDays: number | null;
  /** 签收 */
  signedAt: number | null;
  signedBy: Actor | null;
  objection: Objection | null;
  report: AssignmentReport | null;
}

export interface ReceiptCommand {
  actor: Actor;
}
export interface ObjectionCommand {
  reason: string;
  actor: Actor;
}
export interface ObjectionDecisionCommand {
  agree: boolean;
  note: string | null;
  actor: Actor;
}
export interface AssignmentReportCommand {
  text: string;
  actor: Actor;
}

/** The unit's routing, or a refusal naming the status when the item came without one. */
function routingOf(state: PetitionState) {
  if (!state.routing) refuse('the item was not routed to a unit since 签收 was recorded', { status: state.status });
  return state.routing;
}

/** 签收: the unit's receipt starts its 15-day 告知 and its 5-working-day 异议 window (Art. 23 ¶3). */
export const signForReceipt = defineCommand<ReceiptCommand>('signForReceipt', {
  check: (state) => {
    if (routingOf(state).signedAt !== null)
      refuse('the unit has already signed for the item', { status: state.status });
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const routing = routingOf(state);
    // A run begun before 签收 opened its notice clock at routing; it keeps that one.
    const notice = openOf(state, 'NOTICE') ? [] : [openDeadline(ctx, 'NOTICE', now)];
    const next: PetitionState = {
      ...state,
      routing: { ...routing, signedAt: now, signedBy: command.actor },
      deadlines: [...meetDeadlines(state, ['RECEIPT'], ctx), ...notice, openDeadline(ctx, 'OBJECTION_WINDOW', now)],
    };
    return withEvent(next, now, 'RECEIPT_SIGNED', command.actor, null, { unitId: routing.unitId });
  },
});

/** 异议 within 5 working days of 签收, with its reasons (Art. 23 ¶3). */
export const raiseObjection = defineCommand<ObjectionCommand>('raiseObjection', {
  check: (state, command, { now }) => {
    const routing = routingOf(state);
    if (routing.signedAt === null)
      refuse('sign for the item first: the 5 working days run from its receipt', { status: state.status });
    if (routing.objection) refuse('the unit has already objected to this routing', { status: state.status });
    if (!command.reason.trim()) badInput('reason', 'an objection needs its reasons');
    const window = state.deadlines.filter((d) => d.kind === 'OBJECTION_WINDOW').at(-1);
    if (!window || window.lapsedAt !== null || now > effectiveDue(window)) {
      const dueAt = window ? effectiveDue(window) : null;
      throw new Refusal('WINDOW_CLOSED', 'the 5 working days to object after receipt have run out (Art. 23 ¶3)', {
        status: state.status,
        dueAt,
      });
    }
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const routing = routingOf(state);
    const objection = { reason: command.reason, raisedAt: now, raisedBy: command.actor, decision: null };
    const next: PetitionState = {
      ...state,
      routing: { ...routing, objection },
      deadlines: meetDeadlines(state, ['OBJECTION_WINDOW'], ctx),
    };
    return withEvent(next, now, 'OBJECTION_RAISED', command.actor, command.reason, { unitId: routing.unitId });
  },
});

/** The bureau on an 异议: agreed, the item returns for 转送/交办 again; refused, it stays with the unit. */
export const decideObjection = defineCommand<ObjectionDecisionCommand>('decideObjection', {
  check: (state) => {
    const objection = routingOf(state).objection;
    if (!objection || objection.decision) refuse('no objection is waiting for a decision', { status: state.status });
  },
  change: (state, command, { now }) => {
    const routing = routingOf(state);
    const decision = { agreed: command.agree, note: command.note, at: now, by: command.actor };
    const data = { unitId: routing.unitId, agreed: command.agree };
    if (!command.agree) {
      const next = { ...state, routing: { ...routing, objection: { ...routing.objection!, decision } } };
      return withEvent(next, now, 'OBJECTION_REFUSED', command.actor, command.note, data);
    }
    const next: PetitionState = {
      ...withStatus(state, 'REGISTERED', now),
      unitId: null,
      routeMode: null,
      routing: null,
      deadlines: withdraw(state, ['RECEIPT', 'NOTICE', 'OBJECTION_WINDOW', 'ASSIGNMENT'], now),
    };
    return withEvent(next, now, 'OBJECTION_AGREED', command.actor, command.note, data);
  },
});

/** 办结报告 of a 交办 item: meets the bureau's 指定办理期限 (Art. 22 ¶1(三)). */
export const submitAssignmentReport = defineCommand<AssignmentReportCommand>('submitAssignmentReport', {
  check: (state, command) => {
    const routing = routingOf(state);
    if (routing.mode !== 'ASSIGN') refuse('only a 交办 item owes a 办结报告', { status: state.status });
    if (routing.report) refuse('the 办结报告 was already submitted', { status: state.status });
    if (!command.text.trim()) badInput('text', 'the 办结报告 needs its text');
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const routing = routingOf(state);
    const next: PetitionState = {
      ...state,
      routing: { ...routing, report: { text: command.text, at: now, by: command.actor } },
      deadlines: meetDeadlines(state, ['ASSIGNMENT'], ctx),
    };
    return withEvent(next, now, 'ASSIGNMENT_REPORTED', command.actor, command.text, { unitId: routing.unitId });
  },
});
