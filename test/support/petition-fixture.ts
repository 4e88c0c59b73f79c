/**
 * Petitions for read-model tests, written step by step with the real state machine at chosen moments: what each
 * dialect's harness projects (./read-model.ts into SQLite, ./pg-read-model.ts into PostgreSQL, ./parity.ts into
 * both). Ids are numbered across the process, so a petition keeps its id in every read model it is projected into.
 */
import * as petition from '../../domain/petition';
import type { Category, Channel, PetitionState } from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import { ctxAt } from './calendar';

const profile = getProfile();
const actor = { id: 'fixture', role: 'REGISTRAR' };
const supervisor = { id: 'fixture-supervisor', role: 'SUPERVISOR' };
export const at = (iso: string) => Date.parse(iso.includes('T') ? iso : `${iso}T10:00:00+08:00`);
const newRun = (iso: string) => ctxAt(at(iso), profile);

let counter = 0;

export interface PetitionOptions {
  received: string;
  summary?: string;
  content?: string;
  channel?: Channel;
  category?: Category;
  petitioner?: string;
  /** The petitioner's identifiers beside the name, for the masking tests. */
  petitionerDetails?: { idNumber?: string | null; phone?: string | null; address?: string | null };
  respondentUnitId?: string | null;
  repeatOf?: PetitionBuilder;
  /** Registered by a run begun before repeats were proposed: matching's `repeatOf` declined it at once. */
  matchedRepeatDeclined?: boolean;
  /** A run begun before paths by kind: every petition heard, answered and appealable as a claim's (六). */
  beforePathsByKind?: boolean;
}

/** A petition's state and the commands that move it; the harnesses add `project()`. */
export class PetitionBuilder {
  state: PetitionState;
  private readonly ctx: (iso: string) => petition.CommandContext;
  constructor(options: PetitionOptions) {
    counter += 1;
    const pathsByKind = !options.beforePathsByKind;
    this.ctx = (iso: string) => ({ ...newRun(iso), pathsByKind });
    const ctx = this.ctx;
    const details = options.petitionerDetails ?? {};
    this.state = petition.openPetition(
      {
        petitionId: `FX-${String(counter).padStart(6, '0')}`,
        petitioner: {
          name: options.petitioner ?? `信访人${counter}`,
          idNumber: details.idNumber ?? null,
          phone: details.phone ?? null,
          address: details.address ?? null,
        },
        channel: options.channel ?? 'ONLINE',
        category: options.category ?? 'CLAIM',
        summary: options.summary ?? '诉求',
        content: options.content ?? '具体内容',
        receivedAt: at(options.received),
        respondentUnitId: options.respondentUnitId ?? null,
        registeredBy: actor,
        repeatOf: options.repeatOf
          ? { petitionId: options.repeatOf.state.petitionId, status: options.repeatOf.state.status }
          : null,
      },
      { ...ctx(options.received), repeatsProposed: !options.matchedRepeatDeclined },
    );
  }
  get id() {
    return this.state.petitionId;
  }
  /** 转送, signed for (签收) by the unit at once: its notice clock runs from then. */
  route(when: string, unitId: string) {
    this.state = petition.route.apply(this.state, { unitId, mode: 'TRANSFER', note: null, actor }, this.ctx(when));
    this.state = petition.signForReceipt.apply(this.state, { actor }, this.ctx(when));
    return this;
  }
  accept(when: string, unitId?: string, note: string | null = null) {
    this.state = petition.accept.apply(this.state, { unitId: unitId ?? null, note, actor }, this.ctx(when));
    return this;
  }
  decline(when: string, reason: petition.DeclineReason = 'NOT_A_PETITION') {
    this.state = petition.decline.apply(this.state, { reason, note: null, actor }, this.ctx(when));
    return this;
  }
  /** The answer its path gives first: 解释说明 on a claim's (六), 采纳 on a suggestion, 反馈 on an accusation. */
  reply(
    when: string,
    outcome = petition.pathOf(this.state, this.state.handlingRoute !== undefined).outcomes[0]!,
    text = '答复',
  ) {
    this.state = petition.reply.apply(
      this.state,
      { outcome, text, basis: null, deliveredAt: at(when), actor },
      this.ctx(when),
    );
    return this;
  }
  rate(when: string, level: petition.SatisfactionLevel, target: petition.RatingTarget = 'UNIT') {
    this.state = petition.recordSatisfaction.apply(this.state, { level, target, actor }, this.ctx(when));
    return this;
  }
  appeal(when: string, reviewUnitId = 'O-FT-GOV') {
    this.state = petition.requestReview.apply(this.state, { reason: null, reviewUnitId, actor }, this.ctx(when));
    return this;
  }
  /** 异议 of the unit the item was routed to (Art. 23 ¶3). */
  object(when: string, reason = '不属本单位职责') {
    const unit = { id: 'fixture-handler', role: 'UNIT_HANDLER', unitId: this.state.unitId };
    this.state = petition.raiseObjection.apply(this.state, { reason, actor: unit }, this.ctx(when));
    return this;
  }
  /** The bureau's decision on the unit's 异议. */
  decideObjection(when: string, agree: boolean) {
    this.state = petition.decideObjection.apply(this.state, { agree, note: null, actor }, this.ctx(when));
    return this;
  }
  /** 督办 by a supervisor. */
  urge(when: string, message = '请报告进展') {
    const command = { message, respondWithinDays: null, actor: supervisor };
    this.state = petition.urge.apply(this.state, command, this.ctx(when));
    return this;
  }
  /** 提级包案 to a leader. */
  escalate(when: string, leaderId: string, reason = '久拖未决') {
    this.state = petition.escalate.apply(this.state, { leaderId, reason, actor: supervisor }, this.ctx(when));
    return this;
  }
  tick(when: string) {
    this.state = petition.advanceClock(this.state, this.ctx(when));
    return this;
  }
}
