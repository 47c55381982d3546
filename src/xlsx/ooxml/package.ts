/**
 * An OOXML package opened once from its bytes: parts found by name the way the Open Packaging
 * Conventions define it (case-insensitive, percent-encoding decoded), content types, and
 * relationships resolved from their source part: relative targets (`worksheets/sheet1.xml`,
 * `../drawings/x.xml`, `./x`), absolute part names (`/xl/tables/table1.xml`, as openpyxl and
 * pandas write them), external targets ignored.
 */
import { damagedPart, FileLabel, notAWorkbook } from './errors';
import { DEFAULT_LIMITS, ReadLimits } from './limits';
import { isSml, NS_CONTENT_TYPES, NS_NONE, NS_PKG_REL, relationshipKind } from './namespaces';
import { EOF, START, XmlScanner, XmlSyntaxError } from './scanner';
import { FFLATE_CODEC, ZipCodec } from './codec';
import { ZipArchive, ZipEntry } from './zip';
import type { TextPool } from './text-pool';

export interface Relationship {
  id: string;
  /** The relationship type URI as written. */
  type: string;
  /** Its last segment for the officeDocument vocabularies (transitional or strict): 'worksheet', 'table' … */
  kind: string | null;
  /** The target as written. */
  target: string;
  external: boolean;
  /** The part it points to, as named in the archive; null when external or absent. */
  part: string | null;
}

export interface OpenOptions extends FileLabel {
  limits?: Partial<ReadLimits>;
  /** Decompression (and, for an editor, compression) of parts; fflate by default. */
  codec?: ZipCodec;
  /** Texts decoded from other packages of the same command, to take instead of decoding again. */
  texts?: TextPool;
}

const SMALL_PART = 256 * 1024;
/**
 * Large parts kept decompressed, most recent last: a read locates the task table (its header
 * row) then reads it, and a merge edits the task sheet and the meta sheet it has just read, so
 * the two last large parts are asked for again at once; two bounds the memory held.
 */
const LARGE_PARTS_KEPT = 2;

/** The UTF-16 encoding its byte order mark names, or null for UTF-8 (the usual case). */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The key a part name is found under: no leading slash, percent-decoded, NFC, lower case. */
export function partKey(name: string): string {
  let n = name.replace(/\\/g, '/').replace(/^\/+/, '');
  if (n.includes('%')) {
    try {
      n = decodeURIComponent(n);
    } catch {
      // A stray "%" is a literal character in a zip item name.
    }
  }
  return n.normalize('NFC').toLowerCase();
}

/** A relative target without `.` or `..` segments, empty segments, backslashes, `#` or `?`. */
const PLAIN_TARGET = /^(?!\.\.?(?:\/|$))(?:[^/\\#?]+\/(?!\.\.?(?:\/|$)))*[^/\\#?]+$/;

/** The part a relationship target names, relative to the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  // Nearly every target is a plain relative path (`worksheets/sheet1.xml`): joined at once.
  if (PLAIN_TARGET.test(target)) return source.slice(0, source.lastIndexOf('/') + 1) + target;
  const bare = target.replace(/\\/g, '/').replace(/[#?].*$/, '');
  const base = bare.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const segments = [...base];
  for (const seg of bare.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relsPartOf(source: string): string {
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

export class OoxmlPackage {
  readonly zip: ZipArchive;
  readonly file: FileLabel;
  readonly limits: ReadLimits;
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private types: { defaults: Map<string, string>; overrides: Map<string, string> } | null = null;
  /** Small parts read more than once (the workbook, relationships) are decompressed once. */
  private readonly smallParts = new Map<string, Uint8Array>();
  private readonly largeParts = new Map<string, Uint8Array>();

  readonly codec: ZipCodec;
  readonly texts: TextPool | null;

  private constructor(
    zip: ZipArchive,
    file: FileLabel,
    limits: ReadLimits,
    codec: ZipCodec,
    texts: TextPool | null,
  ) {
    this.zip = zip;
    this.file = file;
    this.limits = limits;
    this.codec = codec;
    this.texts = texts;
    for (const e of zip.entries) {
      if (e.name.endsWith('/')) continue;
      const key = partKey(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
  }

  static open(bytes: Uint8Array, options: OpenOptions = {}): OoxmlPackage {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const file: FileLabel = { fileName: options.fileName };
    const codec = options.codec ?? FFLATE_CODEC;
    return new OoxmlPackage(
      ZipArchive.open(bytes, file, limits, codec.inflate),
      file,
      limits,
      codec,
      options.texts ?? null,
    );
  }

  /** Every part's name as stored in the archive, in archive order. */
  partNames(): string[] {
    return this.zip.entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  }

  /** The stored name of the part called `name` in any case or encoding, or null. */
  find(name: string): string | null {
    return this.byKey.get(partKey(name))?.name ?? null;
  }

  entry(name: string): ZipEntry | null {
    return this.byKey.get(partKey(name)) ?? null;
  }

  bytes(name: string): Uint8Array {
    const entry = this.entry(name);
    if (!entry) throw damagedPart(this.file, name);
    const cached = this.smallParts.get(entry.name);
    if (cached) return cached;
    const large = this.largeParts.get(entry.name);
    if (large) {
      this.largeParts.delete(entry.name);
      this.largeParts.set(entry.name, large);
      return large;
    }
    const bytes = this.zip.read(entry);
    if (bytes.length <= SMALL_PART) this.smallParts.set(entry.name, bytes);
    else {
      this.largeParts.set(entry.name, bytes);
      if (this.largeParts.size > LARGE_PARTS_KEPT)
        this.largeParts.delete(this.largeParts.keys().next().value as string);
    }
    return bytes;
  }

  /** The part's text (UTF-8, or UTF-16 with its byte order mark). */
  text(name: string): string {
    const bytes = this.bytes(name);
    return new TextDecoder(utf16Of(bytes) ?? 'utf-8').decode(bytes);
  }

  /** A scanner over the part's bytes (a UTF-16 part is converted to UTF-8 first). */
  scanner(name: string): XmlScanner {
    const bytes = this.bytes(name);
    return new XmlScanner(utf16Of(bytes) ? new TextEncoder().encode(this.text(name)) : bytes, name);
  }

  /** Runs a reader over a part; malformed XML becomes a message about the file and part. */
  parse<T>(name: string, read: (sc: XmlScanner) => T): T {
    try {
      return read(this.scanner(name));
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw damagedPart(this.file, name, e);
      throw e;
    }
  }

  contentType(name: string): string | null {
    const types = this.contentTypes();
    const key = partKey(name);
    const override = types.overrides.get(key);
    if (override) return override;
    const dot = key.lastIndexOf('.');
    return dot < 0 ? null : (types.defaults.get(key.slice(dot + 1)) ?? null);
  }

  private contentTypes(): { defaults: Map<string, string>; overrides: Map<string, string> } {
    if (this.types) return this.types;
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    const name = this.find('[Content_Types].xml');
    if (name)
      this.parse(name, (sc) => {
        for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
          if (ev !== START || (sc.ns !== NS_CONTENT_TYPES && sc.ns !== NS_NONE)) continue;
          const type = sc.attr('ContentType');
          if (!type) continue;
          if (sc.local === 'Default') defaults.set((sc.attr('Extension') ?? '').toLowerCase(), type);
          else if (sc.local === 'Override') overrides.set(partKey(sc.attr('PartName') ?? ''), type);
        }
      });
    this.types = { defaults, overrides };
    return this.types;
  }

  /** The relationships of a part ('' for the package's own), targets resolved; none when it has no .rels part. */
  relationships(source: string): Relationship[] {
    const cached = this.relsCache.get(source);
    if (cached) return cached;
    const relsName = this.find(relsPartOf(source));
    const rels: Relationship[] = [];
    if (relsName)
      this.parse(relsName, (sc) => {
        for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
          if (ev !== START || sc.local !== 'Relationship' || (sc.ns !== NS_PKG_REL && sc.ns !== NS_NONE))
            continue;
          const type = sc.attr('Type') ?? '';
          const target = sc.attr('Target') ?? '';
          const external = (sc.attr('TargetMode') ?? '').toLowerCase() === 'external';
          rels.push({
            id: sc.attr('Id') ?? '',
            type,
            kind: relationshipKind(type),
            target,
            external,
            part: external ? null : this.find(resolveTarget(source, target)),
          });
        }
      });
    this.relsCache.set(source, rels);
    return rels;
  }

  /** The workbook part: the package's officeDocument relationship (transitional or strict). */
  workbookPart(): string {
    const main = this.relationships('').find((r) => r.kind === 'officeDocument' && r.part);
    const part = main?.part ?? this.find('xl/workbook.xml');
    if (part && this.rootIsWorkbook(part)) return part;
    throw notAWorkbook(this.file, this.looksLike());
  }

  private rootIsWorkbook(part: string): boolean {
    return this.parse(part, (sc) => sc.next() === START && isSml(sc.ns) && sc.local === 'workbook');
  }

  private looksLike(): 'docx' | 'pptx' | 'ods' | null {
    if (this.find('word/document.xml')) return 'docx';
    if (this.find('ppt/presentation.xml')) return 'pptx';
    const mimetype = this.find('mimetype');
    if (mimetype && this.text(mimetype).includes('opendocument.spreadsheet')) return 'ods';
    return null;
  }
}
