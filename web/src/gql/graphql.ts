/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 调解协议书 / 和解协议书 (Art. 33) */
export type AgreementKind =
  | 'MEDIATION'
  | 'RECONCILIATION';

/** 建议意见/检举控告/申诉求决 */
export type Category =
  | 'ACCUSATION'
  | 'CLAIM'
  | 'SUGGESTION';

/** 信息网络/书信/电话/传真/走访 */
export type Channel =
  | 'FAX'
  | 'LETTER'
  | 'ONLINE'
  | 'PHONE'
  | 'VISIT';

export type ConveneEvaluationPanelInput = {
  /** 14 days from now by default */
  deadline?: string | null | undefined;
  /** 5 to 9 members, at least one lawyer */
  members: Array<PanelistInput>;
  /** Petitions already delivered (办结) */
  petitionIds: Array<string>;
  /** Votes a case needs for a verdict (3 by default) */
  quorum?: number | null | undefined;
  requestId?: string | null | undefined;
  title: string;
};

export type DeadlineKind =
  /** 交办's 指定办理期限 for the 办结报告, days set by the bureau (Art. 22 ¶1(三)) */
  | 'ASSIGNMENT'
  /** 告知 of a petition brought directly to its unit: 15 days from receipt (Art. 23 ¶2) */
  | 'DIRECT_NOTICE'
  /** 办理 (Art. 34) */
  | 'HANDLING'
  /** 告知 of a 转送/交办 item, 15 days from the unit's 签收 (Art. 23 ¶3) */
  | 'NOTICE'
  /** window for the unit's 异议: 5 working days from 签收 (Art. 23 ¶3); it lapses unused, closing nothing */
  | 'OBJECTION_WINDOW'
  /** window to rate (满意度评价) an answer no 复查 follows: the profile's ratingDays (local practice); then the case closes */
  | 'RATING_WINDOW'
  /** 签收 of a 转送/交办 item by its unit (local practice: receiptDays working days from routing) */
  | 'RECEIPT'
  /** 复核 opinion (Art. 36); hearings are not counted */
  | 'REEXAMINATION'
  /** window to ask for 复核 (Art. 36) */
  | 'REEXAMINATION_WINDOW'
  /** 登记转送 (Art. 22) */
  | 'REGISTRATION'
  /** 重新办理 after a DISSATISFIED third-party verdict (local practice) */
  | 'REHANDLING'
  /** 复查 opinion (Art. 35) */
  | 'REVIEW'
  /** window to ask for 复查 (Art. 35) */
  | 'REVIEW_WINDOW';

/** 不予受理 reasons */
export type DeclineReason =
  /** 复核终结: same facts and reasons after re-review (Art. 36) */
  | 'ALREADY_REEXAMINED'
  /** still in progress elsewhere (Art. 19 ¶3) */
  | 'DUPLICATE_IN_PROGRESS'
  /** 涉法涉诉: kept for petitions declined before; such letters are now forwarded to the 政法 organs by routePetition (Art. 22 ¶2), and declinePetition refuses this reason (BAD_USER_INPUT, field reason) */
  | 'LITIGATION_RELATED'
  | 'NOT_A_PETITION'
  | 'OTHER';

/** The six routes of a 申诉求决 item (Art. 31); only HEARD_AND_ANSWERED runs Arts. 34–36 */
export type HandlingRoute =
  /** (四) 行政复议、裁决、确认、许可、处罚等行政程序: guided there, the petition ends */
  | 'ADMINISTRATIVE_PROCEDURE'
  /** (二) 仲裁: guided there, the petition ends */
  | 'ARBITRATION'
  /** (五) the organ performs its duty or answers: answered PERFORMED or ANSWERED, no 60-day clock, no 复查/复核 */
  | 'DUTY_PERFORMED'
  /** (六) heard, investigated, 信访处理意见书: 60 (+≤30) days, 复查 and 复核, 调解/和解 and hearings possible */
  | 'HEARD_AND_ANSWERED'
  /** (一) 诉讼、复议、检察、公安等法律程序: guided there, the petition ends */
  | 'LEGAL_PROCEDURE'
  /** (三) 党员申诉、申请复审: guided there, the petition ends */
  | 'PARTY_APPEAL';

/** First handling, 复查, 复核 */
export type Level =
  | 'HANDLING'
  | 'REEXAMINATION'
  | 'REVIEW';

/** What a material is to the case */
export type MaterialKind =
  /** 证据材料 */
  | 'EVIDENCE'
  /** 身份证明 */
  | 'IDENTITY'
  /** 来信原件: the letter as received, scanned */
  | 'LETTER'
  /** 其他 */
  | 'OTHER'
  /** 照片 */
  | 'PHOTO';

/** What a notice is about: the petition event that caused it */
export type NotificationKind =
  /** 提级包案: a leader owns the case */
  | 'ESCALATED'
  /** the case meets a rule for 提级包案 */
  | 'ESCALATION_PROPOSED'
  /** the bureau agreed to the unit's 异议 */
  | 'OBJECTION_AGREED'
  /** the unit raised an 异议 on a 转送/交办 item */
  | 'OBJECTION_RAISED'
  /** the bureau refused the unit's 异议 */
  | 'OBJECTION_REFUSED'
  /** a statutory deadline ran out */
  | 'OVERDUE'
  /** a 督办 or 催办 (manual, or the workflow's own at a deadline's warning or at overdue) */
  | 'URGED'
  /** a 督办 left unanswered past its answer deadline */
  | 'URGE_OVERDUE';

export type PanelFilter = {
  status?: string | null | undefined;
};

export type PanelistInput = {
  kind: PanelistKind;
  memberId: string;
  name: string;
};

export type PanelistKind =
  /** 政协委员 */
  | 'CPPCC_MEMBER'
  /** 律师 */
  | 'LAWYER'
  /** 人大代表 */
  | 'NPC_DEPUTY'
  /** 党代表 */
  | 'PARTY_DEPUTY';

export type PetitionFilter = {
  category?: Category | null | undefined;
  dueBefore?: string | null | undefined;
  /** Some deadline is in its warning period (预警 given, neither met nor overdue) */
  dueSoon?: boolean | null | undefined;
  /** Escalated to a leader (提级包案) */
  escalated?: boolean | null | undefined;
  /** Proposed for 提级包案 and not escalated yet */
  escalationProposed?: boolean | null | undefined;
  overdue?: boolean | null | undefined;
  /** Some open deadline is provisional: it runs into a year whose holiday notice is not out yet */
  provisional?: boolean | null | undefined;
  receivedFrom?: string | null | undefined;
  receivedTo?: string | null | undefined;
  /** Declined as a repeat with no registrar's confirmation on record (by the rule before repeats were proposed, or by a registrar's declinePetition with a repeat reason): the list to review */
  repeatDeclinedUnconfirmed?: boolean | null | undefined;
  status?: Array<PetitionStatus> | null | undefined;
  /** Words from the summary or content */
  text?: string | null | undefined;
  unitId?: string | null | undefined;
};

export type PetitionSort =
  /** Soonest open deadline first (petitions with a running deadline only) */
  | 'DUE_ASC'
  /** Newest receipt first */
  | 'RECEIVED_DESC';

export type PetitionStatus =
  | 'ASSIGNED'
  /** ended with nothing left to ask: an appeal or rating window closed, or a claim was guided into another procedure (一)–(四) or settled by 调解/和解 */
  | 'CLOSED'
  /** 终结: same facts and reasons are not accepted again (Art. 36) */
  | 'CONCLUDED'
  /** 不予受理 */
  | 'DECLINED'
  /** 办结: the answer was delivered; the 30-day 复查 window is open, or on a path no 复查 follows (a suggestion, (五), an accusation's 反馈) the rating window (RATING_WINDOW) */
  | 'DELIVERED'
  /** 转出: forwarded to 纪检监察 (检举控告, Art. 30) or 政法 (涉法涉诉, Art. 22 ¶2), handled under their rules */
  | 'FORWARDED'
  /** 受理: the unit is handling it */
  | 'HANDLING'
  | 'REGISTERED'
  /** the 复查 opinion was delivered; the 30-day 复核 window is open */
  | 'REVIEW_DELIVERED'
  | 'TRANSFERRED'
  /** 复核 */
  | 'UNDER_REEXAMINATION'
  /** 复查 */
  | 'UNDER_REVIEW';

export type PetitionerInput = {
  address?: string | null | undefined;
  idNumber?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
};

/** The bureau and the unit are rated separately */
export type RatingTarget =
  | 'BUREAU'
  | 'UNIT';

export type RegisterPetitionInput = {
  category: Category;
  channel: Channel;
  content: string;
  /** Brought directly to this unit (Art. 23 ¶2), not through the bureau: its 15-day 告知 (DIRECT_NOTICE) runs from receipt; a unit handler registers for their own unit only */
  directUnitId?: string | null | undefined;
  petitioner: PetitionerInput;
  /** Defaults to now; a letter received days ago keeps its receipt date */
  receivedAt?: string | null | undefined;
  /** An earlier petition of the same petitioner this repeats, as the registrar decided it: declined at once when its status gives a ground (as confirmRepeat), else linked */
  repeatOf?: string | null | undefined;
  requestId?: string | null | undefined;
  respondentUnitId?: string | null | undefined;
  summary: string;
};

/** Why matching proposed an earlier petition as a repeat: a fact the two share */
export type RepeatReason =
  | 'SAME_CATEGORY'
  /** the same ID number */
  | 'SAME_ID_NUMBER'
  /** no ID number, no phone: the same name only */
  | 'SAME_NAME'
  /** no ID number: the same name and phone */
  | 'SAME_NAME_AND_PHONE'
  | 'SAME_RESPONDENT_UNIT'
  /** the summaries share most of their characters */
  | 'SIMILAR_SUMMARY';

/** The answer's outcome; which path may give which: docs/paths.md */
export type ReplyOutcome =
  /** 采纳 (a suggestion, Art. 29) */
  | 'ADOPTED'
  /** 答复 (Art. 31 (五)) or an accusation's 反馈 at a competent unit (Art. 30) */
  | 'ANSWERED'
  /** 解释说明 */
  | 'EXPLAIN'
  /** 未采纳 */
  | 'NOT_ADOPTED'
  /** 不予支持 */
  | 'NOT_SUPPORT'
  /** 部分采纳 */
  | 'PARTLY_ADOPTED'
  /** 依法履行 (Art. 31 (五)) */
  | 'PERFORMED'
  /** 支持 (Art. 32; Art. 31 (六), 复查, 复核) */
  | 'SUPPORT';

/** What shows when the petitioner made a 复查/复核 request */
export type RequestedVia =
  /** made at the office (走访), at that moment */
  | 'IN_PERSON'
  /** the online system's submission time */
  | 'ONLINE'
  /** another record (a fax's transmission report, a phone log) */
  | 'OTHER'
  /** the postmark on the letter: the day it was posted */
  | 'POSTMARK';

export type Role =
  | 'ADMIN'
  | 'LEADER'
  | 'REGISTRAR'
  | 'REVIEWER'
  | 'SUPERVISOR'
  | 'TESTER'
  | 'UNIT_HANDLER'
  | 'UNIT_HEAD';

export type Rounding =
  /** 95.375 → 95.38 */
  | 'HALF_UP'
  /** 95.379 → 95.37 (how some bureaus publish) */
  | 'TRUNCATE';

/** 转送 / 交办 */
export type RouteMode =
  | 'ASSIGN'
  | 'TRANSFER';

export type SatisfactionLevel =
  | 'BASICALLY_SATISFIED'
  | 'DISSATISFIED'
  | 'SATISFIED';

export type StatisticsFilter = {
  /** Start of the period (inclusive) */
  from: string;
  /** 一次性化解率: a later petition of the same petitioner on the same matter within this many days undoes it */
  repeatWindowDays?: number | null | undefined;
  rounding?: Rounding | null | undefined;
  /** End of the period (exclusive) */
  to: string;
  /** One unit's figures; unit roles always get their own unit's */
  unitId?: string | null | undefined;
};

export type UrgeKind =
  /** 督办 by a supervisor */
  | 'MANUAL'
  /** 催办: automatic, at a deadline's warning; needs no answer */
  | 'REMINDER'
  /** 督办: automatic, at overdue */
  | 'SUPERVISION';

export type Verdict =
  | 'BASICALLY_SATISFIED'
  | 'DISSATISFIED'
  | 'SATISFIED';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, role: Role, unitId: string | null, memberId: string | null } | null };

export type AttachMaterialMutationVariables = Exact<{
  id: string;
  file: File;
  kind?: MaterialKind | null | undefined;
  requestId?: string | null | undefined;
}>;


export type AttachMaterialMutation = { attachMaterial: { id: string } };

export type CaseQueryVariables = Exact<{
  id: string;
}>;


export type CaseQuery = { petition: { id: string, status: PetitionStatus, summary: string, content: string, category: Category, channel: Channel, receivedAt: string, registeredAt: string, acceptedAt: string | null, closedAt: string | null, overdue: boolean, dueSoon: boolean, direct: boolean, routeMode: RouteMode | null, handlingRoute: HandlingRoute | null, isRepeat: boolean, repeatOf: string | null, escalationProposed: boolean, unit: { id: string, name: string } | null, reviewUnit: { id: string, name: string } | null, path: { id: string, article: string, outcomes: Array<ReplyOutcome>, appeals: boolean, agreement: boolean }, petitioner: { name: string, idNumber: string | null, phone: string | null, address: string | null, masked: boolean }, possibleRepeats: Array<{ petitionId: string, status: PetitionStatus, reasons: Array<RepeatReason> }>, extension: { daysGranted: number, maxDays: number, requests: Array<{ days: number, reason: string, requestedAt: string, approved: boolean | null }> }, hearings: Array<{ level: Level, startedAt: string, endedAt: string | null }>, reply: { level: Level, unitId: string, outcome: ReplyOutcome, text: string, basis: string | null, issuedAt: string, deliveredAt: string } | null, urges: Array<{ id: string, kind: UrgeKind, message: string, issuedAt: string, dueAt: string | null, answeredAt: string | null, answer: string | null }>, escalation: { leaderId: string, reason: string, at: string, instructions: Array<{ text: string, at: string }> } | null, deadlines: Array<{ kind: DeadlineKind, article: string, startedAt: string, dueAt: string | null, lastDay: string | null, met: boolean, overdue: boolean, paused: boolean }>, materials: Array<{ hash: string, size: number, mediaType: string, name: string, kind: MaterialKind, note: string | null, uploadedAt: string, uploadedBy: { id: string, role: string } }>, timeline: Array<{ seq: number, type: string, at: string, note: string | null, actor: { id: string, role: string } | null }> } | null };

export type UrgeMutationVariables = Exact<{
  id: string;
  message: string;
  respondWithinDays?: number | null | undefined;
  requestId?: string | null | undefined;
}>;


export type UrgeMutation = { urge: { id: string } };

export type EscalateMutationVariables = Exact<{
  id: string;
  leaderId: string;
  reason: string;
  requestId?: string | null | undefined;
}>;


export type EscalateMutation = { escalate: { id: string } };

export type InstructMutationVariables = Exact<{
  id: string;
  text: string;
  requestId?: string | null | undefined;
}>;


export type InstructMutation = { instruct: { id: string } };

export type AcceptPetitionMutationVariables = Exact<{
  id: string;
  unitId?: string | null | undefined;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type AcceptPetitionMutation = { acceptPetition: { id: string, status: PetitionStatus } };

export type RoutePetitionMutationVariables = Exact<{
  id: string;
  unitId: string;
  mode: RouteMode;
  note?: string | null | undefined;
  dueDays?: number | null | undefined;
  requestId?: string | null | undefined;
}>;


export type RoutePetitionMutation = { routePetition: { id: string, status: PetitionStatus } };

export type DeclinePetitionMutationVariables = Exact<{
  id: string;
  reason: DeclineReason;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type DeclinePetitionMutation = { declinePetition: { id: string, status: PetitionStatus } };

export type ConfirmRepeatMutationVariables = Exact<{
  id: string;
  repeatOf: string;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type ConfirmRepeatMutation = { confirmRepeat: { id: string, status: PetitionStatus } };

export type DismissRepeatMutationVariables = Exact<{
  id: string;
  candidateId: string;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type DismissRepeatMutation = { dismissRepeat: { id: string, status: PetitionStatus } };

export type DecideObjectionMutationVariables = Exact<{
  id: string;
  agree: boolean;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type DecideObjectionMutation = { decideObjection: { id: string, status: PetitionStatus } };

export type RecordSatisfactionMutationVariables = Exact<{
  id: string;
  level: SatisfactionLevel;
  target?: RatingTarget | null | undefined;
  requestId?: string | null | undefined;
}>;


export type RecordSatisfactionMutation = { recordSatisfaction: { id: string, status: PetitionStatus } };

export type RequestReviewMutationVariables = Exact<{
  id: string;
  reason?: string | null | undefined;
  reviewUnitId?: string | null | undefined;
  requestedAt?: string | null | undefined;
  requestedVia?: RequestedVia | null | undefined;
  requestId?: string | null | undefined;
}>;


export type RequestReviewMutation = { requestReview: { id: string, status: PetitionStatus } };

export type SignForReceiptMutationVariables = Exact<{
  id: string;
  requestId?: string | null | undefined;
}>;


export type SignForReceiptMutation = { signForReceipt: { id: string } };

export type RaiseObjectionMutationVariables = Exact<{
  id: string;
  reason: string;
  requestId?: string | null | undefined;
}>;


export type RaiseObjectionMutation = { raiseObjection: { id: string } };

export type ChooseRouteMutationVariables = Exact<{
  id: string;
  route: HandlingRoute;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type ChooseRouteMutation = { chooseRoute: { id: string } };

export type ReplyPetitionMutationVariables = Exact<{
  id: string;
  outcome: ReplyOutcome;
  text: string;
  basis?: string | null | undefined;
  deliveredAt?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type ReplyPetitionMutation = { replyPetition: { id: string } };

export type RequestExtensionMutationVariables = Exact<{
  id: string;
  days: number;
  reason: string;
  requestId?: string | null | undefined;
}>;


export type RequestExtensionMutation = { requestExtension: { id: string } };

export type DecideExtensionMutationVariables = Exact<{
  id: string;
  approve: boolean;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type DecideExtensionMutation = { decideExtension: { id: string } };

export type StartHearingMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type StartHearingMutation = { startHearing: { id: string } };

export type EndHearingMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type EndHearingMutation = { endHearing: { id: string } };

export type AnswerUrgeMutationVariables = Exact<{
  id: string;
  urgeId: string;
  text: string;
  requestId?: string | null | undefined;
}>;


export type AnswerUrgeMutation = { answerUrge: { id: string } };

export type RecordAgreementMutationVariables = Exact<{
  id: string;
  kind: AgreementKind;
  text: string;
  requestId?: string | null | undefined;
}>;


export type RecordAgreementMutation = { recordAgreement: { id: string } };

export type SubmitAssignmentReportMutationVariables = Exact<{
  id: string;
  text: string;
  requestId?: string | null | undefined;
}>;


export type SubmitAssignmentReportMutation = { submitAssignmentReport: { id: string } };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { units: Array<{ id: string, name: string, kind: string, parentId: string | null }> };

export type NotificationFieldsFragment = { id: string, petitionId: string, kind: NotificationKind, message: string, at: string, read: boolean };

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { notifications: { unreadCount: number, edges: Array<{ node: { id: string, petitionId: string, kind: NotificationKind, message: string, at: string, read: boolean } }> } };

export type NotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, petitionId: string, kind: NotificationKind, message: string, at: string, read: boolean } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadCount: number } };

export type BoardQueryVariables = Exact<{
  filter?: PetitionFilter | null | undefined;
  after?: string | null | undefined;
  sort?: PetitionSort | null | undefined;
}>;


export type BoardQuery = { petitions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: PetitionStatus, summary: string, dueAt: string | null, overdue: boolean, dueSoon: boolean, escalationProposed: boolean, unit: { name: string } | null, urges: Array<{ id: string, answeredAt: string | null, kind: UrgeKind }>, escalation: { leaderId: string, at: string } | null } }> } };

export type RecordEvaluationMutationVariables = Exact<{
  panelId: string;
  petitionId: string;
  verdict: Verdict;
  comment?: string | null | undefined;
  requestId?: string | null | undefined;
}>;


export type RecordEvaluationMutation = { recordEvaluation: { id: string } };

export type RecordAttendanceMutationVariables = Exact<{
  panelId: string;
  memberIds: Array<string> | string;
  requestId?: string | null | undefined;
}>;


export type RecordAttendanceMutation = { recordAttendance: { id: string } };

export type RegisterPetitionMutationVariables = Exact<{
  input: RegisterPetitionInput;
}>;


export type RegisterPetitionMutation = { registerPetition: { id: string, status: PetitionStatus, possibleRepeats: Array<{ petitionId: string }> } };

export type ReplayHistoryMutationVariables = Exact<{
  history: unknown;
}>;


export type ReplayHistoryMutation = { replayHistory: { ok: boolean, runId: string, events: number } };

export type TodoListQueryVariables = Exact<{
  filter?: PetitionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TodoListQuery = { petitions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, highlight: string | null, node: { id: string, status: PetitionStatus, summary: string, category: Category, receivedAt: string, dueAt: string | null, overdue: boolean, dueSoon: boolean, unit: { id: string, name: string } | null } }> } };

export type ConveneEvaluationPanelMutationVariables = Exact<{
  input: ConveneEvaluationPanelInput;
}>;


export type ConveneEvaluationPanelMutation = { conveneEvaluationPanel: { id: string } };

export type PanelsQueryVariables = Exact<{
  filter?: PanelFilter | null | undefined;
}>;


export type PanelsQuery = { panels: Array<{ id: string, title: string, status: string, quorum: number, convenedAt: string, deadlineAt: string, closedAt: string | null, members: Array<{ memberId: string }>, cases: Array<{ votes: number }> }> };

export type PanelQueryVariables = Exact<{
  id: string;
}>;


export type PanelQuery = { panel: { id: string, title: string, status: string, quorum: number, convenedAt: string, deadlineAt: string, closedAt: string | null, members: Array<{ memberId: string, name: string, kind: PanelistKind, attended: boolean, voted: boolean }>, cases: Array<{ verdict: Verdict | null, votes: number, petition: { id: string, summary: string, status: PetitionStatus, reply: { outcome: ReplyOutcome, text: string } | null } | null }>, evaluations: Array<{ memberId: string, petitionId: string, verdict: Verdict, comment: string | null, at: string }> } | null };

export type StatisticsFiguresQueryVariables = Exact<{
  filter: StatisticsFilter;
}>;


export type StatisticsFiguresQuery = { statistics: { from: string, to: string, unitId: string | null, rounding: Rounding, registered: number, delivered: number, overdueNow: number, urgesIssued: number, urgesOverdue: number, panelsHeld: number, panelAttendances: number, evaluationSatisfactionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, completionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, receivedCompletionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, notAccepted: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, onTimeCompletionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, unitSatisfactionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, bureauSatisfactionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, ratingParticipationRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, firstTimeResolutionRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, repeatRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, timelyNoticeRate: { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string }, ratingExclusions: Array<{ id: string, description: string, source: string, excluded: number }> } };

export type RatioFieldsFragment = { numerator: number, denominator: number, value: number | null, percent: string | null, definition: string };

export type StatisticsBriefQueryVariables = Exact<{
  filter: StatisticsFilter;
}>;


export type StatisticsBriefQuery = { statistics: { registered: number, delivered: number, overdueNow: number, completionRate: { percent: string | null, value: number | null }, onTimeCompletionRate: { percent: string | null, value: number | null }, unitSatisfactionRate: { percent: string | null, value: number | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  petitionId
  kind
  message
  at
  read
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const RatioFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatioFields on Ratio {
  numerator
  denominator
  value
  percent
  definition
}
    `, {"fragmentName":"RatioFields"}) as unknown as TypedDocumentString<RatioFieldsFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    role
    unitId
    memberId
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AttachMaterialDocument = new TypedDocumentString(`
    mutation AttachMaterial($id: ID!, $file: File!, $kind: MaterialKind, $requestId: String) {
  attachMaterial(id: $id, file: $file, kind: $kind, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<AttachMaterialMutation, AttachMaterialMutationVariables>;
export const CaseDocument = new TypedDocumentString(`
    query Case($id: ID!) {
  petition(id: $id) {
    id
    status
    summary
    content
    category
    channel
    receivedAt
    registeredAt
    acceptedAt
    closedAt
    overdue
    dueSoon
    direct
    routeMode
    handlingRoute
    isRepeat
    repeatOf
    escalationProposed
    unit {
      id
      name
    }
    reviewUnit {
      id
      name
    }
    path {
      id
      article
      outcomes
      appeals
      agreement
    }
    petitioner {
      name
      idNumber
      phone
      address
      masked
    }
    possibleRepeats {
      petitionId
      status
      reasons
    }
    extension {
      daysGranted
      maxDays
      requests {
        days
        reason
        requestedAt
        approved
      }
    }
    hearings {
      level
      startedAt
      endedAt
    }
    reply {
      level
      unitId
      outcome
      text
      basis
      issuedAt
      deliveredAt
    }
    urges {
      id
      kind
      message
      issuedAt
      dueAt
      answeredAt
      answer
    }
    escalation {
      leaderId
      reason
      at
      instructions {
        text
        at
      }
    }
    deadlines {
      kind
      article
      startedAt
      dueAt
      lastDay
      met
      overdue
      paused
    }
    materials {
      hash
      size
      mediaType
      name
      kind
      note
      uploadedAt
      uploadedBy {
        id
        role
      }
    }
    timeline {
      seq
      type
      at
      note
      actor {
        id
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseQuery, CaseQueryVariables>;
export const UrgeDocument = new TypedDocumentString(`
    mutation Urge($id: ID!, $message: String!, $respondWithinDays: Int, $requestId: String) {
  urge(
    id: $id
    message: $message
    respondWithinDays: $respondWithinDays
    requestId: $requestId
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<UrgeMutation, UrgeMutationVariables>;
export const EscalateDocument = new TypedDocumentString(`
    mutation Escalate($id: ID!, $leaderId: ID!, $reason: String!, $requestId: String) {
  escalate(id: $id, leaderId: $leaderId, reason: $reason, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<EscalateMutation, EscalateMutationVariables>;
export const InstructDocument = new TypedDocumentString(`
    mutation Instruct($id: ID!, $text: String!, $requestId: String) {
  instruct(id: $id, text: $text, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<InstructMutation, InstructMutationVariables>;
export const AcceptPetitionDocument = new TypedDocumentString(`
    mutation AcceptPetition($id: ID!, $unitId: String, $note: String, $requestId: String) {
  acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AcceptPetitionMutation, AcceptPetitionMutationVariables>;
export const RoutePetitionDocument = new TypedDocumentString(`
    mutation RoutePetition($id: ID!, $unitId: String!, $mode: RouteMode!, $note: String, $dueDays: Int, $requestId: String) {
  routePetition(
    id: $id
    unitId: $unitId
    mode: $mode
    note: $note
    dueDays: $dueDays
    requestId: $requestId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RoutePetitionMutation, RoutePetitionMutationVariables>;
export const DeclinePetitionDocument = new TypedDocumentString(`
    mutation DeclinePetition($id: ID!, $reason: DeclineReason!, $note: String, $requestId: String) {
  declinePetition(id: $id, reason: $reason, note: $note, requestId: $requestId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DeclinePetitionMutation, DeclinePetitionMutationVariables>;
export const ConfirmRepeatDocument = new TypedDocumentString(`
    mutation ConfirmRepeat($id: ID!, $repeatOf: ID!, $note: String, $requestId: String) {
  confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note, requestId: $requestId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmRepeatMutation, ConfirmRepeatMutationVariables>;
export const DismissRepeatDocument = new TypedDocumentString(`
    mutation DismissRepeat($id: ID!, $candidateId: ID!, $note: String, $requestId: String) {
  dismissRepeat(
    id: $id
    candidateId: $candidateId
    note: $note
    requestId: $requestId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DismissRepeatMutation, DismissRepeatMutationVariables>;
export const DecideObjectionDocument = new TypedDocumentString(`
    mutation DecideObjection($id: ID!, $agree: Boolean!, $note: String, $requestId: String) {
  decideObjection(id: $id, agree: $agree, note: $note, requestId: $requestId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideObjectionMutation, DecideObjectionMutationVariables>;
export const RecordSatisfactionDocument = new TypedDocumentString(`
    mutation RecordSatisfaction($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget, $requestId: String) {
  recordSatisfaction(
    id: $id
    level: $level
    target: $target
    requestId: $requestId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RecordSatisfactionMutation, RecordSatisfactionMutationVariables>;
export const RequestReviewDocument = new TypedDocumentString(`
    mutation RequestReview($id: ID!, $reason: String, $reviewUnitId: String, $requestedAt: DateTime, $requestedVia: RequestedVia, $requestId: String) {
  requestReview(
    id: $id
    reason: $reason
    reviewUnitId: $reviewUnitId
    requestedAt: $requestedAt
    requestedVia: $requestedVia
    requestId: $requestId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestReviewMutation, RequestReviewMutationVariables>;
export const SignForReceiptDocument = new TypedDocumentString(`
    mutation SignForReceipt($id: ID!, $requestId: String) {
  signForReceipt(id: $id, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<SignForReceiptMutation, SignForReceiptMutationVariables>;
export const RaiseObjectionDocument = new TypedDocumentString(`
    mutation RaiseObjection($id: ID!, $reason: String!, $requestId: String) {
  raiseObjection(id: $id, reason: $reason, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RaiseObjectionMutation, RaiseObjectionMutationVariables>;
export const ChooseRouteDocument = new TypedDocumentString(`
    mutation ChooseRoute($id: ID!, $route: HandlingRoute!, $note: String, $requestId: String) {
  chooseRoute(id: $id, route: $route, note: $note, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChooseRouteMutation, ChooseRouteMutationVariables>;
export const ReplyPetitionDocument = new TypedDocumentString(`
    mutation ReplyPetition($id: ID!, $outcome: ReplyOutcome!, $text: String!, $basis: String, $deliveredAt: DateTime, $requestId: String) {
  replyPetition(
    id: $id
    outcome: $outcome
    text: $text
    basis: $basis
    deliveredAt: $deliveredAt
    requestId: $requestId
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReplyPetitionMutation, ReplyPetitionMutationVariables>;
export const RequestExtensionDocument = new TypedDocumentString(`
    mutation RequestExtension($id: ID!, $days: Int!, $reason: String!, $requestId: String) {
  requestExtension(id: $id, days: $days, reason: $reason, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestExtensionMutation, RequestExtensionMutationVariables>;
export const DecideExtensionDocument = new TypedDocumentString(`
    mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $requestId: String) {
  decideExtension(id: $id, approve: $approve, note: $note, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<DecideExtensionMutation, DecideExtensionMutationVariables>;
export const StartHearingDocument = new TypedDocumentString(`
    mutation StartHearing($id: ID!, $note: String, $requestId: String) {
  startHearing(id: $id, note: $note, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartHearingMutation, StartHearingMutationVariables>;
export const EndHearingDocument = new TypedDocumentString(`
    mutation EndHearing($id: ID!, $note: String, $requestId: String) {
  endHearing(id: $id, note: $note, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<EndHearingMutation, EndHearingMutationVariables>;
export const AnswerUrgeDocument = new TypedDocumentString(`
    mutation AnswerUrge($id: ID!, $urgeId: ID!, $text: String!, $requestId: String) {
  answerUrge(id: $id, urgeId: $urgeId, text: $text, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<AnswerUrgeMutation, AnswerUrgeMutationVariables>;
export const RecordAgreementDocument = new TypedDocumentString(`
    mutation RecordAgreement($id: ID!, $kind: AgreementKind!, $text: String!, $requestId: String) {
  recordAgreement(id: $id, kind: $kind, text: $text, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordAgreementMutation, RecordAgreementMutationVariables>;
export const SubmitAssignmentReportDocument = new TypedDocumentString(`
    mutation SubmitAssignmentReport($id: ID!, $text: String!, $requestId: String) {
  submitAssignmentReport(id: $id, text: $text, requestId: $requestId) {
    id
  }
}
    `) as unknown as TypedDocumentString<SubmitAssignmentReportMutation, SubmitAssignmentReportMutationVariables>;
export const UnitsDocument = new TypedDocumentString(`
    query Units {
  units {
    id
    name
    kind
    parentId
  }
}
    `) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;
export const UnreadNotificationsDocument = new TypedDocumentString(`
    query UnreadNotifications {
  notifications(unread: true, first: 20) {
    unreadCount
    edges {
      node {
        ...NotificationFields
      }
    }
  }
}
    fragment NotificationFields on Notification {
  id
  petitionId
  kind
  message
  at
  read
}`) as unknown as TypedDocumentString<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  petitionId
  kind
  message
  at
  read
}`) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids) {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const BoardDocument = new TypedDocumentString(`
    query Board($filter: PetitionFilter, $after: String, $sort: PetitionSort) {
  petitions(filter: $filter, first: 50, after: $after, sort: $sort) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        status
        summary
        dueAt
        overdue
        dueSoon
        escalationProposed
        unit {
          name
        }
        urges {
          id
          answeredAt
          kind
        }
        escalation {
          leaderId
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BoardQuery, BoardQueryVariables>;
export const RecordEvaluationDocument = new TypedDocumentString(`
    mutation RecordEvaluation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {
  recordEvaluation(
    panelId: $panelId
    petitionId: $petitionId
    verdict: $verdict
    comment: $comment
    requestId: $requestId
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordEvaluationMutation, RecordEvaluationMutationVariables>;
export const RecordAttendanceDocument = new TypedDocumentString(`
    mutation RecordAttendance($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {
  recordAttendance(
    panelId: $panelId
    memberIds: $memberIds
    requestId: $requestId
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const RegisterPetitionDocument = new TypedDocumentString(`
    mutation RegisterPetition($input: RegisterPetitionInput!) {
  registerPetition(input: $input) {
    id
    status
    possibleRepeats {
      petitionId
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterPetitionMutation, RegisterPetitionMutationVariables>;
export const ReplayHistoryDocument = new TypedDocumentString(`
    mutation ReplayHistory($history: JSON!) {
  replayHistory(history: $history) {
    ok
    runId
    events
  }
}
    `) as unknown as TypedDocumentString<ReplayHistoryMutation, ReplayHistoryMutationVariables>;
export const TodoListDocument = new TypedDocumentString(`
    query TodoList($filter: PetitionFilter, $first: Int, $after: String) {
  petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      highlight
      node {
        id
        status
        summary
        category
        receivedAt
        dueAt
        overdue
        dueSoon
        unit {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TodoListQuery, TodoListQueryVariables>;
export const ConveneEvaluationPanelDocument = new TypedDocumentString(`
    mutation ConveneEvaluationPanel($input: ConveneEvaluationPanelInput!) {
  conveneEvaluationPanel(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConveneEvaluationPanelMutation, ConveneEvaluationPanelMutationVariables>;
export const PanelsDocument = new TypedDocumentString(`
    query Panels($filter: PanelFilter) {
  panels(filter: $filter, first: 100) {
    id
    title
    status
    quorum
    convenedAt
    deadlineAt
    closedAt
    members {
      memberId
    }
    cases {
      votes
    }
  }
}
    `) as unknown as TypedDocumentString<PanelsQuery, PanelsQueryVariables>;
export const PanelDocument = new TypedDocumentString(`
    query Panel($id: ID!) {
  panel(id: $id) {
    id
    title
    status
    quorum
    convenedAt
    deadlineAt
    closedAt
    members {
      memberId
      name
      kind
      attended
      voted
    }
    cases {
      verdict
      votes
      petition {
        id
        summary
        status
        reply {
          outcome
          text
        }
      }
    }
    evaluations {
      memberId
      petitionId
      verdict
      comment
      at
    }
  }
}
    `) as unknown as TypedDocumentString<PanelQuery, PanelQueryVariables>;
export const StatisticsFiguresDocument = new TypedDocumentString(`
    query StatisticsFigures($filter: StatisticsFilter!) {
  statistics(filter: $filter) {
    from
    to
    unitId
    rounding
    registered
    delivered
    overdueNow
    urgesIssued
    urgesOverdue
    panelsHeld
    panelAttendances
    evaluationSatisfactionRate {
      ...RatioFields
    }
    completionRate {
      ...RatioFields
    }
    receivedCompletionRate {
      ...RatioFields
    }
    notAccepted {
      ...RatioFields
    }
    onTimeCompletionRate {
      ...RatioFields
    }
    unitSatisfactionRate {
      ...RatioFields
    }
    bureauSatisfactionRate {
      ...RatioFields
    }
    ratingParticipationRate {
      ...RatioFields
    }
    firstTimeResolutionRate {
      ...RatioFields
    }
    repeatRate {
      ...RatioFields
    }
    timelyNoticeRate {
      ...RatioFields
    }
    ratingExclusions {
      id
      description
      source
      excluded
    }
  }
}
    fragment RatioFields on Ratio {
  numerator
  denominator
  value
  percent
  definition
}`) as unknown as TypedDocumentString<StatisticsFiguresQuery, StatisticsFiguresQueryVariables>;
export const StatisticsBriefDocument = new TypedDocumentString(`
    query StatisticsBrief($filter: StatisticsFilter!) {
  statistics(filter: $filter) {
    registered
    delivered
    overdueNow
    completionRate {
      percent
      value
    }
    onTimeCompletionRate {
      percent
      value
    }
    unitSatisfactionRate {
      percent
      value
    }
  }
}
    `) as unknown as TypedDocumentString<StatisticsBriefQuery, StatisticsBriefQueryVariables>;