/** The case page's read of one petition: what it shows, what decides its actions, and what its prints need. */
import { graphql } from '../gql';
import type { CaseQuery } from '../gql/graphql';

export const CaseDocument = graphql(`
  query Case($id: ID!) {
    petition(id: $id) {
      id
      status
      summary
      content
      category
      channel
      receivedAt
      registeredAt
      acceptedAt
      closedAt
      overdue
      dueSoon
      direct
      routeMode
      handlingRoute
      isRepeat
      repeatOf
      escalationProposed
      unit {
        id
        name
      }
      reviewUnit {
        id
        name
      }
      path {
        id
        article
        outcomes
        appeals
        agreement
      }
      petitioner {
        name
        idNumber
        phone
        address
        masked
      }
      possibleRepeats {
        petitionId
        status
        reasons
      }
      extension {
        daysGranted
        maxDays
        requests {
          days
          reason
          requestedAt
          approved
        }
      }
      hearings {
        level
        startedAt
        endedAt
      }
      reply {
        level
        unitId
        outcome
        text
        basis
        issuedAt
        deliveredAt
      }
      urges {
        id
        kind
        message
        issuedAt
        dueAt
        answeredAt
        answer
      }
      escalation {
        leaderId
        reason
        at
        instructions {
          text
          at
        }
      }
      deadlines {
        kind
        article
        startedAt
        dueAt
        lastDay
        met
        overdue
        paused
      }
      materials {
        hash
        size
        mediaType
        name
        kind
        note
        uploadedAt
        uploadedBy {
          id
          role
        }
      }
      timeline {
        seq
        type
        at
        note
        actor {
          id
          role
        }
      }
    }
  }
`);

export type Petition = NonNullable<CaseQuery['petition']>;
