/** The supervisor's and the leader's actions on a case: 督办, 提级包案 and the leader's 批示. */
import { Form, Input, InputNumber } from 'antd';
import { request } from '../api/client';
import { ActionForm } from '../components/ActionForm';
import { graphql } from '../gql';
import type { ActionContext } from './action-context';

const Urge = graphql(`
  mutation Urge($id: ID!, $message: String!, $respondWithinDays: Int, $requestId: String) {
    urge(id: $id, message: $message, respondWithinDays: $respondWithinDays, requestId: $requestId) {
      id
    }
  }
`);
const Escalate = graphql(`
  mutation Escalate($id: ID!, $leaderId: ID!, $reason: String!, $requestId: String) {
    escalate(id: $id, leaderId: $leaderId, reason: $reason, requestId: $requestId) {
      id
    }
  }
`);
const Instruct = graphql(`
  mutation Instruct($id: ID!, $text: String!, $requestId: String) {
    instruct(id: $id, text: $text, requestId: $requestId) {
      id
    }
  }
`);

export function oversightActionForms({ petition: p, onDone }: ActionContext) {
  const id = p.id;
  return {
    urge: (
      <ActionForm<{ message: string; respondWithinDays?: number }>
        name="urge"
        label="督办"
        onDone={onDone}
        initialValues={{ respondWithinDays: 5 }}
        submit={(v, requestId) => request(Urge, { id, ...v, requestId })}
      >
        <Form.Item name="message" label="督办内容" rules={[{ required: true, message: '请填写督办内容' }]}>
          <Input.TextArea data-testid="field-message" rows={3} />
        </Form.Item>
        <Form.Item name="respondWithinDays" label="答复期限（日）">
          <InputNumber data-testid="field-respondWithinDays" min={1} precision={0} />
        </Form.Item>
      </ActionForm>
    ),
    escalate: (
      <ActionForm<{ leaderId: string; reason: string }>
        name="escalate"
        label="提级包案"
        onDone={onDone}
        submit={(v, requestId) => request(Escalate, { id, ...v, requestId })}
      >
        <Form.Item name="leaderId" label="包案领导（编号）" rules={[{ required: true, message: '请填写包案领导' }]}>
          <Input data-testid="field-leaderId" />
        </Form.Item>
        <Form.Item name="reason" label="提级理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea data-testid="field-reason" rows={3} />
        </Form.Item>
      </ActionForm>
    ),
    instruct: (
      <ActionForm<{ text: string }>
        name="instruct"
        label="批示"
        onDone={onDone}
        submit={(v, requestId) => request(Instruct, { id, ...v, requestId })}
      >
        <Form.Item name="text" label="批示内容" rules={[{ required: true, message: '请填写批示' }]}>
          <Input.TextArea data-testid="field-text" rows={4} />
        </Form.Item>
      </ActionForm>
    ),
  };
}
