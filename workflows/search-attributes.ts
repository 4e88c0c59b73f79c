/**
 * Typed search attributes the petition workflow keeps up to date, so operators can filter petitions in the
 * Temporal UI and with `temporal workflow list --query`. temporal-dev.sh and the test setup register them.
 */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { actingUnitId, isOverdue, type PetitionState } from '../domain/petition';

export const PETITION_STATUS = defineSearchAttributeKey('PetitionStatus', SearchAttributeType.KEYWORD);
export const PETITION_STAGE = defineSearchAttributeKey('PetitionStage', SearchAttributeType.KEYWORD);
export const PETITION_UNIT = defineSearchAttributeKey('PetitionUnit', SearchAttributeType.KEYWORD);
export const PETITION_OVERDUE = defineSearchAttributeKey('PetitionOverdue', SearchAttributeType.BOOL);
export const PETITION_DUE_AT = defineSearchAttributeKey('PetitionDueAt', SearchAttributeType.DATETIME);
/** The leader the case is escalated to (提级包案), if any. */
export const PETITION_LEADER = defineSearchAttributeKey('PetitionLeader', SearchAttributeType.KEYWORD);

export const PETITION_SEARCH_ATTRIBUTES = [
  PETITION_STATUS,
  PETITION_STAGE,
  PETITION_UNIT,
  PETITION_OVERDUE,
  PETITION_DUE_AT,
  PETITION_LEADER,
] as const;

/** The value each attribute has for a petition: what `upsertSearchAttributes` is given. */
export function petitionSearchAttributes(state: PetitionState, dueAt: number | null): SearchAttributeUpdatePair[] {
  return [
    { key: PETITION_STATUS, value: state.status },
    { key: PETITION_STAGE, value: state.stage },
    { key: PETITION_UNIT, value: actingUnitId(state) },
    { key: PETITION_OVERDUE, value: isOverdue(state) },
    { key: PETITION_DUE_AT, value: dueAt === null ? null : new Date(dueAt) },
    { key: PETITION_LEADER, value: state.escalation?.leaderId ?? null },
  ];
}

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value);

/**
 * The pairs whose value differs from what the run last upserted (all of them at first): an upsert is a command
 * and an event in the history, which a change that leaves the attributes as they were need not cost.
 */
export function changedAttributes(
  upserted: readonly SearchAttributeUpdatePair[] | null,
  pairs: readonly SearchAttributeUpdatePair[],
): SearchAttributeUpdatePair[] {
  if (!upserted) return [...pairs];
  return pairs.filter((pair, i) => comparable(upserted[i]?.value) !== comparable(pair.value));
}
