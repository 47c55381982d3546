/**
 * Writes a package back with fflate: an entry that was not edited is copied with its compressed
 * bytes and checksum exactly as they were (no decompression, no re-serialisation); edited and new
 * parts are deflated.
 */
import { Zip, ZipDeflate, ZipInputFile } from 'fflate';
import type { ZipCodec } from '../codec';
import type { ZipEntry } from '../zip';

export type OutputEntry =
  | { kind: 'copy'; entry: ZipEntry; raw: Uint8Array }
  | { kind: 'data'; name: string; data: Uint8Array; mtime?: Date };

/** The moment an MS-DOS date and time stand for (local time, as zip tools write them). */
function dosToDate(date: number, time: number): Date {
  const year = 1980 + (date >> 9);
  const month = ((date >> 5) & 15) - 1;
  const day = date & 31 || 1;
  return new Date(year, month, day, time >> 11, (time >> 5) & 63, (time & 31) * 2);
}

// Large parts are deflated fast; small ones (most of a package) compress better at the default.
const FAST_ABOVE = 256 * 1024;

/** A part compressed by the codec, added to the archive as already-compressed data. */
function addCompressed(zip: Zip, name: string, data: Uint8Array, mtime: Date, codec: ZipCodec): void {
  const level = data.length > FAST_ABOVE ? 1 : 6;
  const file: ZipInputFile = {
    filename: name,
    size: data.length,
    crc: codec.crc32(data),
    compression: 8,
    // The deflate level hint of the flag, as fflate records it: 3 for level 1, 0 for level 6.
    flag: level === 1 ? 3 : 0,
    mtime,
  };
  zip.add(file);
  (file.ondata as (err: null, data: Uint8Array, final: boolean) => void)(
    null,
    codec.deflate(data, level),
    true,
  );
}

/** The package's bytes; with a codec, edited parts are compressed by it (Node's zlib) instead of fflate. */
export function writeZip(entries: OutputEntry[], now: Date = new Date(), codec?: ZipCodec): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  for (const item of entries) {
    if (item.kind === 'copy') {
      const { entry, raw } = item;
      const file: ZipInputFile = {
        filename: entry.name,
        size: entry.size,
        crc: entry.crc,
        compression: entry.method,
        // Bits 1–2 of the flag: the deflate level hint the producer recorded.
        flag: (entry.flags >> 1) & 3,
        mtime: dosToDate(entry.dosDate, entry.dosTime),
      };
      zip.add(file);
      (file.ondata as (err: null, data: Uint8Array, final: boolean) => void)(null, raw, true);
    } else if (codec) addCompressed(zip, item.name, item.data, item.mtime ?? now, codec);
    else {
      const file = new ZipDeflate(item.name, { level: item.data.length > FAST_ABOVE ? 1 : 6 });
      file.mtime = item.mtime ?? now;
      zip.add(file);
      file.push(item.data, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
