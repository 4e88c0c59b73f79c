/**
 * Decoded payloads in the Temporal UI for a tester, without a browser extension. The API's codec endpoint answers
 * only `Authorization: Bearer <TESTER or ADMIN token>`, and the UI sends no such header unless it runs with its
 * own OIDC login. So the UI's proxy serves the codec on the UI's own origin: a tester signs in once at
 * `/codec/login` with their token, the proxy keeps the token in memory against a random session cookie
 * (HttpOnly, SameSite=Strict, path /codec) and sends each /codec/decode and /codec/encode on to the API with the
 * token in the Authorization header, and the page's address as the Referer so the access log names the petition.
 * Nobody else's browser reads the answers: the codec is same-origin, and the proxy adds no CORS headers.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';

export const SESSION_COOKIE = 'fq_codec';
const SESSION_TTL_MS = 8 * 3600_000;
const LOGIN_BODY_LIMIT = 4096;
const FORWARDED = new Set(['/codec/decode', '/codec/encode']);

interface Session {
  token: string;
  expiresAt: number;
}

function page(message: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Fengqiao · decoded payloads</title>
<style>body{font:15px system-ui;max-width:36em;margin:3em auto}input{width:100%;font:inherit}</style>
<h1>Decoded payloads in the Temporal UI</h1><p>${message}</p>
<form method="post" action="/codec/login"><label>A TESTER or ADMIN token (fq_…)<br>
<input name="token" type="password" autocomplete="off" required></label><p><button>Sign in</button></p></form>
<form method="post" action="/codec/logout"><button>Sign out</button></form>`;
}

function cookieOf(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/** A request from another site's page (a form posted at us) names its own origin; the UI's carries ours or none. */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

function readSmall(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > LOGIN_BODY_LIMIT) {
        req.pause();
        resolve(null);
      }
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function html(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * Serves /codec/* on the UI's origin against the API at `apiUrl`; answers false for every other path (the UI's).
 */
export function codecSessions(apiUrl: string, now = () => Date.now()) {
  const sessions = new Map<string, Session>();
  const sessionOf = (req: http.IncomingMessage): Session | undefined => {
    const id = cookieOf(req);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session && session.expiresAt <= now()) sessions.delete(id!);
    return session && session.expiresAt > now() ? session : undefined;
  };

  async function login(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readSmall(req);
    const token = body === null ? '' : (new URLSearchParams(body).get('token') ?? '').trim();
    if (!token) return html(res, 400, page('Paste a token to sign in.'));
    // The token is proved good by the API itself: an empty decode answers 200 for a TESTER or ADMIN token only.
    let status: number;
    try {
      const answer = await fetch(new URL('/codec/decode', apiUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"payloads":[]}',
      });
      status = answer.status;
    } catch {
      return html(res, 502, page(`The API does not answer at ${apiUrl}; is it running?`));
    }
    if (status !== 200) return html(res, 401, page('That is not a valid TESTER or ADMIN token.'));
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { token, expiresAt: now() + SESSION_TTL_MS });
    const cookie = `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/codec; Max-Age=${SESSION_TTL_MS / 1000}`;
    html(res, 303, '', { location: '/', 'set-cookie': cookie });
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, session: Session, path: string): void {
    const headers: Record<string, string> = {
      authorization: `Bearer ${session.token}`,
      'content-type': 'application/json',
    };
    for (const name of ['x-namespace', 'referer', 'content-length'] as const) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // Sent as from a server, without the browser's Origin: the API's CORS list is for browsers that call it.
    fetch(new URL(path, apiUrl), { method: 'POST', headers, body: req, duplex: 'half' } as unknown as RequestInit)
      .then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => json(res, 502, 'UNAVAILABLE', `the API does not answer at ${apiUrl}`));
  }

  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/codec' && !path.startsWith('/codec/')) return false;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/codec/login') {
      const signedIn = sessionOf(req) !== undefined;
      html(res, 200, page(signedIn ? 'You are signed in: the UI shows payloads decoded.' : 'Not signed in.'));
    } else if (method !== 'POST' || !sameOrigin(req)) {
      json(res, method === 'POST' ? 403 : 405, 'FORBIDDEN', 'the codec takes POST from the Temporal UI only');
    } else if (path === '/codec/login') {
      login(req, res).catch(() => json(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
    } else if (path === '/codec/logout') {
      const id = cookieOf(req);
      if (id !== undefined) sessions.delete(id);
      const cleared = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/codec; Max-Age=0`;
      html(res, 303, '', { location: '/codec/login', 'set-cookie': cleared });
    } else if (!FORWARDED.has(path)) {
      json(res, 404, 'NOT_FOUND', `no codec path ${path}`);
    } else {
      const session = sessionOf(req);
      if (!session) json(res, 401, 'UNAUTHENTICATED', 'sign in at /codec/login with a TESTER or ADMIN token');
      else forward(req, res, session, path);
    }
    return true;
  };
}
