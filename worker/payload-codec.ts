/**
 * Encrypts every payload that leaves our processes (workflow inputs, update arguments, activity inputs, results,
 * queries, memos) with AES-256-GCM, so the Temporal server, its database, its Web UI and exported histories hold
 * ciphertext only. The shape follows the Temporal samples' encryption codec: the whole payload (metadata and
 * data) is encrypted into a new one whose metadata says `encoding: binary/encrypted` and which key was used.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { decode, encode } from '@temporalio/common/lib/encoding';
import protos from '@temporalio/proto';
import type { CodecKeyring } from './codec-keys';

// @temporalio/proto is CommonJS: its namespaces come through the default export under ESM.
const { temporal } = protos;

export const ENCODING_ENCRYPTED = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
export const METADATA_CIPHER = 'encryption-cipher';
export const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && decode(encoding) === ENCODING_ENCRYPTED;
}

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keyring: CodecKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const id = this.keyring.encryptKeyId;
    const key = this.keyring.keys.get(id)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The key id is authenticated: a payload relabelled with another key id fails to decrypt.
      cipher.setAAD(Buffer.from(id));
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          encoding: encode(ENCODING_ENCRYPTED),
          [METADATA_KEY_ID]: encode(id),
          [METADATA_CIPHER]: encode(CIPHER),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      // Histories recorded before encryption (the corpus in test/histories/, petitions started earlier) are
      // plain: they pass through, so they still replay and read.
      if (!isEncrypted(payload)) return payload;
      const idBytes = payload.metadata?.[METADATA_KEY_ID];
      if (!idBytes) throw new Error('an encrypted payload without its encryption-key-id');
      const id = decode(idBytes);
      const key = this.keyring.keys.get(id);
      if (!key) throw new Error(`no payload codec key "${id}": it is needed to decrypt this payload (docs/running.md)`);
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('an encrypted payload too short to be one');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}
