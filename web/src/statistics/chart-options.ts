/** The ECharts options of the statistics page, built from the API's figures; the page only lays them out. */
import type { ChartOption } from '../components/EChart';
import { RATES } from './figure-rows';
import type { Brief, Figures } from './statistics-documents';

const percentOf = (ratio: { percent?: string | null }) => (ratio.percent == null ? null : Number(ratio.percent));

/** 月度趋势: registered and delivered as bars, the completion rates as lines on a second axis. */
export function trendOption(months: string[], briefs: Brief[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { type: 'bar', name: '登记', data: briefs.map((b) => b.registered) },
      { type: 'bar', name: '办结', data: briefs.map((b) => b.delivered) },
      {
        type: 'line',
        name: '办结率',
        yAxisIndex: 1,
        connectNulls: true,
        data: briefs.map((b) => percentOf(b.completionRate)),
      },
      {
        type: 'line',
        name: '按期办结率',
        yAxisIndex: 1,
        connectNulls: true,
        data: briefs.map((b) => percentOf(b.onTimeCompletionRate)),
      },
    ],
  };
}

/** 各单位: the period's counts and completion rate per responsible unit. */
export function unitsOption(names: string[], briefs: Brief[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 20, interval: 0 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { type: 'bar', name: '登记', data: briefs.map((b) => b.registered) },
      { type: 'bar', name: '办结', data: briefs.map((b) => b.delivered) },
      { type: 'bar', name: '当前超期', data: briefs.map((b) => b.overdueNow) },
      { type: 'line', name: '办结率', yAxisIndex: 1, data: briefs.map((b) => percentOf(b.completionRate)) },
    ],
  };
}

/** The three rates a bureau heads its report with, as gauges side by side. */
export function gaugesOption(figures: Figures): ChartOption {
  const gauges: [string, { percent?: string | null }][] = [
    ['办结率', figures.completionRate],
    ['按期办结率', figures.onTimeCompletionRate],
    ['满意率', figures.unitSatisfactionRate],
  ];
  return {
    series: gauges.map(([name, ratio], i) => ({
      type: 'gauge',
      center: [`${16.5 + i * 33.5}%`, '58%'],
      // Three side by side: each gets a third of the width, and a radius past it would cover its neighbour. So
      // small, a gauge is a ring with its figure inside: ticks, labels and a needle would only crowd it.
      radius: '34%',
      min: 0,
      max: 100,
      progress: { show: true, width: 10 },
      axisLine: { lineStyle: { width: 10 } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      pointer: { show: false },
      detail: {
        formatter: (value: number) => (ratio.percent == null ? '—' : `${value}%`),
        fontSize: 18,
        offsetCenter: [0, '0%'],
      },
      title: { offsetCenter: [0, '95%'] },
      data: [{ name, value: percentOf(ratio) ?? 0 }],
    })),
  };
}

/** Every rate of the period as a horizontal bar, with its fraction in the tooltip. */
export function ratesOption(figures: Figures): ChartOption {
  const rates = [...RATES].reverse();
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (params as { dataIndex: number }[])[0];
        if (!first) return '';
        const [key, label] = rates[first.dataIndex]!;
        const ratio = figures[key];
        return `${label}：${ratio.percent ?? '—'}%（${ratio.numerator}/${ratio.denominator}）`;
      },
    },
    grid: { left: 140, right: 48, top: 16, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100, name: '%' },
    yAxis: { type: 'category', data: rates.map(([, label]) => label) },
    series: [
      { type: 'bar', data: rates.map(([key]) => percentOf(figures[key])), label: { show: true, position: 'right' } },
    ],
  };
}
