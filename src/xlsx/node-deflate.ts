/**
 * Node's native zlib as the writer's deflate engine (the CLI and benchmarks; never bundled for
 * the browser). zlib has no synchronous streaming call, so each batch of about 1 MB is compressed
 * on its own and ended with a sync flush (byte-aligned, not final): concatenated, the batches
 * form one valid DEFLATE stream, closed by an empty final block.
 */
import * as zlib from 'node:zlib';
import type { ZipCodec } from './ooxml/codec';
import type { DeflateEngine } from './ooxml/write/deflate';
import { crc32 as jsCrc32 } from './ooxml/write/crc32';

const BATCH = 1 << 20;
const FIRST_BATCH = 1 << 16;
const OUTPUT_CHUNK = 1 << 18;
const DEFAULT_OUTPUT_CHUNK = 1 << 14;

// zlib.crc32 arrived in Node 20.15; older Node 20 releases use the JavaScript one.
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export function zlibEngine(level = 1): DeflateEngine {
  return {
    open(emit) {
      // Grown on demand: most parts are a few kilobytes, the task sheet many megabytes.
      let batch = Buffer.allocUnsafe(FIRST_BATCH);
      let used = 0;
      const compress = (finish: boolean) => {
        const input = batch.subarray(0, used);
        const out = zlib.deflateRawSync(input, {
          level,
          finishFlush: finish ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
          // Room for the whole output of a batch (sheet XML shrinks about tenfold), so zlib does
          // not produce it in 16 KB pieces and join them.
          chunkSize: Math.max(DEFAULT_OUTPUT_CHUNK, Math.min(OUTPUT_CHUNK, used >> 2)),
        });
        if (out.length) emit(out);
        used = 0;
      };
      return {
        push(data) {
          let at = 0;
          while (at < data.length) {
            if (used === batch.length) {
              if (batch.length < BATCH) {
                const bigger = Buffer.allocUnsafe(Math.min(BATCH, batch.length * 4));
                batch.copy(bigger, 0, 0, used);
                batch = bigger;
              } else compress(false);
            }
            const n = Math.min(data.length - at, batch.length - used);
            batch.set(data.subarray(at, at + n), used);
            used += n;
            at += n;
          }
        },
        end() {
          compress(true);
          batch = Buffer.alloc(0);
        },
      };
    },
    crc32: nativeCrc ? (crc, data) => nativeCrc(data, crc) : jsCrc32,
  };
}

/** zlib's smallest output chunk, and the largest this codec asks for in one piece. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 1 << 26;
/** Deflated XML is rarely more than a quarter of its size: one output chunk holds it. */
const deflateChunk = (size: number) => Math.max(DEFAULT_OUTPUT_CHUNK, Math.min(MAX_CHUNK, size >> 2));

/**
 * Node's zlib for reading and editing packages (the CLI and benchmarks), whatever the part's
 * size. Measured on the merge benchmark's 51 packages (2026-12-02, CPU time, warm): inflating
 * their 800 parts took 20 ms with fflate and 11 ms with zlib; deflating a 1–60 KB part at level
 * 1 takes zlib half to a fifth of fflate's time. An earlier threshold (fflate under 64 KB)
 * assumed zlib's set-up cost more than a small part; it does not.
 *
 * Output comes in one chunk the size of the part (announced size for inflate, a quarter of the
 * input for deflate): with zlib's default 16 KB chunks a 5.7 MB shared-string table came out in
 * 350 pieces that Buffer.concat then copied into yet another 5.7 MB buffer, the copy and its fresh
 * pages a third of the inflate's time. The bytes are the same either way.
 */
export function nodeZipCodec(): ZipCodec {
  return {
    // One byte more than announced allowed, so an entry that expands beyond its size shows.
    inflate: (compressed, size) =>
      zlib.inflateRawSync(compressed, {
        maxOutputLength: size + 1,
        chunkSize: Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, size + 1)),
      }),
    deflate: (data, level) => zlib.deflateRawSync(data, { level, chunkSize: deflateChunk(data.length) }),
    crc32: (data) => (nativeCrc ? nativeCrc(data, 0) : jsCrc32(0, data)),
  };
}
