/**
 * 第三方评议 (DOMAIN.md §7): a panel of people's deputies, CPPCC members, party deputies and lawyers rates
 * cases already delivered (办结). Pure rules: who may sit on a panel, and how a case's verdict follows from the
 * votes cast.
 */

/** 两代表一委员 and lawyers. */
export type PanelistKind = 'NPC_DEPUTY' | 'CPPCC_MEMBER' | 'PARTY_DEPUTY' | 'LAWYER';
export type Verdict = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

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

export const DEFAULT_PANEL_RULES: PanelRules = { minMembers: 5, maxMembers: 9, minLawyers: 1, defaultQuorum: 3, defaultDeadlineDays: 14 };

/** Least favourable first: a tie goes to the earlier one. */
const FAVOUR: readonly Verdict[] = ['DISSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED'];

/** What is wrong with a panel's make-up, or null when it may sit. */
export function panelProblem(members: readonly Panelist[], quorum: number, rules: PanelRules = DEFAULT_PANEL_RULES): string | null {
  if (members.length < rules.minMembers || members.length > rules.maxMembers) {
    return `a panel has ${rules.minMembers} to ${rules.maxMembers} members, not ${members.length}`;
  }
  if (new Set(members.map((m) => m.memberId)).size !== members.length) return 'a member is listed twice';
  if (members.filter((m) => m.kind === 'LAWYER').length < rules.minLawyers) return `a panel needs at least ${rules.minLawyers} lawyer`;
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > members.length) return `the quorum must be from 1 to ${members.length}`;
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
