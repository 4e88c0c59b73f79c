/**
 * The GraphQL API through graphql-yoga's own fetch, against a real worker on the Java time-skipping server
 * and a real SQLite file: roles, error codes, idempotent retries, the read model.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd, formatShanghai } from '../../domain/calendar';
import { errorCode, okField } from '../support/graphql';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { petitions } from '../../db/schema';
import { revokeToken } from '../../api/auth';
import { eq } from 'drizzle-orm';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { openReadModel } from '../../db/connection';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { petitionStateQuery, petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { calendar } from '../support/calendar';

const ts = useTimeSkippingSystem();

/** The API as the file's registrar. */
const asRegistrar = (query: string, variables?: Record<string, unknown>) =>
  ts.system.gql(ts.tokens.registrar, query, variables);

const PETITION_FIELDS = `id status stage receivedAt overdue dueAt unit { id name }
  petitioner { name phone masked }
  deadlines { kind rule article startedAt dueAt met overdue }
  timeline { seq type actor { id role } note }`;

const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { ${PETITION_FIELDS} } }`;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    petitioner: { name: '王五', phone: '13912345678', idNumber: '440304199001011233' },
    channel: 'ONLINE',
    category: 'CLAIM',
    summary: '物业维修基金使用争议',
    content: '小区物业擅自动用维修基金，请求查处。',
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}) {
  return okField(await asRegistrar(REGISTER, { input: registration(overrides) }));
}

describe('registerPetition', () => {
  it('starts the workflow with the 15-day clock from receipt, and the read model lists it', async () => {
    const receivedAt = '2026-11-20T10:00:00+08:00';
    const dueAt = '2026-12-08T00:00:00+08:00';
    // A fixed day in the past, so that the dates are asserted to the day: whether it is overdue yet is today's.
    const overdue = Date.now() > Date.parse(dueAt);
    const p = await register({ receivedAt });
    expect(p).toMatchObject({ status: 'REGISTERED', stage: 'REGISTRATION', receivedAt, overdue, unit: null });
    // Received Friday 20 Nov: day 15 is Saturday 5 Dec, so it runs to the end of Monday 7 Dec.
    expect(p.deadlines).toEqual([
      {
        kind: 'REGISTRATION',
        rule: 'REGISTER_AND_ROUTE',
        article: '《信访工作条例》第二十二条',
        startedAt: receivedAt,
        dueAt,
        met: false,
        overdue,
      },
    ]);
    expect(p.timeline).toEqual([
      { seq: 1, type: 'REGISTERED', actor: { id: expect.any(String), role: 'REGISTRAR' }, note: null },
      // A deadline already past when the workflow starts is overdue in its first task.
      ...(overdue ? [{ seq: 2, type: 'OVERDUE', actor: null, note: null }] : []),
    ]);

    const row = await eventually(() => ts.system.db.select().from(petitions).where(eq(petitions.id, p.id)).get());
    expect(row.status).toBe('REGISTERED');
    expect(row.dueAt?.getTime()).toBe(Date.parse('2026-12-08T00:00:00+08:00'));

    const listed = await asRegistrar(
      `{ petitions(filter: { text: "维修基金" }) { totalCount edges { node { id } } } }`,
    );
    expect(listed.data.petitions.edges.map((e: any) => e.node.id)).toContain(p.id);
  });

  it('a retried request with the same requestId starts no second petition', async () => {
    const first = await register({ requestId: 'client-req-42' });
    const again = await register({ requestId: 'client-req-42' });
    expect(again.id).toBe(first.id);
    const other = await register({ requestId: 'client-req-43' });
    expect(other.id).not.toBe(first.id);
    const workflows = await ts.env.client.workflow.getHandle(`petition-${first.id}`).describe();
    expect(workflows.status.name).toBe('RUNNING');
  });

  it('refuses bad input with BAD_USER_INPUT and the field', async () => {
    const empty = await asRegistrar(REGISTER, { input: registration({ summary: '  ' }) });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0]!.extensions!.field).toBe('input.summary');

    const unit = await asRegistrar(REGISTER, { input: registration({ respondentUnitId: 'U-NOPE' }) });
    expect(errorCode(unit)).toBe('BAD_USER_INPUT');
    expect(unit.errors![0]!.extensions!.field).toBe('input.respondentUnitId');

    const date = await asRegistrar(REGISTER, { input: registration({ receivedAt: 'yesterday' }) });
    expect(errorCode(date)).toBe('BAD_USER_INPUT');

    const future = await asRegistrar(REGISTER, {
      input: registration({ receivedAt: formatShanghai(Date.now() + 86_400_000) }),
    });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(future)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('roles', () => {
  it('without a token only statute answers; with an unknown token, UNAUTHENTICATED', async () => {
    const statute = await ts.system.gql(null, '{ statute { id days article } }');
    expect(statute.data.statute).toHaveLength(18);
    expect(errorCode(await ts.system.gql(null, REGISTER, { input: registration() }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await ts.system.gql(null, '{ petitions { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await ts.system.gql('fq_not-a-token', '{ viewer { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('a revoked token stops working at once', async () => {
    const token = ts.system.token('SUPERVISOR');
    expect((await ts.system.gql(token, '{ viewer { role } }')).data.viewer).toEqual({ role: 'SUPERVISOR' });
    expect(await revokeToken(ts.system.db, token)).toBe(true);
    expect(errorCode(await ts.system.gql(token, '{ viewer { role } }'))).toBe('UNAUTHENTICATED');
    expect(await revokeToken(ts.system.db, token)).toBe(false);
  });

  it('only registrars (and admins) register, accept, route and decline; a unit handler only what is brought to its unit', async () => {
    const p = await register();
    for (const role of ['SUPERVISOR', 'REVIEWER', 'TESTER'] as const) {
      const token = ts.system.token(role);
      expect(errorCode(await ts.system.gql(token, REGISTER, { input: registration() }))).toBe('FORBIDDEN');
      const accept = await ts.system.gql(token, `mutation { acceptPetition(id: "${p.id}", unitId: "U-FT-01") { id } }`);
      expect(errorCode(accept)).toBe('FORBIDDEN');
    }
    // A unit's handler registers what is brought to its own unit (Art. 23 ¶2), and reads no bureau item.
    const handler = ts.system.token('UNIT_HANDLER', { unitId: 'U-FT-01' });
    const direct = await ts.system.gql(
      handler,
      `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { direct unit { id } } }`,
      {
        input: registration(),
      },
    );
    expect(direct.data?.registerPetition).toEqual({ direct: true, unit: { id: 'U-FT-01' } });
    const elsewhere = await ts.system.gql(handler, REGISTER, { input: { ...registration(), directUnitId: 'U-FT-03' } });
    expect(errorCode(elsewhere)).toBe('FORBIDDEN');
    const accept = await ts.system.gql(handler, `mutation { acceptPetition(id: "${p.id}", unitId: "U-FT-01") { id } }`);
    expect(errorCode(accept)).toBe('NOT_FOUND');
    const admin = await ts.system.gql(
      ts.system.token('ADMIN'),
      `mutation { routePetition(id: "${p.id}", unitId: "U-FT-02", mode: ASSIGN) { status } }`,
    );
    expect(admin.data.routePetition.status).toBe('ASSIGNED');
  });

  it("a unit sees only its own petitions (another unit's is NOT_FOUND: no leak that it exists), and the petitioner unmasked only when the case is theirs", async () => {
    const ours = await register();
    const theirs = await register();
    await asRegistrar(`mutation { acceptPetition(id: "${ours.id}", unitId: "U-FT-01") { id } }`);
    await asRegistrar(`mutation { acceptPetition(id: "${theirs.id}", unitId: "U-FT-03") { id } }`);
    const handler = ts.system.token('UNIT_HANDLER', { unitId: 'U-FT-01' });

    const list = await ts.system.gql(
      handler,
      '{ petitions(first: 100) { edges { node { id unit { id } petitioner { name masked } } } } }',
    );
    const ids = list.data.petitions.edges.map((e: any) => e.node.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    expect(list.data.petitions.edges.every((e: any) => e.node.unit.id === 'U-FT-01')).toBe(true);
    expect(list.data.petitions.edges[0].node.petitioner).toEqual({ name: '王五', masked: false });

    expect(errorCode(await ts.system.gql(handler, `{ petition(id: "${theirs.id}") { id } }`))).toBe('NOT_FOUND');
    const supervisor = await ts.system.gql(
      ts.system.token('SUPERVISOR'),
      `{ petition(id: "${ours.id}") { petitioner { name phone masked } } }`,
    );
    expect(supervisor.data.petition.petitioner).toEqual({ name: '王**', phone: '*******5678', masked: true });
  });
});

describe('transitions', () => {
  it('accept starts the 60-day handling clock from acceptance and meets the registration deadline', async () => {
    const p = await register();
    const accepted = okField(
      await asRegistrar(
        `mutation { acceptPetition(id: "${p.id}", unitId: "U-FT-01", note: "受理") { ${PETITION_FIELDS} } }`,
      ),
    );
    expect(accepted).toMatchObject({
      status: 'HANDLING',
      stage: 'HANDLING',
      unit: { id: 'U-FT-01', name: '福田区住房和建设局' },
    });
    const handling = accepted.deadlines.find((d: any) => d.kind === 'HANDLING');
    expect(handling).toMatchObject({ rule: 'HANDLE', article: '《信访工作条例》第三十四条', met: false });
    expect(handling.dueAt).toBe(
      formatShanghai(periodEnd(Date.parse(handling.startedAt), 60, 'CALENDAR_DAYS', calendar)),
    );
    expect(accepted.deadlines.find((d: any) => d.kind === 'REGISTRATION')).toMatchObject({ met: true, overdue: false });
    expect(accepted.timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
    expect(accepted.timeline[1].note).toBe('受理');
  });

  it('refuses an invalid transition with INVALID_TRANSITION and the current status, writing nothing', async () => {
    const p = await register();
    await asRegistrar(`mutation { routePetition(id: "${p.id}", unitId: "U-FT-01", mode: TRANSFER) { id } }`);
    const twice = await asRegistrar(
      `mutation { routePetition(id: "${p.id}", unitId: "U-FT-02", mode: TRANSFER) { id } }`,
    );
    expect(errorCode(twice)).toBe('INVALID_TRANSITION');
    expect(twice.errors![0]!.extensions!.status).toBe('TRANSFERRED');

    // The refused update left no trace in the workflow history (validators run before anything is written).
    const history = await ts.env.client.workflow.getHandle(`petition-${p.id}`).fetchHistory();
    const accepted = history.events!.flatMap(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? [],
    );
    // The registration's own update (the workflow is started with it), and the first routing.
    expect(accepted).toEqual(['petitionRegistered', 'route']);
    expect(history.events!.some((e) => e.workflowExecutionUpdateRejectedEventAttributes)).toBe(false);
  });

  it('a declined petition is closed: accepting it is INVALID_TRANSITION with status DECLINED', async () => {
    const p = await register();
    const declined = await asRegistrar(
      `mutation { declinePetition(id: "${p.id}", reason: NOT_A_PETITION, note: "不属于信访事项") { status stage } }`,
    );
    expect(declined.data.declinePetition).toEqual({ status: 'DECLINED', stage: 'CLOSED' });
    await ts.env.client.workflow.getHandle(`petition-${p.id}`).result();
    const accept = await asRegistrar(`mutation { acceptPetition(id: "${p.id}", unitId: "U-FT-01") { id } }`);
    expect(errorCode(accept)).toBe('INVALID_TRANSITION');
    expect(accept.errors![0]!.extensions!.status).toBe('DECLINED');
  });

  it('the same mutation retried with its requestId is applied once', async () => {
    const p = await register();
    const accept = `mutation { acceptPetition(id: "${p.id}", unitId: "U-FT-01", requestId: "accept-1") { timeline { type } } }`;
    const first = await asRegistrar(accept);
    const again = await asRegistrar(accept);
    expect(first.data.acceptPetition.timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
    expect(okField(again).timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
  });

  it('unknown petitions and units get NOT_FOUND and BAD_USER_INPUT', async () => {
    expect(errorCode(await asRegistrar(`mutation { acceptPetition(id: "XF-NOPE", unitId: "U-FT-01") { id } }`))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await asRegistrar(`{ petition(id: "XF-NOPE") { id } }`))).toBe('NOT_FOUND');
    const p = await register();
    const unit = await asRegistrar(`mutation { acceptPetition(id: "${p.id}", unitId: "U-NOPE") { id } }`);
    expect(errorCode(unit)).toBe('BAD_USER_INPUT');
  });

  it('Petition.live answers from the workflow query', async () => {
    const p = await register();
    const answer = await asRegistrar(`{ petition(id: "${p.id}") { live } }`);
    expect(answer.data.petition.live).toMatchObject({ petitionId: p.id, status: 'REGISTERED', lastSeq: 1 });
  });
});

describe('when the read model cannot be read', () => {
  it('every request answers UNAVAILABLE, without a stack trace, and nothing reaches Temporal', async () => {
    const id = (await register()).id as string;
    // Another API on its own connection to the same file, which then fails (as on an I/O error or a lock).
    const broken = openReadModel(ts.system.dbFile);
    const yoga = createFengqiaoYoga({
      db: broken,
      temporal: ts.env.client,
      taskQueue: TASK_QUEUE,
      profileId: DEFAULT_PROFILE_ID,
    });
    broken.$client.close();
    const ask = async (query: string) => {
      const response = await yoga.fetch('http://fengqiao.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ts.tokens.registrar}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    };
    for (const query of [
      `mutation { acceptPetition(id: "${id}", unitId: "U-FT-01") { id } }`,
      `mutation { registerPetition(input: { petitioner: { name: "赵六" }, channel: VISIT, category: CLAIM, summary: "s", content: "c" }) { id } }`,
      `{ petitions(first: 5) { totalCount } }`,
    ]) {
      const answer = await ask(query);
      expect(answer.errors?.[0]?.extensions, query).toEqual({ code: 'UNAVAILABLE' });
      expect(answer.errors?.[0]?.message).toMatch(/read model .* nothing was changed/);
      expect(JSON.stringify(answer)).not.toMatch(/\.ts:\d+|\.js:\d+/);
    }
    const state = await ts.env.client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery);
    expect(state.status).toBe('REGISTERED');
    expect(
      ts.system.db
        .select()
        .from(petitions)
        .all()
        .filter((p) => p.summary === 's'),
    ).toEqual([]);
  });
});
