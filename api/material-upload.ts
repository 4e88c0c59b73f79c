/**
 * `attachMaterial`'s arguments turned into its command: the file read and judged first — its size against the
 * limit, its type by its first bytes — so a refused file reaches neither the store nor Temporal; then, once the
 * petition is known to be one the principal may act on, the file stored (./material-store.ts) and the command
 * built with its content id. A file stored for a command the workflow then refuses stays in the store unnamed by
 * any history; the same content uploaded again finds it there.
 */
import { COMMAND_ROLES } from '../domain/petition/actors';
import { MATERIAL_NAME_MAX, type MaterialKind } from '../domain/petition/materials';
import { authenticate } from './auth';
import type { CommandBuilder } from './command-builders';
import type { UploadAllowance } from './edges';
import type { ApiDeps } from './context';
import { apiError, badInput } from './errors';
import type * as gql from './generated/resolvers-types';
import { TEXT, optionalText } from './input-rules';
import { materialStoreFromEnv, type MaterialStore } from './material-store';
import { maxMaterialBytesFromEnv, sniffMediaType, TAKEN_TYPES } from './material-types';

/** What the API knows of materials: where they are stored, and how large one may be. */
export interface MaterialSettings {
  store: MaterialStore;
  maxBytes: number;
}

/** The settings the server was made with (./create-yoga.ts fills them in from the environment when none are given). */
export function materialSettingsOf(deps: ApiDeps): MaterialSettings {
  if (!deps.materials) throw new Error('the API was made without a material store');
  return deps.materials;
}

export function materialSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MaterialSettings {
  return { store: materialStoreFromEnv(env), maxBytes: maxMaterialBytesFromEnv(env.FENGQIAO_MAX_MATERIAL_BYTES) };
}

/**
 * Who may send a body larger than the API's limit (./edges.ts): a multipart request whose token's role may attach a
 * material. Anyone else's is held to the limit of every request, before a byte of it is parsed.
 */
export function uploadAllowance(deps: ApiDeps, settings: MaterialSettings): UploadAllowance {
  return {
    maxBytes: settings.maxBytes,
    allowed: async (request) => {
      const principal = await authenticate(deps.db, request.headers.get('authorization')).catch(() => null);
      return (
        principal !== null && (principal.role === 'ADMIN' || COMMAND_ROLES.attachMaterial.includes(principal.role))
      );
    },
  };
}

/** A file as the multipart parser hands it over (the fetch API's File, whichever implementation made it). */
interface UploadedFile {
  name?: unknown;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  const file = value as Partial<UploadedFile> | null;
  return (
    typeof file === 'object' && file !== null && typeof file.size === 'number' && typeof file.arrayBuffer === 'function'
  );
}

/** The name without any path a browser put before it (`C:\fakepath\…`); a nameless file is called as its type. */
function fileName(file: UploadedFile, extension: string): string {
  const given = typeof file.name === 'string' ? (file.name.split(/[/\\]/).at(-1) ?? '') : '';
  const rule = { kind: 'line', max: MATERIAL_NAME_MAX } as const;
  return optionalText('file', given, rule) ?? `材料.${extension}`;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/heic': 'heic',
};

export const buildAttachMaterial: CommandBuilder<'attachMaterial', gql.MutationAttachMaterialArgs> = async (
  args,
  { deps, actor },
) => {
  const settings = materialSettingsOf(deps);
  if (!isUploadedFile(args.file)) throw badInput('file', 'file: send the file in a multipart request');
  if (args.file.size > settings.maxBytes) throw tooLarge(settings.maxBytes);
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  if (bytes.length > settings.maxBytes) throw tooLarge(settings.maxBytes);
  if (bytes.length === 0) throw badInput('file', 'file: the file is empty');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw apiError('BAD_USER_INPUT', `file: not a file of a type kept with petitions (${TAKEN_TYPES}, by content)`, {
      field: 'file',
      reason: 'UNSUPPORTED_TYPE',
      accepted: TAKEN_TYPES,
    });
  }
  const name = fileName(args.file, EXTENSIONS[mediaType]!);
  const note = optionalText('note', args.note, TEXT.note);
  const kind: MaterialKind = args.kind ?? 'OTHER';
  return async () => {
    const { id } = await settings.store.put(bytes);
    return { hash: id, size: bytes.length, mediaType, name, kind, note, actor };
  };
};

function tooLarge(maxBytes: number) {
  return apiError('LIMIT_EXCEEDED', `file: larger than ${maxBytes} bytes, the limit of one material`, {
    field: 'file',
    limit: maxBytes,
  });
}
