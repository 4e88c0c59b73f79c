/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 建议意见/检举控告/申诉求决 */
export type Category =
  | 'ACCUSATION'
  | 'CLAIM'
  | 'SUGGESTION';

/** 信息网络/书信/电话/传真/走访 */
export type Channel =
  | 'FAX'
  | 'LETTER'
  | 'ONLINE'
  | 'PHONE'
  | 'VISIT';

export type DeadlineKind =
  /** 交办's 指定办理期限 for the 办结报告, days set by the bureau (Art. 22 ¶1(三)) */
  | 'ASSIGNMENT'
  /** 告知 of a petition brought directly to its unit: 15 days from receipt (Art. 23 ¶2) */
  | 'DIRECT_NOTICE'
  /** 办理 (Art. 34) */
  | 'HANDLING'
  /** 告知 of a 转送/交办 item, 15 days from the unit's 签收 (Art. 23 ¶3) */
  | 'NOTICE'
  /** window for the unit's 异议: 5 working days from 签收 (Art. 23 ¶3); it lapses unused, closing nothing */
  | 'OBJECTION_WINDOW'
  /** window to rate (满意度评价) an answer no 复查 follows: the profile's ratingDays (local practice); then the case closes */
  | 'RATING_WINDOW'
  /** 签收 of a 转送/交办 item by its unit (local practice: receiptDays working days from routing) */
  | 'RECEIPT'
  /** 复核 opinion (Art. 36); hearings are not counted */
  | 'REEXAMINATION'
  /** window to ask for 复核 (Art. 36) */
  | 'REEXAMINATION_WINDOW'
  /** 登记转送 (Art. 22) */
  | 'REGISTRATION'
  /** 重新办理 after a DISSATISFIED third-party verdict (local practice) */
  | 'REHANDLING'
  /** 复查 opinion (Art. 35) */
  | 'REVIEW'
  /** window to ask for 复查 (Art. 35) */
  | 'REVIEW_WINDOW';

export type PetitionFilter = {
  category?: Category | null | undefined;
  dueBefore?: string | null | undefined;
  /** Some deadline is in its warning period (预警 given, neither met nor overdue) */
  dueSoon?: boolean | null | undefined;
  /** Escalated to a leader (提级包案) */
  escalated?: boolean | null | undefined;
  /** Proposed for 提级包案 and not escalated yet */
  escalationProposed?: boolean | null | undefined;
  overdue?: boolean | null | undefined;
  /** Some open deadline is provisional: it runs into a year whose holiday notice is not out yet */
  provisional?: boolean | null | undefined;
  receivedFrom?: string | null | undefined;
  receivedTo?: string | null | undefined;
  /** Declined as a repeat with no registrar's confirmation on record (by the rule before repeats were proposed, or by a registrar's declinePetition with a repeat reason): the list to review */
  repeatDeclinedUnconfirmed?: boolean | null | undefined;
  status?: Array<PetitionStatus> | null | undefined;
  /** Words from the summary or content */
  text?: string | null | undefined;
  unitId?: string | null | undefined;
};

export type PetitionStatus =
  | 'ASSIGNED'
  /** ended with nothing left to ask: an appeal or rating window closed, or a claim was guided into another procedure (一)–(四) or settled by 调解/和解 */
  | 'CLOSED'
  /** 终结: same facts and reasons are not accepted again (Art. 36) */
  | 'CONCLUDED'
  /** 不予受理 */
  | 'DECLINED'
  /** 办结: the answer was delivered; the 30-day 复查 window is open, or on a path no 复查 follows (a suggestion, (五), an accusation's 反馈) the rating window (RATING_WINDOW) */
  | 'DELIVERED'
  /** 转出: forwarded to 纪检监察 (检举控告, Art. 30) or 政法 (涉法涉诉, Art. 22 ¶2), handled under their rules */
  | 'FORWARDED'
  /** 受理: the unit is handling it */
  | 'HANDLING'
  | 'REGISTERED'
  /** the 复查 opinion was delivered; the 30-day 复核 window is open */
  | 'REVIEW_DELIVERED'
  | 'TRANSFERRED'
  /** 复核 */
  | 'UNDER_REEXAMINATION'
  /** 复查 */
  | 'UNDER_REVIEW';

export type Role =
  | 'ADMIN'
  | 'LEADER'
  | 'REGISTRAR'
  | 'REVIEWER'
  | 'SUPERVISOR'
  | 'TESTER'
  | 'UNIT_HANDLER'
  | 'UNIT_HEAD';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, role: Role, unitId: string | null, memberId: string | null } | null };

export type CaseQueryVariables = Exact<{
  id: string;
}>;


export type CaseQuery = { petition: { id: string, status: PetitionStatus, summary: string, content: string, category: Category, channel: Channel, receivedAt: string, overdue: boolean, dueSoon: boolean, unit: { name: string } | null, petitioner: { name: string, idNumber: string | null, phone: string | null, address: string | null, masked: boolean }, deadlines: Array<{ kind: DeadlineKind, article: string, startedAt: string, dueAt: string | null, lastDay: string | null, met: boolean, overdue: boolean, paused: boolean }>, timeline: Array<{ seq: number, type: string, at: string, note: string | null, actor: { id: string, role: string } | null }> } | null };

export type TodoListQueryVariables = Exact<{
  filter?: PetitionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TodoListQuery = { petitions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, highlight: string | null, node: { id: string, status: PetitionStatus, summary: string, category: Category, receivedAt: string, dueAt: string | null, overdue: boolean, dueSoon: boolean, unit: { id: string, name: string } | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    role
    unitId
    memberId
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const CaseDocument = new TypedDocumentString(`
    query Case($id: ID!) {
  petition(id: $id) {
    id
    status
    summary
    content
    category
    channel
    receivedAt
    overdue
    dueSoon
    unit {
      name
    }
    petitioner {
      name
      idNumber
      phone
      address
      masked
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
    `) as unknown as TypedDocumentString<CaseQuery, CaseQueryVariables>;
export const TodoListDocument = new TypedDocumentString(`
    query TodoList($filter: PetitionFilter, $first: Int, $after: String) {
  petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      highlight
      node {
        id
        status
        summary
        category
        receivedAt
        dueAt
        overdue
        dueSoon
        unit {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TodoListQuery, TodoListQueryVariables>;