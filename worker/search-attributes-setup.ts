/** Registers the petition search attributes on a server that lacks them (the Java test server always does). */
import type { Connection } from '@temporalio/client';
import { PETITION_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import protos from '@temporalio/proto';

// @temporalio/proto is CommonJS: its namespaces come through the default export under ESM.
const { temporal } = protos;

const INDEXED_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

const GRPC_UNIMPLEMENTED = 12;

export async function ensureSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  let known: Record<string, unknown> = {};
  try {
    known = (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
  } catch (err) {
    // The Java test server cannot list them; it starts with none, so all are missing there.
    if ((err as { code?: number }).code !== GRPC_UNIMPLEMENTED) throw err;
  }
  const missing = PETITION_SEARCH_ATTRIBUTES.filter((key) => !(key.name in known));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((key) => [key.name, INDEXED_TYPE[key.type as keyof typeof INDEXED_TYPE]]),
    ),
  });
}

/** `Name=Type` pairs as `temporal server start-dev --search-attribute` takes them. */
export function searchAttributeFlags(): string[] {
  const cliType = { KEYWORD: 'Keyword', BOOL: 'Bool', DATETIME: 'Datetime' } as const;
  return PETITION_SEARCH_ATTRIBUTES.map((key) => `${key.name}=${cliType[key.type as keyof typeof cliType]}`);
}
