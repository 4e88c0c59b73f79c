/**
 * Real files for the 材料 tests, made here byte by byte: a one-page PDF and a 1×1 PNG that viewers open, each with
 * a marker text inside so a test can look for it in what was stored; and a multipart request (the GraphQL
 * multipart request spec) carrying one of them to `attachMaterial`.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { GraphQLAnswer } from './graphql';

/** A minimal PDF 1.4 whose page shows `text`, with a correct cross-reference table. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/** A 1×1 grey PNG with `text` in a tEXt chunk (a comment, as cameras and scanners write them). */
export function tinyPng(text: string): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ATTACH = `mutation($id: ID!, $file: File!, $kind: MaterialKind, $note: String) {
  attachMaterial(id: $id, file: $file, kind: $kind, note: $note) {
    id materials { hash size mediaType name kind note uploadedBy { id role } } timeline { type data }
  }
}`;

/** A multipart request of the spec: `operations`, `map`, then the file as form field "0". */
export function multipartAttach(
  variables: Record<string, unknown>,
  file: { bytes: Uint8Array; name: string; type?: string },
  query = ATTACH,
): FormData {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

/** `attachMaterial` sent to a system's API as a browser sends it: multipart, the token in the header. */
export async function attachVia(
  api: { yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> } },
  token: string | null,
  variables: Record<string, unknown>,
  file: { bytes: Uint8Array; name: string; type?: string },
): Promise<{ status: number; body: GraphQLAnswer }> {
  const response = await api.yoga.fetch('http://fengqiao.test/graphql', {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: multipartAttach(variables, file),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer };
}

/** GET /petitions/{id}/materials/{hash} with the token in the header. */
export async function download(
  api: { yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> } },
  token: string | null,
  petitionId: string,
  hash: string,
): Promise<Response> {
  return api.yoga.fetch(`http://fengqiao.test/petitions/${encodeURIComponent(petitionId)}/materials/${hash}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}
