/**
 * Every field that can carry a petitioner's personal data, a column each, against every kind of reader, compared
 * byte for byte: the petitioner, what they wrote, a note that quotes them, a search highlight, the workflow's own
 * state (`live`) and the history download. One decision masks them all (api/petitioner-view.ts); the masked
 * forms below are written out by hand, not computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { issueToken } from '../../api/auth';
import { errorCode, okField } from '../support/graphql';
import { useTimeSkippingSystem } from '../support/system';
import { tokensPerRole } from '../support/tokens';

const NAME = '欧阳明月';
const ID_NUMBER = '110101199003074258';
const PHONE = '13912345678';
const ADDRESS = '枫桥镇东街8号';
const CONTENT = `本人${NAME}反映加装电梯补贴未发放，电话${PHONE}，身份证${ID_NUMBER}，住${ADDRESS}。`;
const NOTE = `请联系${NAME}（${PHONE}）核实`;

/** As `petitioner` masks them: the family name's first character, the last four digits. */
const MASKED = { name: '欧**', idNumber: '**************4258', phone: '*******5678', address: null };
const MASKED_CONTENT = `本人欧**反映加装电梯补贴未发放，电话*******5678，身份证**************4258，住***。`;
const MASKED_NOTE = `请联系欧**（*******5678）核实`;

type Reader = 'registrar' | 'handler' | 'otherUnit' | 'supervisor' | 'tester' | 'admin';
/** FULL: sees the petitioner; MASKED: reads the petition without them; HIDDEN: told NOT_FOUND. */
const ACCESS: Record<Reader, 'FULL' | 'MASKED' | 'HIDDEN'> = {
  registrar: 'FULL',
  handler: 'FULL',
  otherUnit: 'HIDDEN',
  supervisor: 'MASKED',
  tester: 'MASKED',
  admin: 'FULL',
};
/** petitionHistory: testers and admins only, decoded and whole (its own access decision). */
const HISTORY: Record<Reader, 'WHOLE' | 'FORBIDDEN'> = {
  registrar: 'FORBIDDEN',
  handler: 'FORBIDDEN',
  otherUnit: 'FORBIDDEN',
  supervisor: 'FORBIDDEN',
  tester: 'WHOLE',
  admin: 'WHOLE',
};

let petitionId = '';
const tokens = {} as Record<Reader, string>;

const ts = useTimeSkippingSystem(async (_env, system) => {
  const t = tokensPerRole(system.db, 'pd');
  Object.assign(tokens, {
    registrar: t.registrar,
    handler: t.handler,
    otherUnit: issueToken(system.db, { role: 'UNIT_HANDLER', principalId: 'pd-handler-b', unitId: 'U-FT-02' }),
    supervisor: t.supervisor,
    tester: t.tester,
    admin: t.admin,
  });
  const registered = await system.gql(
    t.registrar,
    `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }`,
    {
      input: {
        petitioner: { name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS },
        channel: 'LETTER',
        category: 'CLAIM',
        summary: '补贴未发放',
        content: CONTENT,
        respondentUnitId: 'U-FT-01',
      },
    },
  );
  petitionId = (okField(registered) as { id: string }).id;
  okField(
    await system.gql(
      t.registrar,
      `mutation($id: ID!, $note: String) { acceptPetition(id: $id, unitId: "U-FT-01", note: $note) { id } }`,
      {
        id: petitionId,
        note: NOTE,
      },
    ),
  );
});

const PETITION = `query($id: ID!) { petition(id: $id) {
  petitioner { name idNumber phone address masked } content timeline { type note } live } }`;

describe('personal data, field by field, reader by reader', () => {
  for (const reader of Object.keys(ACCESS) as Reader[]) {
    it(`${reader}: ${ACCESS[reader]}`, async () => {
      const answer = await ts.system.gql(tokens[reader], PETITION, { id: petitionId });
      const search = await ts.system.gql(
        tokens[reader],
        `query { petitions(first: 5, filter: { text: "加装电梯" }) { edges { highlight node { id } } } }`,
      );
      const history = await ts.system.gql(tokens[reader], `query($id: ID!) { petitionHistory(id: $id) }`, {
        id: petitionId,
      });
      const highlights = (okField(search) as { edges: { highlight: string; node: { id: string } }[] }).edges
        .filter((e) => e.node.id === petitionId)
        .map((e) => e.highlight);

      if (HISTORY[reader] === 'WHOLE') {
        const started = (okField(history) as any).events[0].workflowExecutionStartedEventAttributes;
        expect(Buffer.from(started.input.payloads[0].data, 'base64').toString()).toContain(ID_NUMBER);
      } else expect(errorCode(history)).toBe('FORBIDDEN');

      if (ACCESS[reader] === 'HIDDEN') {
        expect(errorCode(answer)).toBe('NOT_FOUND');
        expect(highlights).toEqual([]);
        return;
      }
      const petition = okField(answer) as {
        petitioner: unknown;
        content: string;
        timeline: { type: string; note: string | null }[];
        live: { petitioner: unknown; content: string } | null;
      };
      const full = ACCESS[reader] === 'FULL';
      const note = petition.timeline.find((e) => e.note?.startsWith('请联系'))?.note;
      expect(petition.petitioner).toEqual(
        full
          ? { name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS, masked: false }
          : { ...MASKED, masked: true },
      );
      expect(petition.content).toBe(full ? CONTENT : MASKED_CONTENT);
      expect(note).toBe(full ? NOTE : MASKED_NOTE);
      expect(highlights).toHaveLength(1);
      expect(highlights[0]).toContain('【加装电梯】');
      if (!full) for (const plain of [NAME, ID_NUMBER, PHONE, ADDRESS]) expect(highlights[0]).not.toContain(plain);
      // The highlight's window (60 characters) is cut around the word from the text as the reader may see it.
      expect(highlights[0]).toBe(
        full
          ? `补贴未发放｜本人欧阳明月反映【加装电梯】补贴未发放，电话13912345678，身份证110101199003074258，…`
          : `补贴未发放｜本人欧**反映【加装电梯】补贴未发放，电话*******5678，身份证**************4258，住…`,
      );
      // live: the workflow's state, its petitioner and texts through the same decision.
      expect(petition.live?.petitioner).toEqual(
        full ? expect.objectContaining({ name: NAME, idNumber: ID_NUMBER, phone: PHONE }) : MASKED,
      );
      expect(petition.live?.content).toBe(full ? CONTENT : MASKED_CONTENT);
      // Nothing of the masked reader's whole answer (search included) holds an identifier in plain text.
      if (!full) {
        const everything = JSON.stringify([answer, search]);
        for (const plain of [NAME, ID_NUMBER, PHONE, ADDRESS]) expect(everything).not.toContain(plain);
      }
    });
  }
});
