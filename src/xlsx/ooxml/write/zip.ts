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

/** The package's byte offsets and sizes must fit the 32-bit fields of a ZIP without ZIP64. */
const ZIP32_LIMIT = 0xffffffff;

/** What the central directory says of a part, known once it has ended. */
interface Entry {
  name: Uint8Array;
  flags: number;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** One part being written: text goes in, compressed bytes go to the package as they come. */
export class PartWriter {
  private size = 0;
  private crc = 0;
  private closed = false;

  constructor(
    private readonly stream: DeflateStream,
    private readonly engine: DeflateEngine,
    private readonly buffer: ByteBuffer,
    private readonly onClose: (crc: number, size: number) => void,
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
    this.stream.end();
    this.onClose(this.crc >>> 0, this.size);
  }
}

/** MS-DOS date and time (local time, two-second steps), as ZIP headers carry them. */
function dosDateTime(d: Date): number {
  const year = d.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError(`a ZIP cannot date a part in ${d.getFullYear()}`);
  return (
    ((year << 25) |
      ((d.getMonth() + 1) << 21) |
      (d.getDate() << 16) |
      (d.getHours() << 11) |
      (d.getMinutes() << 5) |
      (d.getSeconds() >> 1)) >>>
    0
  );
}

/** Little-endian header fields, written into a fresh array of their total size. */
class Fields {
  readonly bytes: Uint8Array;
  private at = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  u16(v: number): this {
    this.bytes[this.at++] = v & 0xff;
    this.bytes[this.at++] = (v >>> 8) & 0xff;
    return this;
  }

  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }

  raw(b: Uint8Array): this {
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }
}

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Version 2.0: deflate and data descriptors. */
const VERSION = 20;
const DEFLATE = 8;
/** General purpose flags: sizes and CRC follow the data (bit 3); the name is UTF-8 (bit 11). */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

/**
 * A ZIP package written as a stream (data descriptors, no ZIP64: up to 4 GB): one part at a
 * time, each compressed by the engine while it is produced. Written here rather than with
 * fflate's Zip, whose first use in a process cost more CPU time than writing a 1,000-task
 * workbook's sixteen small parts (its code compiled on first call); the bytes are the same.
 */
export class ZipWriter {
  private current: PartWriter | null = null;
  private readonly names = new Set<string>();
  private readonly entries: Entry[] = [];
  private readonly buffer = new ByteBuffer();
  private readonly time: number;
  private offset = 0;
  private ended = false;

  constructor(
    private readonly sink: Sink,
    private readonly engine: DeflateEngine,
    mtime: Date = new Date(),
  ) {
    this.time = dosDateTime(mtime);
  }

  private emit(bytes: Uint8Array): void {
    if (!bytes.length) return;
    this.offset += bytes.length;
    if (this.offset > ZIP32_LIMIT)
      throw new RangeError('the package is over 4 GB, more than a ZIP without ZIP64 holds');
    this.sink(bytes);
  }

  /** Starts a part; the previous one must have ended. */
  part(name: string): PartWriter {
    if (this.ended) throw new Error(`part ${name} started after the package ended`);
    if (this.current) throw new Error(`part ${name} started before the previous one ended`);
    if (this.names.has(name)) throw new Error(`part ${name} written twice`);
    this.names.add(name);
    const encoded = this.buffer.encoder.encode(name);
    const ascii = encoded.length === name.length;
    const entry: Entry = {
      name: encoded,
      flags: FLAG_DESCRIPTOR | (ascii ? 0 : FLAG_UTF8),
      offset: this.offset,
      crc: 0,
      compressed: 0,
      size: 0,
    };
    this.emit(
      new Fields(30 + encoded.length)
        .u32(LOCAL)
        .u16(VERSION)
        .u16(entry.flags)
        .u16(DEFLATE)
        .u32(this.time)
        .u32(0)
        .u32(0)
        .u32(0)
        .u16(encoded.length)
        .u16(0)
        .raw(encoded).bytes,
    );
    const dataStart = this.offset;
    const stream = this.engine.open((chunk) => this.emit(chunk));
    this.current = new PartWriter(stream, this.engine, this.buffer, (crc, size) => {
      entry.crc = crc;
      entry.size = size;
      entry.compressed = this.offset - dataStart;
      if (size > ZIP32_LIMIT) throw new RangeError(`part ${name} is over 4 GB`);
      this.emit(new Fields(16).u32(DESCRIPTOR).u32(crc).u32(entry.compressed).u32(size).bytes);
      this.entries.push(entry);
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
    if (this.ended) return;
    this.ended = true;
    const start = this.offset;
    for (const e of this.entries)
      this.emit(
        new Fields(46 + e.name.length)
          .u32(CENTRAL)
          .u16(VERSION) // made by: version 2.0, MS-DOS attributes
          .u16(VERSION)
          .u16(e.flags)
          .u16(DEFLATE)
          .u32(this.time)
          .u32(e.crc)
          .u32(e.compressed)
          .u32(e.size)
          .u16(e.name.length)
          .u16(0) // extra field
          .u16(0) // comment
          .u16(0) // disk
          .u16(0) // internal attributes
          .u32(0) // external attributes
          .u32(e.offset)
          .raw(e.name).bytes,
      );
    const size = this.offset - start;
    const count = this.entries.length;
    if (count > 0xffff) throw new RangeError('a ZIP without ZIP64 holds at most 65,535 parts');
    this.emit(new Fields(22).u32(END).u16(0).u16(0).u16(count).u16(count).u32(size).u32(start).u16(0).bytes);
  }
}
