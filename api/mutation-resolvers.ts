/** Mutations of the SDL (schema/): each checks the role, then hands over to the command it sends. */
import { COMMAND_ROLES, type CommandName } from '../domain/petition';
import { requireRole } from './auth';
import * as build from './command-builders';
import type { ApiContext } from './context';
import type { MutationResolvers } from './generated/resolvers-types';
import * as histories from './histories';
import * as panelsApi from './panels';
import { commandOn } from './petition-access';
import * as commands from './petition-commands';
import type { PetitionParent } from './petition-reads';
import { IDS, TEXT, optionalText, requiredId } from './input-rules';
import { answeredAsFirstTime } from './retried-commands';
import * as routing from './routing-builders';
import * as direct from './direct-petitions';
import * as paths from './path-builders';
import { buildAttachMaterial } from './material-upload';

/**
 * A mutation that sends one update to a petition: the role check; the arguments checked and the command built;
 * the read and acting-unit checks; the command finished with the petition's state; then the update, applied once
 * per `requestId`.
 */
function petitionMutation<N extends CommandName, A extends { id: string; requestId?: string | null }>(
  name: N,
  builder: build.CommandBuilder<N, A>,
  options: { appeal?: boolean } = {},
) {
  return async (_: unknown, args: A, ctx: ApiContext): Promise<PetitionParent> => {
    // The roles the workflow itself accepts for the command: refused here first, before any read.
    const principal = requireRole(ctx.principal, ...COMMAND_ROLES[name]);
    const id = requiredId('id', args.id, IDS.petition);
    const requestId = optionalText('requestId', args.requestId, TEXT.requestId);
    const finish = await builder(args, { deps: ctx, actor: commands.actorOf(principal) });
    const send = async (current: PetitionParent) =>
      commands.sendUpdate(ctx, principal, id, name, await finish(current.state), requestId);
    return commandOn(ctx, principal, id, send, options.appeal).catch((err: unknown) =>
      answeredAsFirstTime(ctx, principal, id, name, requestId, err),
    );
  };
}

export const mutationResolvers: MutationResolvers = {
  registerPetition: async (_, args, ctx) => {
    const principal = requireRole(ctx.principal, ...direct.REGISTERING_ROLES);
    return commands.answeredPetition(ctx, await commands.registerPetition(ctx, principal, args.input));
  },
  acceptPetition: petitionMutation(
    'accept',
    direct.decidedByBureauOrDirectUnit(paths.notToForwardingOrgan(build.buildAccept)),
  ),
  routePetition: petitionMutation('route', paths.withForwarding(routing.withDueDays(build.buildRoute))),
  declinePetition: petitionMutation('decline', direct.decidedByBureauOrDirectUnit(build.buildDecline)),
  confirmRepeat: petitionMutation('confirmRepeat', build.buildConfirmRepeat),
  dismissRepeat: petitionMutation('dismissRepeat', build.buildDismissRepeat),
  requestExtension: petitionMutation('requestExtension', build.buildExtension),
  decideExtension: petitionMutation('decideExtension', build.buildExtensionDecision),
  startHearing: petitionMutation('startHearing', build.buildHearing),
  endHearing: petitionMutation('endHearing', build.buildHearing),
  replyPetition: petitionMutation('reply', build.buildReply),
  recordSatisfaction: petitionMutation('recordSatisfaction', build.buildSatisfaction),
  requestReview: petitionMutation('requestReview', build.buildAppeal, { appeal: true }),
  urge: petitionMutation('urge', build.buildUrge),
  answerUrge: petitionMutation('answerUrge', build.buildAnswerUrge),
  escalate: petitionMutation('escalate', build.buildEscalate),
  instruct: petitionMutation('instruct', build.buildInstruct),
  signForReceipt: petitionMutation('signForReceipt', routing.buildReceipt),
  raiseObjection: petitionMutation('raiseObjection', routing.buildObjection),
  decideObjection: petitionMutation('decideObjection', routing.buildObjectionDecision),
  submitAssignmentReport: petitionMutation('submitAssignmentReport', routing.buildAssignmentReport),
  chooseRoute: petitionMutation('chooseRoute', paths.buildChooseRoute),
  recordAgreement: petitionMutation('recordAgreement', paths.buildAgreement),
  attachMaterial: petitionMutation('attachMaterial', buildAttachMaterial),
  replayHistory: (_, args, ctx) => {
    requireRole(ctx.principal, 'TESTER');
    return histories.replayHistory(ctx, args.history);
  },
  conveneEvaluationPanel: (_, args, ctx) =>
    panelsApi.convenePanel(ctx, requireRole(ctx.principal, 'SUPERVISOR'), args.input),
  recordEvaluation: (_, args, ctx) => panelsApi.recordEvaluation(ctx, requireRole(ctx.principal, 'REVIEWER'), args),
};
