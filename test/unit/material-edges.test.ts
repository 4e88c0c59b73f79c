/**
 * Uploads at the API's edge, over real HTTP (node:http, as api/main.ts serves it; Temporal down, which none of
 * this reaches): a multipart body larger than the API's 1 MiB limit is let in for a principal who may attach a
 * material and judged by the material limit, while anyone else's is refused as every large body is, before it is
 * parsed; a JSON body keeps the 1 MiB limit whoever sends it.
 */
import { Client } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { MaterialStore } from '../../api/material-store';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { newKeyText, parseKey } from '../../worker/codec-keys';
import { multipartAttach } from '../support/material-files';
import { issueTokenNow } from '../support/tokens';

const LIMIT = 1_048_576;
const MATERIAL_LIMIT = 2 * LIMIT;

let dir: string;
let db: ReadModel;
let server: Server;
let base: string;
const tokens = {} as Record<'registrar' | 'supervisor', string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-upload-edge-'));
  db = openReadModel(join(dir, 'fengqiao.db'));
  await seedUnits(db);
  const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', 1) });
  const keyring = { encryptKeyId: 'k', keys: new Map([['k', parseKey('k', newKeyText())]]) };
  const materials = { store: new MaterialStore(join(dir, 'attachments'), keyring), maxBytes: MATERIAL_LIMIT };
  const edges = { corsOrigins: [], maxBodyBytes: LIMIT };
  server = createServer(
    createFengqiaoYoga({ db, temporal, taskQueue: 'unused', profileId: DEFAULT_PROFILE_ID, edges, materials }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const role of ['REGISTRAR', 'SUPERVISOR'] as const)
    tokens[role.toLowerCase() as keyof typeof tokens] = issueTokenNow(db, {
      role,
      principalId: `edge-${role}`,
      unitId: null,
      memberId: null,
    });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 9, 0x20)]);

async function upload(token: string | null, bytes: Buffer) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: multipartAttach({ id: 'XF-0000DEADBEEF' }, { bytes, name: 'scan.pdf' }),
  });
  return { status: response.status, error: ((await response.json()) as any).errors?.[0] };
}

describe('the body limit of uploads', () => {
  it('lets a registrar send a file past 1 MiB, judged by the material limit', async () => {
    // Past the API's limit, within the material's: parsed, and refused only for the petition it names.
    const within = await upload(tokens.registrar, pdfOf(LIMIT + 100_000));
    expect(within.status).not.toBe(413);
    expect(within.error.extensions.code).toMatch(/^(NOT_FOUND|UNAVAILABLE)$/);
    const over = await upload(tokens.registrar, pdfOf(MATERIAL_LIMIT + 1));
    expect(over.error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'file', limit: MATERIAL_LIMIT });
    const farOver = await upload(tokens.registrar, pdfOf(MATERIAL_LIMIT + LIMIT + 1));
    expect(farOver.status).toBe(413);
    expect(farOver.error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'file' });
    const text = await upload(tokens.registrar, Buffer.from('just text, named scan.pdf'));
    expect(text.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'UNSUPPORTED_TYPE' });
  });

  it('holds everyone else, and every JSON body, to the API limit', async () => {
    for (const token of [tokens.supervisor, null, 'fq_not-a-token']) {
      const refused = await upload(token, pdfOf(LIMIT + 100_000));
      expect(refused.status).toBe(413);
      expect(refused.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUEST_ENTITY_TOO_LARGE' });
    }
    const json = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.registrar}` },
      body: JSON.stringify({ query: '{ viewer { id } }', padding: 'x'.repeat(LIMIT) }),
    });
    expect(json.status).toBe(413);
  });
});
