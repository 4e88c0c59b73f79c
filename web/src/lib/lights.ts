/**
 * The deadline light (期限灯) of a to-do row: red when a deadline is overdue (超期), yellow in its warning
 * period (预警), green on time; with the days left to the soonest due moment. The API decides overdue and
 * dueSoon; this only counts the days for display.
 */
export type Light = 'red' | 'yellow' | 'green' | 'none';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LightOf {
  light: Light;
  /** Whole days until dueAt (negative: days past it); null without a running deadline. */
  daysLeft: number | null;
  label: string;
}

export function lightOf(p: { overdue: boolean; dueSoon: boolean; dueAt?: string | null }, now = Date.now()): LightOf {
  const daysLeft = p.dueAt ? Math.ceil((Date.parse(p.dueAt) - now) / DAY_MS) : null;
  if (p.overdue) return { light: 'red', daysLeft, label: daysLeft === null ? '超期' : `超期 ${-daysLeft} 天` };
  if (daysLeft === null) return { light: 'none', daysLeft, label: '无期限' };
  if (p.dueSoon) return { light: 'yellow', daysLeft, label: `预警 剩 ${daysLeft} 天` };
  return { light: 'green', daysLeft, label: `剩 ${daysLeft} 天` };
}

/** Ant Design's Tag colours for each light. */
export const LIGHT_COLORS: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green', none: 'default' };
