/**
 * 待办: the principal's petitions soonest due first, each with its deadline light and days left; filters as in
 * `petitions(filter)`, Chinese full-text search with the API's highlights, paging by cursor.
 */
import { Alert, Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { graphql } from '../gql';
import type { Category, PetitionFilter, PetitionStatus, TodoListQuery, ViewerQuery } from '../gql/graphql';
import { caseHref } from '../lib/hash-route';
import { renderHighlight } from '../lib/highlight';
import { CATEGORY_LABELS, shortTime, STATUS_LABELS } from '../lib/labels';
import { LIGHT_COLORS, lightOf } from '../lib/lights';

const TodoListDocument = graphql(`
  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {
    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        highlight
        node {
          id
          status
          summary
          category
          receivedAt
          dueAt
          overdue
          dueSoon
          unit {
            id
            name
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
type Edge = TodoListQuery['petitions']['edges'][number];
const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export default function TodoList(props: { viewer: NonNullable<ViewerQuery['viewer']> }) {
  const [statuses, setStatuses] = useState<PetitionStatus[]>([]);
  const [category, setCategory] = useState<Category | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const [text, setText] = useState('');
  // The cursors of the pages before this one: "previous" goes back without the API paging backwards.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [data, setData] = useState<TodoListQuery['petitions'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const after = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    const filter: PetitionFilter = {
      ...(statuses.length ? { status: statuses } : {}),
      ...(category ? { category } : {}),
      ...(overdue ? { overdue: true } : {}),
      ...(dueSoon ? { dueSoon: true } : {}),
      ...(text ? { text } : {}),
    };
    setLoading(true);
    request(TodoListDocument, { filter, first: PAGE_SIZE, after })
      .then((answer) => {
        setData(answer.petitions);
        setError(null);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setLoading(false));
  }, [statuses, category, overdue, dueSoon, text, after]);

  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setCursors([null]);
      set(value);
    };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>待办</Typography.Title>
      <Space wrap>
        <Input.Search
          data-testid="search"
          placeholder="全文检索（摘要、内容）"
          allowClear
          onSearch={refilter(setText)}
          style={{ width: 280 }}
        />
        <Select
          mode="multiple"
          placeholder="状态"
          style={{ minWidth: 160 }}
          options={options(STATUS_LABELS)}
          onChange={refilter(setStatuses)}
        />
        <Select
          placeholder="类别"
          allowClear
          style={{ width: 120 }}
          options={options(CATEGORY_LABELS)}
          onChange={refilter((value: Category | undefined) => setCategory(value ?? null))}
        />
        <Checkbox onChange={(e) => refilter(setOverdue)(e.target.checked)}>超期</Checkbox>
        <Checkbox onChange={(e) => refilter(setDueSoon)(e.target.checked)}>预警</Checkbox>
      </Space>
      {error && <Alert type="error" message={error} />}
      <Table<Edge>
        data-testid="todo-table"
        rowKey={(edge) => edge.node.id}
        onRow={(edge) => ({ 'data-testid': 'todo-row', 'data-id': edge.node.id }) as object}
        loading={loading}
        dataSource={data?.edges ?? []}
        pagination={false}
        columns={[
          {
            title: '期限',
            key: 'light',
            width: 150,
            render: (_, { node }) => {
              const light = lightOf(node);
              return (
                <Tag color={LIGHT_COLORS[light.light]} data-light={light.light} data-testid="todo-light">
                  {light.label}
                </Tag>
              );
            },
          },
          { title: '编号', key: 'id', render: (_, { node }) => <a href={caseHref(node.id)}>{node.id}</a> },
          {
            title: '摘要',
            key: 'summary',
            render: (_, edge) => (edge.highlight ? renderHighlight(edge.highlight) : edge.node.summary),
          },
          { title: '类别', key: 'category', render: (_, { node }) => CATEGORY_LABELS[node.category] },
          { title: '状态', key: 'status', render: (_, { node }) => STATUS_LABELS[node.status] },
          { title: '责任单位', key: 'unit', render: (_, { node }) => node.unit?.name ?? '—' },
          { title: '到期', key: 'dueAt', render: (_, { node }) => shortTime(node.dueAt) },
        ]}
      />
      <Space>
        <span>共 {data?.totalCount ?? 0} 件</span>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          上一页
        </Button>
        <Button
          disabled={!data?.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, data?.pageInfo.endCursor ?? null])}
        >
          下一页
        </Button>
        <Typography.Text type="secondary">{props.viewer.unitId ? `单位 ${props.viewer.unitId}` : ''}</Typography.Text>
      </Space>
    </Space>
  );
}
