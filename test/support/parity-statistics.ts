/** Statistics asked of both dialects (./parity.ts): every figure of the answer, for the city or a unit. */
import type { Parity } from './parity';

const RATIO = 'numerator denominator value percent definition';

export const EVERY_FIGURE = `from to unitId rounding registered delivered overdueNow urgesIssued urgesOverdue
  panelsHeld panelAttendances evaluationSatisfactionRate { ${RATIO} } completionRate { ${RATIO} }
  receivedCompletionRate { ${RATIO} } notAccepted { ${RATIO} } onTimeCompletionRate { ${RATIO} }
  unitSatisfactionRate { ${RATIO} } bureauSatisfactionRate { ${RATIO} } ratingParticipationRate { ${RATIO} }
  ratingExclusions { id description source excluded } firstTimeResolutionRate { ${RATIO} } repeatRate { ${RATIO} }
  timelyNoticeRate { ${RATIO} }`;

const STATISTICS = `query($filter: StatisticsFilter!) { statistics(filter: $filter) { ${EVERY_FIGURE} } }`;

export interface Period {
  from: string;
  to: string;
  unitId?: string | null;
  rounding?: 'HALF_UP' | 'TRUNCATE';
  repeatWindowDays?: number;
}

/** Every figure, asked of both dialects by `who` and asserted equal; answers SQLite's. */
export async function sameStatistics(parity: Parity, who: string, period: Period): Promise<any> {
  return (await parity.sameData(who, STATISTICS, { filter: period })).statistics;
}
