/** The evaluation panel workflow's messages (第三方评议), shared with the API. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { HolidayCalendar } from '../domain/calendar';
import type { AttendanceCommand, PanelState, Panelist, VoteCommand } from '../domain/evaluation';

export interface PanelWorkflowInput {
  panelId: string;
  title: string;
  members: Panelist[];
  petitionIds: string[];
  quorum: number;
  /** A set deadline; otherwise `deadlineDays` counted by the workflow's own clock from convening. */
  deadlineAt: number | null;
  deadlineDays: number;
  convenedBy: string;
  /** The holiday calendar `deadlineDays` are counted on; absent on panels convened before it was data. */
  calendar?: HolidayCalendar;
}

export function panelWorkflowId(panelId: string): string {
  return `panel-${panelId}`;
}

/** A member's verdict on a case; the same vote again is harmless, a different one refused. */
export const recordEvaluationUpdate = defineUpdate<PanelState, [VoteCommand]>('recordEvaluation');

/**
 * The supervisor records who is present (到会), voting or not: an attendance is a member present. Present again is
 * harmless; a name not on the panel is refused (BAD_USER_INPUT), as is a closed panel (INVALID_TRANSITION).
 */
export const recordAttendanceUpdate = defineUpdate<PanelState, [AttendanceCommand]>('recordAttendance');

export const panelStateQuery = defineQuery<PanelState>('panelState');
