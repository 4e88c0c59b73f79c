/**
 * 第三方评议: the panels this principal may see (a member sees their own, as the API decides) and, for the
 * supervisor, a new panel convened over delivered petitions (conveneEvaluationPanel).
 */
import { Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ViewerQuery } from '../gql/graphql';
import { panelHref } from '../lib/hash-route';
import { shortTime } from '../lib/labels';
import { ConvenePanel } from '../panels/ConvenePanel';
import { PanelsDocument, type PanelRow } from '../panels/panel-documents';

export default function PanelsPage(props: { viewer: NonNullable<ViewerQuery['viewer']> }) {
  const [panels, setPanels] = useState<PanelRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const mayConvene = props.viewer.role === 'SUPERVISOR' || props.viewer.role === 'ADMIN';

  const load = useCallback(() => {
    setLoading(true);
    request(PanelsDocument, { filter: null })
      .then((data) => {
        setPanels(data.panels);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>第三方评议</Typography.Title>
      {mayConvene && <ConvenePanel onDone={load} />}
      <ErrorAlert error={error} />
      <Table<PanelRow>
        data-testid="panels-table"
        rowKey="id"
        loading={loading}
        dataSource={panels}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'panel-row', 'data-id': row.id }) as object}
        columns={[
          { title: '评议会', key: 'title', render: (_, row) => <a href={panelHref(row.id)}>{row.title}</a> },
          {
            title: '状态',
            key: 'status',
            render: (_, row) => (row.status === 'OPEN' ? <Tag color="blue">评议中</Tag> : <Tag>已结束</Tag>),
          },
          { title: '委员', key: 'members', render: (_, row) => row.members.length },
          { title: '案件', key: 'cases', render: (_, row) => row.cases.length },
          { title: '法定票数', dataIndex: 'quorum' },
          { title: '召集', key: 'convenedAt', render: (_, row) => shortTime(row.convenedAt) },
          { title: '截止', key: 'deadlineAt', render: (_, row) => shortTime(row.deadlineAt) },
        ]}
      />
    </Space>
  );
}
