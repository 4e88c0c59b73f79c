/**
 * The petition workflow's messages, declared once: the workflow registers handlers for them and the API sends
 * them. Commands that can be refused are updates, so their validators answer before anything is written.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AcceptCommand,
  AnswerUrgeCommand,
  AppealCommand,
  DeclineCommand,
  EscalateCommand,
  ExtensionCommand,
  ExtensionDecisionCommand,
  HearingCommand,
  InstructCommand,
  PanelEvaluation,
  PetitionState,
  Registration,
  ReplyCommand,
  RouteCommand,
  SatisfactionCommand,
  UrgeCommand,
} from '../domain/petition';

export const TASK_QUEUE = 'petitions';

/** Past this many history events a run hands over to a new one (continue-as-new), whatever the server says. */
export const DEFAULT_HISTORY_LIMIT = 2_000;

export interface PetitionWorkflowInput {
  registration: Registration;
  profileId: string;
  historyLimit?: number;
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
/** 延期申请 */
export const requestExtensionUpdate = defineUpdate<PetitionState, [ExtensionCommand]>('requestExtension');
/** 延期审批 by the unit head */
export const decideExtensionUpdate = defineUpdate<PetitionState, [ExtensionDecisionCommand]>('decideExtension');
/** 听证 opens */
export const startHearingUpdate = defineUpdate<PetitionState, [HearingCommand]>('startHearing');
/** 听证 closes */
export const endHearingUpdate = defineUpdate<PetitionState, [HearingCommand]>('endHearing');
/** 信访处理意见书 / 复查意见 / 复核意见, delivered */
export const replyUpdate = defineUpdate<PetitionState, [ReplyCommand]>('reply');
/** 满意度评价 */
export const recordSatisfactionUpdate = defineUpdate<PetitionState, [SatisfactionCommand]>('recordSatisfaction');
/** 复查 or 复核 request */
export const requestReviewUpdate = defineUpdate<PetitionState, [AppealCommand]>('requestReview');

/** 督办 */
export const urgeUpdate = defineUpdate<PetitionState, [UrgeCommand]>('urge');
/** The unit's answer to a 督办 */
export const answerUrgeUpdate = defineUpdate<PetitionState, [AnswerUrgeCommand]>('answerUrge');
/** 提级包案 */
export const escalateUpdate = defineUpdate<PetitionState, [EscalateCommand]>('escalate');
/** 批示 */
export const instructUpdate = defineUpdate<PetitionState, [InstructCommand]>('instruct');

/** A panel's verdict (第三方评议), sent by the panel's activity: a signal, so it reaches a closed case too. */
export const panelVerdictSignal = defineSignal<[Omit<PanelEvaluation, 'at'>]>('panelVerdict');

/** The petition as the workflow holds it now. */
export const petitionStateQuery = defineQuery<PetitionState>('petitionState');
