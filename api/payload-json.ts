/**
 * Payloads in their proto3-JSON form (every bytes field base64), as exported histories and the Temporal Web UI's
 * codec endpoint carry them, run through our codec: shared by `petitionHistory` and /codec/decode, /codec/encode.
 */
import type { PayloadCodec } from '@temporalio/common';
import { JSONToPayload, payloadToJSON, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import { ENCODING_ENCRYPTED } from '../worker/payload-codec';

const ENCRYPTED_B64 = Buffer.from(ENCODING_ENCRYPTED).toString('base64');

export type CodecDirection = 'encode' | 'decode';

export async function transformJsonPayloads(
  codecs: readonly PayloadCodec[],
  direction: CodecDirection,
  payloads: JSONPayload[],
): Promise<JSONPayload[]> {
  let protos = payloads.map((payload) => JSONToPayload(payload));
  // Codecs encode in order and decode in reverse, as the SDK applies them.
  const ordered = direction === 'encode' ? codecs : [...codecs].reverse();
  for (const codec of ordered) protos = await codec[direction](protos);
  return protos.map((payload) => payloadToJSON(payload));
}

function isEncryptedJsonPayload(value: unknown): value is JSONPayload {
  if (!value || typeof value !== 'object') return false;
  const metadata = (value as { metadata?: unknown }).metadata;
  return !!metadata && typeof metadata === 'object' && (metadata as { encoding?: unknown }).encoding === ENCRYPTED_B64;
}

/**
 * Decodes, in place, every encrypted payload anywhere in a history's JSON (inputs, results, update arguments,
 * activity inputs, memos, headers): testers read the petition as it was, the server keeps ciphertext.
 */
export async function decodeHistoryJson<T>(history: T, codecs: readonly PayloadCodec[]): Promise<T> {
  const found: JSONPayload[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isEncryptedJsonPayload(value)) {
      found.push(value);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(history);
  if (found.length === 0) return history;
  const decoded = await transformJsonPayloads(codecs, 'decode', found);
  found.forEach((payload, i) => {
    const plain = decoded[i]!;
    delete payload.metadata;
    delete payload.data;
    Object.assign(payload, plain);
  });
  return history;
}
