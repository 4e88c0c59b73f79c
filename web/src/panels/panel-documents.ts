/** The panel reads (第三方评议): the list, and one panel with its members, cases and votes. */
import { graphql } from '../gql';
import type { PanelQuery, PanelsQuery } from '../gql/graphql';

export const PanelsDocument = graphql(`
  query Panels($filter: PanelFilter) {
    panels(filter: $filter, first: 100) {
      id
      title
      status
      quorum
      convenedAt
      deadlineAt
      closedAt
      members {
        memberId
      }
      cases {
        votes
      }
    }
  }
`);

export const PanelDocument = graphql(`
  query Panel($id: ID!) {
    panel(id: $id) {
      id
      title
      status
      quorum
      convenedAt
      deadlineAt
      closedAt
      members {
        memberId
        name
        kind
        attended
        voted
      }
      cases {
        verdict
        votes
        petition {
          id
          summary
          status
          reply {
            outcome
            text
          }
        }
      }
      evaluations {
        memberId
        petitionId
        verdict
        comment
        at
      }
    }
  }
`);

export type PanelRow = PanelsQuery['panels'][number];
export type PanelDetail = NonNullable<PanelQuery['panel']>;
