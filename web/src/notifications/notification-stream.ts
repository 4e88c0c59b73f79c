/**
 * The principal's new notices (`notificationAdded`) over graphql-yoga's SSE: a POST with `Accept:
 * text/event-stream` and the Bearer token (EventSource cannot send a header, so the stream is read with fetch).
 * A dropped stream is opened again with the id of the last notice received, so nothing is missed or shown twice.
 */
import type { TypedDocumentString } from '../gql/graphql';

export interface StreamHandle {
  close(): void;
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Each `next` payload's data, in order; `afterOf` says which id to resume after once a payload was handled. */
export function openStream<TResult, TVariables extends { after?: string | null }>(
  document: TypedDocumentString<TResult, TVariables>,
  token: string,
  onData: (data: TResult) => void,
  afterOf: (data: TResult) => string,
  onLive: (live: boolean) => void = () => undefined,
): StreamHandle {
  let closed = false;
  let abort: AbortController | null = null;
  let after: string | null = null;
  let failures = 0;

  const readOnce = async () => {
    abort = new AbortController();
    const response = await fetch('./graphql', {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString(), variables: { after } }),
      signal: abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    onLive(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!/^event: next$/m.test(block) || !data) continue;
        const payload = JSON.parse(data) as { data?: TResult; errors?: { extensions?: { code?: string } }[] };
        // A revoked token ends the stream for good; the frame signs out on its next request.
        if (payload.errors) throw Object.assign(new Error('subscription refused'), { final: true });
        if (payload.data) {
          failures = 0;
          after = afterOf(payload.data);
          onData(payload.data);
        }
      }
    }
  };

  void (async () => {
    while (!closed) {
      try {
        await readOnce();
      } catch (err) {
        onLive(false);
        if (closed || (err as { final?: boolean }).final) return;
      }
      onLive(false);
      const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
      failures += 1;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();

  return {
    close() {
      closed = true;
      abort?.abort();
    },
  };
}
