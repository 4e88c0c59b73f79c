/**
 * The petition workflow's messages, declared once: the workflow registers handlers for them and the API sends
 * them. Commands that can be refused are updates, so their validators answer before anything is written.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarYear, HolidayCalendar } from '../domain/calendar';
import {
  COMMAND_NAMES,
  type CommandArgs,
  type CommandName,
  type PanelEvaluation,
  type PetitionState,
  type Registration,
} from '../domain/petition';

export const TASK_QUEUE = 'petitions';

/** Past this many history events a run hands over to a new one (continue-as-new), whatever the server says. */
export const DEFAULT_HISTORY_LIMIT = 2_000;

export interface PetitionWorkflowInput {
  registration: Registration;
  profileId: string;
  historyLimit?: number;
  /**
   * The holiday calendar the petition counts its days on: the published notices, and the statutory holidays of
   * years without one (provisional). Absent on runs begun before the calendar was workflow data.
   */
  calendar?: HolidayCalendar;
  /** State carried over by continue-as-new; absent on the first run. */
  carried?: { state: PetitionState; projectedSeq: number; calendar?: HolidayCalendar };
}

export function petitionWorkflowId(petitionId: string): string {
  return `petition-${petitionId}`;
}

/**
 * What an update answers: which petition and which of its changes (the sequence number of its newest event).
 * The update waits for the projection, so the read model holds that change when the answer comes, and the API
 * answers from there; an answer with the whole state would be as long as the case, in every update's event in
 * the history. Runs begun before `lean-answers` answer with the whole state.
 */
export type PetitionAnswer = PetitionState | PetitionAck;
export interface PetitionAck {
  petitionId: string;
  lastSeq: number;
}

/** One update per command of the petition's rules (domain/petition/commands.ts), named as the command. */
export type PetitionUpdate<N extends CommandName> = UpdateDefinition<PetitionAnswer, [CommandArgs[N]], N>;

export const petitionUpdates = Object.fromEntries(COMMAND_NAMES.map((name) => [name, defineUpdate(name)])) as {
  readonly [N in CommandName]: PetitionUpdate<N>;
};

/** A panel's verdict (第三方评议), sent by the panel's activity: a signal, so it reaches a closed case too. */
export const panelVerdictSignal = defineSignal<[Omit<PanelEvaluation, 'at'>]>('panelVerdict');

/**
 * A year's holiday notice published (or corrected): the petition counts on it from now on and re-plans its open
 * clocks. A signal, so one batch operation reaches every open petition and none can refuse it.
 */
export const holidayCalendarSignal = defineSignal<[CalendarYear]>('holidayCalendarPublished');

/**
 * 登记: answers the petition once its registration is in the read model. The API starts the workflow with it
 * (update-with-start), so a registration's answer comes in the same round trip as the start, and a retried one
 * (the same requestId, the workflow still running) is answered by the run it started.
 */
export const petitionRegisteredUpdate = defineUpdate<PetitionAnswer>('petitionRegistered');

/** The petition as the workflow holds it now. */
export const petitionStateQuery = defineQuery<PetitionState>('petitionState');
