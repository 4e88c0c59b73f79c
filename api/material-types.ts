/**
 * What a 材料 may be: its type as its first bytes say (the client's claimed type and the file name's extension
 * are not believed: a browser derives them from the name), and its size, at most `FENGQIAO_MAX_MATERIAL_BYTES`
 * (default 20 MiB: a scanned letter of many pages at 300 dpi, or a phone's photo, fits).
 */
import type { MaterialMediaType } from '../domain/petition/materials';

export const DEFAULT_MAX_MATERIAL_BYTES = 20 * 1_048_576;

export function maxMaterialBytesFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_MATERIAL_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1_024) {
    throw new Error(`FENGQIAO_MAX_MATERIAL_BYTES must be a whole number of bytes, at least 1024, not "${value}"`);
  }
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** HEIF brands a phone's HEIC photo declares in its `ftyp` box. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** The file's type by its signature, or null when it is none the store takes. */
export function sniffMediaType(bytes: Uint8Array): MaterialMediaType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
  }
  return null;
}

/** What the refusal names as the types taken. */
export const TAKEN_TYPES = 'PDF, JPEG, PNG, TIFF, HEIC';
