/**
 * 评议会: one panel, its members and cases. A member (REVIEWER) gives their verdict on each case
 * (recordEvaluation: the same again is harmless, a new one replaces it); the supervisor records who was present
 * (recordAttendance).
 */
import { Descriptions, Form, Input, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import { ActionForm } from '../components/ActionForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { graphql } from '../gql';
import type { Verdict, ViewerQuery } from '../gql/graphql';
import { choices, OUTCOME_LABELS, PANELIST_LABELS, VERDICT_LABELS } from '../lib/choice-labels';
import { caseHref } from '../lib/hash-route';
import { shortTime, STATUS_LABELS } from '../lib/labels';
import { PanelDocument, type PanelDetail } from '../panels/panel-documents';

const RecordEvaluation = graphql(`
  mutation RecordEvaluation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {
    recordEvaluation(
      panelId: $panelId
      petitionId: $petitionId
      verdict: $verdict
      comment: $comment
      requestId: $requestId
    ) {
      id
    }
  }
`);
const RecordAttendance = graphql(`
  mutation RecordAttendance($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {
    recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) {
      id
    }
  }
`);

type Case = PanelDetail['cases'][number];

export default function PanelPage(props: { id: string; viewer: NonNullable<ViewerQuery['viewer']> }) {
  const [panel, setPanel] = useState<PanelDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { role, memberId } = props.viewer;
  const voter = role === 'REVIEWER' || role === 'ADMIN';
  const supervisor = role === 'SUPERVISOR' || role === 'ADMIN';

  const load = useCallback(() => {
    request(PanelDocument, { id: props.id })
      .then((data) => (data.panel ? setPanel(data.panel) : setError(new Error('未找到该评议会'))))
      .catch(setError);
  }, [props.id]);
  useEffect(load, [load]);

  if (error) return <ErrorAlert error={error} />;
  if (!panel) return <Spin />;
  const open = panel.status === 'OPEN';
  const mine = (petitionId: string) =>
    panel.evaluations.find((e) => e.petitionId === petitionId && e.memberId === memberId);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{panel.title}</Typography.Title>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label="状态">{open ? '评议中' : '已结束'}</Descriptions.Item>
        <Descriptions.Item label="截止">{shortTime(panel.deadlineAt)}</Descriptions.Item>
        <Descriptions.Item label="法定票数">{panel.quorum}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {panel.members.map((m) => (
          <Tag key={m.memberId} color={m.voted ? 'green' : m.attended ? 'blue' : 'default'}>
            {m.name} · {PANELIST_LABELS[m.kind]}
            {m.voted ? ' · 已评' : m.attended ? ' · 到会' : ''}
          </Tag>
        ))}
        {supervisor && open && (
          <ActionForm<{ memberIds: string[] }>
            name="recordAttendance"
            label="登记到会"
            onDone={load}
            initialValues={{ memberIds: panel.members.filter((m) => m.attended).map((m) => m.memberId) }}
            submit={(v, requestId) => request(RecordAttendance, { panelId: panel.id, ...v, requestId })}
          >
            <Form.Item name="memberIds" label="到会委员" rules={[{ required: true, message: '请选择' }]}>
              <Select
                data-testid="field-memberIds"
                mode="multiple"
                options={panel.members.map((m) => ({ value: m.memberId, label: m.name }))}
              />
            </Form.Item>
          </ActionForm>
        )}
      </Space>
      <Table<Case>
        data-testid="panel-cases"
        rowKey={(c) => c.petition?.id ?? ''}
        pagination={false}
        dataSource={panel.cases}
        columns={[
          {
            title: '事项',
            key: 'id',
            render: (_, c) => (c.petition ? <a href={caseHref(c.petition.id)}>{c.petition.id}</a> : '—'),
          },
          { title: '摘要', key: 'summary', render: (_, c) => c.petition?.summary ?? '—' },
          { title: '状态', key: 'status', render: (_, c) => (c.petition ? STATUS_LABELS[c.petition.status] : '—') },
          {
            title: '处理结果',
            key: 'outcome',
            render: (_, c) => (c.petition?.reply ? OUTCOME_LABELS[c.petition.reply.outcome] : '—'),
          },
          { title: '票数', dataIndex: 'votes' },
          { title: '评议结论', key: 'verdict', render: (_, c) => (c.verdict ? VERDICT_LABELS[c.verdict] : '—') },
          {
            title: '我的评议',
            key: 'vote',
            render: (_, c) => {
              const petitionId = c.petition?.id;
              if (!petitionId) return '—';
              const given = mine(petitionId);
              return (
                <Space data-testid={`vote-${petitionId}`}>
                  {given && <Tag color="green">{VERDICT_LABELS[given.verdict]}</Tag>}
                  {voter && open && (
                    <ActionForm<{ verdict: Verdict; comment?: string }>
                      name={`recordEvaluation-${petitionId}`}
                      label={given ? '改评' : '评议'}
                      onDone={load}
                      initialValues={given ? { verdict: given.verdict, comment: given.comment ?? undefined } : {}}
                      submit={(v, requestId) =>
                        request(RecordEvaluation, { panelId: panel.id, petitionId, ...v, requestId })
                      }
                    >
                      <Form.Item name="verdict" label="评议意见" rules={[{ required: true, message: '请选择' }]}>
                        <Radio.Group data-testid="field-verdict" options={choices(VERDICT_LABELS)} />
                      </Form.Item>
                      <Form.Item name="comment" label="说明">
                        <Input.TextArea data-testid="field-comment" rows={3} />
                      </Form.Item>
                    </ActionForm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}
