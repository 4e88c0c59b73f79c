/**
 * What leaves the system (通知外发): which notices may not wait for the quiet hours to end, which events are told to
 * the petitioner by text message (短信告知), and in which words. Pure, like ./notices.ts whose notices it sends on.
 *
 * The petitioner is told what the statute says they are told (Arts. 22, 32–35: the registration's outcome, and
 * each opinion delivered), by the petition's number and the bare fact: never the unit, a handler, a note or the
 * opinion's text, since a phone number may no longer be the petitioner's and a text message is read on a lock screen.
 */
import type { NoticeKind } from './notices';
import type { TimelineEvent } from './state';

/** The recipient the petitioner's text messages are recorded under, beside the scopes of ./notices.ts. */
export const PETITIONER = 'PETITIONER';

/**
 * Notices sent at night as well: a deadline has already run out, so the duty is late, and holding the notice
 * until morning would make it later. Everything else waits for the quiet hours to end.
 */
const URGENT_KINDS: readonly string[] = ['OVERDUE', 'URGE_OVERDUE'] satisfies NoticeKind[];

export function isUrgent(kind: string): boolean {
  return URGENT_KINDS.includes(kind);
}

/** A text message to the petitioner, keyed like a notice by (petition, event). */
export interface PetitionerText {
  petitionId: string;
  seq: number;
  kind: string;
  text: string;
}

const OPINION_WORDS: Record<string, string> = {
  HANDLING: '处理意见',
  REVIEW: '复查意见',
  REEXAMINATION: '复核意见',
};

/** The words of an event the petitioner is told of, or null for the events they are not texted about. */
export function petitionerWords(petitionId: string, event: Pick<TimelineEvent, 'type' | 'data'>): string | null {
  const subject = `您的信访事项 ${petitionId}`;
  switch (event.type) {
    case 'ACCEPTED':
      return `${subject} 已受理，办理结果将依法告知。`;
    case 'DECLINED':
      return `${subject} 不予受理，书面告知将依法送达。`;
    case 'FORWARDED':
      return `${subject} 已转送有权处理的机关，书面告知将依法送达。`;
    case 'OPINION_DELIVERED': {
      const level = typeof event.data.level === 'string' ? event.data.level : 'HANDLING';
      return `${subject} 的${OPINION_WORDS[level] ?? '处理意见'}已出具并送达，请查收。`;
    }
    default:
      return null;
  }
}

/** The text messages some events of a petition send its petitioner. */
export function petitionerTextsOf(petitionId: string, events: readonly TimelineEvent[]): PetitionerText[] {
  return events.flatMap((event) => {
    const text = petitionerWords(petitionId, event);
    return text ? [{ petitionId, seq: event.seq, kind: event.type, text }] : [];
  });
}

/**
 * The delivery workflow of one notice (or text message): its id is the notice's key, so starting it again — a
 * projection retried, a worker that died between writing the rows and starting it — starts nothing new.
 */
export function deliveryWorkflowId(petitionId: string, seq: number, recipient: string): string {
  return `notice-${petitionId}-${seq}-${recipient}`;
}
