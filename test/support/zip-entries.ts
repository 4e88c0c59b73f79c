/**
 * What a .zip (an .xlsx is one) holds, read with node:zlib alone: its entries' names from the central directory,
 * and one entry's text. Enough to check a downloaded workbook; no Zip64, no encryption.
 */
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
}

function entries(bytes: Buffer): Entry[] {
  // The end-of-central-directory record is the last 22 bytes, unless a comment (up to 64 KiB) follows it.
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const found: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error(`not a zip: bad central directory entry ${i}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    found.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return found;
}

export function zipEntryNames(bytes: Buffer): string[] {
  return entries(bytes).map((e) => e.name);
}

/** An entry's content as UTF-8 (stored or deflated). */
export function zipEntryText(bytes: Buffer, name: string): string {
  const entry = entries(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  const start =
    entry.localOffset + 30 + bytes.readUInt16LE(entry.localOffset + 26) + bytes.readUInt16LE(entry.localOffset + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}
