/**
 * The payload codec's AES-256 keys: read from the environment and from a directory, never from the repository.
 *
 * - `FENGQIAO_CODEC_KEY_<ID>=<base64 of 32 bytes>`: one variable per key (secrets managers inject these);
 * - `FENGQIAO_CODEC_KEYS_DIR`: a directory of `<id>.key` files, each the base64 of 32 bytes (a mounted secret);
 *   by default `<data dir>/codec-keys` (`FENGQIAO_DATA_DIR`, else the repository's `.data/`).
 *
 * Every key found decrypts (old payloads stay readable after a rotation); the newest encrypts: the greatest id in
 * sort order (name keys by date, e.g. `2026-12-01`), unless `FENGQIAO_CODEC_ENCRYPT_KEY` names one. When nothing is
 * configured at all, a development key is made at first start in the default directory (0700, file 0600).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_PREFIX = 'FENGQIAO_CODEC_KEY_';

export interface CodecKeyring {
  /** The id written into each new payload's metadata, and its key. */
  readonly encryptKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

type Env = Record<string, string | undefined>;

export function defaultKeysDir(env: Env = process.env): string {
  const dataDir = env.FENGQIAO_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
  return join(dataDir, 'codec-keys');
}

/** A key as written in a file or variable: base64 of exactly 32 bytes (`openssl rand -base64 32`). */
export function parseKey(where: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== text.trim())
    throw new Error(`codec key ${where}: expected the base64 of ${KEY_BYTES} random bytes`);
  return key;
}

export function newKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

function readKeysDir(dir: string, keys: Map<string, Buffer>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.key')) continue;
    const id = name.slice(0, -'.key'.length);
    if (!KEY_ID.test(id)) throw new Error(`codec key file ${join(dir, name)}: "${id}" is not a valid key id`);
    keys.set(id, parseKey(join(dir, name), readFileSync(join(dir, name), 'utf8')));
  }
}

/**
 * Writes a development key unless one exists. The worker and the API start side by side: the key is written to a
 * private temporary name and linked into place, which fails if another process linked its key first, so both
 * end up with the same key.
 */
export function ensureDevelopmentKey(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (readdirSync(dir).some((name) => name.endsWith('.key'))) return;
  const id = `dev-${new Date().toISOString().slice(0, 10)}`;
  const temporary = join(dir, `.${id}.${process.pid}.tmp`);
  writeFileSync(temporary, newKeyText() + '\n', { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, join(dir, `${id}.key`));
    console.warn(`[codec] made a development payload key ${join(dir, id + '.key')} (keep it; see docs/running.md)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function loadCodecKeys(env: Env = process.env): CodecKeyring {
  const keys = new Map<string, Buffer>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined) continue;
    const id = name.slice(ENV_PREFIX.length);
    if (!KEY_ID.test(id)) throw new Error(`${name}: "${id}" is not a valid key id`);
    keys.set(id, parseKey(name, value));
  }
  const dir = env.FENGQIAO_CODEC_KEYS_DIR ?? defaultKeysDir(env);
  // Only the unconfigured development setup gets a key made for it: a production directory that is empty is a
  // mistake (a secret not mounted), and encrypting with a fresh key there would strand the data.
  if (keys.size === 0 && env.FENGQIAO_CODEC_KEYS_DIR === undefined) ensureDevelopmentKey(dir);
  readKeysDir(dir, keys);
  if (keys.size === 0)
    throw new Error(`no payload codec key: set ${ENV_PREFIX}<ID> or put <id>.key files in ${dir} (docs/running.md)`);
  const chosen = env.FENGQIAO_CODEC_ENCRYPT_KEY;
  if (chosen !== undefined && !keys.has(chosen))
    throw new Error(`FENGQIAO_CODEC_ENCRYPT_KEY names "${chosen}", which is not among the codec keys found`);
  const encryptKeyId = chosen ?? [...keys.keys()].sort().at(-1)!;
  return { encryptKeyId, keys };
}
