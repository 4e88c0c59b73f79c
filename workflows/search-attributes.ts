/**
 * Typed search attributes the petition workflow keeps up to date, so operators can filter petitions in the
 * Temporal UI and with `temporal workflow list --query`. temporal-dev.sh and the test setup register them.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
