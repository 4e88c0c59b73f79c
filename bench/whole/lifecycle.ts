/** 2. On the Java time-skipping test server: one petition's whole life (~160 simulated days) through GraphQL. */
import protos from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PetitionState } from '../../domain/petition';
import { ensureSearchAttributes } from '../../worker/search-attributes-setup';
import { petitionWorkflowId } from '../../workflows/definitions';
import { cleanups } from './cleanup';
import { registration, startSystem } from './system';
import { elapsedMs, log } from './timing';

const DAY = 86_400_000;

export async function onTimeSkippingServer(testServerPath: string, code: string) {
  let started = process.hrtime.bigint();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath } },
  });
  cleanups.push(() => env.teardown());
  await ensureSearchAttributes(env.connection);
  const system = await startSystem(env, code);
  const startupMs = elapsedMs(started);
  log(`time-skipping server, worker and API up in ${(startupMs / 1000).toFixed(1)} s`);

  const registrar = await system.token('REGISTRAR');
  const handler = await system.token('UNIT_HANDLER', 'U-FT-01');
  const head = await system.token('UNIT_HEAD', 'U-FT-01');
  const reviewOrgan = await system.token('UNIT_HANDLER', 'O-FT-GOV');
  const reexamOrgan = await system.token('UNIT_HANDLER', 'O-SZ-GOV');

  started = process.hrtime.bigint();
  const clockStart = await env.currentTimeMs();
  const steps: { day: number; mutation: string; status: string; ms: number; events: number; bytes: number }[] = [];
  let id = '';
  /** The current run's history: its events, and its size as the protobuf the server sends (0 before it exists). */
  const historySize = async () => {
    if (!id) return { events: 0, bytes: 0 };
    const history = await env.client.workflow.getHandle(petitionWorkflowId(id)).fetchHistory();
    return {
      events: history.events?.length ?? 0,
      bytes: protos.temporal.api.history.v1.History.encode(history).finish().length,
    };
  };
  /** Moves the server's clock to `day` days after the registration, then sends the mutation (written once `id` is known). */
  const at = async (day: number, token: string, mutationText: () => string, expected: string) => {
    const wait = clockStart + day * DAY - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
    const mutation = mutationText();
    // Timers that fired on the way are the clock's events, not the mutation's: measured after the sleep.
    const before = await historySize();
    const stepStarted = process.hrtime.bigint();
    const answer = await system.call(token, `mutation { ${mutation} { id status } }`);
    if (answer.status !== expected)
      throw new Error(`${mutation} on day ${day}: ${answer.status}, expected ${expected}`);
    const ms = elapsedMs(stepStarted);
    id ||= answer.id;
    const after = await historySize();
    steps.push({
      day,
      mutation: mutation.slice(0, mutation.indexOf('(')),
      status: answer.status,
      ms,
      // A continue-as-new on the way restarts the count: the step then counts from the new run's start.
      events: after.events >= before.events ? after.events - before.events : after.events,
      bytes: after.bytes >= before.bytes ? after.bytes - before.bytes : after.bytes,
    });
    log(`lifecycle day ${String(day).padStart(3)}: ${steps.at(-1)!.mutation} → ${answer.status}`);
    return answer;
  };
  // The path of test/system/lifecycle-*.test.ts (extension, 复查, 复核 with a hearing, 终结), spread over the
  // statutory periods so that no deadline is missed: handling 60 + 20 days from day 1, each window and review 30 days.
  const input = registration('2', 0);
  await at(
    0,
    registrar,
    () => `registerPetition(input: { petitioner: { name: "${input.petitioner.name}", idNumber: "${input.petitioner.idNumber}" },
    channel: LETTER, category: CLAIM, summary: "${input.summary}", content: "${input.content}", respondentUnitId: "U-FT-01" })`,
    'REGISTERED',
  );
  await at(1, registrar, () => `acceptPetition(id: "${id}", unitId: "U-FT-01")`, 'HANDLING');
  await at(50, handler, () => `requestExtension(id: "${id}", days: 20, reason: "需委托第三方评估")`, 'HANDLING');
  await at(51, head, () => `decideExtension(id: "${id}", approve: true, note: "同意延期")`, 'HANDLING');
  await at(
    75,
    handler,
    () =>
      `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "补偿标准符合规定", basis: "《国有土地上房屋征收与补偿条例》")`,
    'DELIVERED',
  );
  await at(76, registrar, () => `recordSatisfaction(id: "${id}", level: DISSATISFIED)`, 'DELIVERED');
  await at(95, registrar, () => `requestReview(id: "${id}", reason: "不服处理意见")`, 'UNDER_REVIEW');
  await at(
    120,
    reviewOrgan,
    () => `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "维持原处理意见")`,
    'REVIEW_DELIVERED',
  );
  await at(135, registrar, () => `requestReview(id: "${id}", reason: "不服复查意见")`, 'UNDER_REEXAMINATION');
  await at(140, reexamOrgan, () => `startHearing(id: "${id}", note: "公开听证")`, 'UNDER_REEXAMINATION');
  await at(150, reexamOrgan, () => `endHearing(id: "${id}", note: "听证结束")`, 'UNDER_REEXAMINATION');
  await at(160, reexamOrgan, () => `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "复核维持")`, 'CONCLUDED');
  const handle = env.client.workflow.getHandle(petitionWorkflowId(id));
  const final = (await handle.result()) as PetitionState;
  const wallMs = elapsedMs(started);

  // Every run's history, should the petition have continued as new on the way.
  let runId: string | undefined;
  let events = 0;
  let bytes = 0;
  let timersStarted = 0;
  let timersFired = 0;
  let runs = 0;
  do {
    const history = await env.client.workflow.getHandle(petitionWorkflowId(id), runId).fetchHistory();
    events += history.events?.length ?? 0;
    bytes += protos.temporal.api.history.v1.History.encode(history).finish().length;
    timersStarted += history.events?.filter((e) => e.timerStartedEventAttributes).length ?? 0;
    timersFired += history.events?.filter((e) => e.timerFiredEventAttributes).length ?? 0;
    runs += 1;
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId);

  return {
    startupMs,
    petitionId: id,
    wallMs,
    simulatedDays: ((final.closedAt ?? Number.NaN) - final.registeredAt) / DAY,
    finalStatus: final.status,
    mutations: steps.length,
    historyEvents: events,
    historyBytes: bytes,
    eventsPerMutation: steps.reduce((sum, step) => sum + step.events, 0) / steps.length,
    bytesPerMutation: steps.reduce((sum, step) => sum + step.bytes, 0) / steps.length,
    timersStarted,
    timersFired,
    runs,
    steps,
  };
}
