/**
 * The petition workflow's messages, declared once: the workflow registers handlers for them and the API sends
 * them. Commands that can be refused are updates, so their validators answer before anything is written.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AcceptCommand,
  DeclineCommand,
  PetitionState,
  Registration,
  RouteCommand,
} from '../domain/petition';

export const TASK_QUEUE = 'petitions';

export interface PetitionWorkflowInput {
  registration: Registration;
  profileId: string;
  /** State carried over by continue-as-new; absent on the first run. */
  carried?: { state: PetitionState; projectedSeq: number };
}

export function petitionWorkflowId(petitionId: string): string {
  return `petition-${petitionId}`;
}

/** 受理 */
export const acceptUpdate = defineUpdate<PetitionState, [AcceptCommand]>('accept');
/** 转送 / 交办 */
export const routeUpdate = defineUpdate<PetitionState, [RouteCommand]>('route');
/** 不予受理 */
export const declineUpdate = defineUpdate<PetitionState, [DeclineCommand]>('decline');

/** The petition as the workflow holds it now. */
export const petitionStateQuery = defineQuery<PetitionState>('petitionState');
