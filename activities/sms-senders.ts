/**
 * Text messages to the petitioner's phone (短信告知), behind one interface: a development sender that only writes
 * what it would send to a local log, and one that posts to the bureau's SMS gateway. A phone number is personal
 * data: whatever is logged shows it masked (138****5678), and the gateway is the only place it is sent whole.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeliveryFailure } from './delivery-failure';

export interface SmsSender {
  /** Sends one message; answers the id the gateway gave it. Throws DeliveryFailure when it was not taken. */
  send(phone: string, text: string, signal?: AbortSignal): Promise<{ messageId: string }>;
}

/** Keeps the first three and the last four digits, as Chinese receipts print a mobile number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Development: one line per message in a local file, the number masked; nothing leaves the machine. */
export function logSmsSender(file: string): SmsSender {
  let n = 0;
  return {
    async send(phone, text) {
      const messageId = `log-${Date.now()}-${++n}`;
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await appendFile(file, `${new Date().toISOString()} ${messageId} to ${maskPhone(phone)}: ${text}\n`, {
        mode: 0o600,
      });
      return { messageId };
    },
  };
}

/**
 * The bureau's gateway: `POST <url>` with `{"phone": "…", "text": "…"}` (and `Authorization: Bearer <token>`
 * when one is set), answered 2xx with `{"messageId": "…"}`. Statuses are judged as the robot's are
 * (./delivery-failure.ts): 429 and 5xx are retried, another 4xx is not.
 */
export function httpSmsSender(url: string, token: string | null): SmsSender {
  return {
    async send(phone, text, signal) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone, text }),
        ...(signal ? { signal } : {}),
      });
      DeliveryFailure.throwUnlessOk(response.status, 'SMS gateway');
      const answer = (await response.json().catch(() => ({}))) as { messageId?: unknown };
      return { messageId: typeof answer.messageId === 'string' ? answer.messageId : '' };
    },
  };
}
