/**
 * The petition workflow on the Java time-skipping test server: statutory days pass in seconds, on real
 * durable timers.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import type { PetitionState, Registration } from '../../domain/petition';
import { petitionStateQuery, petitionUpdates, petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { petitionWorkflow } from '../../workflows/petition-workflow';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { petitionEvents } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { calendar } from '../support/calendar';

const DAY = 86_400_000;

const ts = useTimeSkippingSystem();

let counter = 0;
async function startPetition(receivedAt?: number, withCalendar = true) {
  const now = await ts.env.currentTimeMs();
  const petitionId = `WF-${Date.now()}-${++counter}`;
  const registration: Registration = {
    petitionId,
    petitioner: { name: '李四', idNumber: null, phone: null, address: null },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: '拖欠工资',
    content: '某公司拖欠三个月工资',
    receivedAt: receivedAt ?? now,
    respondentUnitId: null,
    registeredBy: { id: 'registrar-1', role: 'REGISTRAR' },
  };
  const handle = await ts.env.client.workflow.start(petitionWorkflow, {
    workflowId: petitionWorkflowId(petitionId),
    taskQueue: TASK_QUEUE,
    args: [{ registration, profileId: 'national-2022', ...(withCalendar && { calendar }) }],
  });
  return { handle, petitionId, receivedAt: receivedAt ?? now };
}

function timelineTypes(petitionId: string): string[] {
  return ts.system.db
    .select()
    .from(petitionEvents)
    .where(eq(petitionEvents.petitionId, petitionId))
    .all()
    .map((e) => e.type);
}

describe('the 15-day registration clock (Art. 22)', () => {
  it('marks the petition overdue when the 15 days run out with nothing done, not a minute before', async () => {
    const { handle, petitionId, receivedAt } = await startPetition();
    const dueAt = periodEnd(receivedAt, 15, 'CALENDAR_DAYS', calendar);
    expect(dueAt - receivedAt).toBeGreaterThan(15 * DAY);

    await ts.env.sleep(dueAt - (await ts.env.currentTimeMs()) - 60_000);
    let state: PetitionState = await handle.query(petitionStateQuery);
    expect(state.deadlines[0]).toMatchObject({ kind: 'REGISTRATION', dueAt, overdueAt: null });
    // 预警 three days before the deadline (the profile's warningDays); a timer fires within a second of its mark.
    expect(state.deadlines[0]!.warnedAt! - (dueAt - 3 * DAY)).toBeGreaterThanOrEqual(0);
    expect(state.deadlines[0]!.warnedAt! - (dueAt - 3 * DAY)).toBeLessThan(1_000);

    await ts.env.sleep(2 * 60_000); // past the due moment: at least 15 days and 24 hours after receipt
    state = await handle.query(petitionStateQuery);
    const overdueAt = state.deadlines[0]!.overdueAt!;
    expect(overdueAt).toBeGreaterThanOrEqual(dueAt);
    expect(overdueAt - dueAt).toBeLessThan(1_000);
    expect(state.status).toBe('REGISTERED');
    expect(state.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'WARNING', 'OVERDUE']);
    expect(state.timeline[1]!.data).toMatchObject({ deadline: 'REGISTRATION', dueAt });
    expect(state.timeline[2]!.data).toMatchObject({ deadline: 'REGISTRATION', dueAt });

    await eventually(() => timelineTypes(petitionId).includes('OVERDUE'));
  });

  it('accepted on day 3: the 60-day handling clock starts then, and nothing goes overdue on day 16', async () => {
    const { handle, petitionId } = await startPetition();
    await ts.env.sleep(3 * DAY);
    const acceptedAt = await ts.env.currentTimeMs();
    const answer = await handle.executeUpdate(petitionUpdates.accept, {
      args: [{ unitId: 'U-FT-01', note: null, actor: { id: 'registrar-1', role: 'REGISTRAR' } }],
    });
    // The update answers which change it made; the state is the workflow's (and the read model's).
    expect(answer).toEqual({ petitionId, lastSeq: 2 });
    const accepted = await handle.query(petitionStateQuery);
    expect(accepted.status).toBe('HANDLING');
    expect(accepted.stage).toBe('HANDLING');
    const handling = accepted.deadlines.find((d) => d.kind === 'HANDLING')!;
    expect(handling.startedAt).toBeGreaterThanOrEqual(acceptedAt);
    expect(handling.startedAt - acceptedAt).toBeLessThan(60_000);
    expect(handling.dueAt).toBe(periodEnd(handling.startedAt, 60, 'CALENDAR_DAYS', calendar));
    expect(accepted.deadlines.find((d) => d.kind === 'REGISTRATION')!.metAt).toBe(handling.startedAt);

    await ts.env.sleep(14 * DAY);
    const state = await handle.query(petitionStateQuery);
    expect(state.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
    expect(state.deadlines.every((d) => d.overdueAt === null)).toBe(true);
    await eventually(() => timelineTypes(petitionId).join() === 'REGISTERED,ACCEPTED');
    // The acceptance moved the next wake-up later (the registration's warning met, the handling clock's far off):
    // the timer set for the registration's warning was kept, fired on its day, found nothing due and changed nothing.
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.timerCanceledEventAttributes)).toHaveLength(0);
    expect(events.filter((e) => e.timerFiredEventAttributes)).toHaveLength(1);
  });

  it('a letter received 20 days ago is overdue the moment it is registered', async () => {
    const now = await ts.env.currentTimeMs();
    const { handle, receivedAt } = await startPetition(now - 20 * DAY);
    const after = await eventually(async () => {
      const state = await handle.query(petitionStateQuery);
      return state.timeline.length > 1 && state;
    });
    expect(after.deadlines[0]!.dueAt).toBe(periodEnd(receivedAt, 15, 'CALENDAR_DAYS', calendar));
    // Already past its warning and its deadline: overdue at once, with no warning first.
    expect(after.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'OVERDUE']);
    // It was overdue on arrival: marked at registration, not 15 days later.
    expect(after.deadlines[0]!.overdueAt! - after.registeredAt).toBeLessThan(60_000);
  });
});

describe('the holiday calendar a run counts on', () => {
  it('a run started without one reads the published notices once, and the answer is in its history', async () => {
    const { handle } = await startPetition(undefined, false);
    // The run registers its handlers once the calendar is read: until then a query finds none.
    const state = await eventually(() => handle.query(petitionStateQuery).catch(() => false as const));
    const registration = state.deadlines[0]!;
    expect(registration.dueAt).toBe(periodEnd(registration.startedAt, 15, 'CALENDAR_DAYS', calendar));
    expect(registration.count).toMatchObject({ days: 15, rule: 'CALENDAR_DAYS' });
    const history = await handle.fetchHistory();
    const loads = history.events!.filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'loadHolidayCalendar',
    );
    expect(loads).toHaveLength(1);
  });

  it('a run started with one asks nothing', async () => {
    const { handle } = await startPetition();
    await handle.query(petitionStateQuery);
    const history = await handle.fetchHistory();
    const names = history.events!.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
    expect(names).not.toContain('loadHolidayCalendar');
  });
});
