/**
 * What the Temporal UI shows of a petition before decoding: the static summary and details
 * the API sets at 登记, and the current details the workflow keeps, say what it is and waits for, and hold no
 * petitioner's name or ID number.
 */
import { describe, expect, it } from 'vitest';
import { okField } from '../support/graphql';
import { useTimeSkippingSystem } from '../support/system';
import { petitionWorkflowId } from '../../workflows/definitions';
import { panelWorkflowId } from '../../workflows/panel-definitions';
import { PANEL_OF_FIVE } from '../support/panel-members';

const ts = useTimeSkippingSystem();

const NAME = '欧阳明珠';
const ID_NUMBER = '110105198807154430';
const PHONE = '13698765432';

describe('the Temporal UI without personal data', () => {
  async function gqlOk(token: string, query: string) {
    return okField(await ts.system.gql(token, query));
  }

  it("a registered petition's static summary names its category and step, never its petitioner", async () => {
    const registered = okField(
      await ts.system.gql(
        ts.tokens.registrar,
        `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }`,
        {
          input: {
            petitioner: { name: NAME, phone: PHONE, idNumber: ID_NUMBER, address: '北京市朝阳区某街道 8 号' },
            channel: 'LETTER',
            category: 'ACCUSATION',
            summary: `${NAME}举报物业`,
            content: `${NAME}（身份证 ${ID_NUMBER}）举报物业挪用维修基金。`,
          },
        },
      ),
    );
    const handle = ts.env.client.workflow.getHandle(petitionWorkflowId(registered.id));
    const description = await handle.describe();
    const summary = await description.staticSummary();
    const details = await description.staticDetails();
    expect(summary).toBe(`信访事项 ${registered.id} · 检举控告 · 登记 (15 日内转送/受理)`);
    expect(details).toContain('渠道: 书信');
    expect(details).toContain('《信访工作条例》第二十二条');
    // What it waits for now, set by the workflow as its state changes (patched('ui-details')).
    const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
    expect(metadata.currentDetails).toMatch(
      new RegExp(`^信访事项 ${registered.id} · 检举控告 · 登记，等待转送、交办或不予受理 · 期限 \\d{4}-`),
    );
    for (const text of [summary, details, metadata.currentDetails]) {
      for (const personal of [NAME, ID_NUMBER, PHONE, '朝阳区', '维修基金']) expect(text).not.toContain(personal);
    }
  });

  it("a panel's static summary counts its cases and names its deadline, not its title or members", async () => {
    const petition = await gqlOk(
      ts.tokens.registrar,
      `mutation { registerPetition(input: { petitioner: { name: "${NAME}", phone: "${PHONE}" }, channel: ONLINE, category: CLAIM, summary: "路灯", content: "路灯不亮" }) { id } }`,
    );
    await gqlOk(ts.tokens.registrar, `mutation { acceptPetition(id: "${petition.id}", unitId: "U-FT-01") { id } }`);
    await gqlOk(
      ts.tokens.handler,
      `mutation { replyPetition(id: "${petition.id}", outcome: EXPLAIN, text: "已答复") { id } }`,
    );
    const panel = okField(
      await ts.system.gql(
        ts.tokens.supervisor,
        `mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }`,
        { input: { title: `${NAME}案评议会`, members: PANEL_OF_FIVE, petitionIds: [petition.id] } },
      ),
    );
    const description = await ts.env.client.workflow.getHandle(panelWorkflowId(panel.id)).describe();
    const summary = await description.staticSummary();
    const details = await description.staticDetails();
    expect(summary).toMatch(new RegExp(`^评议组 ${panel.id} · 1 件信访事项 · 等待评议意见`));
    expect(details).toContain(`成员: ${PANEL_OF_FIVE.length} 人`);
    for (const text of [summary, details]) {
      for (const personal of [NAME, ...PANEL_OF_FIVE.map((m) => m.name)]) expect(text).not.toContain(personal);
    }
  });
});
