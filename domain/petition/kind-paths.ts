/**
 * The commands that put a petition on its kind's path (./paths.ts): a claim's route of Art. 31, an agreement
 * that settles a claim (Art. 33), and what every path's end means for the read model.
 */
import { hasOpenHearing } from './handling';
import { badInput, defineCommand, meetDeadlines, refuse, withEvent, withStatus, withdraw } from './lifecycle';
import {
  AGREEMENT_KINDS,
  HANDLING_ROUTES,
  PATHS,
  choosesRoute,
  pathOf,
  type AgreementKind,
  type HandlingRoute,
} from './paths';
import type { Actor, CommandContext, PetitionState } from './state';

export interface ChooseRouteCommand {
  route: HandlingRoute;
  note: string | null;
  actor: Actor;
}
export interface AgreementCommand {
  kind: AgreementKind;
  text: string;
  actor: Actor;
}

/** The route a claim is on once its unit answers it without having chosen one: (六), heard and answered. */
export function routeOnAnswer(state: PetitionState, ctx: Pick<CommandContext, 'pathsByKind'>): PetitionState {
  if (!ctx.pathsByKind || !choosesRoute(state.category) || state.handlingRoute) return state;
  return { ...state, handlingRoute: 'HEARD_AND_ANSWERED' };
}

/**
 * 申诉求决: the unit chooses one of the six routes of Art. 31 while it handles the claim. (一)–(四) guide it into
 * that procedure and end the petition, the petitioner told; (五) leaves the 60 days of Art. 34 (they are (六)'s)
 * and is answered; (六) keeps them.
 */
export const chooseRoute = defineCommand<ChooseRouteCommand>('chooseRoute', {
  check: (state, command, ctx) => {
    const status = state.status;
    if (!HANDLING_ROUTES.includes(command.route))
      badInput('route', `route must be one of ${HANDLING_ROUTES.join(', ')}`);
    if (!ctx.pathsByKind)
      refuse('this petition was registered before the routes of Art. 31 were recorded: it is heard and answered', {
        status,
      });
    if (!choosesRoute(state.category))
      refuse(`only a 申诉求决 (CLAIM) item takes a route of Art. 31; this one is ${state.category}`, { status });
    if (state.handlingRoute) refuse(`the route was already chosen: ${state.handlingRoute}`, { status });
    if (hasOpenHearing(state) && command.route !== 'HEARD_AND_ANSWERED')
      refuse('a hearing is open: only (六) is heard; end the hearing first', { status });
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const path = PATHS[command.route];
    const deadlines = path.handlingClock
      ? state.deadlines
      : // Guided elsewhere, the duty is done; on (五) the organ's own law sets its time, not Art. 34.
        path.endsOnChoice
        ? meetDeadlines(state, ['HANDLING'], ctx)
        : withdraw(state, ['HANDLING'], now);
    let next: PetitionState = { ...state, handlingRoute: command.route, deadlines };
    next = withEvent(next, now, 'ROUTE_CHOSEN', command.actor, command.note, {
      route: command.route,
      article: path.article,
    });
    if (!path.endsOnChoice) return next;
    // 导入相应程序: the petition ends with its route recorded and the petitioner told where to go.
    next = withEvent(withStatus(next, 'CLOSED', now), now, 'PETITIONER_TOLD', command.actor, command.note, {
      route: command.route,
    });
    return next;
  },
});

/** 调解协议书 / 和解协议书 (Art. 33): the claim is settled by agreement and ends, its handling clock met. */
export const recordAgreement = defineCommand<AgreementCommand>('recordAgreement', {
  check: (state, command, ctx) => {
    const status = state.status;
    if (!AGREEMENT_KINDS.includes(command.kind)) badInput('kind', `kind must be one of ${AGREEMENT_KINDS.join(', ')}`);
    if (!command.text.trim()) badInput('text', 'the agreement needs its text');
    if (!pathOf(state, ctx.pathsByKind).agreement)
      refuse(`调解/和解 ends a claim heard under Art. 31 (六); this petition is on ${pathLabel(state, ctx)}`, {
        status,
      });
    if (hasOpenHearing(state)) refuse('a hearing is still open: end it before recording the agreement', { status });
  },
  change: (state, command, ctx) => {
    const { now } = ctx;
    const agreement = { kind: command.kind, text: command.text, at: now, by: command.actor };
    const settled: PetitionState = {
      ...routeOnAnswer(state, ctx),
      agreement,
      deadlines: meetDeadlines(state, ['HANDLING', 'REHANDLING'], ctx),
    };
    return withEvent(withStatus(settled, 'CLOSED', now), now, 'AGREEMENT_RECORDED', command.actor, command.text, {
      kind: command.kind,
    });
  },
});

function pathLabel(state: PetitionState, ctx: Pick<CommandContext, 'pathsByKind'>): string {
  return state.handlingRoute ?? (ctx.pathsByKind ? state.category : 'HEARD_AND_ANSWERED');
}

/**
 * 办结: when the petition's first level ended with an answer to the petitioner — its opinion delivered, its
 * agreement signed, or (一)–(四) the petitioner told where the matter goes. Null while it is not.
 */
export function handledAt(state: PetitionState): number | null {
  const opinion = state.opinions.find((o) => o.level === 'HANDLING');
  if (opinion) return opinion.deliveredAt;
  if (state.agreement) return state.agreement.at;
  if (state.handlingRoute && PATHS[state.handlingRoute].endsOnChoice) return state.closedAt;
  return null;
}

/** The route in the read model: a run begun before paths by kind was heard and answered once accepted. */
export function projectedRoute(state: PetitionState): HandlingRoute | null {
  if (state.handlingRoute !== undefined) return state.handlingRoute;
  return state.acceptedAt === null ? null : 'HEARD_AND_ANSWERED';
}
