/**
 * 材料: the scanned letters, evidence and photos kept with a petition. The file itself lives outside the history,
 * encrypted in the API's content-addressed store (api/material-store.ts, docs/attachments.md); the history holds
 * what names and describes it — its content id, size, sniffed type, the name it was uploaded under, its kind, who
 * uploaded it — which the workflow adds to the petition and its timeline.
 */
import { Refusal } from '../error-codes';
import { badInput, defineCommand, withEvent } from './lifecycle';
import type { Actor, PetitionState } from './state';

/** 来信原件 / 证据材料 / 照片 / 身份证明 / 其他. */
export const MATERIAL_KINDS = ['LETTER', 'EVIDENCE', 'PHOTO', 'IDENTITY', 'OTHER'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** The types the store takes, as sniffed from the file's first bytes (api/material-types.ts), never as claimed. */
export const MATERIAL_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/heic'] as const;
export type MaterialMediaType = (typeof MATERIAL_MEDIA_TYPES)[number];

/** A content id: the store's keyed hash of the file (64 hex digits), which is also its name there. */
export const CONTENT_ID = /^[0-9a-f]{64}$/;
export const MATERIAL_NAME_MAX = 255;

export interface Material {
  /** The content id in the store (api/material-store.ts). */
  hash: string;
  size: number;
  mediaType: MaterialMediaType;
  /** The file's name as uploaded; may name the petitioner, so it is masked as every other text is. */
  name: string;
  kind: MaterialKind;
  note: string | null;
  uploadedAt: number;
  uploadedBy: Actor;
}

export interface AttachMaterialCommand {
  hash: string;
  size: number;
  mediaType: MaterialMediaType;
  name: string;
  kind: MaterialKind;
  note: string | null;
  actor: Actor;
}

export const attachMaterial = defineCommand<AttachMaterialCommand>('attachMaterial', {
  check: (state, cmd) => {
    if (!CONTENT_ID.test(cmd.hash)) badInput('file', 'the material has no valid content id');
    if (!Number.isInteger(cmd.size) || cmd.size <= 0) badInput('file', 'the material is empty');
    if (!(MATERIAL_MEDIA_TYPES as readonly string[]).includes(cmd.mediaType))
      badInput('file', `the material's type ${cmd.mediaType} is not one the store takes`);
    if (!(MATERIAL_KINDS as readonly string[]).includes(cmd.kind)) badInput('kind', `no material kind ${cmd.kind}`);
    if (cmd.name.length === 0 || cmd.name.length > MATERIAL_NAME_MAX)
      badInput('file', `a file name has 1 to ${MATERIAL_NAME_MAX} characters`);
    // The same file twice on one petition would list it twice; on another petition it is stored once anyway.
    if ((state.materials ?? []).some((m) => m.hash === cmd.hash))
      throw new Refusal('BAD_USER_INPUT', `petition ${state.petitionId} already has this file`, {
        field: 'file',
        reason: 'ALREADY_ATTACHED',
      });
  },
  change: (state: PetitionState, cmd, ctx) => {
    const material: Material = {
      hash: cmd.hash,
      size: cmd.size,
      mediaType: cmd.mediaType,
      name: cmd.name,
      kind: cmd.kind,
      note: cmd.note,
      uploadedAt: ctx.now,
      uploadedBy: cmd.actor,
    };
    const next = { ...state, materials: [...(state.materials ?? []), material] };
    // The event names the file by its content id only: its name stays in the petition's materials.
    return withEvent(next, ctx.now, 'MATERIAL_ATTACHED', cmd.actor, cmd.note, {
      hash: cmd.hash,
      kind: cmd.kind,
      mediaType: cmd.mediaType,
      size: cmd.size,
    });
  },
});
