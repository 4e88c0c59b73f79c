/**
 * Read-model tests without a workflow in the way: petitions built with the real state machine at chosen
 * moments, projected into a real SQLite file with the real projection, and read through the real GraphQL API.
 */
import { Client } from '@temporalio/client';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../api/auth';
import { issueTokenNow } from './tokens';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { projectPetitionState } from '../../db/projection';
import { seedUnits } from '../../db/seed-units';
import * as petition from '../../domain/petition';
import type { Category, Channel, PetitionState } from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import type { GraphQLAnswer } from './graphql';
import { ctxAt } from './calendar';

const profile = getProfile();
const actor = { id: 'fixture', role: 'REGISTRAR' };
export const at = (iso: string) => Date.parse(iso.includes('T') ? iso : `${iso}T10:00:00+08:00`);
const newRun = (iso: string) => ctxAt(at(iso), profile);

let counter = 0;

/** A petition written step by step; `project()` writes its current state into the read model. */
export class PetitionFixture {
  state: PetitionState;
  private readonly ctx: (iso: string) => petition.CommandContext;
  constructor(
    private readonly db: ReadModel,
    options: {
      received: string;
      summary?: string;
      content?: string;
      channel?: Channel;
      category?: Category;
      petitioner?: string;
      respondentUnitId?: string | null;
      repeatOf?: PetitionFixture;
      /** Registered by a run begun before repeats were proposed: matching's `repeatOf` declined it at once. */
      matchedRepeatDeclined?: boolean;
      /** A run begun before paths by kind: every petition heard, answered and appealable as a claim's (六). */
      beforePathsByKind?: boolean;
    },
  ) {
    counter += 1;
    const pathsByKind = !options.beforePathsByKind;
    this.ctx = (iso: string) => ({ ...newRun(iso), pathsByKind });
    const ctx = this.ctx;
    this.state = petition.openPetition(
      {
        petitionId: `FX-${String(counter).padStart(6, '0')}`,
        petitioner: { name: options.petitioner ?? `信访人${counter}`, idNumber: null, phone: null, address: null },
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
  accept(when: string, unitId?: string) {
    this.state = petition.accept.apply(this.state, { unitId: unitId ?? null, note: null, actor }, this.ctx(when));
    return this;
  }
  /** The answer its path gives first: 解释说明 on a claim's (六), 采纳 on a suggestion, 反馈 on an accusation. */
  reply(when: string, outcome = petition.pathOf(this.state, this.state.handlingRoute !== undefined).outcomes[0]!) {
    this.state = petition.reply.apply(
      this.state,
      { outcome, text: '答复', basis: null, deliveredAt: at(when), actor },
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
  tick(when: string) {
    this.state = petition.advanceClock(this.state, this.ctx(when));
    return this;
  }
  project(now = Date.now()) {
    projectPetitionState(this.db, `petition-${this.id}`, this.state, this.state.timeline, now);
    return this;
  }
}

export interface ReadModelHarness {
  db: ReadModel;
  file: string;
  petition(options: ConstructorParameters<typeof PetitionFixture>[1]): PetitionFixture;
  token(role: Role, unitId?: string): string;
  gql<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** POST a raw body, as a hostile client would. */
  gqlRaw(token: string | null, body: string): Promise<Response>;
  close(): void;
}

/**
 * The API on a real SQLite file, its Temporal client pointed at an address where nothing listens (so a command
 * answers UNAVAILABLE, as a command that got past the API's checks must). `temporalAttempts`: how often the
 * client tries (the API's default, or 1 where a test sends many such commands).
 */
export function openReadModelHarness(options: { temporalAttempts?: number } = {}): ReadModelHarness {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-rm-'));
  const file = join(dir, 'fengqiao.db');
  const db = openReadModel(file);
  // One statement, which SQLite has written before the promise is answered: the harness is ready at once.
  void seedUnits(db);
  // Lists, search and statistics never reach Temporal; nothing listens at this address.
  const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', options.temporalAttempts) });
  const yoga = createFengqiaoYoga({ db, temporal, taskQueue: 'unused', profileId: profile.id });
  let n = 0;
  return {
    db,
    file,
    petition: (options) => new PetitionFixture(db, options),
    token: (role, unitId) =>
      issueTokenNow(db, { role, principalId: `${role.toLowerCase()}-${++n}`, unitId: unitId ?? null }),
    async gql(token, query, variables) {
      const response = await yoga.fetch('http://fengqiao.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    },
    async gqlRaw(token, body) {
      return yoga.fetch('http://fengqiao.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    },
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
