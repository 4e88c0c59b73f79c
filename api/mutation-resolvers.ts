/** Mutations of the SDL (schema/): each checks the role, then hands over to the command it sends. */
import type { CommandName } from '../domain/petition';
import { requireRole, type Role } from './auth';
import * as build from './command-builders';
import type { ApiContext } from './context';
import type { MutationResolvers } from './generated/resolvers-types';
import * as histories from './histories';
import * as panelsApi from './panels';
import { commandOn } from './petition-access';
import * as commands from './petition-commands';
import { fromWorkflowState, type PetitionParent } from './petition-reads';
import { IDS, TEXT, optionalText, requiredId } from './input-rules';
import * as routing from './routing-builders';
import * as direct from './direct-petitions';
import * as paths from './path-builders';

/**
 * A mutation that sends one update to a petition: the role check; the arguments checked and the command built;
 * the read and acting-unit checks; the command finished with the petition's state; then the update, applied once
 * per `requestId`.
 */
function petitionMutation<N extends CommandName, A extends { id: string; requestId?: string | null }>(
  role: Role | Role[],
  name: N,
  builder: build.CommandBuilder<N, A>,
  options: { appeal?: boolean } = {},
) {
  return (_: unknown, args: A, ctx: ApiContext): Promise<PetitionParent> => {
    const principal = requireRole(ctx.principal, ...[role].flat());
    const id = requiredId('id', args.id, IDS.petition);
    const requestId = optionalText('requestId', args.requestId, TEXT.requestId);
    const finish = builder(args, { deps: ctx, actor: commands.actorOf(principal) });
    const send = (current: PetitionParent) =>
      commands.sendUpdate(ctx, principal, id, name, finish(current.state), requestId);
    return commandOn(ctx, principal, id, send, options.appeal);
  };
}

export const mutationResolvers: MutationResolvers = {
  registerPetition: async (_, args, ctx) => {
    const principal = requireRole(ctx.principal, ...direct.REGISTERING_ROLES);
    return fromWorkflowState(await commands.registerPetition(ctx, principal, args.input));
  },
  acceptPetition: petitionMutation(
    ['REGISTRAR', 'UNIT_HANDLER'],
    'accept',
    direct.decidedByBureauOrDirectUnit(paths.notToForwardingOrgan(build.buildAccept)),
  ),
  routePetition: petitionMutation('REGISTRAR', 'route', paths.withForwarding(routing.withDueDays(build.buildRoute))),
  declinePetition: petitionMutation(
    ['REGISTRAR', 'UNIT_HANDLER'],
    'decline',
    direct.decidedByBureauOrDirectUnit(build.buildDecline),
  ),
  confirmRepeat: petitionMutation('REGISTRAR', 'confirmRepeat', build.buildConfirmRepeat),
  dismissRepeat: petitionMutation('REGISTRAR', 'dismissRepeat', build.buildDismissRepeat),
  requestExtension: petitionMutation('UNIT_HANDLER', 'requestExtension', build.buildExtension),
  decideExtension: petitionMutation('UNIT_HEAD', 'decideExtension', build.buildExtensionDecision),
  startHearing: petitionMutation('UNIT_HANDLER', 'startHearing', build.buildHearing),
  endHearing: petitionMutation('UNIT_HANDLER', 'endHearing', build.buildHearing),
  replyPetition: petitionMutation('UNIT_HANDLER', 'reply', build.buildReply),
  recordSatisfaction: petitionMutation('REGISTRAR', 'recordSatisfaction', build.buildSatisfaction),
  requestReview: petitionMutation('REGISTRAR', 'requestReview', build.buildAppeal, { appeal: true }),
  urge: petitionMutation('SUPERVISOR', 'urge', build.buildUrge),
  answerUrge: petitionMutation('UNIT_HANDLER', 'answerUrge', build.buildAnswerUrge),
  escalate: petitionMutation('SUPERVISOR', 'escalate', build.buildEscalate),
  instruct: petitionMutation('LEADER', 'instruct', build.buildInstruct),
  signForReceipt: petitionMutation('UNIT_HANDLER', 'signForReceipt', routing.buildReceipt),
  raiseObjection: petitionMutation('UNIT_HANDLER', 'raiseObjection', routing.buildObjection),
  decideObjection: petitionMutation('REGISTRAR', 'decideObjection', routing.buildObjectionDecision),
  submitAssignmentReport: petitionMutation('UNIT_HANDLER', 'submitAssignmentReport', routing.buildAssignmentReport),
  chooseRoute: petitionMutation('UNIT_HANDLER', 'chooseRoute', paths.buildChooseRoute),
  recordAgreement: petitionMutation('UNIT_HANDLER', 'recordAgreement', paths.buildAgreement),
  replayHistory: (_, args, ctx) => {
    requireRole(ctx.principal, 'TESTER');
    return histories.replayHistory(ctx, args.history);
  },
  conveneEvaluationPanel: (_, args, ctx) =>
    panelsApi.convenePanel(ctx, requireRole(ctx.principal, 'SUPERVISOR'), args.input),
  recordEvaluation: (_, args, ctx) => panelsApi.recordEvaluation(ctx, requireRole(ctx.principal, 'REVIEWER'), args),
};
