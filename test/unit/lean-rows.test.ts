/**
 * A list page reads lean rows (api/petition-rows.ts), not the snapshot: each petition it lists answers every field
 * exactly as `petition(id)` answers it from the snapshot, for a reader who sees the petitioner and for one who gets
 * them masked (the petitioner's identifiers quoted in the texts included), through a list and through a search;
 * and a row whose due moment moves with a paused clock reads that moment from the snapshot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { petitions } from '../../db/schema';
import { okData } from '../support/graphql';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeEach(() => {
  rm = openReadModelHarness();
});
afterEach(() => rm.close());

/** The row's fields, the petitioner, units, and fields only the snapshot holds. */
const FIELDS = `id status stage summary content category channel receivedAt registeredAt acceptedAt forwardedTo
  direct repeatOf isRepeat closedAt escalationProposed overdue dueSoon dueAt
  petitioner { name idNumber phone address masked } unit { id name } reviewUnit { id }
  routeMode handlingRoute respondentUnitId path { id } deadlines { kind dueAt met } timeline { type note }`;

function fixtures() {
  const quoting = rm.petition({
    received: '2026-03-02',
    summary: '加装电梯 张三 13912345678',
    content: '本人张三，身份证110101199001011234，电话139 1234 5678，住幸福路8号，申请加装电梯',
    petitioner: '张三',
  });
  quoting.state = {
    ...quoting.state,
    petitioner: { name: '张三', idNumber: '110101199001011234', phone: '13912345678', address: '幸福路8号' },
  };
  quoting.route('2026-03-03', 'U-FT-01').project();
  rm.petition({ received: '2026-03-04', summary: '加装电梯 噪音' }).accept('2026-03-05', 'U-FT-02').project();
  rm.petition({ received: '2026-03-06', summary: '加装电梯 补偿' })
    .accept('2026-03-07', 'U-FT-01')
    .reply('2026-03-20')
    .appeal('2026-03-25')
    .project();
  rm.petition({ received: '2026-03-08', category: 'ACCUSATION', respondentUnitId: 'U-FT-02', summary: '加装电梯' })
    .route('2026-03-09', 'U-FT-01')
    .project();
}

async function listed(token: string, filter: string) {
  const page = await rm.gql(token, `{ petitions(first: 20${filter}) { edges { node { ${FIELDS} } } } }`);
  const connection = okData(page).petitions as { edges: { node: { id: string } }[] };
  return connection.edges.map((e) => e.node);
}

describe('a listed petition answers as the petition read whole', () => {
  for (const [role, unitId] of [['REGISTRAR'], ['SUPERVISOR'], ['UNIT_HANDLER', 'U-FT-01']] as const) {
    it(`${role}: the list and the search, field by field`, async () => {
      fixtures();
      const token = rm.token(role, unitId);
      for (const filter of ['', ', filter: { text: "加装电梯" }']) {
        const nodes = await listed(token, filter);
        expect(nodes.length).toBeGreaterThan(1);
        for (const node of nodes) {
          const whole = await rm.gql(token, `query($id: ID!) { petition(id: $id) { ${FIELDS} } }`, { id: node.id });
          expect(node).toEqual(okData(whole).petition);
        }
      }
    });
  }

  it('a masked reader gets no identifier of the petitioner anywhere in a page', async () => {
    fixtures();
    const nodes = await listed(rm.token('SUPERVISOR'), ', filter: { text: "加装电梯" }');
    const page = JSON.stringify(nodes);
    for (const identifier of ['张三', '110101199001011234', '13912345678', '139 1234 5678', '幸福路8号'])
      expect(page).not.toContain(identifier);
  });
});

describe('a due moment that moves with a paused clock', () => {
  it('is read from the snapshot, not from the due_at projected', async () => {
    const f = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-01');
    // A clock counted by the hour (opened before clocks were counted by the day), paused by a hearing.
    const pausedSince = Date.now() - 3_600_000;
    f.state = {
      ...f.state,
      deadlines: f.state.deadlines.map((d) =>
        d.kind === 'HANDLING' ? { ...d, count: undefined, pausedSince, metAt: null } : d,
      ),
    };
    f.project(Date.now() - 60_000);
    const row = rm.db.select({ dueAt: petitions.dueAt, duePaused: petitions.duePaused }).from(petitions).get()!;
    expect(row.duePaused).toBe(true);
    const [node] = (await listed(rm.token('REGISTRAR'), '')) as unknown as { dueAt: string }[];
    expect(Date.parse(node!.dueAt)).toBeGreaterThan(row.dueAt!.getTime());
  });
});
