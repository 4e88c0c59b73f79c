/**
 * The commands of a unit's 转送/交办 item (签收, 异议 and its decision, 办结报告), and the 交办's 指定办理期限 added to
 * the route command, each of the shape of ./command-builders.ts.
 */
import type { CommandBuilder } from './command-builders';
import type * as gql from './generated/resolvers-types';
import { TEXT, optionalText, requiredText, wholeNumber } from './input-rules';

/** `routePetition`'s own arguments built as before, with the optional `dueDays` (its upper bound is the rule's). */
export function withDueDays(
  builder: CommandBuilder<'route', gql.MutationRoutePetitionArgs>,
): CommandBuilder<'route', gql.MutationRoutePetitionArgs> {
  return async (args, env) => {
    const dueDays = args.dueDays == null ? null : wholeNumber('dueDays', args.dueDays, 1);
    const finish = await builder(args, env);
    return async (current) => ({ ...(await finish(current)), dueDays });
  };
}

export const buildReceipt: CommandBuilder<'signForReceipt', gql.MutationSignForReceiptArgs> = (_args, { actor }) => {
  const command = { actor };
  return () => command;
};

export const buildObjection: CommandBuilder<'raiseObjection', gql.MutationRaiseObjectionArgs> = (args, { actor }) => {
  const command = { reason: requiredText('reason', args.reason, TEXT.note), actor };
  return () => command;
};

export const buildObjectionDecision: CommandBuilder<'decideObjection', gql.MutationDecideObjectionArgs> = (
  args,
  { actor },
) => {
  const command = { agree: args.agree, note: optionalText('note', args.note, TEXT.note), actor };
  return () => command;
};

export const buildAssignmentReport: CommandBuilder<'submitAssignmentReport', gql.MutationSubmitAssignmentReportArgs> = (
  args,
  { actor },
) => {
  const command = { text: requiredText('text', args.text, TEXT.content), actor };
  return () => command;
};
