/**
 * Every command a petition takes, listed once. The workflow registers an update per entry (validator `check`,
 * handler `apply`), the update definitions are made from the same names, and the API builds each command's
 * argument of the type listed here.
 */
import {
  type AppealCommand,
  type ReplyCommand,
  type SatisfactionCommand,
  recordSatisfaction,
  reply,
  requestReview,
} from './appeals';
import {
  type ExtensionCommand,
  type ExtensionDecisionCommand,
  type HearingCommand,
  decideExtension,
  endHearing,
  requestExtension,
  startHearing,
} from './handling';
import { type AgreementCommand, type ChooseRouteCommand, chooseRoute, recordAgreement } from './kind-paths';
import type { Command, CommandName } from './lifecycle';
import { type AttachMaterialCommand, attachMaterial } from './materials';
import { type AcceptCommand, type DeclineCommand, type RouteCommand, accept, decline, route } from './registration';
import { type ConfirmRepeatCommand, type DismissRepeatCommand, confirmRepeat, dismissRepeat } from './repeats';
import {
  type AssignmentReportCommand,
  type ObjectionCommand,
  type ObjectionDecisionCommand,
  type ReceiptCommand,
  decideObjection,
  raiseObjection,
  signForReceipt,
  submitAssignmentReport,
} from './unit-routing';
import {
  type AnswerUrgeCommand,
  type EscalateCommand,
  type InstructCommand,
  type UrgeCommand,
  answerUrge,
  escalate,
  instruct,
  urge,
} from './supervision';

/** The argument each command takes. */
export interface CommandArgs {
  /** 受理 */
  accept: AcceptCommand;
  /** 转送 / 交办 */
  route: RouteCommand;
  /** 不予受理 */
  decline: DeclineCommand;
  /** 确认重复信访: declined with the article that applies */
  confirmRepeat: ConfirmRepeatCommand;
  /** 排除疑似重复 */
  dismissRepeat: DismissRepeatCommand;
  /** 延期申请 */
  requestExtension: ExtensionCommand;
  /** 延期审批, by the unit head */
  decideExtension: ExtensionDecisionCommand;
  /** 听证 opens */
  startHearing: HearingCommand;
  /** 听证 closes */
  endHearing: HearingCommand;
  /** 信访处理意见书 / 复查意见 / 复核意见, delivered */
  reply: ReplyCommand;
  /** 满意度评价 */
  recordSatisfaction: SatisfactionCommand;
  /** 复查 or 复核 request */
  requestReview: AppealCommand;
  /** 督办 */
  urge: UrgeCommand;
  /** The unit's answer to a 督办 */
  answerUrge: AnswerUrgeCommand;
  /** 提级包案 */
  escalate: EscalateCommand;
  /** 批示 */
  instruct: InstructCommand;
  /** 签收 of a 转送/交办 item by its unit */
  signForReceipt: ReceiptCommand;
  /** 异议: the unit says the item is not its to handle */
  raiseObjection: ObjectionCommand;
  /** The bureau's decision on an 异议 */
  decideObjection: ObjectionDecisionCommand;
  /** 办结报告 of a 交办 item */
  submitAssignmentReport: AssignmentReportCommand;
  /** 申诉求决's route of Art. 31 */
  chooseRoute: ChooseRouteCommand;
  /** 调解协议书 / 和解协议书 */
  recordAgreement: AgreementCommand;
  /** 材料: a file kept with the petition, stored outside the history */
  attachMaterial: AttachMaterialCommand;
}

export const COMMANDS: { readonly [N in CommandName]: Command<CommandArgs[N]> } = {
  accept,
  route,
  decline,
  confirmRepeat,
  dismissRepeat,
  requestExtension,
  decideExtension,
  startHearing,
  endHearing,
  reply,
  recordSatisfaction,
  requestReview,
  urge,
  answerUrge,
  escalate,
  instruct,
  signForReceipt,
  raiseObjection,
  decideObjection,
  submitAssignmentReport,
  chooseRoute,
  recordAgreement,
  attachMaterial,
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
