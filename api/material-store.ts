/**
 * The store of 材料 (docs/attachments.md): each file once, encrypted at rest with the payload codec's keys
 * (worker/codec-keys.ts, the same keys and the same rotation), outside Temporal's history, which holds only its
 * content id. Content-addressed by a keyed hash: the id is HMAC-SHA-256 of the file under a key derived from the
 * codec key, so the same file is stored once, and an id seen in a log, a URL or the read model does not let anyone
 * confirm that a file they hold is among the petitions' (a plain SHA-256 would). The file's header names the codec
 * key it was written under; after a rotation old files stay readable, and a new upload of the same content is
 * stored again under the new key (dedupe holds within a key's time).
 *
 * On disk: `<dir>/<id[0..2]>/<id>`, the directories 0700, the files 0600, each written to a private temporary name
 * and renamed into place, so a reader never sees half a file. The format: "FQM1", the key id's length (one byte)
 * and the key id, a 12-byte IV, the AES-256-GCM ciphertext and its 16-byte tag; the header and the content id are
 * authenticated, so a file relabelled with another key id, or moved to another id's name, fails to open.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_ID } from '../domain/petition/materials';
import { type CodecKeyring, loadCodecKeys } from '../worker/codec-keys';

const MAGIC = Buffer.from('FQM1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Env = Record<string, string | undefined>;

/** `FENGQIAO_ATTACHMENTS_DIR`, else `attachments` in the data directory (`FENGQIAO_DATA_DIR`, else `.data/`). */
export function materialsDirFromEnv(env: Env = process.env): string {
  if (env.FENGQIAO_ATTACHMENTS_DIR) return env.FENGQIAO_ATTACHMENTS_DIR;
  const dataDir = env.FENGQIAO_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
  return join(dataDir, 'attachments');
}

/** One purpose, one key: naming and encrypting never use the codec key itself, nor each other's. */
function derived(key: Buffer, purpose: 'material-id' | 'material-file'): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `fengqiao ${purpose}`, 32));
}

export interface StoredMaterial {
  /** The content id. */
  id: string;
  /** False when the same content was already stored under this id. */
  written: boolean;
}

export class MaterialStore {
  private loaded: CodecKeyring | undefined;

  /** `keyring` may be given as a loader, so that a process that never stores a file never reads the keys. */
  constructor(
    readonly dir: string,
    private readonly keyring: CodecKeyring | (() => CodecKeyring),
  ) {}

  private keys(): CodecKeyring {
    this.loaded ??= typeof this.keyring === 'function' ? this.keyring() : this.keyring;
    return this.loaded;
  }

  private key(id: string): Buffer {
    const key = this.keys().keys.get(id);
    if (!key) throw new Error(`no payload codec key "${id}": it is needed to open this material (docs/running.md)`);
    return key;
  }

  /** The content id the file gets under the current key. */
  contentId(bytes: Uint8Array): string {
    const key = this.key(this.keys().encryptKeyId);
    return createHmac('sha256', derived(key, 'material-id')).update(bytes).digest('hex');
  }

  private pathOf(id: string): string {
    if (!CONTENT_ID.test(id)) throw new Error(`"${id}" is not a content id`);
    return join(this.dir, id.slice(0, 2), id);
  }

  /** Stores the file (once per content and key) and answers its content id. */
  async put(bytes: Uint8Array): Promise<StoredMaterial> {
    const keyId = this.keys().encryptKeyId;
    const id = this.contentId(bytes);
    const path = this.pathOf(id);
    if (await exists(path)) return { id, written: false };
    const header = Buffer.concat([MAGIC, Buffer.from([Buffer.byteLength(keyId)]), Buffer.from(keyId)]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', derived(this.key(keyId), 'material-file'), iv);
    cipher.setAAD(Buffer.concat([header, Buffer.from(id)]));
    const sealed = Buffer.concat([header, iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
    await privateDir(this.dir);
    await privateDir(join(this.dir, id.slice(0, 2)));
    const temporary = join(this.dir, id.slice(0, 2), `.${id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, sealed, { mode: 0o600, flag: 'wx', flush: true });
      // Two uploads of the same file at once both rename: the second replaces the first with the same content.
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    return { id, written: true };
  }

  /** The file's content, or null when the store has no file of that id. Throws when it fails to decrypt. */
  async get(id: string): Promise<Buffer | null> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.pathOf(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (sealed.length < MAGIC.length + 1 || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
      throw new Error(`material ${id} is not a file of this store`);
    const idLength = sealed[MAGIC.length]!;
    const headerEnd = MAGIC.length + 1 + idLength;
    if (sealed.length < headerEnd + IV_BYTES + TAG_BYTES) throw new Error(`material ${id} is cut short`);
    const keyId = sealed.subarray(MAGIC.length + 1, headerEnd).toString();
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derived(this.key(keyId), 'material-file'),
      sealed.subarray(headerEnd, headerEnd + IV_BYTES),
    );
    decipher.setAAD(Buffer.concat([sealed.subarray(0, headerEnd), Buffer.from(id)]));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(headerEnd + IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
}

async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** The store of this process: its directory from the environment, the codec keys loaded when first needed. */
export function materialStoreFromEnv(env: Env = process.env): MaterialStore {
  return new MaterialStore(materialsDirFromEnv(env), () => loadCodecKeys(env));
}
