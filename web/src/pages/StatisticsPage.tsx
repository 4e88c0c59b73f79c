/**
 * 统计: the figures of `statistics` for a period and unit — a monthly trend (one query per month), bars per
 * responsible unit (one query per unit), the headline rates as gauges and every rate as bars — with the table
 * exported to .xlsx or .csv. A unit's principals get their own unit's figures whatever they ask (the API's rule).
 */
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { request } from '../api/client';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Rounding, StatisticsFilter, ViewerQuery } from '../gql/graphql';
import { currentMonth, monthStart, monthsUntil, nextMonth } from '../lib/datetime';
import { useUnits } from '../lib/units';
import { gaugesOption, ratesOption, trendOption, unitsOption } from '../statistics/chart-options';
import { exportCsv, exportXlsx, type ExportInput } from '../statistics/export';
import { figureRows, type FigureRow } from '../statistics/figure-rows';
import {
  StatisticsBriefDocument,
  StatisticsFiguresDocument,
  type Brief,
  type Figures,
} from '../statistics/statistics-documents';

interface Query {
  from: string;
  to: string;
  unitId: string | null;
  months: number;
  rounding: Rounding;
}

interface Answer {
  figures: Figures;
  trend: { month: string; brief: Brief }[];
  perUnit: { name: string; brief: Brief }[];
}

const filterOf = (q: Query, from: string, to: string, unitId = q.unitId): StatisticsFilter => ({
  from: monthStart(from),
  to: monthStart(nextMonth(to)),
  rounding: q.rounding,
  ...(unitId ? { unitId } : {}),
});

export default function StatisticsPage(props: { viewer: NonNullable<ViewerQuery['viewer']> }) {
  const units = useUnits();
  const month = currentMonth();
  const [query, setQuery] = useState<Query>({ from: month, to: month, unitId: null, months: 6, rounding: 'HALF_UP' });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  // Only a unit's principals are held to their unit: a registrar's or supervisor's unit (the bureau) limits nothing.
  const unitRole = props.viewer.role === 'UNIT_HANDLER' || props.viewer.role === 'UNIT_HEAD';
  const ownUnit = unitRole ? props.viewer.unitId : null;
  const handling = useMemo(() => units.filter((u) => u.kind === 'UNIT'), [units]);

  useEffect(() => {
    setLoading(true);
    const months = monthsUntil(query.to, query.months);
    // Per-unit bars only for the bureau's roles: a unit's own figures would repeat in every bar.
    const perUnit = ownUnit || query.unitId ? [] : handling;
    Promise.all([
      request(StatisticsFiguresDocument, { filter: filterOf(query, query.from, query.to) }),
      Promise.all(months.map((m) => request(StatisticsBriefDocument, { filter: filterOf(query, m, m) }))),
      Promise.all(
        perUnit.map((u) => request(StatisticsBriefDocument, { filter: filterOf(query, query.from, query.to, u.id) })),
      ),
    ])
      .then(([figures, trend, byUnit]) => {
        setAnswer({
          figures: figures.statistics,
          trend: trend.map((t, i) => ({ month: months[i]!, brief: t.statistics })),
          perUnit: byUnit.map((t, i) => ({ name: perUnit[i]!.name, brief: t.statistics })),
        });
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, [query, ownUnit, handling]);

  const unitName = units.find((u) => u.id === (query.unitId ?? ownUnit))?.name ?? ownUnit ?? '全部';
  const exportInput: ExportInput | null = answer && {
    figures: answer.figures,
    period: query.from === query.to ? query.from : `${query.from}至${query.to}`,
    unit: unitName,
    trend: answer.trend,
  };
  const charts = useMemo(
    () =>
      answer && {
        trend: trendOption(
          answer.trend.map((t) => t.month),
          answer.trend.map((t) => t.brief),
        ),
        units: unitsOption(
          answer.perUnit.map((u) => u.name),
          answer.perUnit.map((u) => u.brief),
        ),
        gauges: gaugesOption(answer.figures),
        rates: ratesOption(answer.figures),
      },
    [answer],
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>统计</Typography.Title>
      <Form
        layout="inline"
        initialValues={query}
        onFinish={(values: Query) => setQuery({ ...values, unitId: values.unitId ?? null })}
      >
        <Form.Item name="from" label="自" rules={[{ required: true }]}>
          <Input type="month" data-testid="stats-from" />
        </Form.Item>
        <Form.Item name="to" label="至" rules={[{ required: true }]}>
          <Input type="month" data-testid="stats-to" />
        </Form.Item>
        {!ownUnit && (
          <Form.Item name="unitId" label="单位">
            <Select
              data-testid="stats-unit"
              allowClear
              placeholder="全部"
              style={{ width: 200 }}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="months" label="趋势月数">
          <InputNumber data-testid="stats-months" min={2} max={24} precision={0} />
        </Form.Item>
        <Form.Item name="rounding" label="舍入">
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'HALF_UP', label: '四舍五入' },
              { value: 'TRUNCATE', label: '截断' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="stats-apply">
          查询
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {loading && <Spin />}
      {answer && charts && exportInput && (
        <>
          <Row gutter={16}>
            <Col span={14}>
              <Card size="small" title={`月度趋势（截至 ${query.to}）`}>
                <EChart option={charts.trend} testId="chart-trend" />
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title="主要指标">
                <EChart option={charts.gauges} testId="chart-gauges" />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={answer.perUnit.length ? 14 : 24}>
              <Card size="small" title="各项比率">
                <EChart option={charts.rates} testId="chart-rates" height={360} />
              </Card>
            </Col>
            {answer.perUnit.length > 0 && (
              <Col span={10}>
                <Card size="small" title="各责任单位">
                  <EChart option={charts.units} testId="chart-units" height={360} />
                </Card>
              </Col>
            )}
          </Row>
          <Card
            size="small"
            title={`统计表 · ${exportInput.period} · ${unitName}`}
            extra={
              <Space>
                <Button data-testid="export-xlsx" onClick={() => exportXlsx(exportInput).catch(setError)}>
                  导出 Excel
                </Button>
                <Button data-testid="export-csv" onClick={() => exportCsv(exportInput)}>
                  导出 CSV
                </Button>
              </Space>
            }
          >
            <Table<FigureRow>
              data-testid="stats-table"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={figureRows(answer.figures)}
              columns={[
                { title: '指标', dataIndex: 'label', width: 180 },
                {
                  title: '数值',
                  key: 'value',
                  width: 120,
                  render: (_, row) => (row.value === null ? '—' : `${row.value} ${row.unit}`),
                },
                { title: '分子', dataIndex: 'numerator', width: 80 },
                { title: '分母', dataIndex: 'denominator', width: 80 },
                { title: '口径', dataIndex: 'definition' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
