/** What a petition keeps of the earlier petitions it may repeat (重复信访, ./repeats.ts). Plain data. */
import type { PetitionStatus } from './state';

/** An earlier petition this one repeats (重复信访), as the registrar confirmed it, with its status then. */
export interface RepeatOf {
  petitionId: string;
  status: PetitionStatus;
}

/** Why automatic matching proposed an earlier petition: each a fact the two share, for the registrar to weigh. */
export const REPEAT_REASONS = [
  'SAME_ID_NUMBER',
  'SAME_NAME_AND_PHONE',
  'SAME_NAME',
  'SAME_RESPONDENT_UNIT',
  'SAME_CATEGORY',
  'SIMILAR_SUMMARY',
] as const;
export type RepeatReason = (typeof REPEAT_REASONS)[number];

/** 疑似重复信访: an earlier petition matching proposes; it declines nothing until the registrar confirms it. */
export interface PossibleRepeat extends RepeatOf {
  reasons: RepeatReason[];
}
