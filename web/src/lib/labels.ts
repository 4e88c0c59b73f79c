/** Chinese names of the schema's closed value sets (状态, 类别, 渠道, 期限), as docs/domain.md names them. */
import type { Category, Channel, DeadlineKind, PetitionStatus } from '../gql/graphql';

export const STATUS_LABELS: Record<PetitionStatus, string> = {
  REGISTERED: '已登记',
  TRANSFERRED: '已转送',
  ASSIGNED: '已交办',
  HANDLING: '办理中',
  DELIVERED: '已办结',
  UNDER_REVIEW: '复查中',
  REVIEW_DELIVERED: '复查已答复',
  UNDER_REEXAMINATION: '复核中',
  CONCLUDED: '已终结',
  CLOSED: '已结案',
  DECLINED: '不予受理',
  FORWARDED: '已转出',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  SUGGESTION: '建议意见',
  ACCUSATION: '检举控告',
  CLAIM: '申诉求决',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  ONLINE: '信息网络',
  LETTER: '书信',
  PHONE: '电话',
  FAX: '传真',
  VISIT: '走访',
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  REGISTRATION: '登记转送',
  NOTICE: '告知',
  DIRECT_NOTICE: '直接告知',
  HANDLING: '办理',
  REVIEW_WINDOW: '复查申请期',
  REVIEW: '复查',
  REEXAMINATION_WINDOW: '复核申请期',
  REEXAMINATION: '复核',
  REHANDLING: '重新办理',
  RECEIPT: '签收',
  RATING_WINDOW: '评价期',
  OBJECTION_WINDOW: '异议期',
  ASSIGNMENT: '交办办结',
};

/** A DateTime of the API (already in Asia/Shanghai) as 2026-03-01 09:30. */
export function shortTime(value: string | null | undefined): string {
  return value ? value.slice(0, 16).replace('T', ' ') : '—';
}
