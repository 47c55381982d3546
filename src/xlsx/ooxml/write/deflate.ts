import { Deflate } from 'fflate';
import { crc32 } from './crc32';

/** A raw DEFLATE stream (RFC 1951): bytes in, compressed chunks out through the callback. */
export interface DeflateStream {
  /** The caller reuses `data`'s memory once this returns: keep a copy of what is not yet compressed. */
  push(data: Uint8Array): void;
  /** Flushes what is left and ends the stream. */
  end(): void;
}

/**
 * How parts are compressed. The default (fflate, pure JavaScript) runs everywhere; Node can pass
 * its native zlib (src/xlsx/node-deflate.ts), several times faster.
 */
export interface DeflateEngine {
  open(emit: (chunk: Uint8Array) => void): DeflateStream;
  /** CRC-32 of `data` continued from `crc` (0 to start). */
  crc32(crc: number, data: Uint8Array): number;
}

/** fflate's streaming deflate; level 1 is fast and still shrinks sheet XML about tenfold. */
export function fflateEngine(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): DeflateEngine {
  return {
    open(emit) {
      const deflate = new Deflate({ level }, (chunk) => {
        if (chunk.length) emit(chunk);
      });
      return {
        push: (data) => deflate.push(data, false),
        end: () => deflate.push(new Uint8Array(0), true),
      };
    },
    crc32,
  };
}
