/**
 * The Temporal Web UI's codec endpoint, over real HTTP as a browser or the CLI calls it. It
 * decodes what the worker encrypted for a TESTER or ADMIN token only, answers CORS for the UI's origin only, and
 * writes every decode in the personal-data access log. Then the same through the UI's proxy, as a tester's
 * browser reaches it: signed in once with a token, a session cookie after that.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { payloadToJSON, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codecNodeHandler } from '../../api/codec-endpoint';
import { UNKNOWN_WORKFLOW } from '../../api/codec-reads';
import { personalDataAccessLog } from '../../db/schema';
import { uiProxy } from '../../scripts/dev/ui-proxy';
import { petitionWorkflowId } from '../../workflows/definitions';
import { okField } from '../support/graphql';
import { useTimeSkippingSystem } from '../support/system';

const ID_NUMBER = '110101199003074258';
const UI = 'http://localhost:8233';

const ts = useTimeSkippingSystem();
let server: Server;
let base: string;
let encrypted: JSONPayload;
let petitionId: string;

beforeAll(async () => {
  const codec = codecNodeHandler({
    db: ts.system.db,
    codecs: ts.env.client.options.loadedDataConverter.payloadCodecs,
    origins: [UI],
  });
  server = createServer((req, res) => {
    if (!codec(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/codec`;

  const registered = await ts.system.gql(
    ts.tokens.registrar,
    `mutation { registerPetition(input: { petitioner: { name: "解码测试", idNumber: "${ID_NUMBER}" }, channel: LETTER,
      category: CLAIM, summary: "解码测试", content: "解码测试", respondentUnitId: "U-FT-01" }) { id } }`,
  );
  const { id } = okField(registered) as { id: string };
  petitionId = id;
  const history = await ts.env.client.workflow.getHandle(petitionWorkflowId(id)).fetchHistory();
  encrypted = payloadToJSON(history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(path: 'decode' | 'encode', token: string | null, body: unknown, origin?: string, referer?: string) {
  return fetch(`${base}/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-namespace': 'default',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(origin ? { origin } : {}),
      ...(referer ? { referer } : {}),
    },
    body: JSON.stringify(body),
  });
}

const lastLogged = () =>
  ts.system.db.select().from(personalDataAccessLog).orderBy(desc(personalDataAccessLog.id)).limit(1).get();
/** The Temporal UI's page of a workflow's history, as its Referer names it. */
const pageOf = (origin: string, id: string) =>
  `${origin}/namespaces/default/workflows/${encodeURIComponent(petitionWorkflowId(id))}/0195-run/history`;

const text = (payload: JSONPayload) => Buffer.from(payload.data ?? '', 'base64').toString();

describe('the codec endpoint', () => {
  it('decodes what the worker encrypted, for a TESTER and an ADMIN', async () => {
    expect(text(encrypted)).not.toContain(ID_NUMBER);
    for (const token of [ts.tokens.tester, ts.tokens.admin]) {
      const response = await post('decode', token, { payloads: [encrypted] }, UI);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { payloads } = (await response.json()) as { payloads: JSONPayload[] };
      expect(payloads).toHaveLength(1);
      expect(Buffer.from(payloads[0]!.metadata!.encoding!, 'base64').toString()).toBe('json/plain');
      expect(text(payloads[0]!)).toContain(ID_NUMBER);
    }
  });

  it('encodes, and what it encoded decodes back; a plain payload passes decode unchanged', async () => {
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: btoa('"hello"') };
    const encoded = (await (await post('encode', ts.tokens.tester, { payloads: [plain] })).json()) as {
      payloads: JSONPayload[];
    };
    expect(encoded.payloads[0]!.metadata!['encryption-key-id']).toBeDefined();
    const decoded = (await (await post('decode', ts.tokens.tester, encoded)).json()) as { payloads: JSONPayload[] };
    expect(decoded.payloads).toEqual([plain]);
    const passed = (await (await post('decode', ts.tokens.tester, { payloads: [plain] })).json()) as {
      payloads: JSONPayload[];
    };
    expect(passed.payloads).toEqual([plain]);
  });

  it('401 without a token or with an unknown one, 403 for every other role; nothing decoded', async () => {
    const body = { payloads: [encrypted] };
    const none = await post('decode', null, body);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post('decode', 'fq_not-a-token', body)).status).toBe(401);
    for (const token of [ts.tokens.registrar, ts.tokens.supervisor, ts.tokens.handler, ts.tokens.reviewer]) {
      const response = await post('decode', token, body);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(ID_NUMBER);
    }
  });

  it("CORS for the UI's origin only: preflight, answer headers, another origin refused", async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ok = await preflight(UI);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(UI);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const evil = await preflight('http://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const fromEvil = await post('decode', ts.tokens.tester, { payloads: [encrypted] }, 'http://evil.example');
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await fromEvil.text()).not.toContain(ID_NUMBER);
    // The CLI sends no Origin: not a browser, so the token alone decides.
    expect(
      (await post('decode', ts.tokens.tester, { payloads: [encrypted] })).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it("writes each decode in the access log, naming the petition of the UI's page, or none from the CLI", async () => {
    await post('decode', ts.tokens.tester, { payloads: [encrypted] }, UI, pageOf(UI, petitionId));
    expect(lastLogged()).toMatchObject({
      principalId: 'test-tester-bureau',
      role: 'TESTER',
      petitionId,
      outcome: 'READ',
      fields: 'codec.decode',
    });
    await post('decode', ts.tokens.admin, { payloads: [encrypted] });
    expect(lastLogged()).toMatchObject({ role: 'ADMIN', petitionId: UNKNOWN_WORKFLOW, fields: 'codec.decode' });
    const before = lastLogged()!.id;
    await post('encode', ts.tokens.tester, { payloads: [] });
    await post('decode', ts.tokens.registrar, { payloads: [encrypted] });
    expect(lastLogged()!.id).toBe(before);
  });

  it('405 for another method, 400 for a body that is not a list of payloads', async () => {
    expect((await fetch(`${base}/decode`, { headers: { authorization: `Bearer ${ts.tokens.tester}` } })).status).toBe(
      405,
    );
    expect((await post('decode', ts.tokens.tester, { nope: 1 })).status).toBe(400);
    expect((await post('decode', ts.tokens.tester, { payloads: [1] })).status).toBe(400);
  });
});

describe("the codec on the UI's origin, through its proxy", () => {
  let proxy: ReturnType<typeof uiProxy>;
  let ui: string;

  beforeAll(async () => {
    // Only /codec/* is asked here: the UI behind it (port 9) is never reached.
    proxy = uiProxy(9, { apiUrl: base.replace(/\/codec$/, '') });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    ui = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  const signIn = (token: string, origin?: string) =>
    fetch(`${ui}/codec/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: new URLSearchParams({ token }).toString(),
    });
  const decode = (cookie: string | null, origin?: string) =>
    fetch(`${ui}/codec/decode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        referer: pageOf(ui, petitionId),
        ...(cookie ? { cookie } : {}),
        ...(origin ? { origin } : {}),
      },
      body: JSON.stringify({ payloads: [encrypted] }),
    });

  it('decodes for a signed-in tester only, logs the petition, and forgets the session on sign-out', async () => {
    expect((await decode(null)).status).toBe(401);
    expect((await fetch(`${ui}/codec/login`)).status).toBe(200);
    const refused = await signIn(ts.tokens.registrar);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();

    const signedIn = await signIn(ts.tokens.tester);
    expect(signedIn.status).toBe(303);
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^fq_codec=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/codec;/);
    // The token itself never reaches the browser.
    expect(setCookie).not.toContain(ts.tokens.tester);
    const cookie = setCookie.split(';')[0]!;

    const answer = await decode(cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const { payloads } = (await answer.json()) as { payloads: JSONPayload[] };
    expect(text(payloads[0]!)).toContain(ID_NUMBER);
    expect(lastLogged()).toMatchObject({ principalId: 'test-tester-bureau', petitionId, fields: 'codec.decode' });

    // Another site's page posting with the tester's cookie is refused; so is a sign-in posted from it.
    expect((await decode(cookie, 'http://evil.example')).status).toBe(403);
    expect((await signIn(ts.tokens.tester, 'http://evil.example')).status).toBe(403);
    expect((await decode('fq_codec=made-up')).status).toBe(401);

    const signedOut = await fetch(`${ui}/codec/logout`, { method: 'POST', redirect: 'manual', headers: { cookie } });
    expect(signedOut.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await decode(cookie)).status).toBe(401);
  });
});
