/**
 * The statistics reads: every figure of one period (the table, the gauges, the export), and a few figures per
 * month or per unit for the trend and the bars: one request each, as `statistics` takes one period and unit.
 */
import { graphql } from '../gql';
import type { StatisticsFiguresQuery, StatisticsBriefQuery } from '../gql/graphql';

export const StatisticsFiguresDocument = graphql(`
  query StatisticsFigures($filter: StatisticsFilter!) {
    statistics(filter: $filter) {
      from
      to
      unitId
      rounding
      registered
      delivered
      overdueNow
      urgesIssued
      urgesOverdue
      panelsHeld
      panelAttendances
      evaluationSatisfactionRate {
        ...RatioFields
      }
      completionRate {
        ...RatioFields
      }
      receivedCompletionRate {
        ...RatioFields
      }
      notAccepted {
        ...RatioFields
      }
      onTimeCompletionRate {
        ...RatioFields
      }
      unitSatisfactionRate {
        ...RatioFields
      }
      bureauSatisfactionRate {
        ...RatioFields
      }
      ratingParticipationRate {
        ...RatioFields
      }
      firstTimeResolutionRate {
        ...RatioFields
      }
      repeatRate {
        ...RatioFields
      }
      timelyNoticeRate {
        ...RatioFields
      }
      ratingExclusions {
        id
        description
        source
        excluded
      }
    }
  }
  fragment RatioFields on Ratio {
    numerator
    denominator
    value
    percent
    definition
  }
`);

export const StatisticsBriefDocument = graphql(`
  query StatisticsBrief($filter: StatisticsFilter!) {
    statistics(filter: $filter) {
      registered
      delivered
      overdueNow
      completionRate {
        percent
        value
      }
      onTimeCompletionRate {
        percent
        value
      }
      unitSatisfactionRate {
        percent
        value
      }
    }
  }
`);

export type Figures = StatisticsFiguresQuery['statistics'];
export type Brief = StatisticsBriefQuery['statistics'];
