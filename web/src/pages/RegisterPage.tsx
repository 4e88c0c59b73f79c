/**
 * 登记: registerPetition's form. Its fields are named by the input's paths (input.petitioner.name, …), which are
 * the paths the API names in `extensions.field`, so a refusal lands beside its field. A unit handler registers
 * only what was brought directly to their own unit (Art. 23 ¶2).
 */
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, request } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { graphql } from '../gql';
import type { RegisterPetitionInput, ViewerQuery } from '../gql/graphql';
import { fromLocalInput } from '../lib/datetime';
import { placeFieldError } from '../lib/form-errors';
import { withoutBlanks } from '../lib/form-values';
import { caseHref } from '../lib/hash-route';
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../lib/labels';
import { choices } from '../lib/choice-labels';
import { newRequestId } from '../lib/request-id';
import { unitOptions, useUnits } from '../lib/units';

const RegisterDocument = graphql(`
  mutation RegisterPetition($input: RegisterPetitionInput!) {
    registerPetition(input: $input) {
      id
      status
      possibleRepeats {
        petitionId
      }
    }
  }
`);

type Values = { input: RegisterPetitionInput };

export default function RegisterPage(props: { viewer: NonNullable<ViewerQuery['viewer']> }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const units = useUnits();
  const { message } = App.useApp();
  const handler = props.viewer.role === 'UNIT_HANDLER';

  const send = async ({ input }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { registerPetition: p } = await request(RegisterDocument, {
        input: withoutBlanks({ ...input, receivedAt: fromLocalInput(input.receivedAt), requestId }),
      });
      void message.success(
        `已登记 ${p.id}${p.possibleRepeats.length ? `，疑似重复 ${p.possibleRepeats.length} 件，请在案件页确认或排除` : ''}`,
      );
      window.location.hash = caseHref(p.id);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'TIMEOUT')) setRequestId(newRequestId());
      if (!placeFieldError(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: string[], label: string, required = false) => (
    <Form.Item
      name={['input', ...name]}
      label={label}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      <Input data-testid={`field-${name.join('.')}`} />
    </Form.Item>
  );

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3}>登记信访事项</Typography.Title>
      <ErrorAlert error={error} testId="register-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="form-registerPetition"
        onFinish={send}
        initialValues={{ input: { channel: 'VISIT', ...(handler ? { directUnitId: props.viewer.unitId } : {}) } }}
      >
        <Card size="small" title="信访人">
          <Row gutter={16}>
            <Col span={12}>{text(['petitioner', 'name'], '姓名', true)}</Col>
            <Col span={12}>{text(['petitioner', 'idNumber'], '身份证号')}</Col>
            <Col span={12}>{text(['petitioner', 'phone'], '电话')}</Col>
            <Col span={12}>{text(['petitioner', 'address'], '地址')}</Col>
          </Row>
        </Card>
        <Card size="small" title="信访事项" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name={['input', 'channel']} label="渠道" rules={[{ required: true }]}>
                <Select data-testid="field-channel" options={choices(CHANNEL_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['input', 'category']} label="类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select data-testid="field-category" options={choices(CATEGORY_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['input', 'receivedAt']} label="收到时间（默认现在）">
                <Input data-testid="field-receivedAt" type="datetime-local" />
              </Form.Item>
            </Col>
          </Row>
          {text(['summary'], '摘要', true)}
          <Form.Item name={['input', 'content']} label="内容" rules={[{ required: true, message: '请填写内容' }]}>
            <Input.TextArea data-testid="field-content" rows={6} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name={['input', 'respondentUnitId']} label="被反映单位">
                <Select
                  data-testid="field-respondentUnitId"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={unitOptions(units)}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['input', 'directUnitId']} label="直接向单位提出（第二十三条第二款）">
                <Select
                  data-testid="field-directUnitId"
                  allowClear={!handler}
                  disabled={handler}
                  showSearch
                  optionFilterProp="label"
                  options={unitOptions(units)}
                />
              </Form.Item>
            </Col>
            <Col span={8}>{text(['repeatOf'], '重复信访的在先事项编号')}</Col>
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }} data-testid="register-submit">
          登记
        </Button>
      </Form>
    </Space>
  );
}
