/**
 * Who is told of which petition event (通知), and in which words. Pure: the projection (activities/), the rebuild
 * (db/rebuild.ts) and the tests all address the same rows from the same event and the same petition facts.
 *
 * A notice is addressed to a scope, not to a person: every supervisor (督办人员), every registrar of the bureau, the
 * principals of one unit (UNIT_HANDLER / UNIT_HEAD), or one principal (the 包案领导). Its text names the petition
 * by id only — never the petitioner, the summary or a free text someone typed — because a scope's members may not
 * all read the petitioner, and a recipient who follows the link is then judged by the petition's own access rule.
 */
import { accusedUnitOf, type AccusationFacts } from './accusation';
import { actingUnitId } from './lifecycle';
import type { PetitionState, TimelineEvent } from './state';

/** The events that notify someone. */
export const NOTICE_KINDS = [
  'URGED',
  'URGE_OVERDUE',
  'OVERDUE',
  'ESCALATION_PROPOSED',
  'ESCALATED',
  'OBJECTION_RAISED',
  'OBJECTION_AGREED',
  'OBJECTION_REFUSED',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A recipient scope as stored: `ROLE:SUPERVISOR`, `ROLE:REGISTRAR`, `UNIT:<unit id>` or `PRINCIPAL:<principal id>`. */
export type Recipient = `ROLE:${'SUPERVISOR' | 'REGISTRAR'}` | `UNIT:${string}` | `PRINCIPAL:${string}`;

/** What the addressing needs of a petition, as it stood when its events happened. */
export interface NoticeFacts {
  petitionId: string;
  /** The unit acting then: the responsible unit, or the organ hearing its 复查/复核. */
  actingUnitId: string | null;
  /** An accusation's accused unit (Art. 30): never told anything of it. */
  accusedUnitId: string | null;
}

export interface Notice {
  petitionId: string;
  seq: number;
  recipient: Recipient;
  kind: NoticeKind;
  message: string;
  at: number;
}

type PetitionFacts = Pick<PetitionState, 'petitionId' | 'stage' | 'unitId' | 'reviewUnitId'> & AccusationFacts;

export function noticeFacts(state: PetitionFacts): NoticeFacts {
  return { petitionId: state.petitionId, actingUnitId: actingUnitId(state), accusedUnitId: accusedUnitOf(state) };
}

function isNoticeKind(type: string): type is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(type);
}

/** A unit named by the event itself (an urge's, an objection's), else the unit acting at the change. */
function unitOf(event: TimelineEvent, facts: NoticeFacts): string | null {
  const named = event.data.unitId;
  return typeof named === 'string' ? named : facts.actingUnitId;
}

/** The scopes an event is addressed to, before the accusation rule. */
function scopesOf(event: TimelineEvent & { type: NoticeKind }, facts: NoticeFacts): (Recipient | null)[] {
  const unit = (id: string | null): Recipient | null => (id ? `UNIT:${id}` : null);
  switch (event.type) {
    // The unit owes the answer; supervisors hear of the urges the system gave on its own, as the outbox told them.
    case 'URGED':
      return [unit(unitOf(event, facts)), event.data.kind === 'MANUAL' ? null : 'ROLE:SUPERVISOR'];
    case 'URGE_OVERDUE':
      return ['ROLE:SUPERVISOR', unit(unitOf(event, facts))];
    // A duty of a unit ran out, or, with no unit acting yet, the bureau's own 登记 duty.
    case 'OVERDUE':
      return ['ROLE:SUPERVISOR', facts.actingUnitId ? unit(facts.actingUnitId) : 'ROLE:REGISTRAR'];
    case 'ESCALATION_PROPOSED':
      return ['ROLE:SUPERVISOR'];
    case 'ESCALATED': {
      const leader = event.data.leaderId;
      return [typeof leader === 'string' ? `PRINCIPAL:${leader}` : null, unit(facts.actingUnitId)];
    }
    // The bureau's registrars rule on an 异议 (Art. 23 ¶3); the unit that raised it hears their decision.
    case 'OBJECTION_RAISED':
      return ['ROLE:REGISTRAR'];
    case 'OBJECTION_AGREED':
    case 'OBJECTION_REFUSED':
      return [unit(unitOf(event, facts))];
  }
}

/** The words of a notice: the petition's id and what happened, nothing a recipient might not read. */
export function noticeMessage(petitionId: string, event: Pick<TimelineEvent, 'type' | 'data'>): string {
  const subject = `信访事项 ${petitionId}`;
  switch (event.type) {
    case 'URGED':
      if (event.data.kind === 'REMINDER') return `${subject} 期限将至，已自动催办`;
      if (event.data.kind === 'SUPERVISION') return `${subject} 已逾期，已自动督办`;
      return `${subject} 收到督办，请按期答复`;
    case 'URGE_OVERDUE':
      return `${subject} 的督办逾期未答复`;
    case 'OVERDUE':
      return `${subject} 已超期`;
    case 'ESCALATION_PROPOSED':
      return `${subject} 符合提级包案条件，建议提级`;
    case 'ESCALATED':
      return `${subject} 已提级包案`;
    case 'OBJECTION_RAISED':
      return `${subject} 的承办单位提出异议，待决定`;
    case 'OBJECTION_AGREED':
      return `${subject} 的异议已同意，退回重新转送或交办`;
    case 'OBJECTION_REFUSED':
      return `${subject} 的异议未获同意，仍由本单位办理`;
    default:
      return `${subject} ${event.type}`;
  }
}

/** The notices of some events of one petition: one per event and scope, never one to an accusation's accused unit. */
export function noticesOf(facts: NoticeFacts, events: readonly TimelineEvent[]): Notice[] {
  const notices: Notice[] = [];
  for (const event of events) {
    if (!isNoticeKind(event.type)) continue;
    const kind = event.type;
    const scopes = new Set(scopesOf({ ...event, type: kind }, facts));
    for (const recipient of scopes) {
      if (!recipient) continue;
      // Before anything else (Art. 30 ¶3): the accused unit learns nothing of the accusation, not even its id.
      if (facts.accusedUnitId && recipient === `UNIT:${facts.accusedUnitId}`) continue;
      notices.push({
        petitionId: facts.petitionId,
        seq: event.seq,
        recipient,
        kind,
        message: noticeMessage(facts.petitionId, event),
        at: event.at,
      });
    }
  }
  return notices;
}
