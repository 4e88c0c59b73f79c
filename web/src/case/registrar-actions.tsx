/**
 * The registrar's actions on a case (docs/api.md, registration and appeals): 受理, 转送/交办, 不予受理, 疑似重复
 * confirmed or dismissed, 异议 decided, 满意度 and 复查/复核 requests recorded on the petitioner's behalf.
 */
import { AutoComplete, Form, Input, InputNumber, Radio, Select } from 'antd';
import { request } from '../api/client';
import { ActionForm } from '../components/ActionForm';
import { graphql } from '../gql';
import type { DeclineReason, RatingTarget, RequestedVia, RouteMode, SatisfactionLevel } from '../gql/graphql';
import {
  choices,
  DECLINE_LABELS,
  RATING_TARGET_LABELS,
  REQUESTED_VIA_LABELS,
  ROUTE_MODE_LABELS,
  SATISFACTION_LABELS,
} from '../lib/choice-labels';
import { fromLocalInput } from '../lib/datetime';
import { unitOptions, type UnitRow } from '../lib/units';
import type { ActionContext } from './action-context';

const Accept = graphql(`
  mutation AcceptPetition($id: ID!, $unitId: String, $note: String, $requestId: String) {
    acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) {
      id
      status
    }
  }
`);
const Route = graphql(`
  mutation RoutePetition(
    $id: ID!
    $unitId: String!
    $mode: RouteMode!
    $note: String
    $dueDays: Int
    $requestId: String
  ) {
    routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note, dueDays: $dueDays, requestId: $requestId) {
      id
      status
    }
  }
`);
const Decline = graphql(`
  mutation DeclinePetition($id: ID!, $reason: DeclineReason!, $note: String, $requestId: String) {
    declinePetition(id: $id, reason: $reason, note: $note, requestId: $requestId) {
      id
      status
    }
  }
`);
const ConfirmRepeat = graphql(`
  mutation ConfirmRepeat($id: ID!, $repeatOf: ID!, $note: String, $requestId: String) {
    confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note, requestId: $requestId) {
      id
      status
    }
  }
`);
const DismissRepeat = graphql(`
  mutation DismissRepeat($id: ID!, $candidateId: ID!, $note: String, $requestId: String) {
    dismissRepeat(id: $id, candidateId: $candidateId, note: $note, requestId: $requestId) {
      id
      status
    }
  }
`);
const DecideObjection = graphql(`
  mutation DecideObjection($id: ID!, $agree: Boolean!, $note: String, $requestId: String) {
    decideObjection(id: $id, agree: $agree, note: $note, requestId: $requestId) {
      id
      status
    }
  }
`);
const RecordSatisfaction = graphql(`
  mutation RecordSatisfaction($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget, $requestId: String) {
    recordSatisfaction(id: $id, level: $level, target: $target, requestId: $requestId) {
      id
      status
    }
  }
`);
const RequestReview = graphql(`
  mutation RequestReview(
    $id: ID!
    $reason: String
    $reviewUnitId: String
    $requestedAt: DateTime
    $requestedVia: RequestedVia
    $requestId: String
  ) {
    requestReview(
      id: $id
      reason: $reason
      reviewUnitId: $reviewUnitId
      requestedAt: $requestedAt
      requestedVia: $requestedVia
      requestId: $requestId
    ) {
      id
      status
    }
  }
`);

const note = (
  <Form.Item name="note" label="备注">
    <Input.TextArea data-testid="field-note" rows={2} />
  </Form.Item>
);

function unitSelect(units: readonly UnitRow[], name: string, label: string, required: boolean) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <Select
        data-testid={`field-${name}`}
        showSearch
        allowClear
        optionFilterProp="label"
        options={unitOptions(units)}
      />
    </Form.Item>
  );
}

export function registrarActionForms({ petition: p, units, onDone }: ActionContext) {
  const id = p.id;
  const repeatOptions = p.possibleRepeats.map((r) => ({ value: r.petitionId, label: r.petitionId }));
  return {
    acceptPetition: (
      <ActionForm<{ unitId?: string; note?: string }>
        name="acceptPetition"
        label="受理"
        onDone={onDone}
        initialValues={{ unitId: p.unit?.id }}
        submit={(v, requestId) => request(Accept, { id, ...v, requestId })}
      >
        {unitSelect(units, 'unitId', '承办单位（交办）', false)}
        {note}
      </ActionForm>
    ),
    routePetition: (
      <ActionForm<{ unitId: string; mode: RouteMode; dueDays?: number; note?: string }>
        name="routePetition"
        label="转送/交办"
        onDone={onDone}
        initialValues={{ mode: 'TRANSFER' }}
        submit={(v, requestId) => request(Route, { id, ...v, requestId })}
      >
        {unitSelect(units, 'unitId', '有权处理的单位', true)}
        <Form.Item name="mode" label="方式" rules={[{ required: true }]}>
          <Radio.Group data-testid="field-mode" options={choices(ROUTE_MODE_LABELS)} />
        </Form.Item>
        <Form.Item name="dueDays" label="指定办理期限（日，交办）">
          <InputNumber data-testid="field-dueDays" min={1} precision={0} />
        </Form.Item>
        {note}
      </ActionForm>
    ),
    declinePetition: (
      <ActionForm<{ reason: DeclineReason; note?: string }>
        name="declinePetition"
        label="不予受理"
        danger
        onDone={onDone}
        submit={(v, requestId) => request(Decline, { id, ...v, requestId })}
      >
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请选择理由' }]}>
          <Select data-testid="field-reason" options={choices(DECLINE_LABELS)} />
        </Form.Item>
        {note}
      </ActionForm>
    ),
    confirmRepeat: (
      <ActionForm<{ repeatOf: string; note?: string }>
        name="confirmRepeat"
        label="确认重复信访"
        danger
        onDone={onDone}
        initialValues={{ repeatOf: p.possibleRepeats[0]?.petitionId }}
        submit={(v, requestId) => request(ConfirmRepeat, { id, ...v, requestId })}
      >
        <Form.Item name="repeatOf" label="重复的在先事项" rules={[{ required: true, message: '请填写在先事项编号' }]}>
          <AutoComplete
            data-testid="field-repeatOf"
            options={repeatOptions}
            placeholder="疑似重复事项，或同一信访人的在先事项编号"
          />
        </Form.Item>
        {note}
      </ActionForm>
    ),
    dismissRepeat: (
      <ActionForm<{ candidateId: string; note?: string }>
        name="dismissRepeat"
        label="排除疑似重复"
        onDone={onDone}
        initialValues={{ candidateId: p.possibleRepeats[0]?.petitionId }}
        submit={(v, requestId) => request(DismissRepeat, { id, ...v, requestId })}
      >
        <Form.Item name="candidateId" label="疑似重复事项" rules={[{ required: true }]}>
          <Select data-testid="field-candidateId" options={repeatOptions} />
        </Form.Item>
        {note}
      </ActionForm>
    ),
    decideObjection: (
      <ActionForm<{ agree: boolean; note?: string }>
        name="decideObjection"
        label="异议审核"
        onDone={onDone}
        submit={(v, requestId) => request(DecideObjection, { id, ...v, requestId })}
      >
        <Form.Item name="agree" label="决定" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            data-testid="field-agree"
            options={[
              { value: true, label: '同意（退回重新转送）' },
              { value: false, label: '不同意（仍由该单位办理）' },
            ]}
          />
        </Form.Item>
        {note}
      </ActionForm>
    ),
    recordSatisfaction: (
      <ActionForm<{ level: SatisfactionLevel; target: RatingTarget }>
        name="recordSatisfaction"
        label="满意度评价"
        onDone={onDone}
        initialValues={{ target: 'UNIT' }}
        submit={(v, requestId) => request(RecordSatisfaction, { id, ...v, requestId })}
      >
        <Form.Item name="level" label="评价" rules={[{ required: true, message: '请选择评价' }]}>
          <Radio.Group data-testid="field-level" options={choices(SATISFACTION_LABELS)} />
        </Form.Item>
        <Form.Item name="target" label="评价对象">
          <Radio.Group data-testid="field-target" options={choices(RATING_TARGET_LABELS)} />
        </Form.Item>
      </ActionForm>
    ),
    requestReview: (
      <ActionForm<{ reason?: string; reviewUnitId?: string; requestedAt?: string; requestedVia?: RequestedVia }>
        name="requestReview"
        label={p.status === 'REVIEW_DELIVERED' ? '复核申请' : '复查申请'}
        onDone={onDone}
        submit={(v, requestId) =>
          request(RequestReview, { id, ...v, requestedAt: fromLocalInput(v.requestedAt), requestId })
        }
      >
        <Form.Item name="reason" label="申请理由">
          <Input.TextArea data-testid="field-reason" rows={3} />
        </Form.Item>
        {unitSelect(units, 'reviewUnitId', '复查/复核机关（默认上一级）', false)}
        <Form.Item name="requestedAt" label="信访人提出时间（默认现在）">
          <Input data-testid="field-requestedAt" type="datetime-local" />
        </Form.Item>
        <Form.Item name="requestedVia" label="时间依据">
          <Select data-testid="field-requestedVia" allowClear options={choices(REQUESTED_VIA_LABELS)} />
        </Form.Item>
      </ActionForm>
    ),
  };
}
