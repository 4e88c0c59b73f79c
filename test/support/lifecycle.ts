/**
 * The steps the lifecycle tests (test/system/lifecycle-*.test.ts) take through the GraphQL API, and the dates
 * they read back: the workflow's own state to the millisecond, its deadlines, the read model's row.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { petitions } from '../../db/schema';
import type { Deadline, DeadlineKind, PetitionState } from '../../domain/petition';
import { type GraphQLAnswer, mutationsSelecting } from './graphql';
import { newPetitioner } from './petitioners';
import type { System, TimeSkippingSystem } from './system';

export const DAY = 86_400_000;
export const MINUTE = 60_000;

const FIELDS = `id status stage declineReason repeatOf isRepeat closedAt
  unit { id } reviewUnit { id }
  extension { daysGranted maxDays requests { days approved } }
  reply { level outcome }
  satisfaction { target level }
  deadlines { kind met overdue paused }
  timeline { type note }`;

export function deadline(state: PetitionState, kind: DeadlineKind): Deadline {
  const found = state.deadlines.filter((d) => d.kind === kind).at(-1);
  if (!found) throw new Error(`no ${kind} deadline`);
  return found;
}

/** The steps on a file's system, read at each call. */
export function lifecycleSteps(ts: TimeSkippingSystem) {
  const ok = mutationsSelecting(FIELDS, () => ts.system);

  function attempt(token: string, mutation: string): Promise<GraphQLAnswer> {
    return ts.system.gql(token, `mutation { ${mutation} { id } }`);
  }

  async function register(petitioner = newPetitioner(), via: Pick<System, 'gql'> = ts.system, extra = '') {
    const input = `{ petitioner: { name: "${petitioner.name}", idNumber: "${petitioner.idNumber}" }, channel: LETTER, category: CLAIM,
    summary: "征收补偿争议", content: "对房屋征收补偿标准有异议", respondentUnitId: "U-FT-01" ${extra} }`;
    return ok(ts.tokens.registrar, `registerPetition(input: ${input})`, via);
  }

  /** The workflow's own state, to the millisecond (GraphQL dates are to the second). */
  async function live(id: string): Promise<PetitionState> {
    const answer = await ts.system.gql(ts.tokens.registrar, `{ petition(id: "${id}") { live } }`);
    return answer.data.petition.live;
  }

  async function sleepUntil(at: number) {
    const now = await ts.env.currentTimeMs();
    if (at > now) await ts.env.sleep(at - now);
  }

  function readModelRow(id: string) {
    return ts.system.db.select().from(petitions).where(eq(petitions.id, id)).get();
  }

  /** Accept, first opinion, 复查, 复查 opinion, 复核: the petition stands before the 复核 organ. */
  async function toReexamination(id: string) {
    const { registrar, handler, reviewOrgan } = ts.tokens;
    await ok(registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
    await ok(
      handler,
      `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "补偿标准符合规定", basis: "《国有土地上房屋征收与补偿条例》")`,
    );
    const review = await ok(registrar, `requestReview(id: "${id}", reason: "不服处理意见")`);
    expect(review).toMatchObject({ status: 'UNDER_REVIEW', stage: 'REVIEW', reviewUnit: { id: 'O-FT-GOV' } });
    await ok(reviewOrgan, `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "维持原处理意见")`);
    const reexam = await ok(registrar, `requestReview(id: "${id}", reason: "不服复查意见")`);
    expect(reexam).toMatchObject({ status: 'UNDER_REEXAMINATION', stage: 'RE_REVIEW', reviewUnit: { id: 'O-SZ-GOV' } });
  }

  return { ok, attempt, register, live, sleepUntil, readModelRow, toReexamination };
}
