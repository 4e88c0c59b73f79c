/**
 * The statistics table as a download: .xlsx (write-excel-file, loaded only when asked for) or .csv. Both carry
 * the same rows as the page, the period and unit in the file name and on top.
 */
import { csvBlob, saveBlob } from '../lib/download';
import { figureRows, ROW_HEADER, rowCells } from './figure-rows';
import type { Brief, Figures } from './statistics-documents';

export interface ExportInput {
  figures: Figures;
  /** `2026-01—2026-03`, and the unit's name or 全部 */
  period: string;
  unit: string;
  trend: { month: string; brief: Brief }[];
}

const fileName = (input: ExportInput, ext: string) => `信访统计_${input.period}_${input.unit}.${ext}`;

function titleRows(input: ExportInput): (string | number | null)[][] {
  return [[`统计期间：${input.period}`], [`单位：${input.unit}`], []];
}

/** A rate the API rounded ("95.30") as a number Excel can sum, still shown with its two decimals. */
function numberCell(cell: string | number | null) {
  return typeof cell === 'string' && /^-?\d+\.\d+$/.test(cell) ? { value: Number(cell), format: '0.00' } : cell;
}

export function exportCsv(input: ExportInput): void {
  const rows = [...titleRows(input), ROW_HEADER, ...figureRows(input.figures).map(rowCells)];
  saveBlob(csvBlob(rows), fileName(input, 'csv'));
}

export async function exportXlsx(input: ExportInput): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const figures = [
    ...titleRows(input).map((row) => row.map((cell) => cell ?? null)),
    ROW_HEADER.map(bold),
    ...figureRows(input.figures).map((row) => rowCells(row).map(numberCell)),
  ];
  const trend = [
    ['月份', '登记', '办结', '当前超期', '办结率', '按期办结率', '满意率'].map(bold),
    ...input.trend.map(({ month, brief }) => [
      month,
      brief.registered,
      brief.delivered,
      brief.overdueNow,
      numberCell(brief.completionRate.percent ?? null),
      numberCell(brief.onTimeCompletionRate.percent ?? null),
      numberCell(brief.unitSatisfactionRate.percent ?? null),
    ]),
  ];
  const blob = await writeXlsxFile([
    {
      data: figures,
      sheet: '统计',
      columns: [{ width: 22 }, { width: 10 }, { width: 6 }, { width: 8 }, { width: 8 }, { width: 80 }],
    },
    { data: trend, sheet: '月度趋势' },
  ]).toBlob();
  saveBlob(blob, fileName(input, 'xlsx'));
}
