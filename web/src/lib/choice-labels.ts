/** Chinese names of the value sets the action forms choose from (docs/domain.md, docs/paths.md). */
import type {
  AgreementKind,
  DeclineReason,
  HandlingRoute,
  PanelistKind,
  RatingTarget,
  ReplyOutcome,
  RequestedVia,
  RouteMode,
  SatisfactionLevel,
  Verdict,
} from '../gql/graphql';

export const OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  SUPPORT: '支持',
  EXPLAIN: '解释说明',
  NOT_SUPPORT: '不予支持',
  ADOPTED: '采纳',
  PARTLY_ADOPTED: '部分采纳',
  NOT_ADOPTED: '未采纳',
  PERFORMED: '依法履行',
  ANSWERED: '答复',
};

export const DECLINE_LABELS: Record<DeclineReason, string> = {
  LITIGATION_RELATED: '涉法涉诉（已改为转出政法机关）',
  ALREADY_REEXAMINED: '复核终结，同一事实和理由',
  DUPLICATE_IN_PROGRESS: '正在办理中的重复信访',
  NOT_A_PETITION: '不属于信访事项',
  OTHER: '其他',
};

export const ROUTE_MODE_LABELS: Record<RouteMode, string> = { TRANSFER: '转送', ASSIGN: '交办' };

export const HANDLING_ROUTE_LABELS: Record<HandlingRoute, string> = {
  LEGAL_PROCEDURE: '（一）诉讼、复议、检察、公安等法律程序',
  ARBITRATION: '（二）仲裁',
  PARTY_APPEAL: '（三）党员申诉、申请复审',
  ADMINISTRATIVE_PROCEDURE: '（四）行政复议、裁决等行政程序',
  DUTY_PERFORMED: '（五）依法履行职责或答复',
  HEARD_AND_ANSWERED: '（六）听取意见、调查核实、出具意见书',
};

export const SATISFACTION_LABELS: Record<SatisfactionLevel, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

export const VERDICT_LABELS: Record<Verdict, string> = SATISFACTION_LABELS;

export const RATING_TARGET_LABELS: Record<RatingTarget, string> = { UNIT: '责任单位', BUREAU: '信访部门' };

export const REQUESTED_VIA_LABELS: Record<RequestedVia, string> = {
  POSTMARK: '邮戳日期',
  ONLINE: '网上提交时间',
  IN_PERSON: '当面提出',
  OTHER: '其他记录',
};

export const AGREEMENT_LABELS: Record<AgreementKind, string> = {
  MEDIATION: '调解协议书',
  RECONCILIATION: '和解协议书',
};

export const PANELIST_LABELS: Record<PanelistKind, string> = {
  NPC_DEPUTY: '人大代表',
  CPPCC_MEMBER: '政协委员',
  PARTY_DEPUTY: '党代表',
  LAWYER: '律师',
};

/** A labels table as Select options, in its own order. */
export function choices<T extends string>(labels: Record<T, string>, only?: readonly T[]) {
  return (Object.keys(labels) as T[])
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, label: labels[value] }));
}
