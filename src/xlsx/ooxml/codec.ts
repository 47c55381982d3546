/**
 * How a package's parts are decompressed when read and compressed when an edit writes them back.
 * The default is fflate (pure JavaScript, so the page reads and edits packages the same way the
 * CLI does); Node passes its native zlib (src/xlsx/node-deflate.ts), several times faster on the
 * megabytes of a task sheet and its shared strings.
 */
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from './write/crc32';

export interface ZipCodec {
  /** Raw DEFLATE data announced to expand to `size` bytes; more output than that must show. */
  inflate(compressed: Uint8Array, size: number): Uint8Array;
  /** A whole part as raw DEFLATE. */
  deflate(data: Uint8Array, level: 1 | 6): Uint8Array;
  crc32(data: Uint8Array): number;
}

export const FFLATE_CODEC: ZipCodec = {
  // One byte more than announced, so an entry that expands beyond its stated size shows.
  inflate: (compressed, size) => inflateSync(compressed, { out: new Uint8Array(size + 1) }),
  deflate: (data, level) => deflateSync(data, { level }),
  crc32: (data) => crc32(0, data),
};
