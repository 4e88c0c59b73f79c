/**
 * 召集评议会: conveneEvaluationPanel's form. Fields are named by the input's paths (input.members[2].name), the
 * paths the API names in `extensions.field`, so a refusal lands beside the member or field at fault.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { request } from '../api/client';
import { ActionForm } from '../components/ActionForm';
import { graphql } from '../gql';
import type { ConveneEvaluationPanelInput } from '../gql/graphql';
import { choices, PANELIST_LABELS } from '../lib/choice-labels';
import { fromLocalInput } from '../lib/datetime';

const ConveneDocument = graphql(`
  mutation ConveneEvaluationPanel($input: ConveneEvaluationPanelInput!) {
    conveneEvaluationPanel(input: $input) {
      id
    }
  }
`);

type Values = { input: ConveneEvaluationPanelInput };

export function ConvenePanel(props: { onDone(): void }) {
  return (
    <ActionForm<Values>
      name="conveneEvaluationPanel"
      label="召集评议会"
      onDone={props.onDone}
      initialValues={{ input: { title: '', members: [], petitionIds: [], quorum: 3 } }}
      submit={({ input }, requestId) =>
        request(ConveneDocument, {
          input: { ...input, deadline: fromLocalInput(input.deadline), requestId },
        })
      }
    >
      <Form.Item name={['input', 'title']} label="名称" rules={[{ required: true, message: '请填写名称' }]}>
        <Input data-testid="field-input.title" />
      </Form.Item>
      <Form.Item name={['input', 'petitionIds']} label="评议的已办结事项（编号）" rules={[{ required: true }]}>
        <Select data-testid="field-input.petitionIds" mode="tags" tokenSeparators={[',', ' ', '，']} />
      </Form.Item>
      <Form.List name={['input', 'members']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'memberId']} rules={[{ required: true, message: '编号' }]}>
                  <Input placeholder="委员编号" data-testid={`field-input.members.${f.name}.memberId`} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                  <Input placeholder="姓名" data-testid={`field-input.members.${f.name}.name`} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '身份' }]}>
                  <Select style={{ width: 120 }} placeholder="身份" options={choices(PANELIST_LABELS)} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="add-member">
              添加委员（5–9 人，至少一名律师）
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 16 }}>
        <Form.Item name={['input', 'quorum']} label="法定票数">
          <InputNumber data-testid="field-input.quorum" min={1} precision={0} />
        </Form.Item>
        <Form.Item name={['input', 'deadline']} label="截止（默认 14 日后）">
          <Input data-testid="field-input.deadline" type="datetime-local" />
        </Form.Item>
      </Space>
    </ActionForm>
  );
}
