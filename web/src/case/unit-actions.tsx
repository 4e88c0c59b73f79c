/**
 * The unit's actions on a case (docs/api.md, handling): 签收 and 异议, the Art. 31 route, the 信访处理意见书,
 * 延期 asked (handler) and decided (head), 听证, 督办 answered, 调解/和解 agreements and the 交办 办结报告.
 */
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { request } from '../api/client';
import { ActionForm } from '../components/ActionForm';
import { graphql } from '../gql';
import type { AgreementKind, HandlingRoute, ReplyOutcome } from '../gql/graphql';
import { AGREEMENT_LABELS, choices, HANDLING_ROUTE_LABELS, OUTCOME_LABELS } from '../lib/choice-labels';
import { fromLocalInput } from '../lib/datetime';
import type { ActionContext } from './action-context';

const SignForReceipt = graphql(`
  mutation SignForReceipt($id: ID!, $requestId: String) {
    signForReceipt(id: $id, requestId: $requestId) {
      id
    }
  }
`);
const RaiseObjection = graphql(`
  mutation RaiseObjection($id: ID!, $reason: String!, $requestId: String) {
    raiseObjection(id: $id, reason: $reason, requestId: $requestId) {
      id
    }
  }
`);
const ChooseRoute = graphql(`
  mutation ChooseRoute($id: ID!, $route: HandlingRoute!, $note: String, $requestId: String) {
    chooseRoute(id: $id, route: $route, note: $note, requestId: $requestId) {
      id
    }
  }
`);
const Reply = graphql(`
  mutation ReplyPetition(
    $id: ID!
    $outcome: ReplyOutcome!
    $text: String!
    $basis: String
    $deliveredAt: DateTime
    $requestId: String
  ) {
    replyPetition(
      id: $id
      outcome: $outcome
      text: $text
      basis: $basis
      deliveredAt: $deliveredAt
      requestId: $requestId
    ) {
      id
    }
  }
`);
const RequestExtension = graphql(`
  mutation RequestExtension($id: ID!, $days: Int!, $reason: String!, $requestId: String) {
    requestExtension(id: $id, days: $days, reason: $reason, requestId: $requestId) {
      id
    }
  }
`);
const DecideExtension = graphql(`
  mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $requestId: String) {
    decideExtension(id: $id, approve: $approve, note: $note, requestId: $requestId) {
      id
    }
  }
`);
const StartHearing = graphql(`
  mutation StartHearing($id: ID!, $note: String, $requestId: String) {
    startHearing(id: $id, note: $note, requestId: $requestId) {
      id
    }
  }
`);
const EndHearing = graphql(`
  mutation EndHearing($id: ID!, $note: String, $requestId: String) {
    endHearing(id: $id, note: $note, requestId: $requestId) {
      id
    }
  }
`);
const AnswerUrge = graphql(`
  mutation AnswerUrge($id: ID!, $urgeId: ID!, $text: String!, $requestId: String) {
    answerUrge(id: $id, urgeId: $urgeId, text: $text, requestId: $requestId) {
      id
    }
  }
`);
const RecordAgreement = graphql(`
  mutation RecordAgreement($id: ID!, $kind: AgreementKind!, $text: String!, $requestId: String) {
    recordAgreement(id: $id, kind: $kind, text: $text, requestId: $requestId) {
      id
    }
  }
`);
const SubmitAssignmentReport = graphql(`
  mutation SubmitAssignmentReport($id: ID!, $text: String!, $requestId: String) {
    submitAssignmentReport(id: $id, text: $text, requestId: $requestId) {
      id
    }
  }
`);

const field = (name: string, label: string, required: boolean, rows = 2) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
    <Input.TextArea data-testid={`field-${name}`} rows={rows} />
  </Form.Item>
);

export function unitActionForms({ petition: p, onDone }: ActionContext) {
  const id = p.id;
  const openUrges = p.urges.filter((u) => u.kind !== 'REMINDER' && !u.answeredAt);
  const pending = p.extension.requests.find((r) => r.approved === null);
  const left = p.extension.maxDays - p.extension.daysGranted;
  return {
    signForReceipt: (
      <ActionForm
        name="signForReceipt"
        label="签收"
        onDone={onDone}
        submit={(_, requestId) => request(SignForReceipt, { id, requestId })}
      >
        确认签收该转送/交办事项。签收后开始计算告知期限（15日）和异议期（5个工作日）。
      </ActionForm>
    ),
    raiseObjection: (
      <ActionForm<{ reason: string }>
        name="raiseObjection"
        label="提出异议"
        onDone={onDone}
        submit={(v, requestId) => request(RaiseObjection, { id, ...v, requestId })}
      >
        {field('reason', '异议理由', true, 3)}
      </ActionForm>
    ),
    chooseRoute: (
      <ActionForm<{ route: HandlingRoute; note?: string }>
        name="chooseRoute"
        label="选择处理途径"
        onDone={onDone}
        submit={(v, requestId) => request(ChooseRoute, { id, ...v, requestId })}
      >
        <Form.Item name="route" label="途径（第三十一条）" rules={[{ required: true, message: '请选择途径' }]}>
          <Radio.Group data-testid="field-route" options={choices(HANDLING_ROUTE_LABELS)} />
        </Form.Item>
        {field('note', '备注', false)}
      </ActionForm>
    ),
    replyPetition: (
      <ActionForm<{ outcome: ReplyOutcome; text: string; basis?: string; deliveredAt?: string }>
        name="replyPetition"
        label={
          p.status === 'HANDLING'
            ? '出具信访处理意见书'
            : p.status === 'UNDER_REVIEW'
              ? '出具复查意见书'
              : '出具复核意见书'
        }
        onDone={onDone}
        submit={(v, requestId) => request(Reply, { id, ...v, deliveredAt: fromLocalInput(v.deliveredAt), requestId })}
      >
        <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Radio.Group
            data-testid="field-outcome"
            // The path says what its answer may say; an empty list leaves every outcome to the API to judge.
            options={choices(OUTCOME_LABELS, p.path.outcomes.length ? p.path.outcomes : undefined)}
          />
        </Form.Item>
        {field('text', '意见正文', true, 6)}
        {field('basis', '依据', false, 2)}
        <Form.Item name="deliveredAt" label="送达时间（默认现在）">
          <Input data-testid="field-deliveredAt" type="datetime-local" />
        </Form.Item>
      </ActionForm>
    ),
    requestExtension: (
      <ActionForm<{ days: number; reason: string }>
        name="requestExtension"
        label="申请延期"
        onDone={onDone}
        submit={(v, requestId) => request(RequestExtension, { id, ...v, requestId })}
      >
        <Form.Item
          name="days"
          label={`延期天数（尚可延 ${left} 日）`}
          rules={[{ required: true, message: '请填写天数' }]}
        >
          <InputNumber data-testid="field-days" min={1} precision={0} />
        </Form.Item>
        {field('reason', '延期理由', true, 3)}
      </ActionForm>
    ),
    decideExtension: (
      <ActionForm<{ approve: boolean; note?: string }>
        name="decideExtension"
        label="延期审批"
        onDone={onDone}
        submit={(v, requestId) => request(DecideExtension, { id, ...v, requestId })}
      >
        {pending && (
          <p>
            申请延期 {pending.days} 日：{pending.reason}
          </p>
        )}
        <Form.Item name="approve" label="决定" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            data-testid="field-approve"
            options={[
              { value: true, label: '批准' },
              { value: false, label: '不批准' },
            ]}
          />
        </Form.Item>
        {field('note', '意见', false)}
      </ActionForm>
    ),
    startHearing: (
      <ActionForm<{ note?: string }>
        name="startHearing"
        label="开始听证"
        onDone={onDone}
        submit={(v, requestId) => request(StartHearing, { id, ...v, requestId })}
      >
        {field('note', '说明', false)}
      </ActionForm>
    ),
    endHearing: (
      <ActionForm<{ note?: string }>
        name="endHearing"
        label="结束听证"
        onDone={onDone}
        submit={(v, requestId) => request(EndHearing, { id, ...v, requestId })}
      >
        {field('note', '说明', false)}
      </ActionForm>
    ),
    answerUrge: (
      <ActionForm<{ urgeId: string; text: string }>
        name="answerUrge"
        label="答复督办"
        onDone={onDone}
        initialValues={{ urgeId: openUrges[0]?.id }}
        submit={(v, requestId) => request(AnswerUrge, { id, ...v, requestId })}
      >
        <Form.Item name="urgeId" label="督办" rules={[{ required: true, message: '请选择督办' }]}>
          <Select
            data-testid="field-urgeId"
            options={openUrges.map((u) => ({ value: u.id, label: `${u.message}（${u.issuedAt.slice(0, 10)}）` }))}
          />
        </Form.Item>
        {field('text', '答复内容', true, 4)}
      </ActionForm>
    ),
    recordAgreement: (
      <ActionForm<{ kind: AgreementKind; text: string }>
        name="recordAgreement"
        label="调解/和解协议"
        onDone={onDone}
        submit={(v, requestId) => request(RecordAgreement, { id, ...v, requestId })}
      >
        <Form.Item name="kind" label="协议" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group data-testid="field-kind" options={choices(AGREEMENT_LABELS)} />
        </Form.Item>
        {field('text', '协议内容', true, 4)}
      </ActionForm>
    ),
    submitAssignmentReport: (
      <ActionForm<{ text: string }>
        name="submitAssignmentReport"
        label="报送办结报告"
        onDone={onDone}
        submit={(v, requestId) => request(SubmitAssignmentReport, { id, ...v, requestId })}
      >
        {field('text', '办结报告', true, 5)}
      </ActionForm>
    ),
  };
}
