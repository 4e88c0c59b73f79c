/**
 * The codec endpoint the Temporal Web UI (and `temporal … --codec-endpoint`) calls to show decoded payloads:
 * `POST /codec/decode` and `POST /codec/encode` with `{ "payloads": [ { "metadata": {…}, "data": "…" } ] }` in
 * proto3 JSON (every bytes field base64), answered in the same shape. The payloads it decodes are petitioners'
 * personal data, so it answers only a valid Bearer token of TESTER (or ADMIN), and a browser only from the
 * configured origins (the Temporal UI's). It sits in front of graphql-yoga (api/main.ts) so that yoga's own CORS
 * handling, meant for the console, never answers for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PayloadCodec } from '@temporalio/common';
import type { JSONPayload } from '@temporalio/common/lib/proto-utils';
import { GraphQLError } from 'graphql';
import type { ReadModel } from '../db/read-model';
import { authenticate } from './auth';
import { decodedWorkflowOf } from './codec-reads';
import { isReadModelFailure } from './errors';
import { flushPersonalData, notePersonalData } from './personal-data-log';
import { type CodecDirection, transformJsonPayloads } from './payload-json';
import { historyReader } from './petitioner-view';

export const CODEC_PATH = '/codec';
export const DEFAULT_CODEC_ORIGINS = ['http://localhost:8233'];
/** A history's worth of payloads; read only once the token is known good, so a stranger's body costs nothing. */
export const CODEC_BODY_LIMIT_BYTES = 8 << 20;

export interface CodecEndpointOptions {
  db: ReadModel;
  codecs: readonly PayloadCodec[];
  /** Browser origins allowed to call it (the Temporal UI's); requests without an Origin (the CLI) are not browsers. */
  origins: readonly string[];
}

/** `FENGQIAO_CODEC_CORS_ORIGINS`: comma-separated origins; the dev server UI's by default. */
export function codecOriginsFromEnv(value = process.env.FENGQIAO_CODEC_CORS_ORIGINS): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return origins.length ? origins : DEFAULT_CODEC_ORIGINS;
}

const DIRECTIONS: Record<string, CodecDirection> = {
  [`${CODEC_PATH}/decode`]: 'decode',
  [`${CODEC_PATH}/encode`]: 'encode',
};

export function isCodecPath(pathname: string): boolean {
  return pathname in DIRECTIONS;
}

function isPayloadList(body: unknown): body is { payloads: JSONPayload[] } {
  const payloads = (body as { payloads?: unknown } | null)?.payloads;
  return Array.isArray(payloads) && payloads.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p));
}

/**
 * Answers one request to a codec path. `readBody` is called only after the origin and the token passed; it
 * answers null when the body is over the limit.
 */
export async function answerCodecRequest(
  options: CodecEndpointOptions,
  request: { method: string; pathname: string; headers: Headers },
  readBody: () => Promise<string | null>,
): Promise<Response> {
  const origin = request.headers.get('origin');
  const allowed = origin !== null && options.origins.includes(origin);
  const headers = new Headers({
    // Decoded personal data is never kept by a browser or a proxy on the way.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'Origin',
  });
  if (allowed) {
    headers.set('access-control-allow-origin', origin);
    // The UI's "include cross-origin credentials" setting sends credentials; allowed for the listed origins only.
    headers.set('access-control-allow-credentials', 'true');
  }
  const answer = (status: number, body: unknown) => {
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(body), { status, headers });
  };
  const refuse = (status: number, code: string, message: string) =>
    answer(status, { errors: [{ message, extensions: { code } }] });

  if (origin !== null && !allowed) return refuse(403, 'FORBIDDEN', `origin ${origin} may not call the codec endpoint`);
  if (request.method === 'OPTIONS') {
    headers.set('access-control-allow-methods', 'POST, OPTIONS');
    headers.set('access-control-allow-headers', 'authorization, content-type, x-namespace');
    headers.set('access-control-max-age', '600');
    return new Response(null, { status: 204, headers });
  }
  if (request.method !== 'POST') {
    headers.set('allow', 'POST, OPTIONS');
    return refuse(405, 'BAD_USER_INPUT', 'the codec endpoint takes POST');
  }
  let principal;
  try {
    principal = historyReader(await authenticate(options.db, request.headers.get('authorization')));
  } catch (err) {
    if (err instanceof GraphQLError) {
      const code = String(err.extensions.code);
      if (code === 'UNAUTHENTICATED') headers.set('www-authenticate', 'Bearer');
      return refuse(code === 'UNAUTHENTICATED' ? 401 : 403, code, err.message);
    }
    if (isReadModelFailure(err)) return refuse(503, 'UNAVAILABLE', 'the token store cannot be read; try again');
    throw err;
  }
  const text = await readBody();
  if (text === null) return refuse(413, 'BAD_USER_INPUT', `the body is over ${CODEC_BODY_LIMIT_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, 'BAD_USER_INPUT', 'the body is not JSON');
  }
  if (!isPayloadList(body)) return refuse(400, 'BAD_USER_INPUT', 'the body must be { "payloads": [ … ] }');
  try {
    const direction = DIRECTIONS[request.pathname]!;
    const payloads = await transformJsonPayloads(options.codecs, direction, body.payloads);
    if (direction === 'decode' && payloads.length > 0) {
      // Decoded payloads are the petitioner's data in plain text: read like any unmasked answer, so written down.
      const log = { db: options.db, principal };
      notePersonalData(log, {
        petitionId: decodedWorkflowOf(request.headers.get('referer')),
        outcome: 'READ',
        fields: ['codec.decode'],
      });
      await flushPersonalData(log);
    }
    return answer(200, { payloads });
  } catch (err) {
    // An unknown key id, a tampered payload, bytes that are not base64: the payload's fault, not the server's.
    return refuse(400, 'BAD_USER_INPUT', `the payloads could not be processed: ${(err as Error).message}`);
  }
}

/** The body as text, or null once it passes the limit (the rest is not read). */
function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * For `http.createServer`: serves the codec paths and answers true, or leaves the request alone (false) for the
 * next handler (yoga).
 */
export function codecNodeHandler(options: CodecEndpointOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!isCodecPath(pathname)) return false;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    answerCodecRequest(options, { method: req.method ?? 'GET', pathname, headers }, () =>
      readLimited(req, CODEC_BODY_LIMIT_BYTES),
    )
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
        );
      });
    return true;
  };
}
