/**
 * The data converter every Fengqiao process gives Temporal (worker, API client, replay and rebuild tools, tests):
 * the default JSON payload converter, then the AES-256-GCM codec, so that the same keys encrypt and decrypt
 * everywhere.
 */
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { type CodecKeyring, loadCodecKeys } from './codec-keys';
import { AesGcmPayloadCodec } from './payload-codec';

let processCodec: PayloadCodec | undefined;

/** The codec on the keys this process was configured with (worker/codec-keys.ts), loaded once. */
export function payloadCodec(keyring?: CodecKeyring): PayloadCodec {
  if (keyring) return new AesGcmPayloadCodec(keyring);
  processCodec ??= new AesGcmPayloadCodec(loadCodecKeys());
  return processCodec;
}

export function fengqiaoDataConverter(keyring?: CodecKeyring): DataConverter {
  return { payloadCodecs: [payloadCodec(keyring)] };
}
