/**
 * Headers on every answer the API gives (GraphQL, GraphiQL, /health, history downloads, CORS preflights): nothing
 * is sniffed into another type, framed, cached, or leaks its address in a Referer. API answers carry personal
 * data, so no cache (a shared proxy's or the browser's) may keep them.
 */
import type { Plugin } from 'graphql-yoga';

/** JSON and files: nothing on them may run, load or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * GraphiQL as graphql-yoga renders it (@graphql-yoga/render-graphiql): one inline script and inline styles, its
 * fonts and icon as data: URLs, Monaco's editor workers made from blob: URLs, and requests to this API only. The
 * page shows nothing a client wrote but the operations typed into it, so inline script is no opening there.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  'font-src data:',
  'worker-src blob:',
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The headers of an answer; also for handlers answered outside yoga. */
export function securityHeaders(contentType: string | null): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'content-security-policy': contentType?.startsWith('text/html') ? GRAPHIQL_CSP : API_CSP,
  };
}

export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      const headers = securityHeaders(response.headers.get('content-type'));
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      // Whether CORS headers come with an answer depends on the Origin asked from (./edges.ts).
      const vary = response.headers.get('vary');
      if (!vary?.toLowerCase().includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
