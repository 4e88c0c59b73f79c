/** A panel of five that meets the make-up rules (两代表一委员 and a lawyer), for the tests that convene one. */
export const PANEL_OF_FIVE = [
  { memberId: 'M-NPC-1', name: '人大代表甲', kind: 'NPC_DEPUTY' },
  { memberId: 'M-NPC-2', name: '人大代表乙', kind: 'NPC_DEPUTY' },
  { memberId: 'M-CPPCC-1', name: '政协委员丙', kind: 'CPPCC_MEMBER' },
  { memberId: 'M-PARTY-1', name: '党代表丁', kind: 'PARTY_DEPUTY' },
  { memberId: 'M-LAW-1', name: '律师戊', kind: 'LAWYER' },
];
