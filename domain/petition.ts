/**
 * The petition (信访事项) as a pure state machine: the state the workflow keeps, the commands that change it,
 * and the checks that refuse a command before anything is written. No Temporal, no I/O: the workflow
 * (workflows/petition-workflow.ts) drives it, and unit tests call it directly.
 */
import { periodEnd } from './calendar';
import { type JurisdictionProfile, type RuleId, ruleOf } from './statute';

/** 信息网络/书信/电话/传真/走访 (Art. 17). */
export type Channel = 'ONLINE' | 'LETTER' | 'PHONE' | 'FAX' | 'VISIT';
/** 建议意见/检举控告/申诉求决 (Arts. 29–31). */
export type Category = 'SUGGESTION' | 'ACCUSATION' | 'CLAIM';
export type PetitionStatus = 'REGISTERED' | 'TRANSFERRED' | 'ASSIGNED' | 'HANDLING' | 'DECLINED';
export type Stage = 'REGISTRATION' | 'HANDLING' | 'REVIEW' | 'RE_REVIEW' | 'CLOSED';
/** 转送 / 交办 (Art. 22). */
export type RouteMode = 'TRANSFER' | 'ASSIGN';
/** Why a petition is not accepted (不予受理). */
export type DeclineReason =
  | 'LITIGATION_RELATED'
  | 'ALREADY_REEXAMINED'
  | 'DUPLICATE_IN_PROGRESS'
  | 'NOT_A_PETITION'
  | 'OTHER';
export type DeadlineKind = 'REGISTRATION' | 'NOTICE' | 'HANDLING';

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

/** What the registrar records (登记, Arts. 21–23). Times are epoch milliseconds. */
export interface Registration {
  petitionId: string;
  petitioner: Petitioner;
  channel: Channel;
  category: Category;
  summary: string;
  content: string;
  receivedAt: number;
  respondentUnitId: string | null;
  registeredBy: Actor;
}

/** One running statutory clock. `dueAt` moves only by `pausedMs` (hearings) and by approved extensions. */
export interface Deadline {
  kind: DeadlineKind;
  ruleId: RuleId;
  article: string;
  startedAt: number;
  dueAt: number;
  pausedMs: number;
  pausedSince: number | null;
  metAt: number | null;
  overdueAt: number | null;
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
  status: PetitionStatus;
  stage: Stage;
  unitId: string | null;
  routeMode: RouteMode | null;
  acceptedAt: number | null;
  declineReason: DeclineReason | null;
  deadlines: Deadline[];
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
} as const satisfies Record<string, readonly PetitionStatus[]>;
export type CommandName = keyof typeof ALLOWED_FROM;

export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['DECLINED'];

export function isTerminal(state: PetitionState): boolean {
  return TERMINAL_STATUSES.includes(state.status);
}

export function effectiveDue(deadline: Deadline): number {
  return deadline.pausedSince === null ? deadline.dueAt + deadline.pausedMs : Number.POSITIVE_INFINITY;
}

function openDeadline(profile: JurisdictionProfile, kind: DeadlineKind, ruleId: RuleId, startedAt: number): Deadline {
  const rule = ruleOf(profile, ruleId);
  if (rule.days === null || rule.counting === null) throw new Error(`rule ${ruleId} has no duration`);
  return {
    kind,
    ruleId,
    article: rule.article,
    startedAt,
    dueAt: periodEnd(startedAt, rule.days, rule.counting),
    pausedMs: 0,
    pausedSince: null,
    metAt: null,
    overdueAt: null,
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

function meetOpenDeadlines(state: PetitionState, kinds: readonly DeadlineKind[], at: number): Deadline[] {
  return state.deadlines.map((d) => (kinds.includes(d.kind) && d.metAt === null ? { ...d, metAt: at, pausedSince: null } : d));
}

/** 登记: the petition as it stands the moment it is registered; the 15-day clock runs from receipt. */
export function openPetition(registration: Registration, now: number, profile: JurisdictionProfile): PetitionState {
  const { registeredBy, ...facts } = registration;
  const initial: PetitionState = {
    ...facts,
    profileId: profile.id,
    registeredAt: now,
    status: 'REGISTERED',
    stage: 'REGISTRATION',
    unitId: null,
    routeMode: null,
    acceptedAt: null,
    declineReason: null,
    deadlines: [openDeadline(profile, 'REGISTRATION', 'REGISTER_AND_ROUTE', registration.receivedAt)],
    timeline: [],
    lastSeq: 0,
  };
  return withEvent(initial, now, 'REGISTERED', registeredBy, null, {
    receivedAt: registration.receivedAt,
    channel: registration.channel,
  });
}

export function assertAllowed(state: PetitionState, command: CommandName): void {
  const allowed: readonly PetitionStatus[] = ALLOWED_FROM[command];
  if (!allowed.includes(state.status)) {
    throw new CommandRefused(
      'INVALID_TRANSITION',
      `cannot ${command} petition ${state.petitionId}: it is ${state.status} (allowed from ${allowed.join(', ')})`,
      { status: state.status },
    );
  }
}

export function checkAccept(state: PetitionState, command: AcceptCommand): void {
  assertAllowed(state, 'accept');
  if (!command.unitId && !state.unitId) {
    throw new CommandRefused('BAD_USER_INPUT', 'unitId is required: the petition has not been routed to a unit', {
      field: 'unitId',
    });
  }
}

/** 受理 (and 交办 to the unit when not yet routed): the handling clock starts now. */
export function accept(state: PetitionState, command: AcceptCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkAccept(state, command);
  const unitId = command.unitId ?? state.unitId;
  const next: PetitionState = {
    ...state,
    status: 'HANDLING',
    stage: 'HANDLING',
    unitId,
    acceptedAt: now,
    deadlines: [
      ...meetOpenDeadlines(state, ['REGISTRATION', 'NOTICE'], now),
      openDeadline(profile, 'HANDLING', 'HANDLE', now),
    ],
  };
  return withEvent(next, now, 'ACCEPTED', command.actor, command.note, { unitId });
}

export function checkRoute(state: PetitionState, _command: RouteCommand): void {
  assertAllowed(state, 'route');
}

/** 转送 / 交办: the unit now has 15 days to notify the petitioner (Art. 23 ¶3). */
export function route(state: PetitionState, command: RouteCommand, now: number, profile: JurisdictionProfile): PetitionState {
  checkRoute(state, command);
  const next: PetitionState = {
    ...state,
    status: command.mode === 'TRANSFER' ? 'TRANSFERRED' : 'ASSIGNED',
    unitId: command.unitId,
    routeMode: command.mode,
    deadlines: [
      ...meetOpenDeadlines(state, ['REGISTRATION'], now),
      openDeadline(profile, 'NOTICE', 'NOTICE_ROUTED', now),
    ],
  };
  return withEvent(next, now, command.mode === 'TRANSFER' ? 'TRANSFERRED' : 'ASSIGNED', command.actor, command.note, {
    unitId: command.unitId,
  });
}

export function checkDecline(state: PetitionState, _command: DeclineCommand): void {
  assertAllowed(state, 'decline');
}

/** 不予受理: the case ends here. */
export function decline(state: PetitionState, command: DeclineCommand, now: number): PetitionState {
  checkDecline(state, command);
  const next: PetitionState = {
    ...state,
    status: 'DECLINED',
    stage: 'CLOSED',
    declineReason: command.reason,
    deadlines: meetOpenDeadlines(state, ['REGISTRATION', 'NOTICE'], now),
  };
  return withEvent(next, now, 'DECLINED', command.actor, command.note, { reason: command.reason });
}

/** The open deadline that runs out first, if any clock is running. */
export function nextDeadline(state: PetitionState): Deadline | null {
  let next: Deadline | null = null;
  for (const d of state.deadlines) {
    if (d.metAt !== null || d.overdueAt !== null || d.pausedSince !== null) continue;
    if (next === null || effectiveDue(d) < effectiveDue(next)) next = d;
  }
  return next;
}

/** The deadline ran out with nothing done: a breach on the record (Art. 40 supervision follows from it). */
export function markOverdue(state: PetitionState, kind: DeadlineKind, now: number): PetitionState {
  const deadline = state.deadlines.find((d) => d.kind === kind && d.metAt === null && d.overdueAt === null);
  if (!deadline) return state;
  const next = {
    ...state,
    deadlines: state.deadlines.map((d) => (d === deadline ? { ...d, overdueAt: now } : d)),
  };
  return withEvent(next, now, 'OVERDUE', null, null, { deadline: kind, dueAt: effectiveDue(deadline) });
}

/** Overdue now: some deadline ran out and has not been met since. */
export function isOverdue(state: PetitionState): boolean {
  return state.deadlines.some((d) => d.overdueAt !== null && d.metAt === null);
}

/** The due date that matters now: the earliest deadline still open. */
export function currentDueAt(state: PetitionState): number | null {
  const open = state.deadlines.filter((d) => d.metAt === null);
  if (open.length === 0) return null;
  return Math.min(...open.map((d) => d.dueAt + d.pausedMs));
}
