/**
 * 案件: one petition as the API answers it for this principal: the petitioner masked where the API masks it,
 * the content, every deadline with its article, the timeline, and the actions this principal may take now.
 */
import { Button, Descriptions, List, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import { CaseActions } from '../case/CaseActions';
import { CaseDocument, type Petition } from '../case/case-document';
import { Materials } from '../case/Materials';
import { ErrorAlert } from '../components/ErrorAlert';
import { ApiError } from '../api/client';
import type { Role } from '../gql/graphql';
import { printHref } from '../lib/hash-route';
import { CATEGORY_LABELS, CHANNEL_LABELS, DEADLINE_LABELS, shortTime, STATUS_LABELS } from '../lib/labels';
import { useUnits } from '../lib/units';

export default function CasePage(props: { id: string; role: Role }) {
  const [petition, setPetition] = useState<Petition | null>(null);
  const [error, setError] = useState<unknown>(null);
  const units = useUnits();

  const load = useCallback(() => {
    request(CaseDocument, { id: props.id })
      .then((data) =>
        data.petition ? setPetition(data.petition) : setError(new ApiError('未找到该信访事项', 'NOT_FOUND', null)),
      )
      .catch(setError);
  }, [props.id]);
  useEffect(load, [load]);

  if (error) return <ErrorAlert error={error} />;
  if (!petition) return <Spin />;
  const p = petition.petitioner;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {petition.id} {petition.summary}
      </Typography.Title>
      <CaseActions petition={petition} units={units} onDone={load} role={props.role} />
      <Materials petition={petition} role={props.role} onDone={load} />
      <Space>
        <Button data-testid="print-link-notice" href={printHref(petition.id, 'notice')} disabled={!petition.acceptedAt}>
          打印受理告知书
        </Button>
        <Button data-testid="print-link-opinion" href={printHref(petition.id, 'opinion')} disabled={!petition.reply}>
          打印信访处理意见书
        </Button>
      </Space>
      <Descriptions bordered column={2} size="small">
        <Descriptions.Item label="状态">
          <span data-testid="case-status" data-status={petition.status}>
            {STATUS_LABELS[petition.status]}
          </span>
          {petition.escalationProposed && <Tag color="orange">建议提级包案</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="类别">{CATEGORY_LABELS[petition.category]}</Descriptions.Item>
        <Descriptions.Item label="渠道">{CHANNEL_LABELS[petition.channel]}</Descriptions.Item>
        <Descriptions.Item label="收到时间">{shortTime(petition.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{petition.unit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="适用条款">{petition.path.article}</Descriptions.Item>
        <Descriptions.Item label="信访人">
          <span data-testid="petitioner">
            {p.name} {p.masked && <Tag>已脱敏</Tag>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="身份证号">{p.idNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="电话">{p.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="地址">{p.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{petition.content}</Typography.Paragraph>
        </Descriptions.Item>
        {petition.reply && (
          <Descriptions.Item label="处理意见" span={2}>
            {petition.reply.text}
          </Descriptions.Item>
        )}
      </Descriptions>
      {petition.possibleRepeats.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>疑似重复信访</Typography.Text>}
          bordered
          dataSource={petition.possibleRepeats}
          renderItem={(r) => (
            <List.Item data-testid="possible-repeat">
              {r.petitionId} · {STATUS_LABELS[r.status]} · {r.reasons.join('、')}
            </List.Item>
          )}
        />
      )}
      {petition.urges.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>督办 / 催办</Typography.Text>}
          bordered
          dataSource={petition.urges}
          renderItem={(u) => (
            <List.Item>
              {shortTime(u.issuedAt)} · {u.message}
              {u.dueAt ? ` · 答复期限 ${shortTime(u.dueAt)}` : ''}
              {u.answeredAt ? ` · 已答复：${u.answer ?? ''}` : ''}
            </List.Item>
          )}
        />
      )}
      {petition.escalation && (
        <List
          size="small"
          header={
            <Typography.Text strong>
              提级包案：{petition.escalation.leaderId} · {petition.escalation.reason}
            </Typography.Text>
          }
          bordered
          dataSource={petition.escalation.instructions}
          renderItem={(i) => (
            <List.Item>
              {shortTime(i.at)} 批示：{i.text}
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={4}>期限</Typography.Title>
      <Table
        size="small"
        rowKey={(d) => `${d.kind}-${d.startedAt}`}
        pagination={false}
        dataSource={petition.deadlines}
        columns={[
          { title: '期限', key: 'kind', render: (_, d) => DEADLINE_LABELS[d.kind] },
          { title: '依据', dataIndex: 'article' },
          { title: '起算', key: 'startedAt', render: (_, d) => shortTime(d.startedAt) },
          { title: '最后一日', key: 'lastDay', render: (_, d) => d.lastDay ?? '—' },
          {
            title: '情况',
            key: 'state',
            render: (_, d) =>
              d.overdue ? (
                <Tag color="red">超期</Tag>
              ) : d.met ? (
                <Tag color="green">已完成</Tag>
              ) : d.paused ? (
                <Tag>暂停</Tag>
              ) : (
                <Tag color="blue">进行中</Tag>
              ),
          },
        ]}
      />
      <Typography.Title level={4}>办理过程</Typography.Title>
      <Timeline
        items={petition.timeline.map((event) => ({
          key: event.seq,
          children: (
            <span>
              {shortTime(event.at)} · {event.type}
              {event.actor ? ` · ${event.actor.role} ${event.actor.id}` : ''}
              {event.note ? ` · ${event.note}` : ''}
            </span>
          ),
        }))}
      />
    </Space>
  );
}
