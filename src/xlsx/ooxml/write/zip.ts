import { Zip, type ZipInputFile } from 'fflate';
import type { DeflateEngine, DeflateStream } from './deflate';

/** Where the package's bytes go, chunk by chunk, in order. */
export type Sink = (chunk: Uint8Array) => void;

// Bytes are compressed in pieces of about this size: large enough that the per-call costs vanish,
// small enough that a part never sits whole in memory.
const BYTE_CHUNK = 1 << 18;

/**
 * The UTF-8 bytes of a part, encoded piece by piece as they are written into one buffer reused
 * for every part (the engines copy what they are given). Encoding each small piece on its own is
 * several times faster than joining them first: most rows are ASCII, and a string joined from
 * them turns two-byte as soon as one piece holds a Vietnamese letter.
 */
class ByteBuffer {
  readonly encoder = new TextEncoder();
  bytes = new Uint8Array(BYTE_CHUNK);
  used = 0;
}

/** One part being written: text goes in, compressed bytes go to the package as they come. */
export class PartWriter {
  private size = 0;
  private crc = 0;
  private closed = false;

  constructor(
    private readonly file: ZipInputFile,
    private readonly stream: DeflateStream,
    private readonly engine: DeflateEngine,
    private readonly buffer: ByteBuffer,
    private readonly onClose: () => void,
  ) {}

  write(text: string): void {
    const b = this.buffer;
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    const most = text.length * 3;
    if (b.used + most > b.bytes.length) {
      this.flush();
      if (most > b.bytes.length) {
        this.push(b.encoder.encode(text));
        return;
      }
    }
    b.used += b.encoder.encodeInto(text, b.bytes.subarray(b.used)).written;
  }

  private push(bytes: Uint8Array): void {
    this.size += bytes.length;
    this.crc = this.engine.crc32(this.crc, bytes);
    this.stream.push(bytes);
  }

  private flush(): void {
    const b = this.buffer;
    if (!b.used) return;
    this.push(b.bytes.subarray(0, b.used));
    b.used = 0;
  }

  /** Ends the part; the next part may start. */
  end(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    // fflate writes size and CRC in the data descriptor after the data: they must be set before
    // the final chunk goes out.
    this.file.size = this.size;
    this.file.crc = this.crc;
    this.stream.end();
    this.onClose();
  }
}

/**
 * A ZIP package written as a stream with fflate's Zip (data descriptors, no ZIP64: up to 4 GB):
 * one part at a time, each compressed by the engine while it is produced.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private current: PartWriter | null = null;
  private error: Error | null = null;
  private readonly names = new Set<string>();
  private readonly buffer = new ByteBuffer();

  constructor(
    sink: Sink,
    private readonly engine: DeflateEngine,
    private readonly mtime: Date = new Date(),
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.error = err;
      else if (chunk.length) sink(chunk);
    });
  }

  private check(): void {
    if (this.error) throw this.error;
  }

  /** Starts a part; the previous one must have ended. */
  part(name: string): PartWriter {
    this.check();
    if (this.current) throw new Error(`part ${name} started before the previous one ended`);
    if (this.names.has(name)) throw new Error(`part ${name} written twice`);
    this.names.add(name);
    const file: ZipInputFile = { filename: name, size: 0, crc: 0, compression: 8, mtime: this.mtime };
    this.zip.add(file);
    const emit = (chunk: Uint8Array, final: boolean) => {
      (file.ondata as (err: null, chunk: Uint8Array, final: boolean) => void)(null, chunk, final);
      this.check();
    };
    let pending: Uint8Array | null = null;
    // The stream's last chunk must be flagged final, so each chunk waits for the next one.
    const stream = this.engine.open((chunk) => {
      if (pending) emit(pending, false);
      pending = chunk;
    });
    const finishing: DeflateStream = {
      push: (data) => stream.push(data),
      end: () => {
        stream.end();
        emit(pending ?? new Uint8Array(0), true);
        pending = null;
      },
    };
    this.current = new PartWriter(file, finishing, this.engine, this.buffer, () => {
      this.current = null;
    });
    return this.current;
  }

  /** A whole small part at once. */
  text(name: string, text: string): void {
    const part = this.part(name);
    part.write(text);
    part.end();
  }

  /** Writes the central directory; nothing may be added afterwards. */
  end(): void {
    if (this.current) throw new Error('the last part was not ended');
    this.zip.end();
    this.check();
  }
}
