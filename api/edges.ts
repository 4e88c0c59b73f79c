/**
 * What the API lets in at its edge, before anything is parsed or authenticated: which browser origins may call it
 * (CORS), and how large a request body may be. Both from the environment (docs/running.md):
 * - `FENGQIAO_CORS_ORIGINS`: comma-separated origins (`https://console.example.gov.cn`) a browser page may call
 *   the API from; unset, none but the API's own (GraphiQL, served from it, needs no CORS);
 * - `FENGQIAO_MAX_BODY_BYTES`: the largest request body, counted while it streams in (default 1 MiB).
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

function tooLarge(error: GraphQLError): boolean {
  return error.extensions.code === TOO_LARGE || error.extensions.reason === TOO_LARGE;
}

/**
 * graphql-yoga refuses a body past `maxRequestBodySize` itself, before parsing and so before the token is looked
 * at: by its Content-Length at once, or while it streams in (chunked). This names the limit in the refusal
 * (BAD_USER_INPUT, reason REQUEST_ENTITY_TOO_LARGE, HTTP 413), and closes the connection after it, so the
 * unread rest of the body is neither read nor left holding the socket.
 */
export function useBodyLimit(settings: EdgeSettings): Plugin {
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
    onResultProcess({ result, setResult }) {
      const errors = !Array.isArray(result) && result && 'errors' in result ? result.errors : undefined;
      if (Array.isArray(errors) && errors.some((e) => e instanceof GraphQLError && tooLarge(e)))
        setResult({ errors: [refusal] });
    },
    onResponse({ response }) {
      if (response.status === 413) response.headers.set('connection', 'close');
    },
  };
}
