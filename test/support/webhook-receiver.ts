/**
 * A local HTTP receiver standing in for a 企业微信 group robot or an SMS gateway: a real node:http server on a
 * free port that records every request and answers each from a script (then `{"errcode":0,"errmsg":"ok"}`).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** An answer: an HTTP status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

export const ROBOT_OK: Answer = { status: 200, body: { errcode: 0, errmsg: 'ok' } };

export interface Receiver {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** Every request so far, oldest first. */
  readonly received: Received[];
  /** Requests whose body mentions `text` (a petition's id). */
  about(text: string): Received[];
  /** The next answers, in order, to requests on `path`; then the default. */
  script(path: string, ...answers: Answer[]): void;
  /** What a path answers once its script is used up (ROBOT_OK unless set). */
  answerByDefault(path: string, answer: Answer): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const defaults = new Map<string, Answer>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ path, headers: request.headers, body: text ? JSON.parse(text) : null });
      const answer = scripts.get(path)?.shift() ?? defaults.get(path) ?? ROBOT_OK;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    about: (text) => received.filter((r) => JSON.stringify(r.body).includes(text)),
    script: (path, ...answers) => scripts.set(path, [...(scripts.get(path) ?? []), ...answers]),
    answerByDefault: (path, answer) => defaults.set(path, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
