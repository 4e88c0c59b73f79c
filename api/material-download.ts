/**
 * GET /petitions/{id}/materials/{hash}: one 材料's file, decrypted from the store (./material-store.ts), with the
 * Bearer token in the Authorization header only. The petition goes through the same decision as every read of it
 * (`readablePetition`: a petition the principal may not read, an accusation to its accused unit above all, is
 * NOT_FOUND as one that does not exist); a material is the petitioner's own, so only a reader who sees the
 * petitioner unmasked opens it (`seesPetitioner`), and anyone else who reads the case is FORBIDDEN. Every file
 * answered and every refusal of an existing petition's file is in the personal-data access log, as
 * `material:<hash>`.
 */
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ReadModel } from '../db/read-model';
import { petitionMaterials } from '../db/schema';
import { CONTENT_ID } from '../domain/petition/materials';
import { seesPetitioner } from './access';
import { authenticate } from './auth';
import type { ApiContext, ApiDeps } from './context';
import { apiError, badInput, isReadModelFailure, READ_MODEL_UNAVAILABLE } from './errors';
import { materialSettingsOf } from './material-upload';
import { flushPersonalData, notePersonalData } from './personal-data-log';
import { errorCode, readablePetition } from './petition-access';
import { loadPetition } from './petition-reads';
import { QueryBudget } from './workflow-queries';

const ROUTE = /^\/petitions\/([^/]+)\/materials\/([^/]+)$/;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, UNAVAILABLE: 503 };

/** A file name in a Content-Disposition header: an ASCII stand-in, and the name itself as RFC 6266 allows. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  // RFC 5987's attr-char leaves out what encodeURIComponent keeps: ' ( ) *.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A material the petition keeps, as the read model has it (either dialect); a content id of another's is none. */
export function keptMaterial(db: ReadModel, petitionId: string, hash: string) {
  return db.row<{ media_type: string; name: string; size: number }>(
    sql`SELECT media_type, name, size FROM ${petitionMaterials} WHERE petition_id = ${petitionId} AND hash = ${hash}`,
  );
}

async function material(
  ctx: ApiContext,
  id: string,
  hash: string,
): Promise<{ body: Buffer; type: string; name: string }> {
  const principal = ctx.principal;
  if (!principal) throw apiError('UNAUTHENTICATED', 'send Authorization: Bearer <token>');
  const field = `material:${hash}`;
  const parent = await readablePetition(ctx, principal, id).catch(async (err: unknown) => {
    // A petition that exists and is hidden from the principal: its refusal names the file asked for too.
    if (errorCode(err) === 'NOT_FOUND' && (await loadPetition(ctx.db, id)))
      notePersonalData(ctx, { petitionId: id, outcome: 'DENIED', fields: [field] });
    throw err;
  });
  if (!seesPetitioner(principal, parent.state)) {
    notePersonalData(ctx, { petitionId: id, outcome: 'DENIED', fields: [field] });
    throw apiError('FORBIDDEN', `role ${principal.role} may not open the petitioner's materials`);
  }
  const row = await keptMaterial(ctx.db, id, hash);
  if (!row) throw apiError('NOT_FOUND', `petition ${id} keeps no material ${hash}`);
  const body = await materialSettingsOf(ctx).store.get(hash);
  if (!body) throw apiError('NOT_FOUND', `the file of material ${hash} is missing from the store`);
  notePersonalData(ctx, { petitionId: id, outcome: 'READ', fields: [field] });
  return { body, type: row.media_type, name: row.name };
}

export function useMaterialDownload(deps: ApiDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = ROUTE.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const fail = (status: number, extensions: Record<string, unknown>, message: string) =>
        endResponse(fetchAPI.Response.json({ errors: [{ message, extensions }] }, { status }));
      let ctx: ApiContext | null = null;
      try {
        const principal = await authenticate(deps.db, request.headers.get('authorization'));
        ctx = { ...deps, principal, queryBudget: new QueryBudget() };
        const [id, hash] = [segment('id', match[1]!), segment('hash', match[2]!)];
        if (!CONTENT_ID.test(hash)) throw badInput('hash', `"${hash}" is not a material's content id`);
        const file = await material(ctx, id, hash);
        await flushPersonalData(ctx);
        endResponse(
          new fetchAPI.Response(new Uint8Array(file.body), {
            headers: {
              'content-type': file.type,
              'content-length': String(file.body.length),
              'content-disposition': disposition(file.name),
            },
          }),
        );
      } catch (err) {
        // A refusal is logged as a read is; it is answered even when its entry cannot be written.
        if (ctx) await flushPersonalData(ctx).catch(() => undefined);
        if (err instanceof GraphQLError) {
          const code = String(err.extensions.code);
          return fail(STATUS[code] ?? 400, err.extensions, err.message);
        }
        if (isReadModelFailure(err)) return fail(503, { code: 'UNAVAILABLE' }, READ_MODEL_UNAVAILABLE);
        return fail(500, { code: 'INTERNAL_SERVER_ERROR' }, 'Unexpected error.');
      }
    },
  };
}

function segment(field: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badInput(field, `"${value}" is not a valid percent-encoded path segment`);
  }
}
