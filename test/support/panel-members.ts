import type { PanelState, Panelist } from '../../domain/evaluation';
import { at } from './petition-fixture';

/** A panel of five that meets the make-up rules (两代表一委员 and a lawyer), for the tests that convene one. */
export const PANEL_OF_FIVE = [
  { memberId: 'M-NPC-1', name: '人大代表甲', kind: 'NPC_DEPUTY' },
  { memberId: 'M-NPC-2', name: '人大代表乙', kind: 'NPC_DEPUTY' },
  { memberId: 'M-CPPCC-1', name: '政协委员丙', kind: 'CPPCC_MEMBER' },
  { memberId: 'M-PARTY-1', name: '党代表丁', kind: 'PARTY_DEPUTY' },
  { memberId: 'M-LAW-1', name: '律师戊', kind: 'LAWYER' },
];

/**
 * A closed panel of PANEL_OF_FIVE on petition XF-1, convened on 1 March 2026, for the statistics of panels held and
 * members present: `changes` gives its votes, who was recorded present, and its verdict (none by default).
 */
export function closedPanel(panelId: string, closedAt: string, changes: Partial<PanelState>): PanelState {
  return {
    panelId,
    title: '评议会',
    members: PANEL_OF_FIVE as Panelist[],
    petitionIds: ['XF-1'],
    quorum: 3,
    convenedAt: at('2026-03-01'),
    convenedBy: 'supervisor',
    deadlineAt: at('2026-03-15'),
    status: 'CLOSED',
    votes: [],
    results: [{ petitionId: 'XF-1', verdict: null, votes: 0 }],
    closedAt: at(closedAt),
    version: 5,
    ...changes,
  };
}

/** A member's SATISFIED vote on XF-1, cast on 5 March 2026. */
export function satisfiedVote(memberId: string): PanelState['votes'][number] {
  return { memberId, petitionId: 'XF-1', verdict: 'SATISFIED', comment: null, at: at('2026-03-05') };
}
