/**
 * The national statute table: every duration of 《信访工作条例》 (2022) that docs/domain.md §2 lists, with its
 * article, counting rule, what starts it and how sure we are of its source. Data only; profiles in statute.ts.
 */
import type { CountingRule } from './calendar';

export type RuleId =
  | 'REGISTER_AND_ROUTE'
  | 'TIER_SPLIT'
  | 'ASSIGNMENT_REPORT'
  | 'NOTICE_DIRECT'
  | 'NOTICE_ROUTED'
  | 'JURISDICTION_OBJECTION'
  | 'HANDLE'
  | 'EXTENSION'
  | 'REQUEST_REVIEW'
  | 'REVIEW_OPINION'
  | 'REQUEST_REEXAMINATION'
  | 'REEXAMINATION_OPINION'
  | 'NO_FURTHER_ACCEPTANCE'
  | 'DUPLICATE_IN_PROGRESS'
  | 'SUPERVISION_FEEDBACK'
  | 'SIMPLIFIED_HANDLING'
  | 'RATING_WINDOW'
  | 'LATE_APPEAL';

export type SourceStatus = 'VERIFIED' | 'VERIFIED_SECONDARY' | 'UNVERIFIED';

/** One row of the statute table. */
export interface StatuteRule {
  id: RuleId;
  /** Row number in docs/domain.md §2. */
  number: number;
  title: string;
  /** Length of the period; null where the statute sets none (or leaves it to the bureau). */
  days: number | null;
  counting: CountingRule | null;
  startsAt: string;
  stopOrExtend: string;
  /** Article of the profile's own law (2022 条例 for the national profile). */
  article: string;
  /** The matching article of the 2005 条例, for comparison. */
  article2005: string | null;
  status: SourceStatus;
  /** Whether an open hearing (听证) stops this clock. */
  pausedByHearing: boolean;
}

export const NATIONAL_2022: readonly StatuteRule[] = [
  {
    id: 'REGISTER_AND_ROUTE',
    number: 1,
    title: '登记并转送、交办或分流 (register and route)',
    days: 15,
    counting: 'CALENDAR_DAYS',
    startsAt: 'bureau receipt',
    stopOrExtend: '',
    article: '《信访工作条例》第二十二条',
    article2005: '《信访条例》第二十一条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'TIER_SPLIT',
    number: 2,
    title: '登记转送期限的分级 (tier split: national 5, province 3, city 3, county 4)',
    days: null,
    counting: 'CALENDAR_DAYS',
    startsAt: 'tier receipt',
    stopOrExtend: '',
    article: '国信发〔2014〕16号 第六条',
    article2005: null,
    status: 'VERIFIED_SECONDARY',
    pausedByHearing: false,
  },
  {
    id: 'ASSIGNMENT_REPORT',
    number: 3,
    title: '交办反馈及办结报告 (assignment feedback and completion report)',
    days: null,
    counting: 'CALENDAR_DAYS',
    startsAt: 'assignment',
    stopOrExtend: 'days set by the bureau (dueDays of the 交办); met by the 办结报告',
    article: '《信访工作条例》第二十二条第(三)项',
    article2005: '《信访条例》第二十一条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'NOTICE_DIRECT',
    number: 4,
    title: '直接受理的告知 (notice on a direct petition)',
    days: 15,
    counting: 'CALENDAR_DAYS',
    startsAt: 'unit receipt',
    stopOrExtend: 'on the spot where possible; none if name or address unclear',
    article: '《信访工作条例》第二十三条第二款',
    article2005: '《信访条例》第二十二条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'NOTICE_ROUTED',
    number: 5,
    title: '转送、交办事项的告知 (notice on a transferred or assigned item)',
    days: 15,
    counting: 'CALENDAR_DAYS',
    startsAt: 'unit receipt',
    stopOrExtend: '',
    article: '《信访工作条例》第二十三条第三款',
    article2005: '《信访条例》第二十一条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'JURISDICTION_OBJECTION',
    number: 6,
    title: '管辖异议 (jurisdiction objection)',
    days: 5,
    counting: 'WORKING_DAYS',
    startsAt: 'unit receipt',
    stopOrExtend: 'the bureau must agree',
    article: '《信访工作条例》第二十三条第三款',
    article2005: null,
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'HANDLE',
    number: 7,
    title: '办理 (handle an Art. 31(六) claim)',
    days: 60,
    counting: 'CALENDAR_DAYS',
    startsAt: 'acceptance (受理)',
    stopOrExtend: 'extension, row 8',
    article: '《信访工作条例》第三十四条',
    article2005: '《信访条例》第三十三条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'EXTENSION',
    number: 8,
    title: '延期 (extension, at most)',
    days: 30,
    counting: 'CALENDAR_DAYS',
    startsAt: 'original due date',
    stopOrExtend: 'approved by the unit head; reason told to the petitioner',
    article: '《信访工作条例》第三十四条',
    article2005: '《信访条例》第三十三条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'REQUEST_REVIEW',
    number: 9,
    title: '请求复查 (request a review)',
    days: 30,
    counting: 'CALENDAR_DAYS',
    startsAt: 'petitioner receives the written reply',
    stopOrExtend: '',
    article: '《信访工作条例》第三十五条',
    article2005: '《信访条例》第三十四条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'REVIEW_OPINION',
    number: 10,
    title: '复查意见 (review opinion, written)',
    days: 30,
    counting: 'CALENDAR_DAYS',
    startsAt: 'reviewer receives the request',
    stopOrExtend: '',
    article: '《信访工作条例》第三十五条',
    article2005: '《信访条例》第三十四条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'REQUEST_REEXAMINATION',
    number: 11,
    title: '请求复核 (request a re-review)',
    days: 30,
    counting: 'CALENDAR_DAYS',
    startsAt: 'petitioner receives the review opinion',
    stopOrExtend: '',
    article: '《信访工作条例》第三十六条',
    article2005: '《信访条例》第三十五条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'REEXAMINATION_OPINION',
    number: 12,
    title: '复核意见 (re-review opinion)',
    days: 30,
    counting: 'CALENDAR_DAYS',
    startsAt: 're-review organ receives the request',
    stopOrExtend: 'hearing time is not counted',
    article: '《信访工作条例》第三十六条第一、二款',
    article2005: '《信访条例》第三十五条',
    status: 'VERIFIED',
    pausedByHearing: true,
  },
  {
    id: 'NO_FURTHER_ACCEPTANCE',
    number: 13,
    title: '复核后同一事实和理由不再受理 (no further acceptance after re-review)',
    days: null,
    counting: null,
    startsAt: 're-review opinion',
    stopOrExtend: 'forever, by all organs',
    article: '《信访工作条例》第三十六条第三款',
    article2005: '《信访条例》第三十五条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'DUPLICATE_IN_PROGRESS',
    number: 14,
    title: '办理中向上级重复提出 (same item sent higher while in progress)',
    days: null,
    counting: null,
    startsAt: '',
    stopOrExtend: 'the higher level does not accept it',
    article: '《信访工作条例》第十九条第三款',
    article2005: '《信访条例》第十六条',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'SUPERVISION_FEEDBACK',
    number: 15,
    title: '督办意见的反馈 (feedback on supervision suggestions)',
    days: null,
    counting: null,
    startsAt: 'supervision order',
    stopOrExtend: 'no statutory limit (2005: 30 days); local practice sets one',
    article: '《信访工作条例》第四十条',
    article2005: '《信访条例》第三十六条 (30日)',
    status: 'VERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'SIMPLIFIED_HANDLING',
    number: 16,
    title: '简易办理 (simplified handling of first-time items)',
    days: 10,
    counting: 'WORKING_DAYS',
    startsAt: 'acceptance (受理)',
    stopOrExtend: '',
    article: '《信访事项简易办理办法(试行)》',
    article2005: null,
    status: 'VERIFIED_SECONDARY',
    pausedByHearing: false,
  },
  {
    id: 'RATING_WINDOW',
    number: 17,
    title: '满意度评价期限 (rating window)',
    days: null,
    counting: null,
    startsAt: 'delivery of an answer no 复查 follows (a suggestion, Art. 31 (五), an accusation at a competent unit)',
    stopOrExtend:
      "the profile's practice.ratingDays (local practice, 30 calendar days by default); then the case closes",
    article: '—',
    article2005: null,
    status: 'UNVERIFIED',
    pausedByHearing: false,
  },
  {
    id: 'LATE_APPEAL',
    number: 18,
    title: '逾期请求复查、复核不再受理 (late appeal not accepted)',
    days: null,
    counting: null,
    startsAt: '',
    stopOrExtend: 'practice; the 2022 条例 is silent',
    article: '—',
    article2005: null,
    status: 'UNVERIFIED',
    pausedByHearing: false,
  },
];
