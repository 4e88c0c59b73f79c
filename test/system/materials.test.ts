/**
 * 材料 through GraphQL multipart and the download route, on the time-skipping server with the real worker, store
 * and read model: a file is stored once, encrypted, outside the history (which names it by its content id); its
 * type is what its bytes say; size and type are refused with their codes and the field; it opens byte for byte for
 * those who see the petitioner, and for no one else — not a masked reader, not a reviewer or another unit, and never
 * the unit an accusation accuses (Art. 30 ¶3) — and every open and every refusal is in the access log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCUSED, accusation, acceptedBeforeTheRule } from '../support/accusations';
import { errorCode, okData } from '../support/graphql';
import { attachVia, download, tinyPdf, tinyPng } from '../support/material-files';
import { MATERIAL_LIMIT, useTimeSkippingSystem } from '../support/system';

const MARK = 'LETTER-OF-ZHANGSAN-13800138000';
const PETITIONER = { name: '张三', phone: '13800138000' };
const t = {} as Record<'otherUnit' | 'accusedHandler', string>;
const ts = useTimeSkippingSystem((_, system) => {
  t.otherUnit = system.token('UNIT_HANDLER', { unitId: 'U-FT-03' });
  t.accusedHandler = system.token('UNIT_HANDLER', { unitId: ACCUSED });
});

const storedFiles = () =>
  readdirSync(ts.system.materialsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
const storedCount = () => {
  try {
    return storedFiles().length;
  } catch {
    return 0; // nothing stored yet: the directory is made with the first file
  }
};

async function registered(input: Record<string, unknown>): Promise<string> {
  const register = 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }';
  return okData(await ts.system.gql(ts.tokens.registrar, register, { input })).registerPetition.id as string;
}
async function handling(input: Record<string, unknown>): Promise<string> {
  const id = await registered(input);
  const accept = `mutation { acceptPetition(id: "${id}", unitId: "U-FT-01") { id } }`;
  okData(await ts.system.gql(ts.tokens.registrar, accept));
  return id;
}
const claim = (summary: string) => ({
  petitioner: PETITIONER,
  channel: 'LETTER',
  category: 'CLAIM',
  summary,
  content: `${summary}，请求处理。`,
});
const logRows = (petitionId: string) =>
  ts.system.db.$client
    .prepare('SELECT principal_id, outcome, fields FROM personal_data_access_log WHERE petition_id = ? ORDER BY id')
    .all(petitionId) as { principal_id: string; outcome: string; fields: string }[];

const pdf = tinyPdf(MARK);
let petitionId: string;
let pdfHash: string;

describe('attaching', () => {
  it('keeps the file encrypted outside the history, and its description in the petition and its timeline', async () => {
    petitionId = await handling(claim('拖欠工资'));
    const before = storedCount();
    const { status, body } = await attachVia(
      ts.system,
      ts.tokens.registrar,
      { id: petitionId, kind: 'LETTER', note: '来信原件扫描' },
      { bytes: pdf, name: 'C:\\fakepath\\张三来信.pdf', type: 'application/pdf' },
    );
    expect(status).toBe(200);
    const answer = okData(body).attachMaterial;
    expect(answer.materials).toEqual([
      {
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        size: pdf.length,
        mediaType: 'application/pdf',
        name: '张三来信.pdf',
        kind: 'LETTER',
        note: '来信原件扫描',
        uploadedBy: { id: expect.any(String), role: 'REGISTRAR' },
      },
    ]);
    pdfHash = answer.materials[0].hash;
    expect(answer.timeline.at(-1)).toEqual({
      type: 'MATERIAL_ATTACHED',
      data: { hash: pdfHash, kind: 'LETTER', mediaType: 'application/pdf', size: pdf.length },
    });

    expect(storedCount()).toBe(before + 1);
    const [file] = storedFiles().filter((path) => path.endsWith(pdfHash));
    const onDisk = readFileSync(file!);
    expect(onDisk.includes(Buffer.from(MARK))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);

    // The history (decoded, as a tester reads it) names the file and does not carry it.
    const history = okData(
      await ts.system.gql(ts.tokens.tester, `query { petitionHistory(id: "${petitionId}") }`),
    ).petitionHistory;
    const text = JSON.stringify(history);
    expect(text).not.toContain(MARK);
    expect(text).not.toContain(pdf.toString('base64').slice(0, 40));

    const row = ts.system.db.$client
      .prepare('SELECT hash, size, media_type, name, kind FROM petition_materials WHERE petition_id = ?')
      .all(petitionId);
    expect(row).toEqual([
      { hash: pdfHash, size: pdf.length, media_type: 'application/pdf', name: '张三来信.pdf', kind: 'LETTER' },
    ]);
  });

  it('takes the type its bytes say, not the one claimed; the acting unit attaches too', async () => {
    const png = tinyPng(MARK);
    const { body } = await attachVia(
      ts.system,
      ts.tokens.handler,
      { id: petitionId, kind: 'PHOTO' },
      { bytes: png, name: '现场.pdf', type: 'application/pdf' },
    );
    const materials = okData(body).attachMaterial.materials;
    expect(materials.map((m: { mediaType: string; kind: string }) => [m.mediaType, m.kind])).toEqual([
      ['application/pdf', 'LETTER'],
      ['image/png', 'PHOTO'],
    ]);
  });

  it('leaves a history this code replays (the `materials` patch marked at its first use)', async () => {
    const { tester } = ts.tokens;
    const { petitionHistory: history } = okData(
      await ts.system.gql(tester, `query { petitionHistory(id: "${petitionId}") }`),
    );
    const replay = 'mutation($history: JSON!) { replayHistory(history: $history) { ok events } }';
    const replayed = okData(await ts.system.gql(tester, replay, { history })).replayHistory;
    expect(replayed).toMatchObject({ ok: true });
  });

  it('stores the same file once for every petition; twice on one petition is refused', async () => {
    const before = storedCount();
    const second = await handling(claim('拖欠工资（再次来信）'));
    const { body } = await attachVia(ts.system, ts.tokens.registrar, { id: second }, { bytes: pdf, name: 'copy.pdf' });
    expect(okData(body).attachMaterial.materials[0].hash).toBe(pdfHash);
    expect(storedCount()).toBe(before);

    const again = await attachVia(ts.system, ts.tokens.registrar, { id: second }, { bytes: pdf, name: 'again.pdf' });
    expect(errorCode(again.body)).toBe('BAD_USER_INPUT');
    expect(again.body.errors![0]!.extensions).toMatchObject({ field: 'file', reason: 'ALREADY_ATTACHED' });
  });

  it('refuses a file past the limit or of another type, with the code and the field, storing nothing', async () => {
    const before = storedCount();
    const send = (bytes: Uint8Array, token = ts.tokens.registrar) =>
      attachVia(ts.system, token, { id: petitionId }, { bytes, name: 'x.pdf', type: 'application/pdf' });

    const justOver = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MATERIAL_LIMIT + 1 - 9, 0x20)]);
    const over = await send(justOver);
    expect(errorCode(over.body)).toBe('LIMIT_EXCEEDED');
    expect(over.body.errors![0]!.extensions).toMatchObject({ field: 'file', limit: MATERIAL_LIMIT });
    expect(await send(justOver.subarray(0, MATERIAL_LIMIT)).then((r) => errorCode(r.body))).toBeUndefined();

    // Past the body an upload may have at all: refused while it streams in, before it is parsed.
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 0x20)]);
    const refusedEarly = await send(huge);
    expect(refusedEarly.status).toBe(413);
    expect(refusedEarly.body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'file' });

    const html = await send(Buffer.from('<html><script>alert(1)</script></html>'));
    expect(errorCode(html.body)).toBe('BAD_USER_INPUT');
    expect(html.body.errors![0]!.extensions).toMatchObject({ field: 'file', reason: 'UNSUPPORTED_TYPE' });
    const empty = await send(Buffer.alloc(0));
    expect(errorCode(empty.body)).toBe('BAD_USER_INPUT');

    // A role that may not attach: refused by role; with a body past the API's own limit, refused as any such body.
    expect(errorCode((await send(tinyPdf('s'), ts.tokens.supervisor)).body)).toBe('FORBIDDEN');
    const bySupervisor = await send(huge, ts.tokens.supervisor);
    expect(bySupervisor.status).toBe(413);
    expect(bySupervisor.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REQUEST_ENTITY_TOO_LARGE',
    });
    const anonymous = await attachVia(ts.system, null, { id: petitionId }, { bytes: huge, name: 'x.pdf' });
    expect(anonymous.status).toBe(413);

    expect(storedCount()).toBe(before + 1); // the one at the limit
  });
});

describe('opening', () => {
  it('answers the file byte for byte to the unit handling it and to the bureau, and logs each read', async () => {
    for (const token of [ts.tokens.handler, ts.tokens.registrar]) {
      const response = await download(ts.system, token, petitionId, pdfHash);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('张三来信.pdf')}`,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), pdf)).toBe(0);
    }
    const reads = logRows(petitionId).filter((r) => r.fields === `material:${pdfHash}`);
    expect(reads.map((r) => r.outcome)).toEqual(['READ', 'READ']);
  });

  it('refuses masked readers (FORBIDDEN) and those who cannot read the case (NOT_FOUND), logging the refusals', async () => {
    const refused = async (token: string, expected: number, code: string) => {
      const response = await download(ts.system, token, petitionId, pdfHash);
      expect(response.status).toBe(expected);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe(code);
    };
    const logged = logRows(petitionId).length;
    await refused(ts.tokens.supervisor, 403, 'FORBIDDEN');
    await refused(ts.tokens.tester, 403, 'FORBIDDEN');
    await refused(ts.tokens.reviewer, 404, 'NOT_FOUND');
    await refused(t.otherUnit, 404, 'NOT_FOUND');
    const denials = logRows(petitionId).slice(logged);
    expect(denials.map((r) => [r.outcome, r.fields])).toEqual(
      Array.from({ length: 4 }, () => ['DENIED', `material:${pdfHash}`]),
    );

    // The list is theirs to read, its file names masked as every text quoting the petitioner is.
    const names = async (token: string) =>
      okData(await ts.system.gql(token, `{ petition(id: "${petitionId}") { materials { name } } }`)).petition.materials;
    expect((await names(ts.tokens.handler))[0].name).toBe('张三来信.pdf');
    const masked = (await names(ts.tokens.supervisor))[0].name as string;
    expect(masked).not.toContain('张三');
    expect(masked).toMatch(/^张.+来信\.pdf$/);

    const none = await download(ts.system, null, petitionId, pdfHash);
    expect(none.status).toBe(401);
    // A content id of a file in the store but not kept with this petition is not this petition's to answer.
    const other = await handling(claim('噪音扰民'));
    expect((await download(ts.system, ts.tokens.handler, other, pdfHash)).status).toBe(404);
    expect((await download(ts.system, ts.tokens.handler, petitionId, 'not-a-hash')).status).toBe(400);
  });

  it("never gives an accusation's materials to the unit it accuses, even one holding the case", async () => {
    const competent = await handling({ ...accusation('举报挪用资金', '某站长挪用专项资金'), petitioner: PETITIONER });
    const held = await registered({ ...accusation('举报虚报冒领', '某主任虚报冒领'), petitioner: PETITIONER });
    const letter = tinyPdf('ACCUSER-LETTER');
    for (const id of [competent, held]) {
      const { body } = await attachVia(
        ts.system,
        ts.tokens.registrar,
        { id, kind: 'EVIDENCE' },
        { bytes: letter, name: 'a.pdf' },
      );
      okData(body);
    }
    const hash = okData(
      await ts.system.gql(ts.tokens.registrar, `{ petition(id: "${competent}") { materials { hash } } }`),
    ).petition.materials[0].hash as string;
    expect((await download(ts.system, ts.tokens.handler, competent, hash)).status).toBe(200);

    // Accepted by the accused unit before the rule: it acts on the case, and still sees none of it.
    await acceptedBeforeTheRule(ts.env, ts.system, held);
    for (const id of [competent, held]) {
      const response = await download(ts.system, t.accusedHandler, id, hash);
      expect(response.status).toBe(404);
      const made = await download(ts.system, t.accusedHandler, 'XF-0000DEADBEEF', hash);
      expect(JSON.stringify(await response.json()).replaceAll(id, '<id>')).toBe(
        JSON.stringify(await made.json()).replaceAll('XF-0000DEADBEEF', '<id>'),
      );
      const attach = await attachVia(ts.system, t.accusedHandler, { id }, { bytes: tinyPdf('x'), name: 'x.pdf' });
      expect(errorCode(attach.body)).toBe('NOT_FOUND');
      expect(logRows(id).at(-1)).toMatchObject({ outcome: 'DENIED' });
    }
  });
});
