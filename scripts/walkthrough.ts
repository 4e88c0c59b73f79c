/**
 * The README's walk-through, run against a started system (`./temporal-dev.sh`): one petition from
 * registration through 复查 and 复核 to 终结, printing what each step answered. `npm run walkthrough`.
 */
import { readFileSync } from 'node:fs';

const api = process.env.FENGQIAO_API ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
const tokens = JSON.parse(readFileSync(process.env.FENGQIAO_DEV_TOKENS ?? '.data/dev-tokens.json', 'utf8')) as {
  principalId: string;
  token: string;
}[];
const as = (principalId: string) => tokens.find((t) => t.principalId === principalId)!.token;

const FIELDS = 'id status stage dueAt deadlines { kind dueAt lastDay met paused pausedMs } timeline { seq type }';

async function graphql(who: string, query: string): Promise<any> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${as(who)}` },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (answer.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

async function step(title: string, who: string, mutation: string): Promise<any> {
  const petition = Object.values(await graphql(who, `mutation { ${mutation} { ${FIELDS} } }`))[0] as any;
  const open = petition.deadlines
    .filter((d: any) => !d.met)
    .map((d: any) => `${d.kind} due ${d.lastDay}${d.paused ? ' (paused)' : ''}`);
  console.log(`${title.padEnd(34)} ${petition.status.padEnd(20)} ${open.join('; ') || 'no open deadline'}`);
  return petition;
}

const p = await step(
  '1 registerPetition (registrar)',
  'dev-registrar',
  `registerPetition(input: { petitioner: { name: "张三", phone: "13800138000" }, channel: LETTER, category: CLAIM,
    summary: "小区加装电梯补贴未发放", content: "申请加装电梯补贴已逾半年未发放", respondentUnitId: "U-FT-01" })`,
);
const id = p.id as string;
/** The first petition's way to 终结: step, who acts, the mutation. */
const FIRST_CASE: [title: string, who: string, mutation: string][] = [
  [
    '2 acceptPetition (registrar)',
    'dev-registrar',
    `acceptPetition(id: "${id}", unitId: "U-FT-01", note: "受理并交办")`,
  ],
  [
    '2a urge: 督办 (supervisor)',
    'dev-supervisor',
    `urge(id: "${id}", message: "请三日内报告进展", respondWithinDays: 3)`,
  ],
  [
    '2b answerUrge (unit handler)',
    'dev-unit-handler',
    `answerUrge(id: "${id}", urgeId: "DB-1", text: "已组织现场核查")`,
  ],
  [
    '2c escalate: 提级包案 (supervisor)',
    'dev-supervisor',
    `escalate(id: "${id}", leaderId: "dev-leader", reason: "涉及群众多，久拖未决")`,
  ],
  ['2d instruct: 批示 (leader)', 'dev-leader', `instruct(id: "${id}", text: "请一周内拿出方案")`],
  [
    '3 requestExtension (unit handler)',
    'dev-unit-handler',
    `requestExtension(id: "${id}", days: 15, reason: "需核查资金拨付流程")`,
  ],
  ['4 decideExtension (unit head)', 'dev-unit-head', `decideExtension(id: "${id}", approve: true, note: "同意")`],
  ['5 startHearing (unit handler)', 'dev-unit-handler', `startHearing(id: "${id}", note: "听证")`],
  ['6 endHearing (unit handler)', 'dev-unit-handler', `endHearing(id: "${id}")`],
  [
    '7 replyPetition (unit handler)',
    'dev-unit-handler',
    `replyPetition(id: "${id}", outcome: EXPLAIN, text: "补贴按批次发放，已列入下一批", basis: "加装电梯补贴办法")`,
  ],
  ['8 recordSatisfaction (registrar)', 'dev-registrar', `recordSatisfaction(id: "${id}", level: DISSATISFIED)`],
  ['9 requestReview: 复查 (registrar)', 'dev-registrar', `requestReview(id: "${id}", reason: "不服处理意见")`],
  [
    '10 replyPetition (复查 organ)',
    'dev-review-organ',
    `replyPetition(id: "${id}", outcome: EXPLAIN, text: "维持原意见")`,
  ],
  ['11 requestReview: 复核 (registrar)', 'dev-registrar', `requestReview(id: "${id}", reason: "不服复查意见")`],
  ['12 startHearing (复核 organ)', 'dev-reexam-organ', `startHearing(id: "${id}", note: "复核听证")`],
  ['13 endHearing (复核 organ)', 'dev-reexam-organ', `endHearing(id: "${id}")`],
  [
    '14 replyPetition (复核 organ)',
    'dev-reexam-organ',
    `replyPetition(id: "${id}", outcome: SUPPORT, text: "责令限期发放补贴")`,
  ],
];
for (const [title, who, mutation] of FIRST_CASE) await step(title, who, mutation);

// 第三方评议: a second petition, delivered, before a panel of five; three find it unsatisfactory.
const second = await step(
  '15 registerPetition (registrar)',
  'dev-registrar',
  `registerPetition(input: { petitioner: { name: "李四" }, channel: ONLINE, category: CLAIM, summary: "噪音扰民", content: "夜间施工噪音" })`,
);
await step('16 acceptPetition (registrar)', 'dev-registrar', `acceptPetition(id: "${second.id}", unitId: "U-FT-01")`);
await step(
  '17 replyPetition (unit handler)',
  'dev-unit-handler',
  `replyPetition(id: "${second.id}", outcome: EXPLAIN, text: "已责令施工方整改")`,
);
const members = [
  ['M-NPC-01', '人大代表甲', 'NPC_DEPUTY', 'dev-npc-deputy'],
  ['M-NPC-02', '人大代表乙', 'NPC_DEPUTY', 'dev-npc-deputy-2'],
  ['M-CPPCC-01', '政协委员丙', 'CPPCC_MEMBER', 'dev-cppcc-member'],
  ['M-PARTY-01', '党代表丁', 'PARTY_DEPUTY', 'dev-party-deputy'],
  ['M-LAWYER-01', '律师戊', 'LAWYER', 'dev-reviewer'],
] as const;
const convened = await graphql(
  'dev-supervisor',
  `mutation { conveneEvaluationPanel(input: { title: "评议会", petitionIds: ["${second.id}"], members: [${members
    .map(([memberId, name, kind]) => `{ memberId: "${memberId}", name: "${name}", kind: ${kind} }`)
    .join(', ')}] }) { id status } }`,
);
const panelId = convened.conveneEvaluationPanel.id as string;
console.log(`18 conveneEvaluationPanel (supervisor) panel ${panelId} ${convened.conveneEvaluationPanel.status}`);
for (const [i, [, , , who]] of members.entries()) {
  const verdict = i < 3 ? 'DISSATISFIED' : 'SATISFIED';
  await graphql(
    who,
    `mutation { recordEvaluation(panelId: "${panelId}", petitionId: "${second.id}", verdict: ${verdict}, comment: "评议意见") { id } }`,
  );
}
console.log('19 recordEvaluation × 5 (panel members): 3 DISSATISFIED, 2 SATISFIED');
for (let i = 0; i < 50; i += 1) {
  const answer = await graphql(
    'dev-registrar',
    `{ petition(id: "${second.id}") { status evaluations { verdict } deadlines { kind lastDay met } } }`,
  );
  if (answer.petition.evaluations.length) {
    const open = answer.petition.deadlines.filter((d: any) => !d.met).map((d: any) => `${d.kind} due ${d.lastDay}`);
    console.log(
      `20 verdict ${answer.petition.evaluations[0].verdict} → petition ${answer.petition.status}, ${open.join('; ')}`,
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nsee them in the Temporal UI: workflows petition-${id}, petition-${second.id} and panel-${panelId}`);
