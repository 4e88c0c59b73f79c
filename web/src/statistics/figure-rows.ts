/**
 * The statistics as rows of a table (指标, 数值, 分子, 分母, 口径), in the order the bureau reports them (docs/domain.md
 * §5): what the page shows and what the .xlsx and .csv carry, so the three always agree.
 */
import type { Figures } from './statistics-documents';

export interface FigureRow {
  key: string;
  label: string;
  /** A count, or a rate as the API rounded it ("95.37"), or null when its base is empty. */
  value: number | string | null;
  unit: '件' | '次' | '%' | '人次';
  numerator: number | null;
  denominator: number | null;
  definition: string;
}

const COUNTS: [keyof Figures, string, FigureRow['unit']][] = [
  ['registered', '登记信访事项', '件'],
  ['delivered', '办结', '件'],
  ['overdueNow', '当前超期', '件'],
  ['urgesIssued', '督办', '次'],
  ['urgesOverdue', '督办逾期未答复', '次'],
  ['panelsHeld', '第三方评议会', '次'],
  ['panelAttendances', '参评委员', '人次'],
];

export const RATES = [
  ['completionRate', '办结率'],
  ['receivedCompletionRate', '办结率（按收到）'],
  ['onTimeCompletionRate', '按期办结率'],
  ['timelyNoticeRate', '及时受理率'],
  ['notAccepted', '未受理率'],
  ['unitSatisfactionRate', '满意率（责任单位）'],
  ['bureauSatisfactionRate', '满意率（信访部门）'],
  ['ratingParticipationRate', '参评率'],
  ['evaluationSatisfactionRate', '第三方评议满意率'],
  ['firstTimeResolutionRate', '一次性化解率'],
  ['repeatRate', '重复信访率'],
] as const;

export type RateKey = (typeof RATES)[number][0];

export function figureRows(figures: Figures): FigureRow[] {
  const counts = COUNTS.map(([key, label, unit]) => ({
    key,
    label,
    value: figures[key] as number,
    unit,
    numerator: null,
    denominator: null,
    definition: '',
  }));
  const rates = RATES.map(([key, label]) => {
    const ratio = figures[key];
    return {
      key,
      label,
      value: ratio.percent ?? null,
      unit: '%' as const,
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      definition: ratio.definition,
    };
  });
  return [...counts, ...rates];
}

export const ROW_HEADER = ['指标', '数值', '单位', '分子', '分母', '口径'];

export function rowCells(row: FigureRow): (string | number | null)[] {
  return [row.label, row.value, row.unit, row.numerator, row.denominator, row.definition];
}
