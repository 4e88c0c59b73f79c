/**
 * 重复信访: matching by petitioner and unit only proposes (`possibleRepeats`); the registrar decides. Only a
 * confirmed repeat is declined, and only where the statute gives a ground: the same facts and reasons after
 * 复核 (Art. 36 ¶3), or the same item while the earlier one is accepted or in progress (Art. 19 ¶3). Refusing
 * anything else within one's competence is itself a breach (Art. 44 (二)).
 */
import { Refusal } from '../error-codes';
import { declined, defineCommand, isTerminal, withEvent } from './lifecycle';
import type {
  Actor,
  CommandContext,
  DeclineReason,
  PetitionState,
  PossibleRepeat,
  RepeatOf,
  TimelineEvent,
} from './state';

/** 确认重复信访: `repeatOf` is a real earlier petition of the same petitioner, its status as it is now. */
export interface ConfirmRepeatCommand {
  repeatOf: RepeatOf;
  note: string | null;
  actor: Actor;
}
/** 排除疑似重复: the candidate is not the same matter. */
export interface DismissRepeatCommand {
  candidateId: string;
  note: string | null;
  actor: Actor;
}

/** What the earlier petition's status lets the registrar decline a repeat with; null: no ground. */
export interface RepeatGround {
  reason: Extract<DeclineReason, 'ALREADY_REEXAMINED' | 'DUPLICATE_IN_PROGRESS'>;
  article: string;
}

/**
 * 终结 after 复核 bars the same facts and reasons for good (Art. 36 ¶3). A case not ended is accepted or being
 * handled (registered and awaiting routing, with its unit, or in an appeal window, whose remedy is 复查/复核, not
 * a new petition): the same item is not accepted again (Art. 19 ¶3). A case declined, or closed with no appeal,
 * bars nothing.
 */
export function repeatGround(earlier: Pick<RepeatOf, 'status'>): RepeatGround | null {
  if (earlier.status === 'CONCLUDED')
    return { reason: 'ALREADY_REEXAMINED', article: '《信访工作条例》第三十六条第三款' };
  if (!isTerminal(earlier)) return { reason: 'DUPLICATE_IN_PROGRESS', article: '《信访工作条例》第十九条第三款' };
  return null;
}

function candidatesOf(state: PetitionState): PossibleRepeat[] {
  return state.possibleRepeats ?? [];
}

/** The confirmed repeat on the record, then 不予受理 with the article that applies. */
function declineAsRepeat(
  state: PetitionState,
  repeatOf: RepeatOf,
  ground: RepeatGround,
  { note, actor }: { note: string | null; actor: Actor },
  ctx: Pick<CommandContext, 'now' | 'calendar'>,
): PetitionState {
  const data: TimelineEvent['data'] = { repeatOf: repeatOf.petitionId, repeatOfStatus: repeatOf.status };
  const confirmed = withEvent({ ...state, repeatOf }, ctx.now, 'REPEAT_CONFIRMED', actor, note, {
    ...data,
    article: ground.article,
  });
  const why =
    ground.reason === 'ALREADY_REEXAMINED'
      ? `同一事实和理由已于 ${repeatOf.petitionId} 复核终结，不再受理 (${ground.article})`
      : `同一信访事项 ${repeatOf.petitionId} 已经受理或者正在办理，不予受理 (${ground.article})`;
  return declined(confirmed, { reason: ground.reason, note: note ? `${why}；${note}` : why, actor }, ctx);
}

/**
 * At registration: the proposals are kept; a repeat the registrar named is decided as `confirmRepeat` decides
 * it, and one whose earlier case gives no ground is linked (counted as 重复信访) and handled as any other.
 */
export function registeredRepeats(
  state: PetitionState,
  given: { repeatOf: RepeatOf | null; possibleRepeats: PossibleRepeat[]; actor: Actor },
  ctx: CommandContext,
): PetitionState {
  const { repeatOf, actor } = given;
  const proposed: PetitionState = {
    ...state,
    possibleRepeats: given.possibleRepeats.filter((c) => c.petitionId !== repeatOf?.petitionId),
  };
  const ground = repeatOf && repeatOf.petitionId !== state.petitionId ? repeatGround(repeatOf) : null;
  if (!repeatOf || !ground) return proposed;
  return declineAsRepeat(proposed, repeatOf, ground, { note: null, actor }, ctx);
}

function repeatRefusal(message: string, details: Record<string, string | null>): never {
  throw new Refusal('BAD_USER_INPUT', message, { field: 'repeatOf', ...details });
}

export const confirmRepeat = defineCommand<ConfirmRepeatCommand>('confirmRepeat', {
  check: (state, { repeatOf }) => {
    if (repeatOf.petitionId === state.petitionId)
      repeatRefusal(`repeatOf: petition ${state.petitionId} cannot repeat itself`, { repeatOf: repeatOf.petitionId });
    if (!repeatGround(repeatOf)) {
      repeatRefusal(
        `repeatOf: petition ${repeatOf.petitionId} is ${repeatOf.status}; only a case concluded after 复核 (第三十六条第三款) or one accepted or in progress (第十九条第三款) bars a repeat`,
        { repeatOf: repeatOf.petitionId, repeatOfStatus: repeatOf.status },
      );
    }
  },
  change: (state, command, ctx) => {
    const { repeatOf } = command;
    // The check found the ground; once confirmed, the earlier petition is no longer a proposal.
    const ground = repeatGround(repeatOf)!;
    const rest = candidatesOf(state).filter((c) => c.petitionId !== repeatOf.petitionId);
    return declineAsRepeat({ ...state, possibleRepeats: rest }, repeatOf, ground, command, ctx);
  },
});

export const dismissRepeat = defineCommand<DismissRepeatCommand>('dismissRepeat', {
  check: (state, { candidateId }) => {
    if (!candidatesOf(state).some((c) => c.petitionId === candidateId)) {
      throw new Refusal(
        'BAD_USER_INPUT',
        `candidateId: ${candidateId} is not a possible repeat of ${state.petitionId}`,
        {
          field: 'candidateId',
        },
      );
    }
  },
  change: (state, { candidateId, note, actor }, { now }) => {
    const dropped = candidatesOf(state).find((c) => c.petitionId === candidateId)!;
    const next = { ...state, possibleRepeats: candidatesOf(state).filter((c) => c !== dropped) };
    return withEvent(next, now, 'REPEAT_DISMISSED', actor, note, {
      candidateId,
      reasons: dropped.reasons.join(','),
    });
  },
});
