/** The records of 复查/复核 requests and of the opinions delivered (Arts. 32, 35, 36), as the petition keeps them. */
import type { Level, ReplyOutcome } from './state';

/**
 * What shows when the petitioner made a 复查/复核 request: the postmark on the letter, the online system's
 * submission time, the moment it was made at the office (走访), or another record. Null: as entered.
 */
export const REQUESTED_VIA = ['POSTMARK', 'ONLINE', 'IN_PERSON', 'OTHER'] as const;
export type RequestedVia = (typeof REQUESTED_VIA)[number];

/** 复查 (Art. 35) or 复核 (Art. 36) request. */
export interface Appeal {
  level: 'REVIEW' | 'REEXAMINATION';
  /** When the petitioner made the request (postmark, online submission): what the window is judged on. */
  requestedAt: number;
  /** What `requestedAt` rests on; null (or absent on appeals recorded before it existed): as entered. */
  requestedVia?: RequestedVia | null;
  /**
   * When the organ received it (the registrar entered it): the organ's own 30 days run from here. Absent on
   * appeals recorded before it existed, which were received as they were requested.
   */
  receivedAt?: number;
  reason: string | null;
  unitId: string;
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
