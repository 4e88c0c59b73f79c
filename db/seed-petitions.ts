/**
 * Realistic petitions for load and benchmarks, written straight into a read model with the real state machine
 * and the real projection (no workflows: this exercises the read side only). Deterministic for a given seed.
 */
import { projectPetitionState } from './projection';
import type { SqliteDatabase } from './connection';
import { units } from './schema';
import * as petition from '../domain/petition';
import type { Category, Channel, PetitionState } from '../domain/petition';
import { getProfile } from '../domain/statute';
import { calendarAround } from '../domain/calendar-years';
import { SEED_NOTICES } from '../domain/seed-notices';

const DAY = 86_400_000;
const profile = getProfile();
// Seeded cases count on the notices the read model is seeded with, and the statutory days around them.
const calendar = calendarAround(SEED_NOTICES, 2026);
const ctx = (now: number) => ({
  now,
  profile,
  calendar,
  dayCounted: true,
  repeatsProposed: true,
  unitReceipt: true,
  pathsByKind: true,
});
const actor = { id: 'seed', role: 'REGISTRAR' };

/** A small linear congruential generator: the same seed gives the same city. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLACES = [
  '小区',
  '街道',
  '学校',
  '医院',
  '工地',
  '市场',
  '公园',
  '村委会',
  '派出所',
  '地铁站',
  '商场',
  '菜市场',
  '幼儿园',
  '养老院',
];
const SUBJECTS: Record<Category, string[]> = {
  CLAIM: [
    '加装电梯补贴',
    '拖欠工资',
    '征收补偿',
    '维修基金',
    '物业服务',
    '停车收费',
    '房屋质量',
    '社保缴纳',
    '户籍办理',
    '学位分配',
    '医疗纠纷',
    '拆迁安置',
    '租金押金',
    '供暖供水',
  ],
  ACCUSATION: ['违法建设', '占道经营', '乱收费', '执法不公', '环境污染', '非法集资', '食品安全', '消防隐患'],
  SUGGESTION: ['增设公交站', '充电桩建设', '垃圾分类', '绿化改造', '道路拓宽', '路灯维修', '无障碍设施', '便民服务点'],
};
const ASKS: Record<Category, string[]> = {
  CLAIM: ['请求协调解决', '要求尽快落实', '请求依法处理', '希望给予答复'],
  ACCUSATION: ['要求查处', '请求依法取缔', '要求追究责任'],
  SUGGESTION: ['建议尽快实施', '希望纳入规划', '建议相关部门研究'],
};
const DETAILS = [
  '多次反映未果',
  '影响居民正常生活',
  '涉及群众四十余人',
  '已持续半年以上',
  '有关部门相互推诿',
  '情况紧急',
  '周边群众意见较大',
];

export const SEED_UNIT_COUNT = 60;

export function seedUnitIds(): string[] {
  return Array.from({ length: SEED_UNIT_COUNT }, (_, i) => `U-SZ-${String(i + 1).padStart(3, '0')}`);
}

export function seedCityUnits(db: SqliteDatabase): void {
  db.insert(units)
    .values(
      seedUnitIds().map((id, i) => ({
        id,
        name: `深圳市第${i + 1}责任单位`,
        kind: 'UNIT' as const,
        parentId: 'O-FT-GOV',
      })),
    )
    .onConflictDoNothing()
    .run();
}

export interface SeedOptions {
  count: number;
  /** The city's "today": petitions are received over the year before it. */
  now: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

/** The facts a repeat shares with the petition it repeats. */
interface Matter {
  id: string;
  person: number;
  category: Category;
  place: string;
  subject: string;
  unitId: string;
  received: number;
}

/** One petition's whole life up to `now`, through the state machine; about 6 % repeat a recent one. */
function lifeOf(n: number, rnd: () => number, now: number, unitIds: string[], recent: Matter[]): PetitionState {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const earlier = recent.length && rnd() < 0.06 ? pick(recent) : null;
  const category: Category =
    earlier?.category ?? pick(['CLAIM', 'CLAIM', 'CLAIM', 'CLAIM', 'ACCUSATION', 'SUGGESTION'] as const);
  const channel: Channel = pick(['ONLINE', 'ONLINE', 'ONLINE', 'LETTER', 'VISIT', 'PHONE'] as const);
  const place = earlier?.place ?? pick(PLACES);
  const subject = earlier?.subject ?? pick(SUBJECTS[category]);
  const received = earlier
    ? earlier.received + Math.floor((20 + rnd() * 100) * DAY)
    : now - Math.floor(rnd() * 365 * DAY);
  if (received > now) return lifeOf(n, rnd, now, unitIds, []);
  const unitId = earlier?.unitId ?? pick(unitIds);
  const person = earlier?.person ?? n % 400_000;
  const petitionId = `SD-${String(n).padStart(7, '0')}`;
  if (!earlier) {
    recent.push({ id: petitionId, person, category, place, subject, unitId, received });
    if (recent.length > 64) recent.shift();
  }
  let state = petition.openPetition(
    {
      petitionId,
      repeatOf: earlier ? { petitionId: earlier.id, status: 'CLOSED' } : null,
      petitioner: {
        name: `信访人${person}`,
        idNumber: `4403${String(person).padStart(14, '0')}`,
        phone: null,
        address: null,
      },
      channel,
      category,
      summary: `${place}${subject}问题`,
      content: `${place}${subject}问题，${pick(DETAILS)}，${pick(DETAILS)}，${pick(ASKS[category])}。`,
      receivedAt: received,
      respondentUnitId: unitId,
      registeredBy: actor,
    },
    ctx(received),
  );
  const at = (t: number) => Math.min(t, now);
  const fate = rnd();
  // 涉法涉诉 letters go to the 政法 organs (Art. 22 ¶2).
  if (fate < 0.05) {
    const forward = { unitId: 'P-FT', mode: 'TRANSFER', forwardTo: 'POLITICAL_LEGAL', note: null, actor } as const;
    return petition.advanceClock(petition.route.apply(state, forward, ctx(at(received + DAY))), ctx(now));
  }
  // About a third are routed (转送) first and accepted by the unit after its notice (告知).
  if (rnd() < 0.3) {
    const routedAt = received + Math.floor((1 + rnd() * 5) * DAY);
    if (routedAt > now) return petition.advanceClock(state, ctx(now));
    state = petition.route.apply(
      petition.advanceClock(state, ctx(routedAt)),
      { unitId, mode: 'TRANSFER', note: null, actor },
      ctx(routedAt),
    );
  }
  const acceptedAt = received + Math.floor((7 + rnd() * 12) * DAY);
  if (acceptedAt > now) return petition.advanceClock(state, ctx(now));
  state = petition.accept.apply(
    petition.advanceClock(state, ctx(acceptedAt)),
    { unitId, note: null, actor },
    ctx(acceptedAt),
  );
  // Most units answer in 20–60 days; about one in eight runs late.
  const repliedAt = acceptedAt + Math.floor((20 + rnd() * (rnd() < 0.12 ? 70 : 40)) * DAY);
  if (repliedAt > now) return petition.advanceClock(state, ctx(now));
  state = petition.advanceClock(state, ctx(repliedAt - 1));
  state = petition.reply.apply(
    state,
    {
      outcome: pick(petition.pathOf(state, true).outcomes),
      text: '处理意见',
      basis: null,
      deliveredAt: repliedAt,
      actor,
    },
    ctx(repliedAt),
  );
  if (rnd() < 0.7) {
    const level = pick(['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const);
    state = petition.recordSatisfaction.apply(state, { level, target: 'UNIT', actor }, ctx(at(repliedAt + DAY)));
    if (rnd() < 0.5)
      state = petition.recordSatisfaction.apply(state, { level, target: 'BUREAU', actor }, ctx(at(repliedAt + DAY)));
  }
  if (
    state.status === 'DELIVERED' &&
    petition.pathOf(state, true).appeals &&
    rnd() < 0.08 &&
    repliedAt + 10 * DAY < now
  ) {
    state = petition.requestReview.apply(
      state,
      { reason: '不服', reviewUnitId: 'O-FT-GOV', actor },
      ctx(repliedAt + 10 * DAY),
    );
  }
  return petition.advanceClock(state, ctx(now));
}

export function seedPetitions(db: SqliteDatabase, options: SeedOptions): void {
  const rnd = random(options.seed ?? 2026);
  const unitIds = seedUnitIds();
  const recent: Matter[] = [];
  seedCityUnits(db);
  const batch = 5_000;
  for (let start = 0; start < options.count; start += batch) {
    db.transaction(() => {
      for (let n = start; n < Math.min(options.count, start + batch); n += 1) {
        const state = lifeOf(n, rnd, options.now, unitIds, recent);
        projectPetitionState(db, `petition-${state.petitionId}`, state, state.timeline, options.now);
      }
    });
    options.onProgress?.(Math.min(options.count, start + batch));
  }
}
