/**
 * The petition (信访事项) as its workflow keeps it: the facts registered, the clocks running, what each party did.
 * Plain data, so it crosses Temporal (workflow input, update results, queries) and the read model as JSON.
 */
import type { HolidayCalendar } from '../calendar';
import type { Verdict } from '../evaluation';
import type { PausableClock } from '../pausable-deadline';
import type { SatisfactionLevel } from '../satisfaction';
import type { JurisdictionProfile, RuleId } from '../statute';
import type { Appeal, Opinion } from './appeal-records';
import type { Material } from './materials';
import type { AgreementKind, ForwardingOrgan, HandlingRoute } from './paths';
import type { PossibleRepeat, RepeatOf } from './repeat-records';
import type { Escalation, Urge } from './supervision-records';
import type { UnitRouting } from './unit-routing';

export { REQUESTED_VIA, type Appeal, type Opinion, type RequestedVia } from './appeal-records';
export type { AssignmentReport, Objection, UnitRouting } from './unit-routing';
export { URGE_KINDS, type Escalation, type Urge } from './supervision-records';
export { REPEAT_REASONS, type PossibleRepeat, type RepeatOf, type RepeatReason } from './repeat-records';

export type { SatisfactionLevel } from '../satisfaction';

/** 信息网络/书信/电话/传真/走访 (Art. 17). */
export const CHANNELS = ['ONLINE', 'LETTER', 'PHONE', 'FAX', 'VISIT'] as const;
export type Channel = (typeof CHANNELS)[number];
/** 建议意见/检举控告/申诉求决 (Arts. 29–31). */
export const CATEGORIES = ['SUGGESTION', 'ACCUSATION', 'CLAIM'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PETITION_STATUSES = [
  'REGISTERED',
  'TRANSFERRED',
  'ASSIGNED',
  // 受理, the unit is handling it.
  'HANDLING',
  // 办结: the answer was delivered; the 复查 window is open (or, where no 复查 follows, the rating window).
  'DELIVERED',
  // 复查
  'UNDER_REVIEW',
  // The 复查 opinion was delivered; the 复核 window is open.
  'REVIEW_DELIVERED',
  // 复核
  'UNDER_REEXAMINATION',
  // 终结: the 复核 opinion was delivered; the same facts and reasons are never accepted again (Art. 36).
  'CONCLUDED',
  // Ended with nothing left to ask: an appeal or rating window closed unused, or the claim was guided into
  // another procedure or settled by agreement.
  'CLOSED',
  // 不予受理
  'DECLINED',
  // 转出: forwarded to 纪检监察 or 政法, handled under their rules; the petition system's part ends.
  'FORWARDED',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const STAGES = ['REGISTRATION', 'HANDLING', 'REVIEW', 'RE_REVIEW', 'CLOSED'] as const;
export type Stage = (typeof STAGES)[number];
/** 转送 / 交办 (Art. 22). */
export type RouteMode = 'TRANSFER' | 'ASSIGN';
/** Why a petition is not accepted (不予受理). */
export type DeclineReason =
  'LITIGATION_RELATED' | 'ALREADY_REEXAMINED' | 'DUPLICATE_IN_PROGRESS' | 'NOT_A_PETITION' | 'OTHER';
/**
 * 支持 / 解释说明 / 不予支持 (Art. 32); a suggestion's 采纳 / 部分采纳 / 未采纳 (Art. 29); (五)'s 履行 / 答复 and an
 * accusation's 反馈 (Arts. 30, 31). Which path may answer which: ./paths.ts.
 */
export const REPLY_OUTCOMES = [
  'SUPPORT',
  'EXPLAIN',
  'NOT_SUPPORT',
  'ADOPTED',
  'PARTLY_ADOPTED',
  'NOT_ADOPTED',
  'PERFORMED',
  'ANSWERED',
] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];
/** The bureau and the unit are rated separately ([SAT] art. 3). */
export const RATING_TARGETS = ['BUREAU', 'UNIT'] as const;
export type RatingTarget = (typeof RATING_TARGETS)[number];
/** The level an opinion or a request belongs to: first handling, 复查, 复核. */
export const LEVELS = ['HANDLING', 'REVIEW', 'REEXAMINATION'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Every clock a petition can run, the statute row it takes its length from, and what its running out means:
 * a duty missed (overdue) or an appeal window that closes the case.
 */
export const DEADLINE_KINDS = {
  REGISTRATION: { rule: 'REGISTER_AND_ROUTE', onExpiry: 'OVERDUE' },
  NOTICE: { rule: 'NOTICE_ROUTED', onExpiry: 'OVERDUE' },
  /** 告知 of a petition brought directly to its unit: on the spot or within 15 days of receipt (Art. 23 ¶2). */
  DIRECT_NOTICE: { rule: 'NOTICE_DIRECT', onExpiry: 'OVERDUE' },
  HANDLING: { rule: 'HANDLE', onExpiry: 'OVERDUE' },
  REVIEW_WINDOW: { rule: 'REQUEST_REVIEW', onExpiry: 'CLOSE' },
  REVIEW: { rule: 'REVIEW_OPINION', onExpiry: 'OVERDUE' },
  REEXAMINATION_WINDOW: { rule: 'REQUEST_REEXAMINATION', onExpiry: 'CLOSE' },
  REEXAMINATION: { rule: 'REEXAMINATION_OPINION', onExpiry: 'OVERDUE' },
  /** 重新办理 after a DISSATISFIED third-party verdict: local practice, its days in the profile. */
  REHANDLING: { rule: 'HANDLE', onExpiry: 'OVERDUE' },
  /** 签收 of a routed item: local practice, its working days in the profile (`practice.receiptDays`). */
  RECEIPT: { rule: 'NOTICE_ROUTED', onExpiry: 'OVERDUE' },
  /** 满意度评价 of an answer no 复查 follows: local practice, its days in the profile; then the case closes. */
  RATING_WINDOW: { rule: 'RATING_WINDOW', onExpiry: 'CLOSE' },
  /** 异议 window: it only ends when unused (LAPSE); the item stays with the unit. */
  OBJECTION_WINDOW: { rule: 'JURISDICTION_OBJECTION', onExpiry: 'LAPSE' },
  /** 交办's 指定办理期限, met by the 办结报告: its days set by the bureau. */
  ASSIGNMENT: { rule: 'ASSIGNMENT_REPORT', onExpiry: 'OVERDUE' },
} as const satisfies Record<string, { rule: RuleId; onExpiry: 'OVERDUE' | 'CLOSE' | 'LAPSE' }>;
export type DeadlineKind = keyof typeof DEADLINE_KINDS;

/** 信访人 (Art. 17). */
export interface Petitioner {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface Actor {
  id: string;
  role: string;
  /** A unit role's unit; absent on commands recorded before actors carried it. */
  unitId?: string | null;
}

/** What the registrar records (登记, Arts. 21–23). Times are epoch milliseconds. */
export interface Registration {
  petitionId: string;
  petitioner: Petitioner;
  channel: Channel;
  category: Category;
  summary: string;
  content: string;
  /** Null: received as it is registered (the workflow's clock decides, not the caller's). */
  receivedAt: number | null;
  respondentUnitId: string | null;
  registeredBy: Actor;
  /** Named by the registrar at registration: a confirmed repeat (on runs begun before, found by matching). */
  repeatOf?: RepeatOf | null;
  /** What matching found, proposed only. */
  possibleRepeats?: PossibleRepeat[];
  /** Brought directly to this unit, which registers it (Art. 23 ¶2); absent or null: received by the bureau. */
  directUnitId?: string | null;
}

/** One statutory clock: extensions, hearings and the calendar move it (domain/pausable-deadline.ts). */
export interface Deadline extends PausableClock {
  kind: DeadlineKind;
  ruleId: RuleId;
  article: string;
  /** 预警 given. */
  warnedAt: number | null;
  metAt: number | null;
  /** A duty that ran out unmet. */
  overdueAt: number | null;
  /** A window that ran out unused. */
  lapsedAt: number | null;
  /**
   * An appeal window: how long past its last moment a request made in time may still be entered before the case
   * closes (the profile's `appealGraceDays`, fixed when the window opened). Absent on duties, and on windows
   * opened before the grace existed or by a run begun before it (they close at their last moment).
   */
  graceMs?: number;
}

/** 调解 / 和解 agreement (Art. 33). */
export interface Agreement {
  kind: AgreementKind;
  text: string;
  at: number;
  by: Actor;
}

/** 延期 (Art. 34): asked by the handler, decided by the unit head. */
export interface ExtensionRequest {
  days: number;
  reason: string;
  requestedAt: number;
  requestedBy: Actor;
  decision: { approved: boolean; note: string | null; at: number; by: Actor } | null;
}

/** 听证 */
export interface Hearing {
  level: Level;
  startedAt: number;
  endedAt: number | null;
  note: string | null;
}

/** A third-party panel's verdict on this case (第三方评议); null when its quorum was not reached. */
export interface PanelEvaluation {
  panelId: string;
  verdict: Verdict | null;
  votes: number;
  at: number;
}

export interface Rating {
  target: RatingTarget;
  level: SatisfactionLevel;
  at: number;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  at: number;
  actor: Actor | null;
  note: string | null;
  data: Record<string, string | number | boolean | null>;
}

export interface PetitionState {
  petitionId: string;
  profileId: string;
  petitioner: Petitioner;
  channel: Channel;
  category: Category;
  summary: string;
  content: string;
  receivedAt: number;
  registeredAt: number;
  respondentUnitId: string | null;
  repeatOf: RepeatOf | null;
  /** Proposed repeats not yet dismissed; absent on runs begun before repeats were proposed. */
  possibleRepeats?: PossibleRepeat[];
  status: PetitionStatus;
  stage: Stage;
  /** The responsible unit (责任单位). */
  unitId: string | null;
  /** The organ hearing the current 复查 or 复核. */
  reviewUnitId: string | null;
  routeMode: RouteMode | null;
  /** The unit's side of the current 转送/交办; absent on runs begun before 签收, null once returned. */
  routing?: UnitRouting | null;
  acceptedAt: number | null;
  declineReason: DeclineReason | null;
  /** A claim's route of Art. 31 (./paths.ts); absent on runs begun before paths by kind. */
  handlingRoute?: HandlingRoute | null;
  /** Where the item was forwarded to (转出), to be handled under that organ's rules. */
  forwardedTo?: ForwardingOrgan | null;
  /** Brought directly to its unit (Art. 23 ¶2). */
  direct?: boolean;
  /** 调解协议书 / 和解协议书 that ended the claim (Art. 33). */
  agreement?: Agreement | null;
  /** 材料 kept with the petition (./materials.ts); absent until the first one. */
  materials?: Material[];
  deadlines: Deadline[];
  extensions: ExtensionRequest[];
  hearings: Hearing[];
  opinions: Opinion[];
  appeals: Appeal[];
  ratings: Rating[];
  urges: Urge[];
  evaluations: PanelEvaluation[];
  escalation: Escalation | null;
  /** When the case met a rule for 提级包案 (overdue long, urged often, or at 复核) while not escalated. */
  escalationProposedAt: number | null;
  closedAt: number | null;
  timeline: TimelineEvent[];
  /** Sequence number of the newest timeline event; the projection is keyed by it. */
  lastSeq: number;
}

/**
 * What every command and every tick of the clock is applied with: the workflow's time, the case's profile, and
 * the holiday calendar from the workflow's history.
 */
export interface CommandContext {
  now: number;
  profile: JurisdictionProfile;
  calendar: HolidayCalendar;
  /**
   * New clocks are counted by the day (`Deadline.count`); false on runs begun before that, which replay with
   * their clocks paused to the millisecond.
   */
  dayCounted: boolean;
  /**
   * A registered `repeatOf` is the registrar's decision and matching only proposes; false on runs begun before,
   * whose `repeatOf` came from matching and declined at registration.
   */
  repeatsProposed: boolean;
  /**
   * The unit's 签收 starts its notice and objection clocks; false on runs begun before, whose notice clock runs
   * from routing.
   */
  unitReceipt: boolean;
  /**
   * The path is the petition's kind's (./paths.ts); false on runs begun before, where every petition took the
   * 60-day handling clock, the 信访处理意见书 and 复查/复核.
   */
  pathsByKind: boolean;
  /**
   * Every command's actor is checked against the state (./actors.ts); false on runs begun before, whose commands
   * carried no unit and were checked by the API alone.
   */
  actorsChecked?: boolean;
}
