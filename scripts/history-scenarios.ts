/**
 * The paths `npm run histories:record` drives, one workflow each, and the files they are saved as: registration
 * overdue and declined, the whole chain, handling overdue, a window that closes, a panel (its members recorded
 * present) reopening a delivered and a closed case, a continue-as-new, a holiday notice re-planning a case.
 */
import { dayKey, shanghaiDayNumber } from '../domain/calendar';
import * as defs from '../workflows/definitions';
import {
  panelWorkflowId,
  recordAttendanceUpdate,
  recordEvaluationUpdate,
  type PanelWorkflowInput,
} from '../workflows/panel-definitions';
import { evaluationPanelWorkflow } from '../workflows/panel-workflow';
import type { Recorder } from './history-recording';

const DAY = 86_400_000;

export async function recordScenarios(r: Recorder): Promise<void> {
  const { env, calendar, start, update, settle, save, write, registrar, handler, head, supervisor } = r;
  // 1. Registration overdue, then declined.
  await start('registration-overdue');
  // The 15 days end at 24:00 of a working day, so how long until overdue depends on the day the recording starts.
  await env.sleep(15 * DAY);
  for (let day = 0; day < 15; day += 1) {
    const state = await settle('registration-overdue', () => true);
    if (state.timeline.some((e) => e.type === 'OVERDUE')) break;
    await env.sleep(DAY);
  }
  await settle('registration-overdue', (s) => s.timeline.some((e) => e.type === 'OVERDUE'));
  await update('registration-overdue', 'decline', {
    reason: 'NOT_A_PETITION',
    note: '不属于信访事项',
    actor: registrar,
  });
  await env.client.workflow.getHandle(defs.petitionWorkflowId('REC-registration-overdue')).result();
  await save('registration-overdue', defs.petitionWorkflowId('REC-registration-overdue'));

  // 2. The whole chain: route, accept, supervision, escalation, extension, hearings, 复查, 复核, 终结.
  await start('full-chain');
  await update('full-chain', 'route', {
    unitId: 'U-FT-01',
    mode: 'ASSIGN',
    note: null,
    actor: registrar,
  });
  await update('full-chain', 'accept', { unitId: null, note: null, actor: registrar });
  await update('full-chain', 'urge', {
    message: '请报告进展',
    respondWithinDays: 3,
    actor: supervisor,
  });
  await update('full-chain', 'answerUrge', { urgeId: 'DB-1', text: '已处理', actor: handler });
  await update('full-chain', 'escalate', {
    leaderId: 'leader-1',
    reason: '久拖未决',
    actor: supervisor,
  });
  await update('full-chain', 'instruct', {
    text: '一周内拿出方案',
    actor: { id: 'leader-1', role: 'LEADER' },
  });
  await update('full-chain', 'requestExtension', { days: 20, reason: '需评估', actor: handler });
  await update('full-chain', 'decideExtension', { approve: true, note: null, actor: head });
  await update('full-chain', 'startHearing', { note: null, actor: handler });
  await env.sleep(3 * DAY);
  await update('full-chain', 'endHearing', { note: null, actor: handler });
  await update('full-chain', 'reply', {
    outcome: 'NOT_SUPPORT',
    text: '不予支持',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await update('full-chain', 'recordSatisfaction', {
    level: 'DISSATISFIED',
    target: 'UNIT',
    actor: registrar,
  });
  await update('full-chain', 'requestReview', {
    reason: '不服',
    reviewUnitId: 'O-FT-GOV',
    actor: registrar,
  });
  await update('full-chain', 'reply', {
    outcome: 'NOT_SUPPORT',
    text: '维持',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await update('full-chain', 'requestReview', {
    reason: '不服复查',
    reviewUnitId: 'O-SZ-GOV',
    actor: registrar,
  });
  await update('full-chain', 'startHearing', { note: null, actor: handler });
  await env.sleep(10 * DAY);
  await update('full-chain', 'endHearing', { note: null, actor: handler });
  await update('full-chain', 'reply', {
    outcome: 'NOT_SUPPORT',
    text: '复核维持',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await env.client.workflow.getHandle(defs.petitionWorkflowId('REC-full-chain')).result();
  await save('full-chain', defs.petitionWorkflowId('REC-full-chain'));

  // 3. Handling overdue: 催办, 督办, the 督办 unanswered, the escalation proposal; then a late reply.
  await start('handling-overdue');
  await update('handling-overdue', 'accept', { unitId: 'U-FT-02', note: null, actor: registrar });
  await env.sleep(80 * DAY);
  await settle('handling-overdue', (s) => s.escalationProposedAt !== null);
  await update('handling-overdue', 'reply', {
    outcome: 'SUPPORT',
    text: '迟复',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });

  // 4. Delivered, and the 复查 window closes with no request.
  await start('window-closes');
  await update('window-closes', 'accept', { unitId: 'U-FT-03', note: null, actor: registrar });
  await update('window-closes', 'reply', {
    outcome: 'EXPLAIN',
    text: '解释',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await env.sleep(35 * DAY);
  await env.client.workflow.getHandle(defs.petitionWorkflowId('REC-window-closes')).result();
  await save('window-closes', defs.petitionWorkflowId('REC-window-closes'));

  await settle('handling-overdue', (s) => s.status === 'CLOSED');
  await save('handling-overdue', defs.petitionWorkflowId('REC-handling-overdue'));

  // 5. A panel, its members recorded present: a delivered case found DISSATISFIED (reopened by signal), a closed
  // one (reopened by a new run).
  await start('delivered');
  await update('delivered', 'accept', { unitId: 'U-FT-04', note: null, actor: registrar });
  await update('delivered', 'reply', {
    outcome: 'EXPLAIN',
    text: '解释',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  const members = ['NPC_DEPUTY', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'PARTY_DEPUTY', 'LAWYER'].map((kind, i) => ({
    memberId: `M-${i}`,
    name: `委员${i}`,
    kind: kind as PanelWorkflowInput['members'][number]['kind'],
  }));
  const panelInput: PanelWorkflowInput = {
    panelId: 'REC-PANEL',
    title: '录制评议会',
    members,
    petitionIds: ['REC-delivered', 'REC-window-closes'],
    quorum: 3,
    deadlineAt: null,
    deadlineDays: 14,
    convenedBy: supervisor.id,
    calendar,
  };
  const panel = await env.client.workflow.start(evaluationPanelWorkflow, {
    workflowId: panelWorkflowId('REC-PANEL'),
    taskQueue: defs.TASK_QUEUE,
    args: [panelInput],
  });
  // Who is present (到会), then their votes: the attendance marks the history with patched('panel-attendance').
  await panel.executeUpdate(recordAttendanceUpdate, { args: [{ memberIds: members.map((m) => m.memberId) }] });
  for (const petitionId of panelInput.petitionIds) {
    for (const [i, m] of members.entries()) {
      await panel.executeUpdate(recordEvaluationUpdate, {
        args: [{ memberId: m.memberId, petitionId, verdict: i < 3 ? 'DISSATISFIED' : 'SATISFIED', comment: null }],
      });
    }
  }
  await panel.result();
  await save('panel', panelWorkflowId('REC-PANEL'));
  await settle('delivered', (s) => s.status === 'HANDLING');
  await save('delivered-reopened', defs.petitionWorkflowId('REC-delivered'));
  await settle('window-closes', (s) => s.status === 'HANDLING');
  await save('window-closes-rerun', defs.petitionWorkflowId('REC-window-closes'));

  // 6. A long life: continue-as-new mid-case (the history budget is tiny on purpose).
  const long = await start('continue-as-new', 40);
  await update('continue-as-new', 'accept', { unitId: 'U-FT-01', note: null, actor: registrar });
  for (let i = 0; i < 3; i += 1) {
    await update('continue-as-new', 'startHearing', { note: null, actor: handler });
    await update('continue-as-new', 'endHearing', { note: null, actor: handler });
  }
  const first = await env.client.workflow
    .getHandle(defs.petitionWorkflowId('REC-continue-as-new'), long.firstExecutionRunId)
    .fetchHistory();
  await write('continue-as-new.first-run', first);
  await save('continue-as-new.second-run', defs.petitionWorkflowId('REC-continue-as-new'));

  // 7. A holiday notice reaches a delivered case (an invented one: the days around its 复查 window's last day
  // off) and re-plans the window, which then closes.
  await start('calendar-replanned');
  await update('calendar-replanned', 'accept', { unitId: 'U-FT-01', note: null, actor: registrar });
  const delivered = await update('calendar-replanned', 'reply', {
    outcome: 'EXPLAIN',
    text: '解释',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  const lastDay = shanghaiDayNumber(delivered.deadlines.find((d) => d.kind === 'REVIEW_WINDOW')!.dueAt - 1);
  const year = Number(dayKey(lastDay).slice(0, 4));
  const around = Array.from({ length: 11 }, (_, i) => dayKey(lastDay - 5 + i));
  const replanned = env.client.workflow.getHandle(defs.petitionWorkflowId('REC-calendar-replanned'));
  await replanned.signal(defs.holidayCalendarSignal, {
    year,
    holidays: around.filter((d) => d.startsWith(`${year}-`)),
    workingWeekends: [],
    source: 'recorded test notice',
    provisional: false,
  });
  await settle('calendar-replanned', (s) => s.timeline.some((e) => e.type === 'DEADLINE_REPLANNED'));
  await env.sleep(120 * DAY);
  await replanned.result();
  await save('calendar-replanned', replanned.workflowId);
}
