/**
 * Cases set up through the running API for the browser tests and the screenshots, so each screen is reached
 * with its petition in the state it needs without clicking through the stages another test covers.
 */
import type { DevToken } from '../../api/dev-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

export class ConsoleApi {
  constructor(
    readonly url: string,
    private readonly tokens: readonly DevToken[],
  ) {}

  token(principalId: string): string {
    const token = this.tokens.find((t) => t.principalId === principalId)?.token;
    if (!token) throw new Error(`no dev token for ${principalId}`);
    return token;
  }

  /** The answer's data as the principal reads it; any GraphQL error throws. */
  async gql<T = any>(principalId: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(new URL('graphql', this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token(principalId)}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { data?: T; errors?: unknown[] };
    if (answer.errors || !answer.data) throw new Error(`GraphQL as ${principalId}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  /** A claim by letter, received `daysAgo` days ago; its id. */
  async register(petitioner: string, summary: string, daysAgo = 0): Promise<string> {
    const { registerPetition } = await this.gql<{ registerPetition: { id: string } }>(
      'dev-registrar',
      `mutation ($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }`,
      {
        input: {
          petitioner: { name: petitioner, phone: '13800138000' },
          channel: 'LETTER',
          category: 'CLAIM',
          summary,
          content: `${summary}，请求依法处理。`,
          receivedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
        },
      },
    );
    return registerPetition.id;
  }

  /** 受理 and 交办 to the dev handler's unit: the case is HANDLING there. */
  async accept(id: string): Promise<void> {
    await this.gql('dev-registrar', `mutation { acceptPetition(id: "${id}", unitId: "U-FT-01") { id } }`);
  }

  /** The unit's 信访处理意见书, delivered now: the case is DELIVERED (办结). */
  async reply(id: string): Promise<void> {
    await this.gql(
      'dev-unit-handler',
      `mutation { replyPetition(id: "${id}", outcome: SUPPORT, text: "经核查，诉求合理，予以支持。") { id } }`,
    );
  }

  /** 督办 by the dev supervisor, to the unit acting now. */
  async urge(id: string, message: string): Promise<void> {
    await this.gql(
      'dev-supervisor',
      `mutation ($id: ID!, $message: String!) { urge(id: $id, message: $message) { id } }`,
      {
        id,
        message,
      },
    );
  }

  /** 提级包案 to the dev leader, with the leader's 批示. */
  async escalate(id: string, reason: string, instruction: string): Promise<void> {
    await this.gql(
      'dev-supervisor',
      `mutation ($id: ID!, $reason: String!) { escalate(id: $id, leaderId: "dev-leader", reason: $reason) { id } }`,
      { id, reason },
    );
    await this.gql('dev-leader', `mutation ($id: ID!, $text: String!) { instruct(id: $id, text: $text) { id } }`, {
      id,
      text: instruction,
    });
  }

  /** A panel of the five dev reviewers (dev-reviewer is its lawyer) evaluating the delivered cases; its id. */
  async convenePanel(petitionIds: string[]): Promise<string> {
    const members = [
      { memberId: 'M-NPC-01', name: '人大代表甲', kind: 'NPC_DEPUTY' },
      { memberId: 'M-NPC-02', name: '人大代表乙', kind: 'NPC_DEPUTY' },
      { memberId: 'M-CPPCC-01', name: '政协委员丙', kind: 'CPPCC_MEMBER' },
      { memberId: 'M-PARTY-01', name: '党代表丁', kind: 'PARTY_DEPUTY' },
      { memberId: 'M-LAWYER-01', name: '律师戊', kind: 'LAWYER' },
    ];
    const { conveneEvaluationPanel } = await this.gql<{ conveneEvaluationPanel: { id: string } }>(
      'dev-supervisor',
      `mutation ($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }`,
      { input: { title: '第三方评议会', members, petitionIds } },
    );
    return conveneEvaluationPanel.id;
  }

  /** Waits until the read model has the case overdue (its clock's timer fired and was projected). */
  async untilOverdue(id: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { petition } = await this.gql('dev-supervisor', `{ petition(id: "${id}") { overdue } }`);
      if (petition?.overdue) return;
      if (Date.now() > deadline) throw new Error(`${id} is not overdue after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
