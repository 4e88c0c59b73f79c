/** Who may do what through the API (docs/api.md, roles): the principal's role, as tokens store it. */
export const ROLES = [
  'REGISTRAR',
  'UNIT_HANDLER',
  'UNIT_HEAD',
  'SUPERVISOR',
  'LEADER',
  'REVIEWER',
  'TESTER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];
