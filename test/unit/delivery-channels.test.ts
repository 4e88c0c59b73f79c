/**
 * The channels notices leave by, against a local HTTP receiver: the 企业微信 robot's message format and how its
 * answers are judged (retry or give up), the SMS gateway's request, the development SMS log with the number masked,
 * and the channel configuration, whose robot URLs (they hold the key) are never shown.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsFor, deliveryConfigFromEnv, describeDelivery, parseWebhooks } from '../../activities/delivery-config';
import { DeliveryFailure } from '../../activities/delivery-failure';
import { httpSmsSender, logSmsSender, maskPhone } from '../../activities/sms-senders';
import { postToRobot, robotBody } from '../../activities/wecom-robot';
import { startReceiver, type Receiver } from '../support/webhook-receiver';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => receiver.close());

const AT = Date.parse('2026-03-10T09:30:00+08:00');
const notice = { kind: 'URGED', message: '信访事项 XF-1 收到督办，请按期答复', at: AT };

/** What postToRobot threw: whether it may be retried, and why; null when it did not throw. */
async function outcome(path: string) {
  try {
    await postToRobot(receiver.url(path), robotBody({ url: '', format: 'markdown' }, notice));
    return null;
  } catch (error) {
    if (!(error instanceof DeliveryFailure)) throw error;
    return { retryable: error.retryable, message: error.message };
  }
}

describe('the 企业微信 group robot', () => {
  it('is posted markdown, or text with the members to @', async () => {
    await postToRobot(receiver.url('/markdown'), robotBody({ url: '', format: 'markdown' }, notice));
    await postToRobot(
      receiver.url('/text'),
      robotBody({ url: '', format: 'text', mentionedMobiles: ['13800001111', '@all'] }, notice),
    );
    const [markdown, text] = receiver.received.filter((r) => r.path === '/markdown' || r.path === '/text');
    expect(markdown!.headers['content-type']).toBe('application/json');
    expect(markdown!.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        content:
          '**信访事项 XF-1 收到督办，请按期答复**\n> 类别：<font color="comment">督办/催办</font>\n> 时间：2026-03-10 09:30',
      },
    });
    expect(text!.body).toEqual({
      msgtype: 'text',
      text: {
        content: '【督办/催办】信访事项 XF-1 收到督办，请按期答复\n时间：2026-03-10 09:30',
        mentioned_mobile_list: ['13800001111', '@all'],
      },
    });
  });

  it('fails retryably on 5xx, 429, its rate limit and system busy; for good on 4xx and an unknown key', async () => {
    receiver.script('/judged', { status: 500, body: {} });
    expect(await outcome('/judged')).toEqual({ retryable: true, message: 'robot answered HTTP 500' });
    receiver.script('/judged', { status: 429, body: {} });
    expect((await outcome('/judged'))?.retryable).toBe(true);
    receiver.script('/judged', { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    expect(await outcome('/judged')).toEqual({
      retryable: true,
      message: 'robot answered errcode 45009 (api freq out of limit)',
    });
    receiver.script('/judged', { status: 200, body: { errcode: -1, errmsg: 'system busy' } });
    expect((await outcome('/judged'))?.retryable).toBe(true);
    receiver.script('/judged', { status: 400, body: {} });
    expect((await outcome('/judged'))?.retryable).toBe(false);
    receiver.script('/judged', { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
    expect((await outcome('/judged'))?.retryable).toBe(false);
    expect(await outcome('/judged')).toBeNull();
  });
});

describe('text messages', () => {
  it('post the number and the text to the gateway, with its token', async () => {
    receiver.script('/sms', { status: 200, body: { messageId: 'gw-1' } });
    const sender = httpSmsSender(receiver.url('/sms'), 'gateway-token');
    expect(await sender.send('13800001234', '您的信访事项 XF-1 已受理，办理结果将依法告知。')).toEqual({
      messageId: 'gw-1',
    });
    const request = receiver.received.find((r) => r.path === '/sms')!;
    expect(request.headers.authorization).toBe('Bearer gateway-token');
    expect(request.body).toEqual({ phone: '13800001234', text: '您的信访事项 XF-1 已受理，办理结果将依法告知。' });
    receiver.script('/sms', { status: 403, body: {} });
    await expect(sender.send('13800001234', 'x')).rejects.toMatchObject({ retryable: false });
  });

  it('are only logged in development, the number masked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-sms-'));
    try {
      const file = join(dir, 'sms.log');
      const { messageId } = await logSmsSender(file).send('13800001234', '您的信访事项 XF-1 已受理。');
      const log = readFileSync(file, 'utf8');
      expect(log).toContain(`${messageId} to 138****1234: 您的信访事项 XF-1 已受理。`);
      expect(log).not.toContain('13800001234');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(maskPhone('+86 138 0000 1234')).toBe('+86*******1234');
  });
});

describe('the channel configuration', () => {
  const robots = JSON.stringify([
    {
      name: '督办群',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-1',
      recipients: ['ROLE:SUPERVISOR'],
    },
    {
      name: '福田区',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-2',
      recipients: ['UNIT:U-FT-01', 'ROLE:SUPERVISOR'],
      format: 'text',
    },
  ]);

  it('routes each scope to its channels; nothing configured routes nothing', () => {
    const config = deliveryConfigFromEnv({ FENGQIAO_WEBHOOKS: robots, FENGQIAO_SMS: 'off' });
    expect(channelsFor(config, 'ROLE:SUPERVISOR')).toEqual(['督办群', '福田区']);
    expect(channelsFor(config, 'UNIT:U-FT-01')).toEqual(['福田区']);
    expect(channelsFor(config, 'ROLE:REGISTRAR')).toEqual([]);
    const none = deliveryConfigFromEnv({});
    expect(none).toMatchObject({ webhooks: [], sms: null, quietHours: { start: 22 * 60, end: 7 * 60 } });
  });

  it('names the channels at start, never their keys', () => {
    const config = deliveryConfigFromEnv({
      FENGQIAO_WEBHOOKS: robots,
      FENGQIAO_SMS: 'log',
      FENGQIAO_QUIET_HOURS: 'off',
    });
    const line = describeDelivery(config);
    expect(line).toBe('2 robot(s) (督办群, 福田区), SMS log, quiet hours off');
    expect(line).not.toContain('secret');
  });

  it('refuses a channel without a name, a URL or valid scopes', () => {
    expect(() => parseWebhooks('{}')).toThrow(/array/);
    expect(() => parseWebhooks('[{"url":"https://x","recipients":[]}]')).toThrow(/name/);
    expect(() => parseWebhooks('[{"name":"sms","url":"https://x","recipients":[]}]')).toThrow(/name/);
    expect(() => parseWebhooks('[{"name":"a","url":"ftp://x","recipients":[]}]')).toThrow(/url/);
    expect(() => parseWebhooks('[{"name":"a","url":"https://x","recipients":["UNIT"]}]')).toThrow(/recipients/);
    expect(() => deliveryConfigFromEnv({ FENGQIAO_SMS: 'yes' })).toThrow(/FENGQIAO_SMS/);
  });
});
