/**
 * The supervisor's and leader's boards: one `petitions(filter)` each — 超期 (overdue), 预警 (dueSoon), 建议提级包案
 * (escalationProposed), 包案事项 (escalated; a leader sees only their own, as the API decides).
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { graphql } from '../gql';
import type { BoardQuery, PetitionFilter, PetitionSort } from '../gql/graphql';
import { caseHref, type BoardKind } from '../lib/hash-route';
import { shortTime, STATUS_LABELS } from '../lib/labels';
import { LIGHT_COLORS, lightOf } from '../lib/lights';

const BoardDocument = graphql(`
  query Board($filter: PetitionFilter, $after: String, $sort: PetitionSort) {
    petitions(filter: $filter, first: 50, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          summary
          dueAt
          overdue
          dueSoon
          escalationProposed
          unit {
            name
          }
          urges {
            id
            answeredAt
            kind
          }
          escalation {
            leaderId
            at
          }
        }
      }
    }
  }
`);

type Row = BoardQuery['petitions']['edges'][number]['node'];

const BOARDS: Record<BoardKind, { title: string; filter: PetitionFilter; sort: PetitionSort }> = {
  overdue: { title: '超期督办', filter: { overdue: true }, sort: 'DUE_ASC' },
  dueSoon: { title: '预警', filter: { dueSoon: true }, sort: 'DUE_ASC' },
  escalationProposed: { title: '建议提级包案', filter: { escalationProposed: true }, sort: 'RECEIVED_DESC' },
  escalated: { title: '包案事项', filter: { escalated: true }, sort: 'RECEIVED_DESC' },
};

export default function BoardPage(props: { kind: BoardKind }) {
  const board = BOARDS[props.kind];
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = (after: string | null) => {
    setLoading(true);
    request(BoardDocument, { filter: board.filter, sort: board.sort, after })
      .then(({ petitions }) => {
        setRows((before) => [...(after ? before : []), ...petitions.edges.map((e) => e.node)]);
        setTotal(petitions.totalCount);
        setNext(petitions.pageInfo.hasNextPage ? (petitions.pageInfo.endCursor ?? null) : null);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  };
  // A board is read afresh when its kind changes, and only then.
  useEffect(() => load(null), [props.kind]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {board.title} <Tag data-testid="board-count">{total} 件</Tag>
      </Typography.Title>
      <ErrorAlert error={error} />
      <Table<Row>
        data-testid={`board-${props.kind}`}
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'board-row', 'data-id': row.id }) as object}
        columns={[
          {
            title: '期限',
            key: 'light',
            width: 150,
            render: (_, row) => {
              const light = lightOf(row);
              return (
                <Tag color={LIGHT_COLORS[light.light]} data-light={light.light} data-testid="board-light">
                  {light.label}
                </Tag>
              );
            },
          },
          { title: '编号', key: 'id', render: (_, row) => <a href={caseHref(row.id)}>{row.id}</a> },
          { title: '摘要', dataIndex: 'summary' },
          { title: '状态', key: 'status', render: (_, row) => STATUS_LABELS[row.status] },
          { title: '责任单位', key: 'unit', render: (_, row) => row.unit?.name ?? '—' },
          { title: '到期', key: 'dueAt', render: (_, row) => shortTime(row.dueAt) },
          {
            title: '督办',
            key: 'urges',
            render: (_, row) => {
              const urges = row.urges.filter((u) => u.kind !== 'REMINDER');
              const open = urges.filter((u) => !u.answeredAt).length;
              return urges.length ? `${urges.length} 次${open ? `（${open} 未答复）` : ''}` : '—';
            },
          },
          {
            title: '包案',
            key: 'escalation',
            render: (_, row) =>
              row.escalation ? (
                `${row.escalation.leaderId} · ${shortTime(row.escalation.at)}`
              ) : row.escalationProposed ? (
                <Tag color="orange">建议提级</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {next && (
        <Button data-testid="board-more" onClick={() => load(next)}>
          加载更多
        </Button>
      )}
    </Space>
  );
}
