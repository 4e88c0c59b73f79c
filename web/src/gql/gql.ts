/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      overdue\n      dueSoon\n      unit {\n        name\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n": typeof types.CaseDocument,
    "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.TodoListDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n": types.ViewerDocument,
    "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      overdue\n      dueSoon\n      unit {\n        name\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n": types.CaseDocument,
    "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.TodoListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      overdue\n      dueSoon\n      unit {\n        name\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TodoListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
