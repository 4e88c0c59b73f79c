/**
 * GET /console-api/dev-tokens: the development tokens (api/dev-tokens.ts) for the console's sign-in picker.
 * Active only while the API runs with FENGQIAO_DEV_TOKENS (development), and only to this machine: each token
 * is a full principal's key.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevToken } from './dev-tokens';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Answers the dev-token path and returns true; any other request (or outside development) is left alone. */
export function consoleDevTokensHandler(
  file: string | undefined,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!file || req.method !== 'GET' || new URL(req.url ?? '/', 'http://api').pathname !== '/console-api/dev-tokens')
      return false;
    const headers = {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      res.writeHead(403, headers);
      res.end(JSON.stringify({ errors: [{ message: 'dev tokens are offered to this machine only' }] }));
      return true;
    }
    const tokens: DevToken[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DevToken[]) : [];
    res.writeHead(200, headers);
    res.end(
      JSON.stringify(
        tokens.map(({ role, principalId, unitId, memberId, token }) => ({
          role,
          principalId,
          unitId,
          memberId,
          token,
        })),
      ),
    );
    return true;
  };
}
