/** What supervision leaves on a petition (Arts. 16, 18, 40): its 督办 and 催办, and its 提级包案. Plain data. */
import type { Actor } from './state';

/**
 * 督办 (MANUAL, by a supervisor, or SUPERVISION, automatic at overdue) must be answered by `dueAt`;
 * 催办 (REMINDER, automatic at a deadline's warning) only reminds.
 */
export const URGE_KINDS = ['MANUAL', 'REMINDER', 'SUPERVISION'] as const;
export interface Urge {
  id: string;
  kind: (typeof URGE_KINDS)[number];
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
