/**
 * Timers that come due while no worker runs fire when one returns. On the time-skipping server (statutory
 * timers are days away) the worker is shut down, five weeks pass, and nothing happens to the read model; a new
 * worker then takes the fired timers, and every petition ends up as if the worker had never been away.
 */
import { expect, it } from 'vitest';
import type { PetitionState } from '../../domain/petition';
import { periodEnd } from '../../domain/calendar';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';
import { calendar } from '../support/calendar';
import { mutationsSelecting } from '../support/graphql';
import { readModelCaughtUp } from '../support/read-model-tables';
import { eventually, useTimeSkippingSystem } from '../support/system';

const DAY = 86_400_000;

const ts = useTimeSkippingSystem();

const ok = mutationsSelecting('id', () => ts.system);

async function register(summary: string, receivedAt: string): Promise<string> {
  const input = `{ petitioner: { name: "停机测试" }, channel: LETTER, category: CLAIM, summary: "${summary}", content: "${summary}", receivedAt: "${receivedAt}" }`;
  return (await ok(ts.tokens.registrar, `registerPetition(input: ${input})`)).id;
}

const live = (id: string): Promise<PetitionState> =>
  ts.env.client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery);

const deadlineOf = (state: PetitionState) => state.deadlines.find((d) => d.kind === 'REGISTRATION')!;

function row(id: string) {
  return ts.system.db.$client.prepare('SELECT status, overdue FROM petitions WHERE id = ?').get(id) as {
    status: string;
    overdue: number;
  };
}

it('overdue timers that come due while the worker is down fire when it returns', async () => {
  // A real server moves a stopped worker's tasks off its sticky queue at once; the Java test server waits for the
  // sticky timeout, a timer that cannot run while its clock is held (see below). So this worker keeps no cache.
  await ts.system.restartWorker(async () => undefined, { maxCachedWorkflows: 0 });
  // Received some 13 days ago, so that the registration deadline is under the 3 warning days away (a last day
  // rolled off a weekend would put it further): warned at once, and the deadline is the first timer of each of
  // the three petitions, all due at the same moment.
  const now = await ts.env.currentTimeMs();
  let ago = 13;
  while (periodEnd(now - ago * DAY, 15, 'CALENDAR_DAYS', calendar) - now > 3 * DAY - 3_600_000) ago += 1;
  expect(periodEnd(now - ago * DAY, 15, 'CALENDAR_DAYS', calendar) - now).toBeGreaterThan(3_600_000);
  const receivedAt = new Date(now - ago * DAY).toISOString();
  const ids: string[] = [];
  for (const summary of ['无人登记转送一', '无人登记转送二', '无人登记转送三'])
    ids.push(await register(summary, receivedAt));
  await eventually(() => readModelCaughtUp(ts.env.client, ts.system.db, ids));
  const dueAt = deadlineOf(await live(ids[0]!)).dueAt;
  expect(ids.map((id) => row(id).overdue)).toEqual([0, 0, 0]);

  let outage: Promise<void> = Promise.resolve();
  await ts.system.restartWorker(async () => {
    // The time-skipping server moves its clock to the timers and fires them; with no worker to run the workflow
    // tasks it then holds time there until one comes.
    outage = ts.env.sleep(5 * DAY);
    await eventually(async () => (await ts.env.currentTimeMs()) >= dueAt);
    await new Promise((r) => setTimeout(r, 500));
    expect(ids.map((id) => row(id).overdue)).toEqual([0, 0, 0]);
  });
  await outage;

  await eventually(() => ids.every((id) => row(id).overdue === 1), 20_000);
  for (const id of ids) {
    const registration = deadlineOf(await live(id));
    expect(registration.dueAt).toBe(dueAt);
    // Noticed when the worker returned (the server's clock ran on, held, for the outage's second or so), and
    // recorded against the moment it came due.
    expect(registration.overdueAt).toBeGreaterThanOrEqual(dueAt);
    expect(registration.overdueAt).toBeLessThan(dueAt + 60_000);
    const overdue = (await live(id)).timeline.filter((e) => e.type === 'OVERDUE');
    expect(overdue.map((e) => e.data)).toEqual([{ deadline: 'REGISTRATION', dueAt }]);
  }
});
