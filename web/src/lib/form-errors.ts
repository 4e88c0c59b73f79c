/**
 * Puts an API refusal beside the form field its `extensions.field` names. The API names fields by the argument
 * path the client wrote (`text`, `input.petitioner.name`, `input.members[2].name`), and each form names its
 * fields by the same paths, so the path is looked up among the form's own fields: the longest one it starts with.
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { errorLine } from './errors';

type NamePath = (string | number)[];

export function fieldPath(field: string): NamePath {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function startsWith(path: NamePath, prefix: NamePath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => String(part) === String(path[i]));
}

/** True when the error was placed on a field; otherwise the caller shows it above the form. */
export function placeFieldError(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const path = fieldPath(err.field);
  let best: NamePath | null = null;
  for (const { name } of form.getFieldsError()) {
    const candidate = name as NamePath;
    if (startsWith(path, candidate) && (!best || candidate.length > best.length)) best = candidate;
  }
  if (!best) return false;
  form.setFields([{ name: best, errors: [errorLine(err)] }]);
  return true;
}
