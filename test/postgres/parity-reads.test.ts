/**
 * Reads by role on PostgreSQL answer what they answer on SQLite: the city of test/support/parity-city.ts in both
 * read models, then every principal of the role matrix (test/support/role-matrix.ts) reading the matrix's target
 * petitions, the lists, the panels, the units, the holiday notices, the statistics, and the access log those reads
 * wrote — masked and unmasked petitioner fields alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCity, type City, QUOTED, UNITS } from '../support/parity-city';
import { okData } from '../support/graphql';
import { openParity, type Parity } from '../support/parity';
import { PAGE, PETITION_FIELDS } from '../support/parity-queries';
import { sameStatistics } from '../support/parity-statistics';
import { outcomeOf, PRINCIPALS, type Who } from '../support/role-matrix';

let parity: Parity;
let city: City;
const TARGETS = ['handling', 'escalated', 'closed', 'accusation'] as const;
/** The matrix's principals who sign in (`anon` sends no token, and never reaches the read model). */
const WHO = (Object.keys(PRINCIPALS) as Who[]).filter((who) => who !== 'anon');

beforeAll(async () => {
  parity = await openParity();
  city = await buildCity(parity);
  for (const who of WHO) {
    const principal = PRINCIPALS[who]!;
    await parity.principal(who, {
      ...principal,
      principalId: 'principalId' in principal ? principal.principalId : undefined,
    });
  }
});
afterAll(() => parity.close());

const READ = `query($id: ID!) { petition(id: $id) { ${PETITION_FIELDS} } }`;
const PANEL = `id title status quorum convenedAt deadlineAt closedAt
  members { memberId name kind attended voted }
  cases { verdict votes petition { id summary content petitioner { name idNumber phone address masked } } }
  evaluations { memberId petitionId verdict comment at }`;

describe('the role matrix’s reads on both dialects', () => {
  it.for(WHO)('%s reads each target petition as the matrix says, the same on both', async (who) => {
    for (const target of TARGETS) {
      const answer = await parity.same(who, READ, { id: city.byName[target]!.id });
      if (outcomeOf('petition', target, who) === 'ok') expect(answer.errors, `${who} ${target}`).toBeUndefined();
      else expect(answer.errors?.[0]?.extensions?.code, `${who} ${target}`).toBe('NOT_FOUND');
    }
    // The petition that quotes its petitioner: masked or whole, the same on both.
    const quoted = await parity.same(who, READ, { id: city.byName.quoted!.id });
    const petitioner = quoted.data?.petition?.petitioner;
    if (petitioner) expect(petitioner.name).toBe(petitioner.masked ? '欧**' : QUOTED.name);
  });

  it('masked and whole readers of the quoted petitioner, as the personal-data matrix has them', async () => {
    const read = async (who: Who) => (await parity.sameData(who, READ, { id: city.byName.quoted!.id })).petition;
    for (const who of ['SUP', 'REV', 'TEST'] as const) {
      const p = await read(who);
      expect(p.petitioner).toEqual({
        name: '欧**',
        idNumber: '**************4258',
        phone: '*******5678',
        address: null,
        masked: true,
      });
      expect(p.content).not.toContain(QUOTED.idNumber);
    }
    for (const who of ['REG', 'HDL', 'HEAD', 'LDR', 'ADM'] as const) {
      expect((await read(who)).petitioner).toEqual({ ...QUOTED, masked: false });
    }
  });

  it.for(WHO)('%s lists the same petitions, whole, with the same masking', async (who) => {
    const listed = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const { petitions } = await parity.sameData(who, PAGE(PETITION_FIELDS), { first: 50, after });
      for (const e of petitions.edges) listed.add(e.node.id);
      if (!petitions.pageInfo.hasNextPage) break;
      after = petitions.pageInfo.endCursor;
    }
    expect(TARGETS.filter((t) => listed.has(city.byName[t]!.id))).toEqual(
      TARGETS.filter((t) => outcomeOf('petition', t, who) === 'ok'),
    );
    const found = await parity.sameData(who, PAGE(PETITION_FIELDS), { filter: { text: '加装电梯' }, first: 30 });
    expect(found.petitions.totalCount).toBe(found.petitions.edges.length);
  });

  it.for(WHO)('%s reads the panels, the panel, the units and the holiday notices the same', async (who) => {
    const panels = await parity.same(who, `{ panels(first: 50) { ${PANEL} } }`);
    const panel = await parity.same(who, `query($id: ID!) { panel(id: $id) { ${PANEL} } }`, { id: city.panelId });
    if (outcomeOf('panels', null, who) === 'ok') expect(panels.errors).toBeUndefined();
    if (outcomeOf('panel', 'panel', who) === 'ok') expect(panel.data.panel.cases).toHaveLength(3);
    const units = await parity.sameData(who, '{ units { id name kind parentId } }');
    expect(units.units.length).toBeGreaterThan(8);
    const notices = await parity.sameData(
      who,
      '{ holidayCalendars { year holidays workingWeekends source provisional publishedAt publishedBy } }',
    );
    expect(notices.holidayCalendars.length).toBeGreaterThan(0);
    await parity.same(who, '{ viewer { id role unitId memberId } }');
  });
});

describe('statistics by role and period on both dialects', () => {
  const PERIODS = [
    { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' },
    { from: '2026-04-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' },
    { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
    { from: '2026-02-14T13:30:00+08:00', to: '2026-08-02T07:00:00+08:00' },
    { from: '2026-05-20T08:00:00+08:00', to: '2026-05-21T20:00:00+08:00' },
    { from: '2026-06-10T09:00:00+08:00', to: '2026-06-10T17:00:00+08:00' },
  ];

  it('the city and every unit, every figure, whole and partial days', async () => {
    let registered = 0;
    for (const period of PERIODS) {
      for (const unitId of [null, ...UNITS, 'O-FT-GOV', 'C-FT']) {
        const figures = await sameStatistics(parity, 'SUP', { ...period, unitId });
        if (unitId === null) registered += figures.registered;
      }
      await sameStatistics(parity, 'SUP', { ...period, repeatWindowDays: 7, rounding: 'TRUNCATE' });
    }
    expect(registered).toBeGreaterThan(city.all.length);
  });

  it('a unit role’s own figures leave out the accusations against it, on both', async () => {
    for (const who of ['HDL', 'HDL/B', 'HEAD', 'HEAD/B'] as const) {
      for (const period of PERIODS.slice(0, 4)) await sameStatistics(parity, who, period);
    }
    const other = await parity.same(
      'HDL/B',
      '{ statistics(filter: { from: "2026-01-01T00:00:00+08:00", to: "2026-02-01T00:00:00+08:00", unitId: "U-FT-01" }) { registered } }',
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the access log after the reads', () => {
  /**
   * One request's entries are noted in the order its resolvers finish, which differs between a driver that answers
   * at once and one that answers over a socket; their instants are each server's clock. So the log is compared as
   * the same entries, each with its id, once the ids and instants are set aside.
   */
  const entriesOf = (edges: { node: Record<string, unknown> }[]) =>
    edges
      .map(({ node: { id: _id, at: _at, ...entry } }) => JSON.stringify(entry))
      .sort()
      .join('\n');

  it('holds the same entries on both after the reads', async () => {
    const LOG = `query($after: String, $filter: PersonalDataAccessFilter) {
      personalDataAccessLog(first: 200, after: $after, filter: $filter) {
        edges { cursor node { id at principalId role petitionId outcome fields } } pageInfo { hasNextPage endCursor } } }`;
    const log = async (filter: Record<string, unknown> | null) => {
      const edges: [any[], any[]] = [[], []];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const answers = await parity.answers('ADM', LOG, { after, filter });
        const [sqlite, pg] = answers.map((a) => okData(a).personalDataAccessLog);
        // Unfiltered, the ids are every entry's, numbered alike; filtered, which ids depends on that order.
        if (!filter) expect(pg.edges.map((e: any) => e.cursor)).toEqual(sqlite.edges.map((e: any) => e.cursor));
        expect(pg.pageInfo.hasNextPage).toBe(sqlite.pageInfo.hasNextPage);
        edges[0].push(...sqlite.edges);
        edges[1].push(...pg.edges);
        if (!sqlite.pageInfo.hasNextPage) break;
        after = sqlite.pageInfo.endCursor;
      }
      expect(entriesOf(edges[1])).toEqual(entriesOf(edges[0]));
      return edges[0].length;
    };
    expect(await log(null)).toBeGreaterThan(100);
    expect(await log({ petitionId: city.byName.quoted!.id })).toBeGreaterThan(5);
    expect(await log({ principalId: 'leader-wang', outcome: 'READ' })).toBeGreaterThan(0);
    expect(await log({ outcome: 'DENIED' })).toBeGreaterThan(0);
  });
});
