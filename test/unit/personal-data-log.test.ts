/**
 * The personal-data access log on a real SQLite read model, through GraphQL: an unmasked read is logged with its
 * fields, a masked one is not, a refusal of a petition that exists is logged as DENIED, a list is logged in one
 * request, the log is ADMIN's to read, and nothing can change or remove an entry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { errorCode, okData } from '../support/graphql';
import { openReadModelHarness } from '../support/read-model';

const rm = openReadModelHarness();
afterAll(() => rm.close());

const LOG = `query($filter: PersonalDataAccessFilter, $first: Int, $after: String) {
  personalDataAccessLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { principalId role petitionId outcome fields } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const admin = rm.token('ADMIN');
const logOf = async (petitionId: string) =>
  okData(await rm.gql(admin, LOG, { filter: { petitionId } })).personalDataAccessLog.edges.map(
    (e: { node: unknown }) => e.node,
  );

describe('the personal-data access log', () => {
  const at = rm.petition({ received: '2026-03-02', petitioner: '张三' }).accept('2026-03-03', 'U-FT-01').project();
  const read = (token: string, fields: string) =>
    rm.gql(token, `query($id: ID!) { petition(id: $id) { petitioner { ${fields} } } }`, { id: at.id });

  it('an unmasked read is logged with the fields answered; a masked one is not', async () => {
    const registrar = rm.token('REGISTRAR');
    okData(await read(registrar, 'name masked'));
    okData(await read(rm.token('SUPERVISOR'), 'name idNumber masked'));
    okData(await read(registrar, 'masked'));
    expect(await logOf(at.id)).toEqual([
      {
        principalId: expect.stringMatching(/^registrar-/),
        role: 'REGISTRAR',
        petitionId: at.id,
        outcome: 'READ',
        fields: ['petitioner.name'],
      },
    ]);
  });

  it('another unit asking for the petition is told it does not exist, and the attempt is logged', async () => {
    const other = rm.token('UNIT_HANDLER', 'U-FT-03');
    expect(errorCode(await read(other, 'name'))).toBe('NOT_FOUND');
    const entries = await logOf(at.id);
    expect(entries[0]).toMatchObject({ role: 'UNIT_HANDLER', outcome: 'DENIED', fields: [] });
  });

  it('a list logs each petition it answered unmasked, in one request; the log pages newest first', async () => {
    const names = ['李一', '李二', '李三'];
    const listed = names.map((p) =>
      rm.petition({ received: '2026-03-04', petitioner: p, summary: '分页日志' }).project(),
    );
    const registrar = rm.token('REGISTRAR');
    okData(
      await rm.gql(
        registrar,
        '{ petitions(first: 50, filter: { text: "分页日志" }) { edges { node { petitioner { name } } } } }',
      ),
    );
    const page1 = okData(await rm.gql(admin, LOG, { first: 2 })).personalDataAccessLog;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = okData(await rm.gql(admin, LOG, { first: 2, after: page1.pageInfo.endCursor })).personalDataAccessLog;
    const ids = [...page1.edges, ...page2.edges].map((e: { node: { petitionId: string } }) => e.node.petitionId);
    expect(ids.slice(0, 3).sort()).toEqual(listed.map((p) => p.id).sort());
  });

  it('is ADMIN’s to read, and append-only', async () => {
    expect(errorCode(await rm.gql(rm.token('REGISTRAR'), LOG))).toBe('FORBIDDEN');
    expect(errorCode(await rm.gql(admin, LOG, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(() => rm.db.$client.prepare('UPDATE personal_data_access_log SET fields = ?').run('')).toThrow(
      /append-only/,
    );
    expect(() => rm.db.$client.prepare('DELETE FROM personal_data_access_log').run()).toThrow(/append-only/);
  });
});
