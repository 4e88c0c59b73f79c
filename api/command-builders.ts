/**
 * Each petition mutation's arguments turned into the command its workflow update takes, all of one shape:
 * the arguments are checked first (bad input is refused before the petition is looked up, so none of it reaches
 * Temporal), and what returns finishes the command once the petition's state is known.
 */
import { sql } from 'drizzle-orm';
import { units } from '../db/schema';
import type { Actor, CommandArgs, CommandName, PetitionState } from '../domain/petition';
import { accusedUnitRefusal } from '../domain/petition/accusation';
import { getProfile, ruleOf } from '../domain/statute';
import type { ApiDeps } from './context';
import { apiError, badInput } from './errors';
import type * as gql from './generated/resolvers-types';
import { earlierPetition } from './repeats';
import { IDS, TEXT, knownUnit, optionalText, requiredId, requiredText, wholeNumber } from './input-rules';

export interface CommandEnv {
  deps: ApiDeps;
  actor: Actor;
}

/** The petition as the API knows it when it finishes a command: the read model's snapshot, or the workflow's. */
export type CurrentState = Omit<PetitionState, 'timeline'>;

type Awaitable<T> = T | Promise<T>;

/** What finishes a command once the petition's state is known; it may read the read model again. */
export type CommandFinisher<N extends CommandName> = (current: CurrentState) => Awaitable<CommandArgs[N]>;

export type CommandBuilder<N extends CommandName, A> = (args: A, env: CommandEnv) => Awaitable<CommandFinisher<N>>;

/** A command that needs nothing of the petition's state. */
const ready =
  <C>(command: C) =>
  (): C =>
    command;

/** An accusation is never sent to the unit it accuses (domain/petition/accusation.ts): refused with the field. */
function notToAccused(current: CurrentState, field: string, unitId: string | null): void {
  const why = accusedUnitRefusal(current, unitId);
  if (why) throw badInput(field, `${field}: ${why}`);
}

export const buildAccept: CommandBuilder<'accept', gql.MutationAcceptPetitionArgs> = async (args, { deps, actor }) => {
  const command = {
    unitId: await knownUnit(deps.db, 'unitId', args.unitId),
    note: optionalText('note', args.note, TEXT.note),
    actor,
  };
  return (current) => {
    // Accepting without a unit hands the case to the unit it was routed to.
    notToAccused(current, 'unitId', command.unitId ?? current.unitId);
    return command;
  };
};

export const buildRoute: CommandBuilder<'route', gql.MutationRoutePetitionArgs> = async (args, { deps, actor }) => {
  const unitId = requiredId('unitId', args.unitId, IDS.unit);
  await knownUnit(deps.db, 'unitId', unitId);
  const command = { unitId, mode: args.mode, note: optionalText('note', args.note, TEXT.note), actor };
  return (current) => {
    notToAccused(current, 'unitId', unitId);
    return command;
  };
};

export const buildDecline: CommandBuilder<'decline', gql.MutationDeclinePetitionArgs> = (args, { actor }) =>
  ready({ reason: args.reason, note: optionalText('note', args.note, TEXT.note), actor });

/** The earlier petition named must be a real one of the same petitioner, registered before this one. */
export const buildConfirmRepeat: CommandBuilder<'confirmRepeat', gql.MutationConfirmRepeatArgs> = (
  args,
  { deps, actor },
) => {
  const id = requiredId('repeatOf', args.repeatOf, IDS.petition);
  const note = optionalText('note', args.note, TEXT.note);
  return async (current) => ({
    repeatOf: await earlierPetition(deps.db, 'repeatOf', id, current.petitioner, current.registeredAt),
    note,
    actor,
  });
};

export const buildDismissRepeat: CommandBuilder<'dismissRepeat', gql.MutationDismissRepeatArgs> = (args, { actor }) =>
  ready({
    candidateId: requiredId('candidateId', args.candidateId, IDS.petition),
    note: optionalText('note', args.note, TEXT.note),
    actor,
  });

/**
 * More days than the petition's statute allows in total can never be granted: refused here, before the workflow
 * (which also counts the days already granted).
 */
export const buildExtension: CommandBuilder<'requestExtension', gql.MutationRequestExtensionArgs> = (
  args,
  { actor },
) => {
  const command = {
    days: wholeNumber('days', args.days, 1),
    reason: requiredText('reason', args.reason, TEXT.note),
    actor,
  };
  return (current) => {
    const max = ruleOf(getProfile(current.profileId), 'EXTENSION').days ?? 0;
    if (command.days > max) {
      throw apiError('LIMIT_EXCEEDED', `extensions may add at most ${max} days in total; ${command.days} asked`, {
        field: 'days',
        maxDays: max,
      });
    }
    return command;
  };
};

export const buildExtensionDecision: CommandBuilder<'decideExtension', gql.MutationDecideExtensionArgs> = (
  args,
  { actor },
) => ready({ approve: args.approve, note: optionalText('note', args.note, TEXT.note), actor });

export const buildHearing: CommandBuilder<'startHearing' | 'endHearing', gql.MutationStartHearingArgs> = (
  args,
  { actor },
) => ready({ note: optionalText('note', args.note, TEXT.note), actor });

export const buildReply: CommandBuilder<'reply', gql.MutationReplyPetitionArgs> = (args, { actor }) =>
  ready({
    outcome: args.outcome,
    text: requiredText('text', args.text, TEXT.content),
    basis: optionalText('basis', args.basis, TEXT.note),
    // Whether it lies in the future is the workflow's to say: its clock is the case's, and runs ahead of ours
    // under a time-skipping server.
    deliveredAt: args.deliveredAt ?? null,
    actor,
  });

export const buildSatisfaction: CommandBuilder<'recordSatisfaction', gql.MutationRecordSatisfactionArgs> = (
  args,
  { actor },
) => ready({ level: args.level, target: args.target ?? 'UNIT', actor });

/** The answer period a supervisor may set is the petition's jurisdiction's to limit (local practice). */
export const buildUrge: CommandBuilder<'urge', gql.MutationUrgeArgs> = (args, { actor }) => {
  const days = args.respondWithinDays ?? null;
  const command = {
    message: requiredText('message', args.message, TEXT.note),
    respondWithinDays: days === null ? null : wholeNumber('respondWithinDays', days, 1),
    actor,
  };
  return (current) => {
    const max = getProfile(current.profileId).practice.urgeAnswerMaxDays;
    if (command.respondWithinDays !== null && command.respondWithinDays > max) {
      throw badInput(
        'respondWithinDays',
        `respondWithinDays must be a whole number from 1 to ${max}; ${command.respondWithinDays} given`,
      );
    }
    return command;
  };
};

export const buildAnswerUrge: CommandBuilder<'answerUrge', gql.MutationAnswerUrgeArgs> = (args, { actor }) =>
  ready({
    urgeId: requiredId('urgeId', args.urgeId, IDS.urge),
    text: requiredText('text', args.text, TEXT.note),
    actor,
  });

export const buildEscalate: CommandBuilder<'escalate', gql.MutationEscalateArgs> = (args, { actor }) =>
  ready({
    leaderId: requiredId('leaderId', args.leaderId, IDS.leader),
    reason: requiredText('reason', args.reason, TEXT.note),
    actor,
  });

export const buildInstruct: CommandBuilder<'instruct', gql.MutationInstructArgs> = (args, { actor }) =>
  ready({ text: requiredText('text', args.text, TEXT.note), actor });

/** The organ above a unit in the units table. */
async function parentOf(deps: ApiDeps, unitId: string): Promise<string | null> {
  const row = await deps.db.row<{ parent_id: string | null }>(sql`SELECT parent_id FROM ${units} WHERE id = ${unitId}`);
  return row?.parent_id ?? null;
}

/**
 * 复查 goes to the organ above the responsible unit, 复核 to the organ above the 复查 organ (the unit tree in
 * the units table), unless the registrar names one.
 */
export const buildAppeal: CommandBuilder<'requestReview', gql.MutationRequestReviewArgs> = async (
  args,
  { deps, actor },
) => {
  const made = {
    reason: optionalText('reason', args.reason, TEXT.note),
    // Whether it lies in the future or before the delivery is the workflow's to say (as deliveredAt): its clock
    // is the case's, and runs ahead of ours under a time-skipping server.
    requestedAt: args.requestedAt ?? null,
    requestedVia: args.requestedVia ?? null,
    actor,
  };
  const named = await knownUnit(deps.db, 'reviewUnitId', args.reviewUnitId);
  return async (current) => {
    if (named) {
      notToAccused(current, 'reviewUnitId', named);
      return { ...made, reviewUnitId: named };
    }
    const below = current.status === 'REVIEW_DELIVERED' ? current.reviewUnitId : current.unitId;
    const reviewUnitId = below ? await parentOf(deps, below) : null;
    if (!reviewUnitId)
      throw badInput('reviewUnitId', `no organ above ${below ?? 'the unit'} is known: name the reviewUnitId`);
    notToAccused(current, 'reviewUnitId', reviewUnitId);
    return { ...made, reviewUnitId };
  };
};
