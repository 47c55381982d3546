/**
 * The zip container of an .xlsx, read lazily: the central directory once, then only the entries
 * asked for are decompressed (by fflate). Pure TypeScript, so the page reads packages the same
 * way the CLI does.
 */
import { FFLATE_CODEC } from './codec';
import {
  compressionBomb,
  damagedPart,
  emptyFile,
  encryptedEntry,
  FileLabel,
  legacyOrEncrypted,
  notAPackage,
  overlappingEntries,
  partTooLarge,
  truncated,
} from './errors';
import { DEFAULT_LIMITS, ReadLimits } from './limits';

/** Decompresses raw deflate data of a known uncompressed size. */
export type Inflater = (compressed: Uint8Array, size: number) => Uint8Array;

export interface ZipEntry {
  /** The item name as stored in the archive. */
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** MS-DOS time and date of the entry, kept for copies. */
  readonly dosTime: number;
  readonly dosDate: number;
  /** Where the compressed data starts in the archive. */
  readonly dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RATIO_CHECK_FROM = 1024 * 1024;

const fflateInflater: Inflater = FFLATE_CODEC.inflate;

const NAME_DECODER = new TextDecoder('utf-8');

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly file: FileLabel,
    private readonly limits: ReadLimits,
    private readonly inflater: Inflater,
  ) {
    for (const e of entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  /** Reads the central directory; refuses what is not a zip with a message about the file. */
  static open(
    bytes: Uint8Array,
    file: FileLabel = {},
    limits: ReadLimits = DEFAULT_LIMITS,
    inflater: Inflater = fflateInflater,
  ): ZipArchive {
    if (bytes.length === 0) throw emptyFile(file);
    if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) throw legacyOrEncrypted(file);
    const startsLikeZip = readU32(bytes, 0) === SIG_LOCAL;
    const end = findEndRecord(bytes);
    if (end < 0) throw startsLikeZip ? truncated(file) : notAPackage(file);
    const entries = readCentralDirectory(bytes, end, file, startsLikeZip);
    return new ZipArchive(bytes, entries, file, limits, inflater);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's data as stored (compressed), a view into the archive. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /** The entry's content, decompressed, after the size and ratio limits. */
  read(entry: ZipEntry): Uint8Array {
    if (entry.flags & 1) throw encryptedEntry(this.file, entry.name);
    if (entry.size > this.limits.maxPartBytes)
      throw partTooLarge(this.file, entry.name, entry.size, this.limits.maxPartBytes);
    if (
      entry.size > RATIO_CHECK_FROM &&
      entry.size / Math.max(1, entry.compressedSize) > this.limits.maxCompressionRatio
    )
      throw compressionBomb(
        this.file,
        entry.name,
        entry.size / Math.max(1, entry.compressedSize),
        this.limits.maxCompressionRatio,
      );
    const data = this.raw(entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damagedPart(this.file, entry.name);
      return data;
    }
    if (entry.method !== 8) throw damagedPart(this.file, entry.name);
    let out: Uint8Array;
    try {
      out = this.inflater(data, entry.size);
    } catch (e) {
      if (e instanceof RangeError && /alloc/i.test(e.message))
        throw partTooLarge(this.file, entry.name, entry.size, this.limits.maxPartBytes);
      throw damagedPart(this.file, entry.name, e);
    }
    if (out.length !== entry.size) throw damagedPart(this.file, entry.name);
    return out;
  }
}

function readU16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function readU64(b: Uint8Array, at: number): number {
  return readU32(b, at) + readU32(b, at + 4) * 0x1_0000_0000;
}

/** The end-of-central-directory record: within the last 22 + 65,535 (comment) bytes. */
function findEndRecord(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && readU32(b, i) === SIG_END) return i;
  }
  return -1;
}

function readCentralDirectory(
  b: Uint8Array,
  end: number,
  file: FileLabel,
  startsLikeZip: boolean,
): ZipEntry[] {
  let count = readU16(b, end + 10);
  let cdSize = readU32(b, end + 12);
  let cdOffset = readU32(b, end + 16);
  const locator = end - 20;
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    locator >= 0 &&
    readU32(b, locator) === SIG_END64_LOCATOR
  ) {
    const end64 = readU64(b, locator + 8);
    if (end64 + 56 > b.length || readU32(b, end64) !== SIG_END64) throw truncated(file);
    count = readU64(b, end64 + 32);
    cdSize = readU64(b, end64 + 40);
    cdOffset = readU64(b, end64 + 48);
  }
  if (cdOffset + cdSize > b.length) throw startsLikeZip ? truncated(file) : notAPackage(file);
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || readU32(b, at) !== SIG_CENTRAL) throw truncated(file);
    const nameLength = readU16(b, at + 28);
    const extraLength = readU16(b, at + 30);
    const commentLength = readU16(b, at + 32);
    const name = NAME_DECODER.decode(b.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = readU32(b, at + 20);
    let size = readU32(b, at + 24);
    let localOffset = readU32(b, at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field: the 8-byte values, in this order, of the fields that overflowed.
      const extra = b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let x = 0; x + 4 <= extra.length;) {
        const id = readU16(extra, x);
        const len = readU16(extra, x + 2);
        if (id === 1) {
          let p = x + 4;
          if (size === 0xffffffff) ((size = readU64(extra, p)), (p += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = readU64(extra, p)), (p += 8));
          if (localOffset === 0xffffffff) localOffset = readU64(extra, p);
          break;
        }
        x += 4 + len;
      }
    }
    if (localOffset + 30 > b.length || readU32(b, localOffset) !== SIG_LOCAL) throw truncated(file);
    const dataOffset = localOffset + 30 + readU16(b, localOffset + 26) + readU16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw truncated(file);
    entries.push({
      name,
      method: readU16(b, at + 10),
      flags: readU16(b, at + 8),
      dosTime: readU16(b, at + 12),
      dosDate: readU16(b, at + 14),
      crc: readU32(b, at + 16),
      compressedSize,
      size,
      dataOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  rejectOverlaps(entries, file);
  return entries;
}

/** Entries sharing compressed bytes are how the worst zip bombs multiply one stream. */
function rejectOverlaps(entries: ZipEntry[], file: FileLabel): void {
  const sorted = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.dataOffset + prev.compressedSize > sorted[i].dataOffset - 30)
      throw overlappingEntries(file, sorted[i].name);
  }
}
