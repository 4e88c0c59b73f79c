/**
 * The Temporal Web UI as testers use it: temporal-dev.sh starts the dev server's UI on an internal port and this
 * proxy on TEMPORAL_UI_PORT in front of it. The CLI's dev server has no flag for the UI's write actions, so the
 * proxy, unless TEMPORAL_UI_WRITE=1,
 * - rewrites the UI's settings (`GET /api/v1/settings`) to turn every write action off (terminate, cancel,
 *   signal, update, reset, batch, start, activity commands);
 * - refuses with 405 every request that is not a read (GET, HEAD, OPTIONS), except the workflow queries the UI
 *   sends as POST to show a workflow's stack trace and metadata — so curl cannot terminate a workflow either.
 * Given the API's address (FENGQIAO_API_URL), it also serves the codec on the UI's own origin for a signed-in
 * tester (./codec-session.ts) and points the UI's codec endpoint there.
 *
 *   TEMPORAL_UI_PORT=8233 TEMPORAL_UI_INTERNAL_PORT=18233 FENGQIAO_API_URL=http://127.0.0.1:4000 \
 *     node --import tsx scripts/dev/ui-proxy.ts
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { codecSessions } from './codec-session';

/** The settings that, set, hide or refuse a write action in the UI (ui-server 2.4x's /api/v1/settings). */
export const WRITE_ACTIONS_OFF = {
  DisableWriteActions: true,
  WorkflowTerminateDisabled: true,
  WorkflowCancelDisabled: true,
  WorkflowSignalDisabled: true,
  WorkflowUpdateDisabled: true,
  WorkflowResetDisabled: true,
  BatchActionsDisabled: true,
  StartWorkflowDisabled: true,
  ActivityCommandsDisabled: true,
} as const;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A workflow query (QueryWorkflow over HTTP), a read the UI sends as POST; ids are URL-encoded, so no `/`. */
const QUERY_PATH = /^\/api\/v1\/namespaces\/[^/?]+\/workflows\/[^/?]+\/query\/[^/?]+(\?|$)/;
const SETTINGS_PATH = /^\/api\/v1\/settings\/?(\?|$)/;

/** Whether the proxy passes a request on to the UI. */
export function allowed(method: string, url: string): boolean {
  return READS.has(method) || (method === 'POST' && QUERY_PATH.test(url));
}

export interface UiProxyOptions {
  /** Write actions off and writes refused (the default). */
  readOnly?: boolean;
  /** The API's base URL: the codec is then served on the UI's origin for a signed-in tester. */
  apiUrl?: string;
  upstreamHost?: string;
}

/** The UI's settings as the proxy answers them; `codecEndpoint` replaces the server's when given. */
export function proxiedSettings(body: string, readOnly: boolean, codecEndpoint?: string): string {
  const settings = JSON.parse(body) as Record<string, unknown>;
  if (codecEndpoint) {
    const codec = (settings.Codec ?? {}) as Record<string, unknown>;
    // Same-origin: the session cookie goes with the UI's requests without asking for cross-origin credentials.
    settings.Codec = { ...codec, Endpoint: codecEndpoint, PassAccessToken: false, IncludeCredentials: false };
  }
  return JSON.stringify(readOnly ? { ...settings, ...WRITE_ACTIONS_OFF } : settings);
}

export function uiProxy(upstreamPort: number, options: UiProxyOptions = {}): http.Server {
  const { readOnly = true, apiUrl, upstreamHost = '127.0.0.1' } = options;
  const codec = apiUrl ? codecSessions(apiUrl) : undefined;
  return http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (codec?.(req, res)) return;
    if (readOnly && !allowed(method, url)) {
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The Temporal UI is read-only here: start temporal-dev.sh with TEMPORAL_UI_WRITE=1 for write actions.\n');
      return;
    }
    const settings = method === 'GET' && SETTINGS_PATH.test(url);
    const headers = { ...req.headers };
    // The settings answer is rewritten: asked for uncompressed.
    if (settings) delete headers['accept-encoding'];
    const upstream = http.request({ host: upstreamHost, port: upstreamPort, method, path: url, headers }, (answer) => {
      if (!settings || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        let body: string;
        try {
          const endpoint = codec ? `http://${req.headers.host}/codec` : undefined;
          body = proxiedSettings(Buffer.concat(chunks).toString('utf8'), readOnly, endpoint);
        } catch {
          // Settings it cannot read must not reach the UI with write actions on.
          res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('the Temporal UI answered settings that are not JSON\n');
          return;
        }
        const out = { ...answer.headers };
        delete out['content-length'];
        delete out['content-encoding'];
        delete out['transfer-encoding'];
        res.writeHead(200, { ...out, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`the Temporal UI does not answer on port ${upstreamPort} (is the dev server up?)\n`);
    });
    req.pipe(upstream);
  });
}

function port(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const listen = port('TEMPORAL_UI_PORT');
  const upstream = port('TEMPORAL_UI_INTERNAL_PORT');
  const readOnly = process.env.TEMPORAL_UI_WRITE !== '1';
  const apiUrl = process.env.FENGQIAO_API_URL || undefined;
  const server = uiProxy(upstream, { readOnly, apiUrl });
  server.listen(listen, '127.0.0.1', () => {
    const mode = readOnly ? 'read-only' : 'write actions on';
    console.error(`[ui-proxy] Temporal UI (${mode}) on http://localhost:${listen} (the UI itself on port ${upstream})`);
    if (apiUrl)
      console.error(`[ui-proxy] testers sign in for decoded payloads at http://localhost:${listen}/codec/login`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
