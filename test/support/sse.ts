/**
 * A GraphQL subscription read as a browser would: an HTTP request with `Accept: text/event-stream` to the server's
 * /graphql, and graphql-yoga's own SSE answer parsed event by event (`event: next` / `data: {...}`).
 */
export interface SseSubscription<T> {
  /** The next payload of `next`, or a rejection after `timeoutMs` (or when the stream ends or fails). */
  next(timeoutMs?: number): Promise<T>;
  /** Whether anything arrives within `ms`: for showing that nothing is sent twice. */
  nothingWithin(ms: number): Promise<boolean>;
  close(): void;
}

export async function subscribe<T = any>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseSubscription<T>> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`not an event stream: ${response.status} ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const queued: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  let failure: Error | null = null;
  const failed: ((err: Error) => void)[] = [];
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== 'next' || !data) continue;
          const payload = JSON.parse(data) as { data?: T; errors?: unknown };
          if (payload.errors) throw new Error(`subscription failed: ${JSON.stringify(payload.errors)}`);
          const take = waiting.shift();
          if (take) take(payload.data as T);
          else queued.push(payload.data as T);
        }
      }
    } catch (err) {
      failure = abort.signal.aborted ? new Error('closed') : (err as Error);
      for (const reject of failed.splice(0)) reject(failure);
    }
  })();
  return {
    next(timeoutMs = 10_000) {
      if (queued.length) return Promise.resolve(queued.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
        failed.push((err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    },
    async nothingWithin(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return queued.length === 0;
    },
    close: () => abort.abort(),
  };
}
