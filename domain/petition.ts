/**
 * The petition (信访事项) as a pure state machine: the state the workflow keeps, the commands that change it,
 * the checks that refuse a command before anything is written, and what the passing of time does. No
 * Temporal, no I/O: the workflow (workflows/petition-workflow.ts) drives it, and unit tests call it directly.
 */
import { periodEnd } from './calendar';
import { effectiveDue, pause, projectedDue, resume } from './pausable-deadline';
import { type JurisdictionProfile, type RuleId, ruleOf } from './statute';

export { effectiveDue } from './pausable-deadline';

const DAY_MS = 86_400_000;

/** 信息网络/书信/电话/传真/走访 (Art. 17). */
export type Channel = 'ONLINE' | 'LETTER' | 'PHONE' | 'FAX' | 'VISIT';
/** 建议意见/检举控告/申诉求决 (Arts. 29–31). */
export type Category = 'SUGGESTION' | 'ACCUSATION' | 'CLAIM';
export type PetitionStatus =
  | 'REGISTERED'
  | 'TRANSFERRED'
  | 'ASSIGNED'
  /** 受理, the unit is handling it. */
  | 'HANDLING'
  /** 办结: the handling opinion was delivered; the 复查 window is open. */
  | 'DELIVERED'
  /** 复查 */
  | 'UNDER_REVIEW'
  /** The 复查 opinion was delivered; the 复核 window is open. */
  | 'REVIEW_DELIVERED'
  /** 复核 */
  | 'UNDER_REEXAMINATION'
  /** 终结: the 复核 opinion was delivered; the same facts and reasons are never accepted again (Art. 36). */
  | 'CONCLUDED'
  /** An appeal window closed with no request. */
  | 'CLOSED'
  /** 不予受理 */
  | 'DECLINED';
export type Stage = 'REGISTRATION' | 'HANDLING' | 'REVIEW' | 'RE_REVIEW' | 'CLOSED';
/** 转送 / 交办 (Art. 22). */
export type RouteMode = 'TRANSFER' | 'ASSIGN';
/** Why a petition is not accepted (不予受理). */
export type DeclineReason = 'LITIGATION_RELATED' | 'ALREADY_REEXAMINED' | 'DUPLICATE_IN_PROGRESS' | 'NOT_A_PETITION' | 'OTHER';
/** 支持 / 解释说明 / 不予支持 (Art. 32). */
export type ReplyOutcome = 'SUPPORT' | 'EXPLAIN' | 'NOT_SUPPORT';
export type SatisfactionLevel = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';
/** The bureau and the unit are rated separately ([SAT] art. 3). */
export type RatingTarget = 'BUREAU' | 'UNIT';
/** The level an opinion or a request belongs to: first handling, 复查, 复核. */
export type Level = 'HANDLING' | 'REVIEW' | 'REEXAMINATION';

/**
 * Every clock a petition can run, the statute row it takes its length from, and what its running out means:
 * a duty missed (overdue) or an appeal window that closes the case.
 */
export const DEADLINE_KINDS = {
  REGISTRATION: { rule: 'REGISTER_AND_ROUTE', onExpiry: 'OVERDUE' },
  NOTICE: { rule: 'NOTICE_ROUTED', onExpiry: 'OVERDUE' },
  HANDLING: { rule: 'HANDLE', onExpiry: 'OVERDUE' },
  REVIEW_WINDOW: { rule: 'REQUEST_REVIEW', onExpiry: 'CLOSE' },
  REVIEW: { rule: 'REVIEW_OPINION', onExpiry: 'OVERDUE' },
  REEXAMINATION_WINDOW: { rule: 'REQUEST_REEXAMINATION', onExpiry: 'CLOSE' },
  REEXAMINATION: { rule: 'REEXAMINATION_OPINION', onExpiry: 'OVERDUE' },
  /** 重新办理 after a DISSATISFIED third-party verdict: local practice, its days in the profile. */
  REHANDLING: { rule: 'HANDLE', onExpiry: 'OVERDUE' },
} as const satisfies Record<string, { rule: RuleId; onExpiry: 'OVERDUE' | 'CLOSE' }>;
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
}

/** An earlier petition by the same petitioner on the same matter, found by the API at registration. */
export interface RepeatOf {
  petitionId: string;
  status: PetitionStatus;
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
  repeatOf?: RepeatOf | null;
}

/** One statutory clock. `dueAt` moves only by approved extensions; hearings add `pausedMs`. */
export interface Deadline {
  kind: DeadlineKind;
  ruleId: RuleId;
  article: string;
  startedAt: number;
  dueAt: number;
  pausedMs: number;
  pausedSince: number | null;
  /** 预警 given. */
  warnedAt: number | null;
  metAt: number | null;
  /** A duty that ran out unmet. */
  overdueAt: number | null;
  /** A window that ran out unused. */
  lapsedAt: number | null;
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

/** 信访处理意见书 / 复查意见书 / 复核意见书, delivered (送达) at `deliveredAt`. */
export interface Opinion {
  level: Level;
  unitId: string;
  outcome: ReplyOutcome;
  text: string;
  basis: string | null;
  issuedAt: number;
  deliveredAt: number;
}

/**
 * 督办 (MANUAL, by a supervisor, or SUPERVISION, automatic at overdue) must be answered by `dueAt`;
 * 催办 (REMINDER, automatic at a deadline's warning) only reminds.
 */
export interface Urge {
  id: string;
  kind: 'MANUAL' | 'REMINDER' | 'SUPERVISION';
  unitId: string | null;
  message: string;
  issuedAt: number;
  issuedBy: Actor | null;
  dueAt: number | null;
  answeredAt: number | null;
  answer: string | null;
  overdueAt: number | null;
}

/** 提级包案: a leader one level up owns the case; deadlines keep running. */
export interface Escalation {
  leaderId: string;
  reason: string;
  at: number;
  by: Actor;
  /** 批示 */
  instructions: { text: string; at: number; by: Actor }[];
}

/** A third-party panel's verdict on this case (第三方评议); null when its quorum was not reached. */
export interface PanelEvaluation {
  panelId: string;
  verdict: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | null;
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
  status: PetitionStatus;
  stage: Stage;
  /** The responsible unit (责任单位). */
  unitId: string | null;
  /** The organ hearing the current 复查 or 复核. */
  reviewUnitId: string | null;
  routeMode: RouteMode | null;
  acceptedAt: number | null;
  declineReason: DeclineReason | null;
  deadlines: Deadline[];
  extensions: ExtensionRequest[];
  hearings: Hearing[];
  opinions: Opinion[];
  appeals: { level: 'REVIEW' | 'REEXAMINATION'; requestedAt: number; reason: string | null; unitId: string }[];
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

export interface AcceptCommand {
  unitId: string | null;
  note: string | null;
  actor: Actor;
}
export interface RouteCommand {
  unitId: string;
  mode: RouteMode;
  note: string | null;
  actor: Actor;
}
export interface DeclineCommand {
  reason: DeclineReason;
  note: string | null;
  actor: Actor;
}
export interface ExtensionCommand {
  days: number;
  reason: string;
  actor: Actor;
}
export interface ExtensionDecisionCommand {
  approve: boolean;
  note: string | null;
  actor: Actor;
}
export interface HearingCommand {
  note: string | null;
  actor: Actor;
}
export interface ReplyCommand {
  outcome: ReplyOutcome;
  text: string;
  basis: string | null;
  /** 送达: when the petitioner received the written opinion (null: as it is issued); the appeal window runs from it. */
  deliveredAt: number | null;
  actor: Actor;
}
export interface SatisfactionCommand {
  level: SatisfactionLevel;
  target: RatingTarget;
  actor: Actor;
}
export interface UrgeCommand {
  message: string;
  /** Days the unit has to answer; the profile's default when null. */
  respondWithinDays: number | null;
  actor: Actor;
}
export interface AnswerUrgeCommand {
  urgeId: string;
  text: string;
  actor: Actor;
}
export interface EscalateCommand {
  leaderId: string;
  reason: string;
  actor: Actor;
}
export interface InstructCommand {
  text: string;
  actor: Actor;
}
export interface AppealCommand {
  reason: string | null;
  /** The organ one level up, resolved by the API from the unit tree. */
  reviewUnitId: string;
  actor: Actor;
}

/** A command the rules refuse. `code` is one of API.md's error codes. */
export class CommandRefused extends Error {
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'BAD_USER_INPUT' | 'WINDOW_CLOSED' | 'LIMIT_EXCEEDED',
    message: string,
    readonly details: Record<string, string | number | null> = {},
  ) {
    super(message);
    this.name = 'CommandRefused';
  }
}

/** Which statuses each command may start from: the lifecycle of DOMAIN.md §3, as data. */
const ALLOWED_FROM = {
  accept: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  route: ['REGISTERED'],
  decline: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'],
  requestExtension: ['HANDLING'],
  decideExtension: ['HANDLING'],
  startHearing: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  endHearing: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  reply: ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  recordSatisfaction: ['DELIVERED', 'REVIEW_DELIVERED'],
  requestReview: ['DELIVERED', 'REVIEW_DELIVERED'],
  // A unit can be urged wherever a unit owes the next step.
  urge: ['TRANSFERRED', 'ASSIGNED', 'HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'],
  answerUrge: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED', 'HANDLING', 'DELIVERED', 'UNDER_REVIEW', 'REVIEW_DELIVERED', 'UNDER_REEXAMINATION'],
  escalate: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED', 'HANDLING', 'DELIVERED', 'UNDER_REVIEW', 'REVIEW_DELIVERED', 'UNDER_REEXAMINATION'],
  instruct: ['REGISTERED', 'TRANSFERRED', 'ASSIGNED', 'HANDLING', 'DELIVERED', 'UNDER_REVIEW', 'REVIEW_DELIVERED', 'UNDER_REEXAMINATION'],
} as const satisfies Record<string, readonly PetitionStatus[]>;
export type CommandName = keyof typeof ALLOWED_FROM;

const STAGE_OF: Record<PetitionStatus, Stage> = {
  REGISTERED: 'REGISTRATION',
  TRANSFERRED: 'REGISTRATION',
  ASSIGNED: 'REGISTRATION',
  HANDLING: 'HANDLING',
  DELIVERED: 'HANDLING',
  UNDER_REVIEW: 'REVIEW',
  REVIEW_DELIVERED: 'REVIEW',
  UNDER_REEXAMINATION: 'RE_REVIEW',
  CONCLUDED: 'CLOSED',
  CLOSED: 'CLOSED',
  DECLINED: 'CLOSED',
};

/** What each working status is at, for opinions and hearings: the level and its duty clock. */
const LEVEL_OF: Partial<Record<PetitionStatus, { level: Level; duty: DeadlineKind }>> = {
  HANDLING: { level: 'HANDLING', duty: 'HANDLING' },
  UNDER_REVIEW: { level: 'REVIEW', duty: 'REVIEW' },
  UNDER_REEXAMINATION: { level: 'REEXAMINATION', duty: 'REEXAMINATION' },
};

/** After an opinion at a level is delivered: the next status and the appeal window it opens. */
const AFTER_DELIVERY: Record<Level, { status: PetitionStatus; window: DeadlineKind | null }> = {
  HANDLING: { status: 'DELIVERED', window: 'REVIEW_WINDOW' },
  REVIEW: { status: 'REVIEW_DELIVERED', window: 'REEXAMINATION_WINDOW' },
  REEXAMINATION: { status: 'CONCLUDED', window: null },
};

/** The appeal each window allows: 复查 after the handling opinion, 复核 after the 复查 opinion. */
const APPEAL_FROM: Partial<Record<PetitionStatus, { level: 'REVIEW' | 'REEXAMINATION'; window: DeadlineKind; status: PetitionStatus; duty: DeadlineKind }>> = {
  DELIVERED: { level: 'REVIEW', window: 'REVIEW_WINDOW', status: 'UNDER_REVIEW', duty: 'REVIEW' },
  REVIEW_DELIVERED: { level: 'REEXAMINATION', window: 'REEXAMINATION_WINDOW', status: 'UNDER_REEXAMINATION', duty: 'REEXAMINATION' },
};

export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['CONCLUDED', 'CLOSED', 'DECLINED'];

export function isTerminal(state: Pick<PetitionState, 'status'>): boolean {
  return TERMINAL_STATUSES.includes(state.status);
}

/** The unit that acts on the petition now: the responsible unit, or the organ hearing the appeal. */
export function actingUnitId(state: Pick<PetitionState, 'stage' | 'unitId' | 'reviewUnitId'>): string | null {
  return state.stage === 'REVIEW' || state.stage === 'RE_REVIEW' ? state.reviewUnitId : state.unitId;
}

function openDeadline(profile: JurisdictionProfile, kind: DeadlineKind, startedAt: number): Deadline {
  const rule = ruleOf(profile, DEADLINE_KINDS[kind].rule);
  if (rule.days === null || rule.counting === null) throw new Error(`rule ${rule.id} has no duration`);
  const local = kind === 'REHANDLING';
  return {
    kind,
    ruleId: rule.id,
    article: local ? '本地规则：第三方评议不满意的，责任单位重新办理 (DOMAIN.md §7)' : rule.article,
    startedAt,
    dueAt: periodEnd(startedAt, local ? profile.practice.rehandlingDays : rule.days, rule.counting),
    pausedMs: 0,
    pausedSince: null,
    warnedAt: null,
    metAt: null,
    overdueAt: null,
    lapsedAt: null,
  };
}

function withEvent(
  state: PetitionState,
  at: number,
  type: string,
  actor: Actor | null,
  note: string | null,
  data: TimelineEvent['data'] = {},
): PetitionState {
  const seq = state.lastSeq + 1;
  return { ...state, lastSeq: seq, timeline: [...state.timeline, { seq, type, at, actor, note, data }] };
}

function withStatus(state: PetitionState, status: PetitionStatus, at: number): PetitionState {
  return { ...state, status, stage: STAGE_OF[status], closedAt: TERMINAL_STATUSES.includes(status) ? at : state.closedAt };
}

function isOpen(d: Deadline): boolean {
  return d.metAt === null && d.overdueAt === null && d.lapsedAt === null;
}

function meetDeadlines(state: PetitionState, kinds: readonly DeadlineKind[], at: number): Deadline[] {
  return state.deadlines.map((d) => (kinds.includes(d.kind) && d.metAt === null && d.lapsedAt === null ? resume({ ...d, metAt: at }, at) : d));
}

function openOf(state: PetitionState, kind: DeadlineKind): Deadline | undefined {
  return state.deadlines.find((d) => d.kind === kind && isOpen(d));
}

function refuse(message: string, details: Record<string, string | number | null> = {}): never {
  throw new CommandRefused('INVALID_TRANSITION', message, details);
}

export function assertAllowed(state: PetitionState, command: CommandName): void {
  const allowed: readonly PetitionStatus[] = ALLOWED_FROM[command];
  if (!allowed.includes(state.status)) {
    refuse(`cannot ${command} petition ${state.petitionId}: it is ${state.status} (allowed from ${allowed.join(', ')})`, {
      status: state.status,
    });
  }
}

// ── Registration ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * 登记: the petition as it stands the moment it is registered; the registration clock runs from receipt.
 * Every petition is registered (Arts. 21–23), a repeat too; a repeat of a concluded case (Art. 36) or of a case
 * still in progress (Art. 19 ¶3) is then not accepted, on the record, with the earlier case named.
 */
export function openPetition(registration: Registration, now: number, profile: JurisdictionProfile): PetitionState {
  const { registeredBy, repeatOf = null, ...facts } = registration;
  const receivedAt = registration.receivedAt ?? now;
  const initial: PetitionState = {
    ...facts,
    receivedAt,
    repeatOf,
    profileId: profile.id,
    registeredAt: now,
    status: 'REGISTERED',
    stage: 'REGISTRATION',
    unitId: null,
    reviewUnitId: null,
    routeMode: null,
    acceptedAt: null,
    declineReason: null,
    deadlines: [openDeadline(profile, 'REGISTRATION', receivedAt)],
    extensions: [],
    hearings: [],
    opinions: [],
    appeals: [],
    ratings: [],
    urges: [],
    evaluations: [],
    escalation: null,
    escalationProposedAt: null,
    closedAt: null,
    timeline: [],
    lastSeq: 0,
  };
  const state = withEvent(initial, now, 'REGISTERED', registeredBy, null, {
    receivedAt,
    channel: registration.channel,
    repeatOf: repeatOf?.petitionId ?? null,
  });
  if (repeatOf?.status === 'CONCLUDED') {
    return decline(state, { reason: 'ALREADY_REEXAMINED', note: `同一事实和理由已于 ${repeatOf.petitionId} 复核终结，不再受理 (第三十六条)`, actor: registeredBy }, now);
  }
  if (repeatOf && !isTerminal(repeatOf)) {
    return decline(state, { reason: 'DUPLICATE_IN_PROGRESS', note: `同一事项正在办理 (${repeatOf.petitionId})，不予受理 (第十九条)`, actor: registeredBy }, now);
  }
  return state;
}

export function checkAccept(state: PetitionState, command: AcceptCommand): void {
  assertAllowed(state, 'accept');
  if (!command.unitId && !state.unitId) {
    throw new CommandRefused('BAD_USER_INPUT', 'unitId is required: the petition has not been routed to a unit', { field: 'unitId' });
  }
}

/** 受理 (and 交办 to the unit when not yet routed): the handling clock starts now. */
export function accept(state: PetitionState, command: AcceptCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkAccept(state, command);
  const unitId = command.unitId ?? state.unitId;
  const next: PetitionState = {
    ...withStatus(state, 'HANDLING', now),
    unitId,
    acceptedAt: now,
    deadlines: [...meetDeadlines(state, ['REGISTRATION', 'NOTICE'], now), openDeadline(profile, 'HANDLING', now)],
  };
  return withEvent(next, now, 'ACCEPTED', command.actor, command.note, { unitId });
}

export function checkRoute(state: PetitionState, _command: RouteCommand): void {
  assertAllowed(state, 'route');
}

/** 转送 / 交办: the unit now has 15 days to notify the petitioner (Art. 23 ¶3). */
export function route(state: PetitionState, command: RouteCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkRoute(state, command);
  const status = command.mode === 'TRANSFER' ? 'TRANSFERRED' : 'ASSIGNED';
  const next: PetitionState = {
    ...withStatus(state, status, now),
    unitId: command.unitId,
    routeMode: command.mode,
    deadlines: [...meetDeadlines(state, ['REGISTRATION'], now), openDeadline(profile, 'NOTICE', now)],
  };
  return withEvent(next, now, status, command.actor, command.note, { unitId: command.unitId });
}

export function checkDecline(state: PetitionState, _command: DeclineCommand): void {
  assertAllowed(state, 'decline');
}

/** 不予受理: the case ends here. */
export function decline(state: PetitionState, command: DeclineCommand, now: number): PetitionState {
  checkDecline(state, command);
  const next: PetitionState = {
    ...withStatus(state, 'DECLINED', now),
    declineReason: command.reason,
    deadlines: meetDeadlines(state, ['REGISTRATION', 'NOTICE'], now),
  };
  return withEvent(next, now, 'DECLINED', command.actor, command.note, { reason: command.reason });
}

// ── Handling: extension (延期) ───────────────────────────────────────────────────────────────────────────────

export function extensionDaysUsed(state: Pick<PetitionState, 'extensions'>): number {
  return state.extensions.filter((e) => e.decision === null || e.decision.approved).reduce((sum, e) => sum + e.days, 0);
}

function pendingExtension(state: PetitionState): ExtensionRequest | undefined {
  return state.extensions.find((e) => e.decision === null);
}

export function checkRequestExtension(state: PetitionState, command: ExtensionCommand, now: number, profile: JurisdictionProfile): void {
  assertAllowed(state, 'requestExtension');
  if (!Number.isInteger(command.days) || command.days < 1) {
    throw new CommandRefused('BAD_USER_INPUT', 'days must be a whole number of at least 1', { field: 'days' });
  }
  if (!command.reason.trim()) throw new CommandRefused('BAD_USER_INPUT', 'an extension needs a reason', { field: 'reason' });
  if (pendingExtension(state)) refuse('an extension request is already waiting for the unit head', { status: state.status });
  const max = ruleOf(profile, 'EXTENSION').days ?? 0;
  const used = extensionDaysUsed(state);
  if (used + command.days > max) {
    throw new CommandRefused('LIMIT_EXCEEDED', `extensions may add at most ${max} days in total; ${used} already granted or asked`, {
      maxDays: max,
      usedDays: used,
    });
  }
  const handling = openOf(state, 'HANDLING');
  if (!handling || now > effectiveDue(handling)) {
    throw new CommandRefused('WINDOW_CLOSED', 'the handling deadline has already passed: an extension must be asked before it', {
      status: state.status,
    });
  }
}

export function requestExtension(state: PetitionState, command: ExtensionCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkRequestExtension(state, command, now, profile);
  const next = {
    ...state,
    extensions: [...state.extensions, { days: command.days, reason: command.reason, requestedAt: now, requestedBy: command.actor, decision: null }],
  };
  return withEvent(next, now, 'EXTENSION_REQUESTED', command.actor, command.reason, { days: command.days });
}

export function checkDecideExtension(state: PetitionState, _command: ExtensionDecisionCommand): void {
  assertAllowed(state, 'decideExtension');
  if (!pendingExtension(state)) refuse('there is no extension request to decide', { status: state.status });
}

/** The unit head's 批准: the handling deadline moves, counted from the original due date (Art. 34). */
export function decideExtension(state: PetitionState, command: ExtensionDecisionCommand, now: number): PetitionState {
  checkDecideExtension(state, command);
  const request = pendingExtension(state)!;
  const decided = { ...request, decision: { approved: command.approve, note: command.note, at: now, by: command.actor } };
  let next: PetitionState = { ...state, extensions: state.extensions.map((e) => (e === request ? decided : e)) };
  if (!command.approve) return withEvent(next, now, 'EXTENSION_REFUSED', command.actor, command.note, { days: request.days });
  const handling = openOf(state, 'HANDLING')!;
  // The last day moves by `days` calendar days from the original last day, then off any holiday.
  const dueAt = periodEnd(handling.dueAt - 1, request.days, 'CALENDAR_DAYS');
  next = { ...next, deadlines: next.deadlines.map((d) => (d === handling ? { ...d, dueAt, warnedAt: null } : d)) };
  next = withEvent(next, now, 'EXTENSION_APPROVED', command.actor, command.note, { days: request.days, dueAt });
  // 告知延期理由: the petitioner is told the new date and why (Art. 34).
  return withEvent(next, now, 'EXTENSION_NOTICE', null, request.reason, { dueAt });
}

// ── Hearings (听证) ──────────────────────────────────────────────────────────────────────────────────────────

function openHearing(state: PetitionState): Hearing | undefined {
  return state.hearings.find((h) => h.endedAt === null);
}

export function checkStartHearing(state: PetitionState, _command: HearingCommand): void {
  assertAllowed(state, 'startHearing');
  if (openHearing(state)) refuse('a hearing is already open', { status: state.status });
}

/** Stops every running clock whose rule says a hearing is not counted (Art. 36; per profile for handling). */
export function startHearing(state: PetitionState, command: HearingCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkStartHearing(state, command);
  const level = LEVEL_OF[state.status]!.level;
  const paused: string[] = [];
  const deadlines = state.deadlines.map((d) => {
    if (!isOpen(d) || !ruleOf(profile, d.ruleId).pausedByHearing) return d;
    paused.push(d.kind);
    return pause(d, now);
  });
  const next = { ...state, deadlines, hearings: [...state.hearings, { level, startedAt: now, endedAt: null, note: command.note }] };
  return withEvent(next, now, 'HEARING_STARTED', command.actor, command.note, { level, paused: paused.join(',') || null });
}

export function checkEndHearing(state: PetitionState, _command: HearingCommand): void {
  assertAllowed(state, 'endHearing');
  if (!openHearing(state)) refuse('no hearing is open', { status: state.status });
}

export function endHearing(state: PetitionState, command: HearingCommand, now: number): PetitionState {
  checkEndHearing(state, command);
  const hearing = openHearing(state)!;
  const deadlines = state.deadlines.map((d) => (d.pausedSince === null ? d : resume(d, now)));
  const next = { ...state, deadlines, hearings: state.hearings.map((h) => (h === hearing ? { ...h, endedAt: now } : h)) };
  return withEvent(next, now, 'HEARING_ENDED', command.actor, command.note, { level: hearing.level, durationMs: now - hearing.startedAt });
}

// ── Opinions, delivery, appeals ─────────────────────────────────────────────────────────────────────────────

export function checkReply(state: PetitionState, command: ReplyCommand, now: number): void {
  assertAllowed(state, 'reply');
  if (openHearing(state)) refuse('a hearing is still open: end it before replying', { status: state.status });
  if (!command.text.trim()) throw new CommandRefused('BAD_USER_INPUT', 'the opinion needs its text', { field: 'text' });
  const duty = state.deadlines.find((d) => d.kind === LEVEL_OF[state.status]!.duty && d.lapsedAt === null && d.metAt === null);
  const deliveredAt = command.deliveredAt ?? now;
  if (deliveredAt > now) throw new CommandRefused('BAD_USER_INPUT', 'deliveredAt lies in the future', { field: 'deliveredAt' });
  if (duty && deliveredAt < duty.startedAt) {
    throw new CommandRefused('BAD_USER_INPUT', 'deliveredAt lies before this level of handling started', { field: 'deliveredAt' });
  }
}

/**
 * 信访处理意见书 (or the 复查/复核 opinion), delivered to the petitioner at `deliveredAt` (送达). Delivery meets
 * the level's duty clock (办结) and opens the next appeal window; after 复核 the case is concluded (终结).
 */
export function reply(state: PetitionState, command: ReplyCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkReply(state, command, now);
  const { level, duty } = LEVEL_OF[state.status]!;
  const after = AFTER_DELIVERY[level];
  const deliveredAt = command.deliveredAt ?? now;
  const opinion: Opinion = {
    level,
    unitId: actingUnitId(state) ?? '',
    outcome: command.outcome,
    text: command.text,
    basis: command.basis,
    issuedAt: now,
    deliveredAt,
  };
  const deadlines = meetDeadlines(state, level === 'HANDLING' ? [duty, 'REHANDLING'] : [duty], deliveredAt);
  if (after.window) deadlines.push(openDeadline(profile, after.window, deliveredAt));
  let next: PetitionState = { ...withStatus(state, after.status, now), deadlines, opinions: [...state.opinions, opinion] };
  next = withEvent(next, now, 'OPINION_DELIVERED', command.actor, command.text, {
    level,
    outcome: command.outcome,
    deliveredAt,
  });
  return after.window ? next : withEvent(next, now, 'CONCLUDED', null, '复核终结：同一事实和理由不再受理 (第三十六条)');
}

export function checkRecordSatisfaction(state: PetitionState, _command: SatisfactionCommand): void {
  assertAllowed(state, 'recordSatisfaction');
}

/** 满意度评价, recorded by the bureau on the petitioner's behalf; the latest per target counts. */
export function recordSatisfaction(state: PetitionState, command: SatisfactionCommand, now: number): PetitionState {
  checkRecordSatisfaction(state, command);
  const next = { ...state, ratings: [...state.ratings, { target: command.target, level: command.level, at: now }] };
  return withEvent(next, now, 'SATISFACTION_RECORDED', command.actor, null, { target: command.target, level: command.level });
}

export function checkRequestReview(state: PetitionState, _command: AppealCommand, now: number): void {
  assertAllowed(state, 'requestReview');
  const window = openOf(state, APPEAL_FROM[state.status]!.window);
  if (!window || now > effectiveDue(window)) {
    throw new CommandRefused('WINDOW_CLOSED', `the 30-day window to ask for ${APPEAL_FROM[state.status]!.level === 'REVIEW' ? '复查' : '复核'} has closed`, {
      status: state.status,
    });
  }
}

/** 复查 (Art. 35) or 复核 (Art. 36), inside its window: the organ one level up has its own 30 days. */
export function requestReview(state: PetitionState, command: AppealCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkRequestReview(state, command, now);
  const appeal = APPEAL_FROM[state.status]!;
  const next: PetitionState = {
    ...withStatus(state, appeal.status, now),
    reviewUnitId: command.reviewUnitId,
    deadlines: [...meetDeadlines(state, [appeal.window], now), openDeadline(profile, appeal.duty, now)],
    appeals: [...state.appeals, { level: appeal.level, requestedAt: now, reason: command.reason, unitId: command.reviewUnitId }],
  };
  return withEvent(next, now, appeal.level === 'REVIEW' ? 'REVIEW_REQUESTED' : 'REEXAMINATION_REQUESTED', command.actor, command.reason, {
    unitId: command.reviewUnitId,
  });
}

// ── Supervision (督办) and escalation (提级包案) ────────────────────────────────────────────────────────────

function newUrge(state: PetitionState, kind: Urge['kind'], message: string, now: number, dueAt: number | null, by: Actor | null): Urge {
  return {
    id: `DB-${state.urges.length + 1}`,
    kind,
    unitId: actingUnitId(state),
    message,
    issuedAt: now,
    issuedBy: by,
    dueAt,
    answeredAt: null,
    answer: null,
    overdueAt: null,
  };
}

function withUrge(state: PetitionState, urge: Urge, now: number, actor: Actor | null): PetitionState {
  const next = { ...state, urges: [...state.urges, urge] };
  return withEvent(next, now, 'URGED', actor, urge.message, { urgeId: urge.id, kind: urge.kind, unitId: urge.unitId, dueAt: urge.dueAt });
}

export function checkUrge(state: PetitionState, command: UrgeCommand, profile: JurisdictionProfile): void {
  assertAllowed(state, 'urge');
  if (!command.message.trim()) throw new CommandRefused('BAD_USER_INPUT', 'a 督办 needs a message', { field: 'message' });
  const days = command.respondWithinDays;
  const max = profile.practice.urgeAnswerMaxDays;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > max)) {
    throw new CommandRefused('BAD_USER_INPUT', `respondWithinDays must be a whole number from 1 to ${max}`, { field: 'respondWithinDays' });
  }
}

/** 督办 by a supervisor: the unit acting now must answer within the days given (the profile's by default). */
export function urge(state: PetitionState, command: UrgeCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkUrge(state, command, profile);
  const days = command.respondWithinDays ?? profile.practice.urgeAnswerDays;
  return withUrge(state, newUrge(state, 'MANUAL', command.message, now, periodEnd(now, days, 'CALENDAR_DAYS'), command.actor), now, command.actor);
}

export function checkAnswerUrge(state: PetitionState, command: AnswerUrgeCommand): void {
  assertAllowed(state, 'answerUrge');
  const found = state.urges.find((u) => u.id === command.urgeId);
  if (!found) throw new CommandRefused('BAD_USER_INPUT', `no 督办 ${command.urgeId} on this petition`, { field: 'urgeId' });
  if (found.dueAt === null) refuse(`${command.urgeId} is a reminder (催办): it needs no answer`, { status: state.status });
  if (found.answeredAt !== null) refuse(`${command.urgeId} was already answered`, { status: state.status });
  if (!command.text.trim()) throw new CommandRefused('BAD_USER_INPUT', 'the answer needs its text', { field: 'text' });
}

export function answerUrge(state: PetitionState, command: AnswerUrgeCommand, now: number): PetitionState {
  checkAnswerUrge(state, command);
  const next = {
    ...state,
    urges: state.urges.map((u) => (u.id === command.urgeId ? { ...u, answeredAt: now, answer: command.text } : u)),
  };
  return withEvent(next, now, 'URGE_ANSWERED', command.actor, command.text, { urgeId: command.urgeId });
}

export function checkEscalate(state: PetitionState, command: EscalateCommand): void {
  assertAllowed(state, 'escalate');
  if (state.escalation) refuse(`already escalated to ${state.escalation.leaderId}`, { status: state.status });
  if (!command.leaderId.trim()) throw new CommandRefused('BAD_USER_INPUT', 'name the leader', { field: 'leaderId' });
  if (!command.reason.trim()) throw new CommandRefused('BAD_USER_INPUT', 'an escalation needs a reason', { field: 'reason' });
}

/** 提级包案: a named leader owns the case from now on; its deadlines keep running. */
export function escalate(state: PetitionState, command: EscalateCommand, now: number): PetitionState {
  checkEscalate(state, command);
  const next = { ...state, escalation: { leaderId: command.leaderId, reason: command.reason, at: now, by: command.actor, instructions: [] } };
  return withEvent(next, now, 'ESCALATED', command.actor, command.reason, { leaderId: command.leaderId });
}

export function checkInstruct(state: PetitionState, command: InstructCommand): void {
  assertAllowed(state, 'instruct');
  if (!state.escalation) refuse('the petition is not escalated to a leader', { status: state.status });
  if (!command.text.trim()) throw new CommandRefused('BAD_USER_INPUT', 'a 批示 needs its text', { field: 'text' });
}

/** 批示 of the leader who owns the case. */
export function instruct(state: PetitionState, command: InstructCommand, now: number): PetitionState {
  checkInstruct(state, command);
  const escalation = state.escalation!;
  const next = {
    ...state,
    escalation: { ...escalation, instructions: [...escalation.instructions, { text: command.text, at: now, by: command.actor }] },
  };
  return withEvent(next, now, 'INSTRUCTED', command.actor, command.text, { leaderId: escalation.leaderId });
}

/** Whether the case now meets a rule for 提级包案 (DOMAIN.md §7), and why. */
function escalationReason(state: PetitionState, now: number, profile: JurisdictionProfile): string | null {
  if (state.escalation || state.escalationProposedAt !== null || isTerminal(state)) return null;
  const limit = profile.practice.escalateWhenOverdueDays * DAY_MS;
  if (state.deadlines.some((d) => d.overdueAt !== null && d.metAt === null && now - effectiveDue(d) > limit)) {
    return `overdue by more than ${profile.practice.escalateWhenOverdueDays} days`;
  }
  const urged = state.urges.filter((u) => u.kind !== 'REMINDER').length;
  if (urged >= profile.practice.escalateWhenUrges) return `urged ${urged} times`;
  if (state.stage === 'RE_REVIEW') return 'a 复核 case';
  return null;
}

// ── Third-party evaluation (第三方评议) ────────────────────────────────────────────────────────────────────

/** Statuses from which a DISSATISFIED verdict sends the case back to its unit (not after 复核: Art. 36). */
const REOPENABLE: readonly PetitionStatus[] = ['DELIVERED', 'REVIEW_DELIVERED', 'CLOSED'];

/**
 * A panel's verdict reaches the case. Recorded once per panel (a repeated delivery changes nothing). A
 * DISSATISFIED verdict returns the case to its unit for 重新办理, with a new deadline and a 督办.
 */
export function applyPanelVerdict(
  state: PetitionState,
  verdict: Omit<PanelEvaluation, 'at'>,
  now: number,
  profile: JurisdictionProfile,
): PetitionState {
  if (state.evaluations.some((e) => e.panelId === verdict.panelId)) return state;
  let next: PetitionState = { ...state, evaluations: [...state.evaluations, { ...verdict, at: now }] };
  next = withEvent(next, now, 'EVALUATED', null, verdict.verdict === null ? '未达法定人数，无评议结论' : null, {
    panelId: verdict.panelId,
    verdict: verdict.verdict,
    votes: verdict.votes,
  });
  if (verdict.verdict !== 'DISSATISFIED' || !REOPENABLE.includes(state.status)) return next;
  const windows: DeadlineKind[] = ['REVIEW_WINDOW', 'REEXAMINATION_WINDOW'];
  next = {
    ...withStatus(next, 'HANDLING', now),
    closedAt: null,
    deadlines: [...meetDeadlines(next, windows, now), openDeadline(profile, 'REHANDLING', now)],
  };
  next = withEvent(next, now, 'REOPENED', null, '第三方评议不满意，责任单位重新办理', { panelId: verdict.panelId, unitId: next.unitId });
  const due = periodEnd(now, profile.practice.urgeAnswerDays, 'CALENDAR_DAYS');
  return withUrge(next, newUrge(next, 'SUPERVISION', '督办：第三方评议不满意，请重新办理', now, due, null), now, null);
}

// ── Time ───────────────────────────────────────────────────────────────────────────────────────────────────

function warningAt(d: Deadline, profile: JurisdictionProfile): number | null {
  if (DEADLINE_KINDS[d.kind].onExpiry !== 'OVERDUE' || d.warnedAt !== null) return null;
  return effectiveDue(d) - profile.practice.warningDays * DAY_MS;
}

/** The next moment time itself changes the petition (a warning or a deadline running out), if any. */
export function nextWakeUp(state: PetitionState, profile: JurisdictionProfile): number | null {
  if (isTerminal(state)) return null;
  let next = Number.POSITIVE_INFINITY;
  for (const d of state.deadlines) {
    if (d.overdueAt !== null && d.metAt === null && !state.escalation && state.escalationProposedAt === null) {
      next = Math.min(next, effectiveDue(d) + profile.practice.escalateWhenOverdueDays * DAY_MS + 1);
    }
    if (!isOpen(d)) continue;
    const warn = warningAt(d, profile);
    if (warn !== null) next = Math.min(next, warn);
    next = Math.min(next, effectiveDue(d));
  }
  for (const u of state.urges) {
    if (u.dueAt !== null && u.answeredAt === null && u.overdueAt === null) next = Math.min(next, u.dueAt);
  }
  return Number.isFinite(next) ? next : null;
}

/**
 * Applies everything that is due by `now`: 预警 and an automatic 催办 before a duty's deadline; overdue and an
 * automatic 督办 when it runs out; a 督办 unanswered by its date goes overdue; an appeal window that runs out
 * unused closes the case; and a case that meets a rule for 提级包案 is proposed for it. Applying it twice at
 * the same moment changes nothing.
 */
export function advanceClock(state: PetitionState, now: number, profile: JurisdictionProfile): PetitionState {
  let next = state;
  for (const d of state.deadlines) {
    if (isTerminal(next) || !isOpen(d)) continue;
    const due = effectiveDue(d);
    const warn = warningAt(d, profile);
    const replace = (patch: Partial<Deadline>) => ({ ...next, deadlines: next.deadlines.map((x) => (x.kind === d.kind && isOpen(x) ? { ...x, ...patch } : x)) });
    if (warn !== null && now >= warn && now < due) {
      next = withEvent(replace({ warnedAt: now }), now, 'WARNING', null, null, { deadline: d.kind, dueAt: due });
      // 催办: the unit is reminded, no human needed.
      if (actingUnitId(next)) next = withUrge(next, newUrge(next, 'REMINDER', `催办：${d.kind} 期限将于 ${new Date(due).toISOString()} 届满`, now, null, null), now, null);
    }
    if (now < due) continue;
    if (DEADLINE_KINDS[d.kind].onExpiry === 'OVERDUE') {
      next = withEvent(replace({ overdueAt: now }), now, 'OVERDUE', null, null, { deadline: d.kind, dueAt: due });
      // 督办 at overdue: the unit owes an answer within the profile's days.
      if (actingUnitId(next)) {
        const answerBy = periodEnd(now, profile.practice.urgeAnswerDays, 'CALENDAR_DAYS');
        next = withUrge(next, newUrge(next, 'SUPERVISION', `督办：${d.kind} 期限已逾期`, now, answerBy, null), now, null);
      }
    } else {
      next = withEvent(withStatus(replace({ lapsedAt: now }), 'CLOSED', now), now, 'CLOSED', null, '期限内未请求复查或复核，事项办结', {
        deadline: d.kind,
        dueAt: due,
      });
    }
  }
  for (const u of next.urges) {
    if (u.dueAt === null || u.answeredAt !== null || u.overdueAt !== null || now < u.dueAt) continue;
    const urges = next.urges.map((x) => (x.id === u.id ? { ...x, overdueAt: now } : x));
    next = withEvent({ ...next, urges }, now, 'URGE_OVERDUE', null, null, { urgeId: u.id, unitId: u.unitId, dueAt: u.dueAt });
  }
  const reason = escalationReason(next, now, profile);
  if (reason) next = withEvent({ ...next, escalationProposedAt: now }, now, 'ESCALATION_PROPOSED', null, reason);
  return next;
}

/** Events a supervisor is told of (through the outbox): what the system did on its own, and breaches. */
export function notifiesSupervisor(event: TimelineEvent): boolean {
  if (event.type === 'URGED') return event.data.kind !== 'MANUAL';
  return event.type === 'OVERDUE' || event.type === 'URGE_OVERDUE' || event.type === 'ESCALATION_PROPOSED';
}

/** Overdue now: some duty ran out and has not been met since. */
export function isOverdue(state: Pick<PetitionState, 'deadlines'>): boolean {
  return state.deadlines.some((d) => d.overdueAt !== null && d.metAt === null);
}

/** In the warning period (预警) of some duty: warned, and neither met nor overdue yet. */
export function isDueSoon(state: Pick<PetitionState, 'deadlines'>): boolean {
  return state.deadlines.some((d) => d.warnedAt !== null && isOpen(d));
}

/** The due date that matters now: the earliest clock still open (a paused one shown as if restarted now). */
export function currentDueAt(state: Pick<PetitionState, 'deadlines'>, now: number): number | null {
  const open = state.deadlines.filter((d) => d.metAt === null && d.lapsedAt === null);
  if (open.length === 0) return null;
  return Math.min(...open.map((d) => projectedDue(d, now)));
}
