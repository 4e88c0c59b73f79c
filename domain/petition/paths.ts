/**
 * The paths the 2022 条例 prescribes by kind of petition (docs/paths.md): which clocks a path runs, which
 * outcomes its answer may have, whether it can be appealed (复查/复核), mediated (调解/和解) or heard. Data only;
 * the commands read it (./kind-paths.ts and the checks of reply, extension, hearing and appeal).
 */
import type { Category, PetitionState, ReplyOutcome } from './state';

/**
 * The six routes of a 申诉求决 item (Art. 31): (一)–(四) guide it into another procedure (导入相应程序), (五) the organ
 * performs its duty or answers, (六) it is heard, investigated and answered with a 信访处理意见书.
 */
export const HANDLING_ROUTES = [
  /** (一) 诉讼、复议、检察、公安等法律程序 */
  'LEGAL_PROCEDURE',
  /** (二) 仲裁 */
  'ARBITRATION',
  /** (三) 党员申诉、申请复审 */
  'PARTY_APPEAL',
  /** (四) 行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序 */
  'ADMINISTRATIVE_PROCEDURE',
  /** (五) 依法履行或者答复 */
  'DUTY_PERFORMED',
  /** (六) 听取陈述、调查核实、出具信访处理意见书 */
  'HEARD_AND_ANSWERED',
] as const;
export type HandlingRoute = (typeof HANDLING_ROUTES)[number];

/** Organs an item leaves the petition system for, handled under their own rules. */
export const FORWARDING_ORGANS = [
  /** 纪检监察机关: 检举控告 (Arts. 22 ¶2, 30) */
  'DISCIPLINE_INSPECTION',
  /** 政法机关: 涉法涉诉 (Art. 22 ¶2) */
  'POLITICAL_LEGAL',
] as const;
export type ForwardingOrgan = (typeof FORWARDING_ORGANS)[number];

/** Kinds of unit in the unit tree; the forwarding organs, and the organs whose items 参评率 leaves out. */
export const UNIT_KINDS = [
  'BUREAU',
  'UNIT',
  'ORGAN',
  ...FORWARDING_ORGANS,
  /** 人大 */
  'PEOPLES_CONGRESS',
  /** 人民法院 */
  'COURT',
  /** 人民检察院 */
  'PROCURATORATE',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 调解协议书 / 和解协议书 (Art. 33). */
export const AGREEMENT_KINDS = ['MEDIATION', 'RECONCILIATION'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** The path a petition is on. */
export type PathId = 'SUGGESTION' | 'ACCUSATION' | HandlingRoute;

export interface Path {
  /** The articles it rests on. */
  article: string;
  /** Art. 34's 60 days (+ ≤ 30) run from 受理. */
  handlingClock: boolean;
  /** What its answer may say; empty where the path ends without one (the item guided elsewhere). */
  outcomes: readonly ReplyOutcome[];
  /** 复查 and 复核 (Arts. 35–36) follow its answer. */
  appeals: boolean;
  /** 调解 / 和解 may end it with an agreement (Art. 33). */
  agreement: boolean;
  /** 听证 for hard cases (Art. 31 (六)). */
  hearing: boolean;
  /** Choosing this route ends the petition at once: it was guided into another procedure, the petitioner told. */
  endsOnChoice: boolean;
}

const HEARD_OUTCOMES = ['SUPPORT', 'EXPLAIN', 'NOT_SUPPORT'] as const;
const GUIDED: Omit<Path, 'article'> = {
  handlingClock: false,
  outcomes: [],
  appeals: false,
  agreement: false,
  hearing: false,
  endsOnChoice: true,
};

export const PATHS: Readonly<Record<PathId, Path>> = {
  SUGGESTION: {
    article: '《信访工作条例》第二十九条',
    handlingClock: false,
    outcomes: ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'],
    appeals: false,
    agreement: false,
    hearing: false,
    endsOnChoice: false,
  },
  // At a competent organ other than 纪检监察 (Art. 30 ¶1: 有权处理的机关、单位): received, handled and answered (反馈).
  ACCUSATION: {
    article: '《信访工作条例》第三十条',
    handlingClock: false,
    outcomes: ['ANSWERED'],
    appeals: false,
    agreement: false,
    hearing: false,
    endsOnChoice: false,
  },
  LEGAL_PROCEDURE: { article: '《信访工作条例》第三十一条第(一)项', ...GUIDED },
  ARBITRATION: { article: '《信访工作条例》第三十一条第(二)项', ...GUIDED },
  PARTY_APPEAL: { article: '《信访工作条例》第三十一条第(三)项', ...GUIDED },
  ADMINISTRATIVE_PROCEDURE: { article: '《信访工作条例》第三十一条第(四)项', ...GUIDED },
  DUTY_PERFORMED: {
    article: '《信访工作条例》第三十一条第(五)项',
    handlingClock: false,
    outcomes: ['PERFORMED', 'ANSWERED'],
    appeals: false,
    agreement: false,
    hearing: false,
    endsOnChoice: false,
  },
  HEARD_AND_ANSWERED: {
    article: '《信访工作条例》第三十一条第(六)项、第三十二条至第三十六条',
    handlingClock: true,
    outcomes: HEARD_OUTCOMES,
    appeals: true,
    agreement: true,
    hearing: true,
    endsOnChoice: false,
  },
};

/** The answer of a 复查 or 复核 opinion, whatever path brought the case there. */
export const REVIEW_OUTCOMES: readonly ReplyOutcome[] = HEARD_OUTCOMES;

/**
 * The path a petition is on by its kind: a suggestion or an accusation by its category; a claim by the route its
 * unit chose, (六) until it chose another. A run begun before paths by kind is on (六) whatever its category, as
 * every petition then was.
 */
export function pathIdOf(state: Pick<PetitionState, 'category' | 'handlingRoute'>, pathsByKind: boolean): PathId {
  if (!pathsByKind) return 'HEARD_AND_ANSWERED';
  if (state.category === 'SUGGESTION' || state.category === 'ACCUSATION') return state.category;
  return state.handlingRoute ?? 'HEARD_AND_ANSWERED';
}

export function pathOf(state: Pick<PetitionState, 'category' | 'handlingRoute'>, pathsByKind: boolean): Path {
  return PATHS[pathIdOf(state, pathsByKind)];
}

/** Whether a category takes a route of Art. 31. */
export function choosesRoute(category: Category): boolean {
  return category === 'CLAIM';
}
