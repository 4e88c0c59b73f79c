/**
 * A form's values as arguments: a field left empty (or cleared, which leaves "") is an argument not given, so
 * the API applies its default instead of refusing an empty id or text.
 */
export function withoutBlanks<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutBlanks) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && !(typeof v === 'string' && v.trim() === ''))
    .map(([k, v]) => [k, withoutBlanks(v)]);
  return Object.fromEntries(entries) as T;
}
