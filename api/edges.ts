/**
 * What the API lets in at its edge, before anything is parsed or authenticated: which browser origins may call it
 * (CORS), and how large a request body may be. Both from the environment (docs/running.md):
 * - `FENGQIAO_CORS_ORIGINS`: comma-separated origins (`https://console.example.gov.cn`) a browser page may call
 *   the API from; unset, none but the API's own (GraphiQL, served from it, needs no CORS);
 * - `FENGQIAO_MAX_BODY_BYTES`: the largest request body, counted while it streams in (default 1 MiB); a multipart
 *   request carrying a 材料 from a principal who may attach one (docs/attachments.md) may be larger by the
 *   material limit, and no other request.
 */

import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A petition's content is at most some thousands of characters; a mebibyte is a generous bound for any operation. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export interface EdgeSettings {
  /** Origins (scheme://host[:port]) allowed to call the API from a browser. */
  corsOrigins: readonly string[];
  maxBodyBytes: number;
}

/** An origin as browsers send it: scheme, host and port only, lower case, no trailing slash. */
function origin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`FENGQIAO_CORS_ORIGINS: "${value}" is not an origin such as https://console.example.gov.cn`);
  }
  const exact = url.origin === value.replace(/\/$/, '').toLowerCase();
  if (!['http:', 'https:'].includes(url.protocol) || !exact || value.includes('*')) {
    throw new Error(`FENGQIAO_CORS_ORIGINS: "${value}" is not an origin (scheme://host[:port], no path, no "*")`);
  }
  return url.origin;
}

export function corsOriginsFromEnv(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return [...new Set(value.split(',').map((part) => origin(part.trim())))];
}

export function maxBodyBytesFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_BODY_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1_024) {
    throw new Error(`FENGQIAO_MAX_BODY_BYTES must be a whole number of bytes, at least 1024, not "${value}"`);
  }
  return bytes;
}

export function edgeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EdgeSettings {
  return {
    corsOrigins: corsOriginsFromEnv(env.FENGQIAO_CORS_ORIGINS),
    maxBodyBytes: maxBodyBytesFromEnv(env.FENGQIAO_MAX_BODY_BYTES),
  };
}

/**
 * graphql-yoga's `cors` option: an allowed origin gets its own name back, never `*` and never credentials (the
 * token travels in the Authorization header, which must be allowed by name; no cookie is ever read). Any other
 * origin gets no CORS headers at all, so the browser keeps the answer from the page.
 */
export function corsFor(settings: EdgeSettings) {
  const allowed = new Set(settings.corsOrigins);
  return (request: Request) => {
    const from = request.headers.get('origin');
    if (!from || !allowed.has(from)) return false as const;
    return {
      origin: [from],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    };
  };
}

/** graphql-yoga's refusal of a body past `maxRequestBodySize`, as it names it. */
const TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE';

/** The larger bodies of uploads: how much larger, and whether this request may send one (its token's role). */
export interface UploadAllowance {
  maxBytes: number;
  allowed(request: Request): Promise<boolean>;
}

/** The largest body any request may have: an upload's. */
export function largestBody(settings: EdgeSettings, uploads?: UploadAllowance): number {
  return settings.maxBodyBytes + (uploads?.maxBytes ?? 0);
}

function tooLargeError(): GraphQLError {
  return new GraphQLError('Request body too large', { extensions: { code: TOO_LARGE, http: { status: 413 } } });
}

/** The body as the parser reads it, failing as soon as more than `limit` bytes have come in. */
function limitedBody(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
  onRefused: () => void,
): Request {
  let seen = 0;
  // A native body pipes only through a native stream (as graphql-yoga's own limit does it).
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const counting = new Transform<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) {
        onRefused();
        controller.error(tooLargeError());
      } else controller.enqueue(chunk);
    },
  });
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: request.body!.pipeThrough(counting),
    duplex: 'half',
  } as RequestInit);
}

function tooLarge(error: GraphQLError): boolean {
  return error.extensions.code === TOO_LARGE || error.extensions.reason === TOO_LARGE;
}

/**
 * Refuses a body past its limit before it is parsed: by its Content-Length at once, or while it streams in
 * (chunked). It stands in for graphql-yoga's own `maxRequestBodySize` (turned off), which has one limit for all
 * requests, and whose refusal mid-stream a multipart parser reports as malformed data. The limit is `maxBodyBytes`, and for an upload (a multipart request whose token may attach a
 * material; the only request whose token is looked at first) `largestBody`. The refusal names the limit
 * (BAD_USER_INPUT, reason REQUEST_ENTITY_TOO_LARGE; an upload's LIMIT_EXCEEDED with field `file`; HTTP 413), and
 * the connection is closed after it, so the unread rest of the body is neither read nor left holding the socket.
 */
export function useBodyLimit(settings: EdgeSettings, uploads?: UploadAllowance): Plugin {
  /** The requests given the upload limit, to name that limit in their refusal. */
  const uploading = new WeakSet<Request>();
  /** The requests refused while their body streamed in: a parser may report that as its own error (multipart). */
  const refused = new WeakSet<Request>();
  const uploadRefusal = new GraphQLError(
    `the file is larger than the ${uploads?.maxBytes ?? 0} bytes one material may have (FENGQIAO_MAX_MATERIAL_BYTES)`,
    {
      extensions: {
        code: 'LIMIT_EXCEEDED',
        field: 'file',
        reason: TOO_LARGE,
        limit: uploads?.maxBytes ?? 0,
        maxBytes: largestBody(settings, uploads),
        http: { status: 413 },
      },
    },
  );
  const refusal = new GraphQLError(
    `the request body is larger than ${settings.maxBodyBytes} bytes, the API's limit (FENGQIAO_MAX_BODY_BYTES)`,
    {
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: TOO_LARGE,
        maxBytes: settings.maxBodyBytes,
        http: { status: 413 },
      },
    },
  );
  return {
    async onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart =
        request.method === 'POST' && /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');
      const upload = multipart && uploads !== undefined && (await uploads.allowed(request));
      if (upload) uploading.add(request);
      const limit = upload ? largestBody(settings, uploads) : settings.maxBodyBytes;
      const length = request.headers.get('content-length');
      if (length !== null && /^\d+$/.test(length) && Number(length) > limit) throw tooLargeError();
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(limitedBody(req, limit, fetchAPI, () => refused.add(request))));
    },
    onResultProcess({ request, result, setResult }) {
      const errors = !Array.isArray(result) && result && 'errors' in result ? result.errors : undefined;
      const over = Array.isArray(errors) && errors.some((e) => e instanceof GraphQLError && tooLarge(e));
      if (over || refused.has(request)) setResult({ errors: [uploading.has(request) ? uploadRefusal : refusal] });
    },
    onResponse({ response }) {
      if (response.status === 413) response.headers.set('connection', 'close');
    },
  };
}
