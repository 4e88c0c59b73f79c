/**
 * Words the Temporal UI shows of a petition without decoding its payloads: its category, its
 * channel and what it waits for, from its status and clock. Nothing here may carry a petitioner's name, ID number,
 * phone, address or what they wrote: only enums, the petition id and dates.
 */
import { formatShanghai } from '../calendar';
import type { Category, Channel, PetitionStatus } from './state';

export const CATEGORY_WORDS: Readonly<Record<Category, string>> = {
  SUGGESTION: '建议意见',
  ACCUSATION: '检举控告',
  CLAIM: '申诉求决',
};

export const CHANNEL_WORDS: Readonly<Record<Channel, string>> = {
  ONLINE: '信息网络',
  LETTER: '书信',
  PHONE: '电话',
  FAX: '传真',
  VISIT: '走访',
};

const WAITING_WORDS: Readonly<Record<PetitionStatus, string>> = {
  REGISTERED: '登记，等待转送、交办或不予受理',
  TRANSFERRED: '已转送，等待有权处理的单位签收、受理',
  ASSIGNED: '已交办，等待承办单位签收、受理',
  HANDLING: '办理中，等待办理意见',
  DELIVERED: '已办结，复查申请期内',
  UNDER_REVIEW: '复查中，等待复查意见',
  REVIEW_DELIVERED: '复查意见已送达，复核申请期内',
  UNDER_REEXAMINATION: '复核中，等待复核意见',
  CONCLUDED: '终结 (复核意见已送达)',
  CLOSED: '已结束',
  DECLINED: '不予受理',
  FORWARDED: '已转出 (纪检监察或政法机关)',
};

/** The workflow's current details: `信访事项 XF-… · 申诉求决 · 办理中，等待办理意见 · 期限 2026-…+08:00`. */
export function currentDetailsOf(
  facts: { petitionId: string; category: Category; status: PetitionStatus },
  dueAt: number | null,
  overdue: boolean,
): string {
  const due = dueAt === null ? '' : ` · 期限 ${formatShanghai(dueAt)}${overdue ? ' (已逾期)' : ''}`;
  return `信访事项 ${facts.petitionId} · ${CATEGORY_WORDS[facts.category]} · ${WAITING_WORDS[facts.status]}${due}`;
}
