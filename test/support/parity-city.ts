/**
 * A small city for the parity tests (./parity.ts): petitions in every state the lists filter on, spread over 2026
 * across the seed units, projected into both read models. Deterministic, so that a failure can be run again.
 *
 * Every filter of `petitions` has rows on both sides of it: statuses from REGISTERED to CLOSED, overdue and due
 * soon, escalated, provisional (received in late December, whose clocks run into 2027), declined as repeats with
 * nobody confirming, suggestions and accusations; petitions received at the same instant, so that keyset pages
 * order ties by row number; texts for Chinese search; and a petitioner whose identifiers are quoted, for masking.
 */
import type { PanelState, Panelist } from '../../domain/evaluation';
import type { Category, Channel } from '../../domain/petition';
import { PANEL_OF_FIVE } from './panel-members';
import type { Parity, TwinPetition } from './parity';

const DAY = 86_400_000;
export const UNITS = ['U-FT-01', 'U-FT-02', 'U-FT-03', 'U-FT-04', 'U-FT-05'] as const;
/** Accusations accuse this unit and are handled by U-FT-01. */
export const ACCUSED = 'U-FT-02';
export const LEADER = 'leader-wang';

/** Texts for search: words of one, two and four characters, some in several petitions, Latin and digits. */
export const TEXTS = [
  { summary: '小区加装电梯补贴未发放', content: '小区申请加装电梯补贴已逾半年，小区居民反映仍未发放。' },
  { summary: '物业擅自动用维修基金', content: '小区物业公司未经业主大会同意动用专项维修基金。' },
  { summary: '拖欠农民工工资', content: '某建筑公司拖欠三个月工资，涉及农民工四十余人。' },
  { summary: '噪音扰民', content: '夜间施工噪音严重影响休息，电话反映多次无果。' },
  { summary: '电动车充电桩安装', content: '建议在小区增设电动车充电桩，方便居民。' },
  { summary: '幼儿园乱收费', content: '某幼儿园违规收取赞助费 2000 元，家长不满。' },
  { summary: '道路积水', content: '暴雨后道路积水严重，电梯间进水，出行困难。' },
  { summary: 'WiFi 信号差', content: '社区公共 WiFi 信号差，反映 3 次未解决。' },
];

/** The petitioner whose identifiers the texts quote (as test/system/personal-data-matrix.test.ts has them). */
export const QUOTED = {
  name: '欧阳明月',
  idNumber: '110101199003074258',
  phone: '13912345678',
  address: '枫桥镇东街8号',
};

/** An ISO instant `n` days and `hours` hours after `from` (Shanghai time). */
export const dayAfter = (from: string, n: number, hours = 10) =>
  new Date(Date.parse(`${from}T00:00:00+08:00`) + n * DAY + hours * 3_600_000).toISOString();

/** The clock moved to the day before its open deadline falls due (inside the warning days), when it has one. */
function nearDue(p: TwinPetition): TwinPetition {
  const open = p.state.deadlines.filter((d) => d.metAt === null).map((d) => d.dueAt);
  return open.length ? p.tick(new Date(Math.min(...open) - DAY).toISOString()) : p;
}

export interface City {
  all: TwinPetition[];
  byName: Record<string, TwinPetition>;
  panelId: string;
}

/** Builds and projects the city: `count` ordinary petitions (a few hundred at most) and the named ones. */
export async function buildCity(parity: Parity, count = 90): Promise<City> {
  const all: TwinPetition[] = [];
  const add = (p: TwinPetition) => (all.push(p), p);
  let received = dayAfter('2026-01-05', 0);
  for (let i = 0; i < count; i += 1) {
    // Every seventh petition arrives at the instant of the one before it: a tie for the keyset.
    if (i % 7 !== 6) received = dayAfter('2026-01-05', (i * 37) % 320, 8 + (i % 9));
    const unit = UNITS[i % UNITS.length]!;
    const accusation = i % 13 === 0;
    const category: Category = accusation ? 'ACCUSATION' : i % 11 === 0 ? 'SUGGESTION' : 'CLAIM';
    const channel: Channel = i % 4 === 0 ? 'LETTER' : 'ONLINE';
    const text = TEXTS[i % TEXTS.length]!;
    const p = add(
      parity.petition({
        received,
        ...text,
        category,
        channel,
        respondentUnitId: accusation ? ACCUSED : i % 3 === 0 ? unit : null,
      }),
    );
    const handler = accusation ? 'U-FT-01' : unit;
    const after = (days: number) => dayAfter(received.slice(0, 10), days);
    // Accusations and suggestions have no 复查 and no escalation here: they take the steps open to every path.
    const kind = category === 'CLAIM' ? i % 9 : [2, 4, 1, 6][i % 4]!;
    if (kind === 0) p.tick(after(40)); // registered, its registration clock run out
    if (kind === 1) p.route(after(1), handler);
    if (kind === 2) nearDue(p.accept(after(1), handler)); // handling, in its warning period (预警)
    if (kind === 3) p.accept(after(1), handler).tick(after(75)); // handling, overdue
    if (kind === 4)
      p.accept(after(1), handler)
        .reply(after(20 + (i % 50)))
        .rate(after(50 + (i % 30)), 'SATISFIED');
    if (kind === 5) p.accept(after(2), handler).reply(after(30)).rate(after(31), 'DISSATISFIED').appeal(after(35));
    if (kind === 6) p.decline(after(3));
    if (kind === 7) p.accept(after(1), handler).urge(after(20)).escalate(after(30), LEADER);
    if (kind === 8) p.accept(after(1), handler).reply(after(10)).tick(after(60)); // the 复查 window ran out: closed
  }

  const byName: Record<string, TwinPetition> = {};
  const named = (name: string, p: TwinPetition) => ((byName[name] = add(p)), p);
  const first = named(
    'first',
    parity
      .petition({ received: '2026-04-01', petitioner: '周某', respondentUnitId: 'U-FT-03', summary: '补发工资' })
      .accept('2026-04-02', 'U-FT-03')
      .reply('2026-04-20')
      .rate('2026-04-21', 'BASICALLY_SATISFIED')
      .rate('2026-04-21T11:00:00+08:00', 'DISSATISFIED', 'BUREAU'),
  );
  named(
    'repeat',
    parity.petition({ received: '2026-05-10', petitioner: '周某', respondentUnitId: 'U-FT-03', repeatOf: first }),
  );
  // Before repeats were proposed, matching declined it at registration, and nobody confirmed it.
  named(
    'declinedRepeat',
    parity.petition({
      received: '2026-05-12',
      petitioner: '周某',
      respondentUnitId: 'U-FT-03',
      repeatOf: first,
      matchedRepeatDeclined: true,
    }),
  );
  named('provisional', parity.petition({ received: '2026-12-20' }).accept('2026-12-21', 'U-FT-04'));
  named('provisionalNew', parity.petition({ received: '2026-12-28', summary: '年底噪音' }));
  named(
    'quoted',
    parity
      .petition({
        received: '2026-06-02',
        petitioner: QUOTED.name,
        petitionerDetails: QUOTED,
        respondentUnitId: 'U-FT-01',
        summary: '加装电梯补贴未发放',
        content: `本人${QUOTED.name}，住${QUOTED.address}，身份证${QUOTED.idNumber}，电话${QUOTED.phone}，反映加装电梯补贴至今未发放。`,
      })
      .accept('2026-06-03', 'U-FT-01', `请联系${QUOTED.name}（139 1234 5678）核实`)
      .escalate('2026-06-10', LEADER, `${QUOTED.name}多次来访未果`)
      .reply('2026-06-20', undefined, `已向${QUOTED.name}书面答复，寄${QUOTED.address}`),
  );
  // Reviewed by O-FT-GOV: the organ's handler reads it beside its own.
  named(
    'reviewed',
    parity
      .petition({ received: '2026-03-01', summary: '征地补偿' })
      .accept('2026-03-02', 'U-FT-02')
      .reply('2026-03-05')
      .appeal('2026-03-06'),
  );
  // The role matrix's targets (test/support/role-matrix.ts): each at unit A (U-FT-01), the accusation accusing B.
  const atA = (p: TwinPetition) => p.state.unitId === 'U-FT-01' && p.state.category === 'CLAIM';
  byName.handling = all.find((p) => atA(p) && p.state.status === 'HANDLING' && !p.state.escalation)!;
  byName.escalated = all.find((p) => atA(p) && p.state.escalation && p !== byName.quoted)!;
  byName.closed = all.find((p) => atA(p) && p.state.status === 'CLOSED')!;
  // Handled by the unit it accuses, as before the API refused that: B reads nothing of it, A neither.
  byName.accusation = named(
    'accusation',
    parity
      .petition({
        received: '2026-03-02',
        category: 'ACCUSATION',
        respondentUnitId: ACCUSED,
        petitioner: '举报人甲',
        summary: '举报某科长',
        content: '某科长挪用扶贫资金',
      })
      .accept('2026-03-03', ACCUSED),
  );
  for (const p of all) await p.project();

  const panel = cityPanel([byName.closed.id, byName.quoted!.id, byName.first!.id]);
  for (const { db } of [parity.sqlite, parity.pg]) await db.projectPanel(panel);
  return { all, byName, panelId: panel.panelId };
}

/** A closed panel on three of the city's petitions: M-LAW-1 sits on it. */
function cityPanel(petitionIds: string[]): PanelState {
  const [m1, m2, m3] = PANEL_OF_FIVE.map((m) => m.memberId) as [string, string, string];
  const at = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);
  const vote = (memberId: string, petitionId: string, verdict: 'SATISFIED' | 'DISSATISFIED') => ({
    memberId,
    petitionId,
    verdict,
    comment: `已电话回访${QUOTED.name}（${QUOTED.phone}），满意`,
    at: at('2026-07-05'),
  });
  return {
    panelId: 'PANEL-CITY',
    title: `${QUOTED.name}加装电梯补贴案评议会`,
    members: PANEL_OF_FIVE as Panelist[],
    petitionIds,
    quorum: 3,
    convenedAt: at('2026-07-01'),
    convenedBy: 'supervisor-1',
    deadlineAt: at('2026-07-15'),
    status: 'CLOSED',
    votes: [
      vote(m1, petitionIds[0]!, 'SATISFIED'),
      vote(m2, petitionIds[0]!, 'SATISFIED'),
      vote(m3, petitionIds[1]!, 'DISSATISFIED'),
    ],
    present: [m1, m2, m3],
    results: [
      { petitionId: petitionIds[0]!, verdict: 'SATISFIED', votes: 2 },
      { petitionId: petitionIds[1]!, verdict: 'DISSATISFIED', votes: 1 },
      { petitionId: petitionIds[2]!, verdict: null, votes: 0 },
    ],
    closedAt: at('2026-07-10'),
    version: 6,
  };
}
