/**
 * The console's built bundle (web/dist, or FENGQIAO_CONSOLE_DIR) at `/`: index.html and its hashed assets,
 * answered before yoga so GraphiQL keeps /graphql. Nothing outside the build directory is ever served.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Ant Design writes its styles at run time (CSS-in-JS), hence inline styles; scripts only from this origin, and
 * requests to this API only.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function consoleDirFromEnv(): string {
  return process.env.FENGQIAO_CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR;
}

/** Answers the console's paths and returns true; any other request is left to the caller. */
export function consoleStaticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = normalize(dir.endsWith(sep) ? dir : dir + sep);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://console').pathname;
    const isIndex = path === '/' || path === '/index.html';
    if (!isIndex && !path.startsWith('/assets/')) return false;
    const file = normalize(join(root, isIndex ? 'index.html' : decodeURIComponent(path)));
    const headers = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': CONSOLE_CSP,
    };
    if (!file.startsWith(root) || !existsSync(file)) {
      const status = isIndex ? 503 : 404;
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(isIndex ? 'The console is not built: npm run console:build\n' : 'Not found\n');
      return true;
    }
    void readFile(file).then(
      (body) => {
        res.writeHead(200, {
          ...headers,
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          // Asset names carry their content hash, so they never change; index.html names the current ones.
          'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        res.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
        res.end('Unexpected error\n');
      },
    );
    return true;
  };
}
