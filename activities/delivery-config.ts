/**
 * Where notices leave the system, read once when the worker starts:
 *
 * - `FENGQIAO_WEBHOOKS` (JSON) or `FENGQIAO_WEBHOOKS_FILE` (a file of the same JSON, e.g. a mounted secret): the
 *   企业微信 group robots, each `{ "name", "url", "recipients": [scopes], "format"?: "markdown" | "text",
 *   "mentionedMobiles"?: [...] }`. A robot's URL holds its key, so only its name is ever recorded or logged.
 * - `FENGQIAO_QUIET_HOURS`: `22:00-07:00` (the default), another span, or `off`.
 * - `FENGQIAO_SMS`: unset or `off` (no text messages), `log` (./sms-senders.ts's development sender, into
 *   `FENGQIAO_SMS_LOG`, by default `<data dir>/sms.log`), or the gateway's http(s) URL, with
 *   `FENGQIAO_SMS_TOKEN` as its bearer token.
 *
 * Nothing configured sends nothing: no delivery workflow is started, and no delivery is recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours } from '../domain/quiet-hours';
import { httpSmsSender, logSmsSender, type SmsSender } from './sms-senders';
import type { RobotChannel } from './wecom-robot';

/** The channel name text messages are recorded under. */
export const SMS_CHANNEL = 'sms';

export interface WebhookChannel extends RobotChannel {
  name: string;
  /** Scopes as domain/petition/notices.ts stores them: `ROLE:SUPERVISOR`, `UNIT:U-FT-01`, `PRINCIPAL:…`. */
  recipients: string[];
}

export interface DeliveryConfig {
  webhooks: WebhookChannel[];
  quietHours: QuietHours | null;
  sms: SmsSender | null;
  /** How text messages go, for the worker's start line: `off`, `log` or `gateway`. */
  smsMode?: 'off' | 'log' | 'gateway';
}

export const NO_DELIVERY: DeliveryConfig = { webhooks: [], quietHours: null, sms: null };

const SCOPE = /^(ROLE:(SUPERVISOR|REGISTRAR)|UNIT:.+|PRINCIPAL:.+)$/;

function fail(message: string): never {
  throw new Error(`FENGQIAO_WEBHOOKS: ${message}`);
}

export function parseWebhooks(json: string): WebhookChannel[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) fail('expected a JSON array of channels');
  const names = new Set<string>();
  return parsed.map((entry: Record<string, unknown>, i) => {
    const { name, url, recipients, format = 'markdown', mentionedMobiles } = entry ?? {};
    if (typeof name !== 'string' || !name || name === SMS_CHANNEL) fail(`channel ${i} needs a name other than "sms"`);
    if (names.has(name)) fail(`two channels are named "${name}"`);
    names.add(name);
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) fail(`channel "${name}" needs an http(s) url`);
    if (!Array.isArray(recipients) || !recipients.every((r) => typeof r === 'string' && SCOPE.test(r))) {
      fail(`channel "${name}" needs recipients like ROLE:SUPERVISOR, UNIT:<unit id> or PRINCIPAL:<principal id>`);
    }
    if (format !== 'markdown' && format !== 'text') fail(`channel "${name}": format is markdown or text`);
    const mentions = Array.isArray(mentionedMobiles) ? mentionedMobiles.map(String) : undefined;
    return { name, url, recipients, format, ...(mentions ? { mentionedMobiles: mentions } : {}) };
  });
}

function smsFromEnv(env: NodeJS.ProcessEnv): Pick<DeliveryConfig, 'sms' | 'smsMode'> {
  const setting = env.FENGQIAO_SMS?.trim() ?? '';
  if (!setting || setting === 'off') return { sms: null, smsMode: 'off' };
  if (setting === 'log') {
    const dataDir = env.FENGQIAO_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
    return { sms: logSmsSender(env.FENGQIAO_SMS_LOG ?? join(dataDir, 'sms.log')), smsMode: 'log' };
  }
  if (/^https?:\/\//.test(setting)) {
    return { sms: httpSmsSender(setting, env.FENGQIAO_SMS_TOKEN ?? null), smsMode: 'gateway' };
  }
  throw new Error('FENGQIAO_SMS must be off, log, or the SMS gateway’s http(s) URL');
}

export function deliveryConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DeliveryConfig {
  const file = env.FENGQIAO_WEBHOOKS_FILE;
  const json = env.FENGQIAO_WEBHOOKS ?? (file ? readFileSync(file, 'utf8') : null);
  return {
    webhooks: json ? parseWebhooks(json) : [],
    quietHours: parseQuietHours(env.FENGQIAO_QUIET_HOURS ?? DEFAULT_QUIET_HOURS),
    ...smsFromEnv(env),
  };
}

/** `2 robots (督办群, 福田区), SMS log, quiet hours 22:00-07:00`: names only, never a URL (it holds the key). */
export function describeDelivery(config: DeliveryConfig): string {
  const robots = config.webhooks.length
    ? `${config.webhooks.length} robot(s) (${config.webhooks.map((c) => c.name).join(', ')})`
    : 'no robots';
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const quiet = config.quietHours ? `${clock(config.quietHours.start)}-${clock(config.quietHours.end)}` : 'off';
  return `${robots}, SMS ${config.smsMode ?? (config.sms ? 'on' : 'off')}, quiet hours ${quiet}`;
}

/** The names of the channels a scope is told on. */
export function channelsFor(config: DeliveryConfig, recipient: string): string[] {
  return config.webhooks.filter((c) => c.recipients.includes(recipient)).map((c) => c.name);
}
