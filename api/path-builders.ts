/**
 * The commands of a petition's kind's path (domain/petition/paths.ts), of the shape of ./command-builders.ts: a
 * claim's route of Art. 31, a 调解/和解 agreement, and what the unit tree says about where an item may go — to a
 * 纪检监察 or 政法 unit it is forwarded, never accepted.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/read-model';
import { units } from '../db/schema';
import { FORWARDING_ORGANS, type ForwardingOrgan } from '../domain/petition';
import type { CommandBuilder } from './command-builders';
import { badInput } from './errors';
import type * as gql from './generated/resolvers-types';
import { TEXT, optionalText, requiredText } from './input-rules';

/** The organ a unit code is, when it is one items are forwarded to. */
export async function forwardingOrganOf(db: ReadModel, unitId: string | null): Promise<ForwardingOrgan | null> {
  if (!unitId) return null;
  const kind = (await db.row<{ kind: string }>(sql`SELECT kind FROM ${units} WHERE id = ${unitId}`))?.kind;
  return (FORWARDING_ORGANS as readonly string[]).includes(kind ?? '') ? (kind as ForwardingOrgan) : null;
}

/** `routePetition` to a 纪检监察 or 政法 unit forwards the item (转出). */
export function withForwarding(
  builder: CommandBuilder<'route', gql.MutationRoutePetitionArgs>,
): CommandBuilder<'route', gql.MutationRoutePetitionArgs> {
  return async (args, env) => {
    const finish = await builder(args, env);
    return async (current) => {
      const command = await finish(current);
      return { ...command, forwardTo: await forwardingOrganOf(env.deps.db, command.unitId) };
    };
  };
}

/** 受理 is a handling unit's: a 纪检监察 or 政法 organ receives an item by forwarding, under its own rules. */
export function notToForwardingOrgan(
  builder: CommandBuilder<'accept', gql.MutationAcceptPetitionArgs>,
): CommandBuilder<'accept', gql.MutationAcceptPetitionArgs> {
  return async (args, env) => {
    const organ = await forwardingOrganOf(env.deps.db, args.unitId ?? null);
    if (organ)
      throw badInput('unitId', `unitId: ${args.unitId} is a ${organ} organ: forward the item to it with routePetition`);
    return builder(args, env);
  };
}

export const buildChooseRoute: CommandBuilder<'chooseRoute', gql.MutationChooseRouteArgs> = (args, { actor }) => {
  const command = { route: args.route, note: optionalText('note', args.note, TEXT.note), actor };
  return () => command;
};

export const buildAgreement: CommandBuilder<'recordAgreement', gql.MutationRecordAgreementArgs> = (args, { actor }) => {
  const command = { kind: args.kind, text: requiredText('text', args.text, TEXT.content), actor };
  return () => command;
};
