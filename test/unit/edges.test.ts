/**
 * The API's edge (api/edges.ts, api/security-headers.ts) on the real yoga over a real SQLite file, served by
 * node:http as api/main.ts serves it: the allowed origins, the headers on every answer, tokens read from the
 * Authorization header only, and the body limit enforced before parsing, while the body streams in.
 */
import { Client } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTokenNow } from '../support/tokens';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { corsOriginsFromEnv, DEFAULT_MAX_BODY_BYTES, edgeSettingsFromEnv, maxBodyBytesFromEnv } from '../../api/edges';
import { API_CSP, GRAPHIQL_CSP } from '../../api/security-headers';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';

const CONSOLE = 'https://console.fengqiao.test';
const LIMIT = 1_048_576;

let dir: string;
let db: ReadModel;
let server: Server;
let base: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-edges-'));
  db = openReadModel(join(dir, 'fengqiao.db'));
  await seedUnits(db);
  // Nothing listens there: the edge never needs Temporal.
  const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', 1) });
  const edges = { corsOrigins: [CONSOLE], maxBodyBytes: LIMIT };
  const yoga = createFengqiaoYoga({ db, temporal, taskQueue: 'unused', profileId: DEFAULT_PROFILE_ID, edges });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = issueTokenNow(db, { role: 'REGISTRAR', principalId: 'edge-registrar', unitId: null, memberId: null });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const VIEWER = JSON.stringify({ query: '{ viewer { id role } }' });

function post(body: string, headers: Record<string, string> = {}, path = '/graphql') {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('settings', () => {
  it('FENGQIAO_CORS_ORIGINS: none unless listed; origins only, never "*" or a path', () => {
    expect(edgeSettingsFromEnv({})).toEqual({ corsOrigins: [], maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    expect(corsOriginsFromEnv(' ')).toEqual([]);
    expect(corsOriginsFromEnv('https://a.gov.cn, http://localhost:5173/,https://a.gov.cn')).toEqual([
      'https://a.gov.cn',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'a.gov.cn', 'https://a.gov.cn/console', 'ftp://a.gov.cn', 'https://*.gov.cn'])
      expect(() => corsOriginsFromEnv(bad), bad).toThrow(/FENGQIAO_CORS_ORIGINS/);
  });

  it('FENGQIAO_MAX_BODY_BYTES: 1 MiB by default, whole bytes of at least 1 KiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576);
    expect(maxBodyBytesFromEnv(undefined)).toBe(1_048_576);
    expect(maxBodyBytesFromEnv('2000000')).toBe(2_000_000);
    for (const bad of ['0', '512', '1.5', '1MB', '-1'])
      expect(() => maxBodyBytesFromEnv(bad), bad).toThrow(/FENGQIAO_MAX_BODY_BYTES/);
  });
});

describe('CORS', () => {
  it('an allowed origin gets its own name back, without credentials; the Authorization header is allowed', async () => {
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: CONSOLE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await post(VIEWER, { origin: CONSOLE, authorization: `Bearer ${token}` });
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('vary')).toMatch(/Origin/);
    expect((await answer.json()).data.viewer).toEqual({ id: 'edge-registrar', role: 'REGISTRAR' });
  });

  it('any other origin (or none) gets no CORS header at all: the browser keeps the answer from its page', async () => {
    for (const origin of ['https://evil.test', `${CONSOLE}.evil.test`, 'null', 'http://console.fengqiao.test']) {
      const preflight = await fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      const answer = await post(VIEWER, { origin, authorization: `Bearer ${token}` });
      for (const response of [preflight, answer]) {
        expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
        expect(response.headers.get('access-control-allow-credentials'), origin).toBeNull();
        expect(response.headers.get('access-control-allow-headers'), origin).toBeNull();
      }
    }
    expect((await post(VIEWER)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  const expectHeaders = (response: Response, csp: string, what: string) => {
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(response.headers.get('x-frame-options'), what).toBe('DENY');
    expect(response.headers.get('cache-control'), what).toBe('no-store');
    expect(response.headers.get('content-security-policy'), what).toBe(csp);
  };

  it('on every answer: GraphQL data and errors, health, downloads, preflights; GraphiQL with a CSP it runs under', async () => {
    expectHeaders(await post(VIEWER, { authorization: `Bearer ${token}` }), API_CSP, 'data');
    expectHeaders(await post(VIEWER, { authorization: 'Bearer fq_unknown' }), API_CSP, 'UNAUTHENTICATED');
    expectHeaders(await post('{"query": "{ viewer { id }"}'), API_CSP, 'syntax error');
    expectHeaders(await fetch(`${base}/health/yoga`), API_CSP, 'health');
    expectHeaders(await fetch(`${base}/petitions/XF-1/history.json`), API_CSP, 'download');
    expectHeaders(await fetch(`${base}/graphql`, { method: 'OPTIONS' }), API_CSP, 'preflight');
    expectHeaders(await fetch(`${base}/nowhere`), API_CSP, '404');

    const graphiql = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.headers.get('content-type')).toMatch(/^text\/html/);
    expectHeaders(graphiql, GRAPHIQL_CSP, 'GraphiQL');
    // What the page is made of is what its CSP allows: inline script and styles, data: fonts, blob: workers.
    const page = await graphiql.text();
    expect(page).not.toMatch(
      /<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"'\s]*\.(js|css)\b/i,
    );
    expect(page).toContain('URL.createObjectURL(blob)');
    expect(GRAPHIQL_CSP).toMatch(/worker-src blob:/);
    expect(GRAPHIQL_CSP).toMatch(/frame-ancestors 'none'/);
  });
});

describe('tokens only in the Authorization header', () => {
  it('a token in the query string, a cookie or the body is no identity', async () => {
    const asked = (response: Response) => response.json() as Promise<{ data?: any; errors?: any[] }>;
    const viaHeader = await asked(await post(VIEWER, { authorization: `Bearer ${token}` }));
    expect(viaHeader.data.viewer.id).toBe('edge-registrar');

    const tries = [
      post(VIEWER, {}, `/graphql?access_token=${token}&token=${token}&authorization=Bearer%20${token}`),
      post(VIEWER, { cookie: `token=${token}; authorization=Bearer ${token}; access_token=${token}` }),
      post(JSON.stringify({ query: '{ viewer { id } }', extensions: { authorization: `Bearer ${token}`, token } })),
      fetch(`${base}/graphql?query=${encodeURIComponent('{ viewer { id } }')}&access_token=${token}`, {
        headers: { accept: 'application/json' },
      }),
    ];
    for (const answer of await Promise.all(tries.map(async (t) => asked(await t)))) {
      expect(answer.data?.viewer ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const download = await fetch(`${base}/petitions/XF-1/history.json?access_token=${token}`, {
      headers: { cookie: `token=${token}` },
    });
    expect(download.status).toBe(401);
  });
});

/** A POST of `bytes` written in 64 KiB chunks as fast as the server takes them; with a Content-Length or chunked. */
function streamedPost(bytes: number, chunked: boolean) {
  return new Promise<{ status: number; ms: number; written: number; body: any }>((resolve, reject) => {
    const started = Date.now();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(bytes);
    const req = request(`${base}/graphql`, { method: 'POST', headers });
    const chunk = Buffer.alloc(65_536, 0x61);
    let written = 0;
    let answered = false;
    const pump = () => {
      while (!answered && written < bytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        answered = true;
        req.destroy();
        resolve({ status: res.statusCode!, ms: Date.now() - started, written, body: JSON.parse(text) });
      });
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    req.write('{"query":"{ viewer { id } }","variables":{"x":"');
    pump();
  });
}

describe('the body limit', () => {
  const refusal = {
    errors: [
      {
        message: `the request body is larger than ${LIMIT} bytes, the API's limit (FENGQIAO_MAX_BODY_BYTES)`,
        extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_ENTITY_TOO_LARGE', maxBytes: LIMIT },
      },
    ],
  };

  it('a 2 MB body is refused at once, 413, by its Content-Length or while it streams; the next request is answered', async () => {
    for (const chunked of [false, true]) {
      const refused = await streamedPost(2_000_000, chunked);
      expect(refused.status, `chunked: ${chunked}`).toBe(413);
      expect(refused.body).toEqual(refusal);
      expect(refused.ms).toBeLessThan(1_000);
      const next = await post(VIEWER, { authorization: `Bearer ${token}` });
      expect(next.status).toBe(200);
      expect((await next.json()).data.viewer.id).toBe('edge-registrar');
    }
    // Just under the limit is parsed as usual.
    const under = JSON.stringify({ query: '{ viewer { id } }', variables: { x: 'a'.repeat(LIMIT - 100) } });
    expect((await post(under, { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('five 17 MB bodies without a token neither stall other requests nor are read to their end', async () => {
    const rssBefore = process.memoryUsage().rss;
    const floods = [1, 2, 3, 4, 5].map((i) => streamedPost(17_000_000, i % 2 === 0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    const meanwhile = await post(VIEWER, { authorization: `Bearer ${token}` });
    const meanwhileMs = Date.now() - started;
    expect(meanwhile.status).toBe(200);
    const refused = await Promise.all(floods);
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    console.log(
      `[edges] a request amid five 17 MB bodies: ${meanwhileMs} ms; refused in ${refused.map((r) => r.ms).join('/')} ms` +
        ` after ${refused.map((r) => (r.written / 1e6).toFixed(1)).join('/')} MB written; rss +${(rssGrowth / 1e6).toFixed(0)} MB`,
    );
    expect(meanwhileMs).toBeLessThan(1_000);
    for (const r of refused) {
      expect(r.status).toBe(413);
      expect(r.body).toEqual(refusal);
      // The server stopped taking the body: what got out is what the sockets' buffers hold, not 17 MB.
      expect(r.written).toBeLessThan(17_000_000 / 2);
    }
    expect(rssGrowth).toBeLessThan(150_000_000);
  });
});
