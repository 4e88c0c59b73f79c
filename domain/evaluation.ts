/**
 * 第三方评议 (docs/domain.md §7): a panel of people's deputies, CPPCC members, party deputies and lawyers rates
 * cases already delivered (办结). Pure rules: who may sit on a panel, and how a case's verdict follows from the
 * votes cast.
 */
import { Refusal } from './error-codes';
import type { SatisfactionLevel } from './satisfaction';

/** 两代表一委员 and lawyers. */
export const PANELIST_KINDS = ['NPC_DEPUTY', 'CPPCC_MEMBER', 'PARTY_DEPUTY', 'LAWYER'] as const;
export type PanelistKind = (typeof PANELIST_KINDS)[number];
export const PANEL_STATUSES = ['OPEN', 'CLOSED'] as const;
/** A panel member's verdict is on the petitioner's own scale of satisfaction. */
export type Verdict = SatisfactionLevel;

export interface Panelist {
  memberId: string;
  name: string;
  kind: PanelistKind;
}

/** Local practice, per jurisdiction like every number here. */
export interface PanelRules {
  minMembers: number;
  maxMembers: number;
  minLawyers: number;
  defaultQuorum: number;
  defaultDeadlineDays: number;
}

export const DEFAULT_PANEL_RULES: PanelRules = {
  minMembers: 5,
  maxMembers: 9,
  minLawyers: 1,
  defaultQuorum: 3,
  defaultDeadlineDays: 14,
};

/** Least favourable first: a tie goes to the earlier one. */
const FAVOUR: readonly Verdict[] = ['DISSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED'];

/** What is wrong with a panel's make-up, or null when it may sit. */
export function panelProblem(
  members: readonly Panelist[],
  quorum: number,
  rules: PanelRules = DEFAULT_PANEL_RULES,
): string | null {
  if (members.length < rules.minMembers || members.length > rules.maxMembers) {
    return `a panel has ${rules.minMembers} to ${rules.maxMembers} members, not ${members.length}`;
  }
  if (new Set(members.map((m) => m.memberId)).size !== members.length) return 'a member is listed twice';
  if (members.filter((m) => m.kind === 'LAWYER').length < rules.minLawyers)
    return `a panel needs at least ${rules.minLawyers} lawyer`;
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > members.length)
    return `the quorum must be from 1 to ${members.length}`;
  return null;
}

/**
 * A case's verdict: the majority of the votes cast, a tie going to the less favourable verdict; with fewer
 * votes than the quorum, no verdict.
 */
export function caseVerdict(votes: readonly Verdict[], quorum: number): Verdict | null {
  if (votes.length < quorum) return null;
  let best: Verdict | null = null;
  let bestCount = 0;
  for (const verdict of FAVOUR) {
    const count = votes.filter((v) => v === verdict).length;
    if (count > bestCount) {
      best = verdict;
      bestCount = count;
    }
  }
  return best;
}

/** One member's verdict on one case. */
export interface Vote {
  memberId: string;
  petitionId: string;
  verdict: Verdict;
  comment: string | null;
  at: number;
}

/** A case's verdict (null: quorum not reached) and the votes it rests on. */
export interface PanelResult {
  petitionId: string;
  verdict: Verdict | null;
  votes: number;
}

/** A panel (评议会) as its workflow keeps it. */
export interface PanelState {
  panelId: string;
  title: string;
  members: Panelist[];
  petitionIds: string[];
  quorum: number;
  convenedAt: number;
  convenedBy: string;
  deadlineAt: number;
  status: (typeof PANEL_STATUSES)[number];
  votes: Vote[];
  /**
   * The members the supervisor recorded present (到会), whether or not they voted; absent on panels convened before
   * presence was recorded. A member who voted was present all the same (`isPresent`).
   */
  present?: string[];
  /** Per case, once closed: the verdict (null: quorum not reached) and the votes it rests on. */
  results: PanelResult[];
  closedAt: number | null;
  /** Bumped by every change; the read model keeps the newest. */
  version: number;
}

export interface VoteCommand {
  memberId: string;
  petitionId: string;
  verdict: Verdict;
  comment: string | null;
}

/** Refuses a vote the panel cannot take; answers true when it is the very same vote again (harmless). */
export function checkVote(panel: PanelState, vote: VoteCommand): boolean {
  // Membership first: one who does not sit on the panel learns nothing of it, not even that it closed.
  if (!panel.members.some((m) => m.memberId === vote.memberId))
    throw new Refusal('FORBIDDEN', `you do not sit on panel ${panel.panelId}`);
  if (panel.status !== 'OPEN') throw new Refusal('INVALID_TRANSITION', `panel ${panel.panelId} is closed`);
  if (!panel.petitionIds.includes(vote.petitionId))
    throw new Refusal('BAD_USER_INPUT', `petition ${vote.petitionId} is not before panel ${panel.panelId}`);
  const earlier = panel.votes.find((v) => v.memberId === vote.memberId && v.petitionId === vote.petitionId);
  if (!earlier) return false;
  if (earlier.verdict === vote.verdict) return true;
  throw new Refusal('INVALID_TRANSITION', `you already gave ${earlier.verdict} on ${vote.petitionId}`);
}

export function recordVote(panel: PanelState, vote: VoteCommand, now: number): PanelState {
  if (checkVote(panel, vote)) return panel;
  return { ...panel, votes: [...panel.votes, { ...vote, at: now }], version: panel.version + 1 };
}

/** Who the supervisor records present at a panel (到会): members of it, voting or not. */
export interface AttendanceCommand {
  memberIds: string[];
}

/**
 * Refuses an attendance the panel cannot take (a name not on it, field `memberIds[i]`; a closed panel); answers
 * true when every one named is present already (harmless).
 */
export function checkAttendance(panel: PanelState, command: AttendanceCommand): boolean {
  command.memberIds.forEach((memberId, i) => {
    if (!panel.members.some((m) => m.memberId === memberId))
      throw new Refusal('BAD_USER_INPUT', `${memberId} does not sit on panel ${panel.panelId}`, {
        field: `memberIds[${i}]`,
      });
  });
  if (panel.status !== 'OPEN') throw new Refusal('INVALID_TRANSITION', `panel ${panel.panelId} is closed`);
  return command.memberIds.every((memberId) => isPresent(panel, memberId));
}

export function recordAttendance(panel: PanelState, command: AttendanceCommand): PanelState {
  if (checkAttendance(panel, command)) return panel;
  const present = panel.members
    .map((m) => m.memberId)
    .filter((id) => panel.present?.includes(id) || command.memberIds.includes(id));
  return { ...panel, present, version: panel.version + 1 };
}

/** Voted at least once on the panel. */
export function hasVoted(panel: Pick<PanelState, 'votes'>, memberId: string): boolean {
  return panel.votes.some((v) => v.memberId === memberId);
}

/** An attendance (参评委员人次): recorded present, or voted (one cannot vote without being there). */
export function isPresent(panel: Pick<PanelState, 'votes' | 'present'>, memberId: string): boolean {
  return (panel.present?.includes(memberId) ?? false) || hasVoted(panel, memberId);
}

export function allVoted(panel: PanelState): boolean {
  return panel.votes.length >= panel.members.length * panel.petitionIds.length;
}

/** The panel closes (all voted, or its deadline): each case gets its verdict by `caseVerdict`. */
export function closePanel(panel: PanelState, now: number): PanelState {
  const results = panel.petitionIds.map((petitionId) => {
    const votes = panel.votes.filter((v) => v.petitionId === petitionId).map((v) => v.verdict);
    return { petitionId, verdict: caseVerdict(votes, panel.quorum), votes: votes.length };
  });
  return { ...panel, status: 'CLOSED', results, closedAt: now, version: panel.version + 1 };
}
