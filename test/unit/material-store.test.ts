/**
 * The store of 材料 (api/material-store.ts) on a real directory with real keys: what is on disk is ciphertext
 * under a keyed name, private, written once per content; it reads back byte for byte, also after a key rotation;
 * a file moved, relabelled or altered does not open. And what a file is, by its first bytes (api/material-types.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MaterialStore } from '../../api/material-store';
import { maxMaterialBytesFromEnv, sniffMediaType } from '../../api/material-types';
import { newKeyText, parseKey, type CodecKeyring } from '../../worker/codec-keys';
import { tinyPdf, tinyPng } from '../support/material-files';

const MARK = 'ZHANGSAN-110101199003074258';
const older = parseKey('older', newKeyText());
const newer = parseKey('newer', newKeyText());
const keyring = (encryptKeyId: string): CodecKeyring => ({
  encryptKeyId,
  keys: new Map([
    ['2025-01-01', older],
    ['2026-06-01', newer],
  ]),
});
const freshDir = () => join(mkdtempSync(join(tmpdir(), 'fengqiao-materials-')), 'attachments');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('the material store', () => {
  it('keeps ciphertext only, under a keyed hash (not the SHA-256), private, and reads it back byte for byte', async () => {
    const dir = freshDir();
    const store = new MaterialStore(dir, keyring('2026-06-01'));
    const pdf = tinyPdf(MARK);
    const { id, written } = await store.put(pdf);
    expect(written).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toBe(createHash('sha256').update(pdf).digest('hex'));
    const [file, ...others] = filesUnder(dir);
    expect(others).toEqual([]);
    expect(file).toBe(join(dir, id.slice(0, 2), id));
    const onDisk = readFileSync(file!);
    expect(onDisk.includes(Buffer.from(MARK))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.subarray(0, 4).toString()).toBe('FQM1');
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, id.slice(0, 2))).mode & 0o777).toBe(0o700);
    expect(Buffer.compare((await store.get(id))!, pdf)).toBe(0);
  });

  it('stores the same content once; other content is another file', async () => {
    const dir = freshDir();
    const store = new MaterialStore(dir, keyring('2026-06-01'));
    const first = await store.put(tinyPng(MARK));
    const again = await store.put(Buffer.from(tinyPng(MARK)));
    expect(again).toEqual({ id: first.id, written: false });
    const other = await store.put(tinyPng('another'));
    expect(other.id).not.toBe(first.id);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('opens files of an older key after a rotation; the same content under the new key is a new id', async () => {
    const dir = freshDir();
    const pdf = tinyPdf(MARK);
    const before = await new MaterialStore(dir, keyring('2025-01-01')).put(pdf);
    const rotated = new MaterialStore(dir, keyring('2026-06-01'));
    expect(Buffer.compare((await rotated.get(before.id))!, pdf)).toBe(0);
    const after = await rotated.put(pdf);
    expect(after.id).not.toBe(before.id);
    const withoutOld = new MaterialStore(dir, { encryptKeyId: '2026-06-01', keys: new Map([['2026-06-01', newer]]) });
    await expect(withoutOld.get(before.id)).rejects.toThrow(/no payload codec key "2025-01-01"/);
  });

  it('refuses a file altered, moved to another id, or relabelled with another key; none is null', async () => {
    const dir = freshDir();
    const store = new MaterialStore(dir, keyring('2026-06-01'));
    const a = await store.put(tinyPdf('a'));
    const b = await store.put(tinyPdf('b'));
    const path = (id: string) => join(dir, id.slice(0, 2), id);

    const sealed = readFileSync(path(a.id));
    const altered = Buffer.from(sealed);
    altered[altered.length - 20]! ^= 1;
    writeFileSync(path(a.id), altered);
    await expect(store.get(a.id)).rejects.toThrow();
    writeFileSync(path(a.id), sealed);

    const relabelled = Buffer.from(sealed);
    relabelled.write('2025-01-01', 5, 'latin1'); // the key id's place in the header: "FQM1", its length, the id
    writeFileSync(path(a.id), relabelled);
    await expect(store.get(a.id)).rejects.toThrow();
    writeFileSync(path(a.id), sealed);
    expect(Buffer.compare((await store.get(a.id))!, tinyPdf('a'))).toBe(0);

    renameSync(path(b.id), join(dir, b.id.slice(0, 2), 'moved'));
    writeFileSync(path(b.id), sealed);
    await expect(store.get(b.id)).rejects.toThrow();

    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../escape')).rejects.toThrow(/not a content id/);
  });
});

describe('what a material is', () => {
  it('is known by its first bytes, never by a name or a claimed type', () => {
    expect(sniffMediaType(tinyPdf('x'))).toBe('application/pdf');
    expect(sniffMediaType(tinyPng('x'))).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('II*\0\x08\0\0\0', 'latin1'))).toBe('image/tiff');
    expect(sniffMediaType(Buffer.from('MM\0*\0\0\0\x08', 'latin1'))).toBe('image/tiff');
    expect(sniffMediaType(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'))).toBe('image/heic');
    expect(sniffMediaType(Buffer.from('\0\0\0\x18ftypisom\0\0\0\0', 'latin1'))).toBeNull(); // an MP4 video
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull(); // a .docx or a .zip
    expect(sniffMediaType(Buffer.from('%PD'))).toBeNull();
  });

  it('is at most FENGQIAO_MAX_MATERIAL_BYTES, 20 MiB unless set', () => {
    expect(maxMaterialBytesFromEnv(undefined)).toBe(20 * 1_048_576);
    expect(maxMaterialBytesFromEnv('65536')).toBe(65_536);
    expect(() => maxMaterialBytesFromEnv('20MB')).toThrow(/whole number/);
    expect(() => maxMaterialBytesFromEnv('10')).toThrow(/at least 1024/);
  });
});
