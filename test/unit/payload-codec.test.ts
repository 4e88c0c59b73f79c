/** The AES-256-GCM payload codec and its keys: round trip, rotation, plain payloads passing, tampering refused. */
import { defaultPayloadConverter } from '@temporalio/common';
import { decode } from '@temporalio/common/lib/encoding';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDevelopmentKey, loadCodecKeys, newKeyText } from '../../worker/codec-keys';
import { AesGcmPayloadCodec, METADATA_KEY_ID } from '../../worker/payload-codec';

const ID_NUMBER = '110101199003074258';
const petitioner = { name: '张三', idNumber: ID_NUMBER };

function keysDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-keys-'));
  for (const [id, text] of Object.entries(files)) writeFileSync(join(dir, `${id}.key`), text, { mode: 0o600 });
  return dir;
}

describe('payload codec', () => {
  const old = newKeyText();
  const current = newKeyText();

  it('encrypts with the newest key, names it in the metadata, and decodes to the same payload', async () => {
    const keyring = loadCodecKeys({ FENGQIAO_CODEC_KEYS_DIR: keysDir({ '2025-01-01': old, '2026-06-01': current }) });
    expect(keyring.encryptKeyId).toBe('2026-06-01');
    const codec = new AesGcmPayloadCodec(keyring);
    const plain = defaultPayloadConverter.toPayload(petitioner);
    const [sealed] = await codec.encode([plain]);
    expect(decode(sealed!.metadata!.encoding!)).toBe('binary/encrypted');
    expect(decode(sealed!.metadata![METADATA_KEY_ID]!)).toBe('2026-06-01');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain(ID_NUMBER);
    const [back] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(back!)).toEqual(petitioner);
  });

  it('still decodes what an older key encrypted after a rotation; a payload without its key is refused', async () => {
    const before = new AesGcmPayloadCodec(loadCodecKeys({ FENGQIAO_CODEC_KEYS_DIR: keysDir({ '2025-01-01': old }) }));
    const [sealed] = await before.encode([defaultPayloadConverter.toPayload(petitioner)]);
    const env = { FENGQIAO_CODEC_KEYS_DIR: keysDir({ '2026-06-01': current }), 'FENGQIAO_CODEC_KEY_2025-01-01': old };
    const after = new AesGcmPayloadCodec(loadCodecKeys(env));
    expect(defaultPayloadConverter.fromPayload((await after.decode([sealed!]))[0]!)).toEqual(petitioner);
    const without = new AesGcmPayloadCodec(loadCodecKeys({ FENGQIAO_CODEC_KEYS_DIR: keysDir({ x: current }) }));
    await expect(without.decode([sealed!])).rejects.toThrow(/no payload codec key "2025-01-01"/);
  });

  it('passes plain payloads through (the recorded corpus), and refuses a tampered one', async () => {
    const codec = new AesGcmPayloadCodec(loadCodecKeys({ FENGQIAO_CODEC_KEY_k1: current }));
    const plain = defaultPayloadConverter.toPayload(petitioner);
    expect(await codec.decode([plain])).toEqual([plain]);
    const [sealed] = await codec.encode([plain]);
    const data = Buffer.from(sealed!.data!);
    data[20] = data[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow();
  });

  it('refuses keys that are not 32 bytes of base64, an encryption key it lacks, and an empty configured directory', () => {
    expect(() => loadCodecKeys({ FENGQIAO_CODEC_KEY_a: 'c2hvcnQ=' })).toThrow(/base64 of 32/);
    expect(() => loadCodecKeys({ FENGQIAO_CODEC_KEY_a: current, FENGQIAO_CODEC_ENCRYPT_KEY: 'b' })).toThrow(/"b"/);
    expect(() => loadCodecKeys({ FENGQIAO_CODEC_KEYS_DIR: keysDir({}) })).toThrow(/no payload codec key/);
  });

  it('makes one development key, 0600 in a 0700 directory, when nothing is configured', () => {
    const data = mkdtempSync(join(tmpdir(), 'fengqiao-data-'));
    const keyring = loadCodecKeys({ FENGQIAO_DATA_DIR: data });
    const dir = join(data, 'codec-keys');
    expect(keyring.encryptKeyId).toMatch(/^dev-\d{4}-\d{2}-\d{2}$/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, `${keyring.encryptKeyId}.key`)).mode & 0o777).toBe(0o600);
    // A second process starting beside the first finds the key and makes none.
    ensureDevelopmentKey(dir);
    expect(readdirSync(dir)).toEqual([`${keyring.encryptKeyId}.key`]);
    expect(loadCodecKeys({ FENGQIAO_DATA_DIR: data }).keys).toEqual(keyring.keys);
    mkdirSync(join(data, 'empty'));
    expect(() => loadCodecKeys({ FENGQIAO_CODEC_KEYS_DIR: join(data, 'empty') })).toThrow(/no payload codec key/);
  });
});
