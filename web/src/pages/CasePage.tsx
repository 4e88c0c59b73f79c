/**
 * 案件: one petition as the API answers it for this principal: the petitioner masked where the API masks it,
 * the content, every deadline with its article, and the timeline.
 */
import { Alert, Descriptions, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { graphql } from '../gql';
import type { CaseQuery } from '../gql/graphql';
import { CATEGORY_LABELS, CHANNEL_LABELS, DEADLINE_LABELS, shortTime, STATUS_LABELS } from '../lib/labels';

const CaseDocument = graphql(`
  query Case($id: ID!) {
    petition(id: $id) {
      id
      status
      summary
      content
      category
      channel
      receivedAt
      overdue
      dueSoon
      unit {
        name
      }
      petitioner {
        name
        idNumber
        phone
        address
        masked
      }
      deadlines {
        kind
        article
        startedAt
        dueAt
        lastDay
        met
        overdue
        paused
      }
      timeline {
        seq
        type
        at
        note
        actor {
          id
          role
        }
      }
    }
  }
`);

type Petition = NonNullable<CaseQuery['petition']>;

export default function CasePage(props: { id: string }) {
  const [petition, setPetition] = useState<Petition | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request(CaseDocument, { id: props.id })
      .then((data) => (data.petition ? setPetition(data.petition) : setError('未找到该信访事项')))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [props.id]);

  if (error) return <Alert type="error" message={error} />;
  if (!petition) return <Spin />;
  const p = petition.petitioner;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {petition.id} {petition.summary}
      </Typography.Title>
      <Descriptions bordered column={2} size="small">
        <Descriptions.Item label="状态">{STATUS_LABELS[petition.status]}</Descriptions.Item>
        <Descriptions.Item label="类别">{CATEGORY_LABELS[petition.category]}</Descriptions.Item>
        <Descriptions.Item label="渠道">{CHANNEL_LABELS[petition.channel]}</Descriptions.Item>
        <Descriptions.Item label="收到时间">{shortTime(petition.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{petition.unit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="信访人">
          <span data-testid="petitioner">
            {p.name} {p.masked && <Tag>已脱敏</Tag>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="身份证号">{p.idNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="电话">{p.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="地址" span={2}>
          {p.address ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{petition.content}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
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
