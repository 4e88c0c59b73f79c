/**
 * A 企业微信 (政务微信) group robot (群机器人): `POST` JSON to its webhook URL
 * (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`), `{"msgtype":"markdown","markdown":{"content":…}}`
 * or `{"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[…]}}`, answered `{"errcode":0,"errmsg":"ok"}`.
 * An HTTP 200 with another errcode is a failure too: 45009 is its rate limit (20 messages a minute per robot), -1
 * "system busy", both worth another try later; 93000 is a webhook key it does not know, which no retry mends.
 */
import { formatShanghai } from '../domain/calendar';
import { isUrgent } from '../domain/petition/deliveries';
import { DeliveryFailure } from './delivery-failure';

export interface RobotChannel {
  url: string;
  format: 'markdown' | 'text';
  /** Members to @ in a text message, by mobile number, or `@all`. Markdown messages cannot @ anyone. */
  mentionedMobiles?: string[];
}

export interface RobotNotice {
  kind: string;
  message: string;
  /** When the event happened, epoch milliseconds. */
  at: number;
}

const KIND_WORDS: Record<string, string> = {
  URGED: '督办/催办',
  URGE_OVERDUE: '督办逾期',
  OVERDUE: '超期',
  ESCALATION_PROPOSED: '建议提级',
  ESCALATED: '提级包案',
  OBJECTION_RAISED: '管辖异议',
  OBJECTION_AGREED: '异议决定',
  OBJECTION_REFUSED: '异议决定',
};

const REFUSED_ERRCODES = new Set([93000]);

/** `2026-03-10 09:30` in Asia/Shanghai. */
function shanghaiMinute(ms: number): string {
  return formatShanghai(ms).slice(0, 16).replace('T', ' ');
}

/** The request body for a notice: the notice's own words (which hold no personal data), its kind and its time. */
export function robotBody(channel: RobotChannel, notice: RobotNotice): object {
  const kind = KIND_WORDS[notice.kind] ?? notice.kind;
  const when = shanghaiMinute(notice.at);
  if (channel.format === 'text') {
    return {
      msgtype: 'text',
      text: {
        content: `【${kind}】${notice.message}\n时间：${when}`,
        ...(channel.mentionedMobiles?.length ? { mentioned_mobile_list: channel.mentionedMobiles } : {}),
      },
    };
  }
  const colour = isUrgent(notice.kind) ? 'warning' : 'comment';
  return {
    msgtype: 'markdown',
    markdown: { content: `**${notice.message}**\n> 类别：<font color="${colour}">${kind}</font>\n> 时间：${when}` },
  };
}

/** Posts one message; throws DeliveryFailure (retryable or not) unless the robot answers errcode 0. */
export async function postToRobot(url: string, body: object, signal?: AbortSignal): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  DeliveryFailure.throwUnlessOk(response.status, 'robot');
  const answer = (await response.json().catch(() => null)) as { errcode?: unknown; errmsg?: unknown } | null;
  const errcode = typeof answer?.errcode === 'number' ? answer.errcode : null;
  if (errcode === 0) return;
  const what = `robot answered errcode ${String(errcode)} (${String(answer?.errmsg ?? 'no errmsg')})`;
  // 45009 and -1, an answer that is not the robot's, or any errcode not known to be final: retried, within the
  // policy's bound, since giving up on an unknown code could lose a notice a later try would have delivered.
  throw new DeliveryFailure(what, errcode === null || !REFUSED_ERRCODES.has(errcode));
}
