/**
 * 满意 / 基本满意 / 不满意: the one scale on which petitioners rate a case (满意度评价) and panels give their
 * verdict (第三方评议).
 */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
