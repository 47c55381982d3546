/**
 * A small pull scanner for the XML of an OOXML package. It works on the part's UTF-8 bytes as
 * they come out of the zip: markup is never decoded into a string, only the names and values
 * asked for are, so a 10 MB sheet costs no 10 MB decode. It reads what producers write:
 * - any prefix for any namespace (elements are reported by namespace id and local name);
 * - the predefined entities and character references, CDATA sections, comments, processing
 *   instructions, a DOCTYPE, attributes in either quote style;
 * - Markup Compatibility: `mc:AlternateContent` is replaced by its first Choice whose required
 *   namespaces the reader understands, else by its Fallback (unless asked not to, as the
 *   editor does, which works on the text as written).
 *
 * next() gives START and END events (a self-closing element gives both) and skips text;
 * text() reads the text content of the element just started; skip() jumps over it.
 */
import { namespaceId, NS_MC, NS_REL, NS_SML, NS_XML } from './namespaces';
import { unescapeXml } from './xml';

export const EOF = 0;
export const START = 1;
export const END = 2;

/** What the scanner throws on malformed XML; the package layer turns it into a message. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly part: string,
    what: string,
  ) {
    super(`${part}: ${what}`);
  }
}

interface Scope {
  depth: number;
  prefixes: string[];
  uris: string[];
  ids: number[];
}

/** Namespaces whose content the reader processes: a Choice requiring only these is taken. */
const UNDERSTOOD = new Set([NS_SML, NS_REL]);

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;
const COLON = 58;
const AMP = 38;
const CR = 13;
const DASH = 45;
const RBRACKET = 93;

/** XML whitespace; below 32 only tab, LF and CR are allowed in a document at all. */
function isSpace(c: number): boolean {
  return c <= 32;
}

/** The `>` closing the end tag whose name starts at `from` (names are short: a loop beats indexOf). */
function endTagClose(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === GT) return i;
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const ENCODER = new TextEncoder();

const ONE_CHAR = Array.from({ length: 128 }, (_v, i) => String.fromCharCode(i));

/** Element and attribute names seen so far, so a name costs no new string each time. */
const NAMES = new Map<number, string[]>();
const NAMES_MAX = 4096;
let namesKept = 0;

/** Text content as the XML spec delivers it: line ends normalised, then references resolved. */
export function decodeText(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return unescapeXml(raw);
}

/** Byte offset → offset in the UTF-16 string the bytes were encoded from. */
function charOffsets(text: string, length: number): Int32Array {
  const map = new Int32Array(length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (n === 4) i++;
  }
  map[length] = text.length;
  return map;
}

export class XmlScanner {
  private readonly b: Uint8Array;
  private pos: number;
  /** Set when scanning a string: maps byte offsets back to string offsets for the editor. */
  private readonly offsets: Int32Array | null;

  /** Open elements, Markup Compatibility wrappers included. */
  private rawDepth = 0;

  /** Namespace id (namespaces.ts) and local name of the current element. */
  ns = 0;
  local = '';
  /** True on the START of an element written `<x/>` and on the END that follows it. */
  selfClosing = false;

  private start = 0;
  private end = 0;
  private nameStart = 0;
  private colon = -1;
  private nameEnd = 0;
  private attrCount = 0;
  /** Per attribute: name start, name end, colon (or -1), value start, value end. */
  private attrPos = new Int32Array(80);
  private pendingEnd = false;

  private readonly scopes: Scope[] = [];
  private defaultNs: number;
  private lastPrefix = '';
  private lastPrefixNs = -1;
  private readonly alternates: { depth: number; chosen: boolean }[] = [];
  private readonly transparent: number[] = [];

  constructor(
    bytes: Uint8Array,
    /** The part's name, for messages. */
    readonly part: string,
    /** False to report Markup Compatibility elements as they are written. */
    private readonly compatibility = true,
    offsets: Int32Array | null = null,
  ) {
    // Always a plain Uint8Array: parts come as Node Buffers (zlib, a file read from disk) or as
    // Uint8Arrays (fflate, an encoded string), and a scanner that has seen both has every one of
    // its methods deoptimised and compiled again for two shapes. A view copies nothing.
    this.b =
      bytes.constructor === Uint8Array
        ? bytes
        : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offsets = offsets;
    // A UTF-8 byte order mark is not part of the document.
    this.pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    this.defaultNs = namespaceId('');
  }

  /** A scanner over a string, whose offsets (tagStart, tagEnd, offset) are offsets into it. */
  static of(text: string, part = '', compatibility = true): XmlScanner {
    const bytes = ENCODER.encode(text);
    return new XmlScanner(
      bytes,
      part,
      compatibility,
      bytes.length === text.length ? null : charOffsets(text, bytes.length),
    );
  }

  private at(offset: number): number {
    return this.offsets ? this.offsets[offset] : offset;
  }

  /** Where the current tag starts and ends (byte offsets, or string offsets for XmlScanner.of). */
  get tagStart(): number {
    return this.at(this.start);
  }

  get tagEnd(): number {
    return this.at(this.end);
  }

  /** Where the scanner stands: after skip() or text(), the end of the element just consumed. */
  get offset(): number {
    return this.at(this.pos);
  }

  /**
   * Depth of the current element (1 for the root) after START, of its parent after END; the
   * AlternateContent wrappers around a taken branch do not count.
   */
  get depth(): number {
    return this.rawDepth - this.transparent.length;
  }

  private fail(what: string): never {
    throw new XmlSyntaxError(this.part, what);
  }

  /** The bytes start..end as a string: ASCII without a decoder, anything else decoded as UTF-8. */
  private string(start: number, end: number): string {
    const b = this.b;
    if (end - start <= 24) {
      let ascii = true;
      for (let i = start; i < end; i++) {
        if (b[i] >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
    }
    return UTF8.decode(b.subarray(start, end));
  }

  private name(start: number, end: number): string {
    const b = this.b;
    if (end - start === 1 && b[start] < 0x80) return ONE_CHAR[b[start]];
    let h = end - start;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 0x80) ascii = false;
      h = (h * 33 + c) | 0;
    }
    if (!ascii) return this.string(start, end);
    const known = NAMES.get(h);
    if (known) {
      for (const s of known) {
        if (s.length !== end - start) continue;
        let same = true;
        for (let i = 0; i < s.length; i++) {
          if (s.charCodeAt(i) !== b[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return s;
      }
    }
    const s = this.string(start, end);
    if (namesKept < NAMES_MAX) {
      namesKept++;
      if (known) known.push(s);
      else NAMES.set(h, [s]);
    }
    return s;
  }

  /** Where `seq` (ASCII) next occurs from `from`, or -1. */
  private find(seq: string, from: number): number {
    const b = this.b;
    const first = seq.charCodeAt(0);
    for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
      let k = 1;
      while (k < seq.length && b[i + k] === seq.charCodeAt(k)) k++;
      if (k === seq.length) return i;
    }
    return -1;
  }

  private startsWith(seq: string, at: number): boolean {
    const b = this.b;
    for (let k = 0; k < seq.length; k++) if (b[at + k] !== seq.charCodeAt(k)) return false;
    return true;
  }

  next(): number {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      if (this.closeElement()) return END;
    }
    const b = this.b;
    for (;;) {
      // Tags usually follow one another directly: look before asking indexOf.
      const lt = b[this.pos] === 60 ? this.pos : b.indexOf(60, this.pos);
      if (lt < 0) {
        if (this.rawDepth > 0) this.fail('unexpected end of document');
        this.pos = b.length;
        return EOF;
      }
      if (lt + 1 >= b.length) this.fail('unterminated tag');
      const c1 = b[lt + 1];
      if (c1 === SLASH) {
        const gt = endTagClose(b, lt + 2);
        if (gt < 0) this.fail('unterminated end tag');
        this.start = lt;
        this.end = gt + 1;
        this.pos = gt + 1;
        this.selfClosing = false;
        let end = gt;
        while (end > lt + 2 && isSpace(b[end - 1])) end--;
        this.setName(lt + 2, end);
        if (this.rawDepth === 0) this.fail('end tag without start tag');
        if (this.closeElement()) return END;
        continue;
      }
      if (c1 === BANG || c1 === QUESTION) {
        const after = this.skipMarkup(lt);
        if (after < 0) this.fail('unterminated comment, CDATA section or declaration');
        this.pos = after;
        continue;
      }
      if (!this.readStartTag(lt)) this.fail('unterminated start tag');
      if (this.openElement()) return START;
    }
  }

  /** Past a comment, CDATA section, DOCTYPE or processing instruction at `lt`; -1 when unterminated. */
  private skipMarkup(lt: number): number {
    const b = this.b;
    if (b[lt + 1] === QUESTION) {
      const e = this.find('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (b[lt + 2] === DASH && b[lt + 3] === DASH) {
      const e = this.find('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (this.startsWith('<![CDATA[', lt)) {
      const e = this.find(']]>', lt + 9);
      return e < 0 ? -1 : e + 3;
    }
    // <!DOCTYPE …> with an optional internal subset in brackets.
    let bracket = 0;
    for (let i = lt + 2; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE || c === APOS) {
        i = b.indexOf(c, i + 1);
        if (i < 0) return -1;
      } else if (c === 91) bracket++;
      else if (c === RBRACKET) bracket--;
      else if (c === GT && bracket <= 0) return i + 1;
    }
    return -1;
  }

  private setName(start: number, end: number): void {
    const b = this.b;
    this.nameStart = start;
    this.nameEnd = end;
    let colon = -1;
    for (let i = start; i < end; i++) {
      if (b[i] === COLON) {
        colon = i;
        break;
      }
    }
    this.colon = colon;
    if (colon < 0) {
      this.ns = this.defaultNs;
      this.local = this.name(start, end);
      return;
    }
    const p = this.lastPrefix;
    let same = p.length === colon - start;
    for (let k = 0; same && k < p.length; k++) same = p.charCodeAt(k) === b[start + k];
    if (!same) {
      this.lastPrefix = this.name(start, colon);
      this.lastPrefixNs = this.resolveId(this.lastPrefix);
    }
    this.ns = this.lastPrefixNs;
    this.local = this.name(colon + 1, end);
  }

  /** Reads the start tag at `lt` into the name and attribute positions; false when unterminated. */
  private readStartTag(lt: number): boolean {
    const b = this.b;
    const n = b.length;
    let i = lt + 1;
    while (i < n) {
      const c = b[i];
      if (c === GT || c === SLASH || isSpace(c)) break;
      i++;
    }
    if (i >= n) return false;
    const nameEnd = i;
    let count = 0;
    let declares = false;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return false;
      const c = b[i];
      if (c === GT) {
        this.selfClosing = false;
        i += 1;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return false;
        if (b[i + 1] !== GT) this.fail('"/" inside a tag');
        this.selfClosing = true;
        i += 2;
        break;
      }
      const an = i;
      let colon = -1;
      while (i < n) {
        const d = b[i];
        if (d === EQ || d <= 32 || d === GT || d === SLASH) break;
        if (d === COLON && colon < 0) colon = i;
        i++;
      }
      const ae = i;
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return false;
      if (b[i] !== EQ) this.fail('attribute without a value');
      i++;
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return false;
      const q = b[i];
      if (q !== QUOTE && q !== APOS) this.fail('attribute value without quotes');
      const vs = i + 1;
      let ve = vs;
      while (ve < n && b[ve] !== q) ve++;
      if (ve >= n) return false;
      let attrs = this.attrPos;
      const k = count * 5;
      if (k + 5 > attrs.length) {
        const grown = new Int32Array(attrs.length * 2);
        grown.set(attrs);
        this.attrPos = attrs = grown;
      }
      attrs[k] = an;
      attrs[k + 1] = ae;
      attrs[k + 2] = colon;
      attrs[k + 3] = vs;
      attrs[k + 4] = ve;
      count++;
      if (b[an] === 120 && (ae - an === 5 || colon === an + 5) && this.startsWith('xmlns', an))
        declares = true;
      i = ve + 1;
    }
    this.attrCount = count;
    this.start = lt;
    this.end = i;
    this.pos = i;
    this.rawDepth++;
    if (declares) this.pushScope();
    this.setName(lt + 1, nameEnd);
    return true;
  }

  private pushScope(): void {
    const scope: Scope = { depth: this.rawDepth, prefixes: [], uris: [], ids: [] };
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      const an = p[k];
      const ae = p[k + 1];
      if (!(ae - an === 5 || p[k + 2] === an + 5) || !this.startsWith('xmlns', an)) continue;
      const prefix = ae - an === 5 ? '' : this.name(an + 6, ae);
      const uri = this.attrValueAt(a);
      scope.prefixes.push(prefix);
      scope.uris.push(uri);
      scope.ids.push(namespaceId(uri));
    }
    this.scopes.push(scope);
    this.scopesChanged();
  }

  private scopesChanged(): void {
    this.defaultNs = this.resolveId('');
    this.lastPrefix = '\u0000';
    this.lastPrefixNs = -1;
  }

  private resolveId(prefix: string): number {
    if (prefix === 'xml') return NS_XML;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const j = this.scopes[i].prefixes.indexOf(prefix);
      if (j >= 0) return this.scopes[i].ids[j];
    }
    if (prefix === '') return namespaceId('');
    // Masters merged by earlier versions of this product carry `r:id` with `r` undeclared
    // (issue 13.2); reading them as intended lets the next save repair them.
    return prefix === 'r' ? NS_REL : -1;
  }

  /** The namespace URI a prefix is bound to where the scanner stands, or null. */
  uriOf(prefix: string): string | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const j = this.scopes[i].prefixes.indexOf(prefix);
      if (j >= 0) return this.scopes[i].uris[j];
    }
    return null;
  }

  /** The prefix written on the current element's name ('' when none). */
  get prefix(): string {
    return this.colon < 0 ? '' : this.name(this.nameStart, this.colon);
  }

  /** The element's qualified name as written. */
  get qname(): string {
    return this.name(this.nameStart, this.nameEnd);
  }

  /**
   * After a START: Markup Compatibility and bookkeeping. Returns false when the element is not
   * to be reported (an AlternateContent wrapper, or a branch that was skipped).
   */
  private openElement(): boolean {
    if (this.selfClosing) this.pendingEnd = true;
    if (this.ns !== NS_MC || !this.compatibility) return true;
    if (this.local === 'AlternateContent') {
      if (this.selfClosing) {
        this.pendingEnd = false;
        this.closeScopes();
        return false;
      }
      this.alternates.push({ depth: this.rawDepth, chosen: false });
      this.transparent.push(this.rawDepth);
      return false;
    }
    const alternate = this.alternates[this.alternates.length - 1];
    const inside = alternate && alternate.depth === this.rawDepth - 1;
    let take = false;
    if (inside && !alternate.chosen) {
      if (this.local === 'Choice') {
        const requires = (this.attr('Requires') ?? '').split(/\s+/).filter(Boolean);
        take = requires.length > 0 && requires.every((p) => UNDERSTOOD.has(this.resolveId(p)));
      } else take = this.local === 'Fallback';
    }
    if (take) {
      alternate.chosen = true;
      if (this.selfClosing) {
        this.pendingEnd = false;
        this.closeScopes();
      } else this.transparent.push(this.rawDepth);
      return false;
    }
    this.skip();
    return false;
  }

  private closeScopes(): void {
    const depth = this.rawDepth;
    let changed = false;
    while (this.scopes.length && this.scopes[this.scopes.length - 1].depth === depth) {
      this.scopes.pop();
      changed = true;
    }
    while (this.alternates.length && this.alternates[this.alternates.length - 1].depth === depth)
      this.alternates.pop();
    this.rawDepth = depth - 1;
    if (changed) this.scopesChanged();
  }

  /** Closes the current element; false when it was a transparent Markup Compatibility wrapper. */
  private closeElement(): boolean {
    const depth = this.rawDepth;
    const wrapper = this.transparent.length > 0 && this.transparent[this.transparent.length - 1] === depth;
    if (wrapper) this.transparent.pop();
    this.closeScopes();
    return !wrapper;
  }

  /** After START: skips the element and everything in it (its END is not reported). */
  skip(): void {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.closeElement();
      return;
    }
    const b = this.b;
    let open = 1;
    for (;;) {
      const lt = b.indexOf(60, this.pos);
      if (lt < 0 || lt + 1 >= b.length) this.fail('unexpected end of document');
      const c1 = b[lt + 1];
      let after: number;
      if (c1 === SLASH) {
        const gt = b.indexOf(GT, lt + 2);
        after = gt < 0 ? -1 : gt + 1;
        open--;
      } else if (c1 === BANG || c1 === QUESTION) {
        after = this.skipMarkup(lt);
      } else {
        after = this.tagEndOf(lt);
        if (after > 0 && b[after - 2] !== SLASH) open++;
      }
      if (after < 0) this.fail('unexpected end of document');
      this.pos = after;
      if (open === 0) break;
    }
    this.closeElement();
  }

  /**
   * After START: skips the element as skip() does, but finds its end by looking at each "<"
   * only, not through every tag (a worksheet row of twenty cells is sixty tags). Sound because
   * "<" cannot stand in text or attribute values; anything the search cannot judge (a comment,
   * CDATA, a processing instruction, an element of the same name inside, no end tag) is left
   * to skip(), which reports what is wrong.
   */
  skipElement(): void {
    if (this.pendingEnd) {
      this.skip();
      return;
    }
    const b = this.b;
    const nameStart = this.nameStart;
    const nameLength = this.nameEnd - nameStart;
    const sameName = (at: number) => {
      for (let k = 0; k < nameLength; k++) if (b[at + k] !== b[nameStart + k]) return false;
      const after = b[at + nameLength];
      return after === GT || after === SLASH || isSpace(after);
    };
    for (let lt = b.indexOf(60, this.pos); lt >= 0 && lt + 1 < b.length; lt = b.indexOf(60, lt + 1)) {
      const c1 = b[lt + 1];
      if (c1 === BANG || c1 === QUESTION) break;
      if (c1 !== SLASH) {
        if (sameName(lt + 1)) break;
        continue;
      }
      if (!sameName(lt + 2)) continue;
      const gt = endTagClose(b, lt + 2);
      if (gt < 0) break;
      this.pos = gt + 1;
      this.closeElement();
      return;
    }
    this.skip();
  }

  /** The position after the `>` of the tag starting at `lt`, or -1 when unterminated. */
  private tagEndOf(lt: number): number {
    const b = this.b;
    for (let i = lt + 1; i < b.length; i++) {
      const c = b[i];
      if (c === GT) return i + 1;
      if (c === QUOTE || c === APOS) {
        i = b.indexOf(c, i + 1);
        if (i < 0) return -1;
      }
    }
    return -1;
  }

  /** Text between two offsets, decoded: references resolved, line ends normalised. */
  private textOf(start: number, end: number): string {
    const b = this.b;
    let special = false;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c === AMP || c === CR) {
        special = true;
        break;
      }
    }
    const raw = this.string(start, end);
    return special ? decodeText(raw) : raw;
  }

  /**
   * After START: the element's text content (its children's text included, comments left out,
   * CDATA taken literally), decoded; the element is consumed, its END not reported.
   */
  text(): string {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.closeElement();
      return '';
    }
    const b = this.b;
    // The common case: plain text straight up to the end tag.
    const first = b.indexOf(60, this.pos);
    if (first >= 0 && b[first + 1] === SLASH) {
      const gt = endTagClose(b, first + 2);
      if (gt >= 0) {
        const value = this.textOf(this.pos, first);
        this.pos = gt + 1;
        this.closeElement();
        return value;
      }
    }
    let out = '';
    let open = 1;
    for (;;) {
      const lt = b.indexOf(60, this.pos);
      if (lt < 0 || lt + 1 >= b.length) this.fail('unexpected end of document');
      const c1 = b[lt + 1];
      const cdata = c1 === BANG && this.startsWith('<![CDATA[', lt);
      let after: number;
      if (c1 === SLASH) {
        const gt = b.indexOf(GT, lt + 2);
        after = gt < 0 ? -1 : gt + 1;
      } else if (c1 === BANG || c1 === QUESTION) after = this.skipMarkup(lt);
      else after = this.tagEndOf(lt);
      if (after < 0) this.fail('unexpected end of document');
      if (lt > this.pos) out += this.textOf(this.pos, lt);
      if (c1 === SLASH) open--;
      else if (cdata) out += this.string(lt + 9, after - 3);
      else if (c1 !== BANG && c1 !== QUESTION && b[after - 2] !== SLASH) open++;
      this.pos = after;
      if (open === 0) break;
    }
    this.closeElement();
    return out;
  }

  /**
   * After START of an element holding only a number (`<v>42</v>`): the number, read in place
   * when it is a plain integer, else as Number() reads its text; NaN for an empty element or
   * one that is no number. The element is consumed.
   */
  textNumber(): number {
    const b = this.b;
    this.lastText = null;
    if (!this.pendingEnd) {
      const lt = b.indexOf(60, this.pos);
      if (lt > this.pos && lt - this.pos <= 15 && b[lt + 1] === SLASH) {
        let i = this.pos;
        const negative = b[i] === DASH;
        if (negative) i++;
        let n = 0;
        let digits = 0;
        for (; i < lt; i++) {
          const d = b[i] - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
          digits++;
        }
        const gt = endTagClose(b, lt + 2);
        if (i === lt && digits > 0 && gt >= 0) {
          this.pos = gt + 1;
          this.closeElement();
          return negative ? -n : n;
        }
      }
    }
    const text = this.text();
    this.lastText = text;
    return text.trim() === '' ? NaN : Number(text);
  }

  /** The text textNumber() read the slow way (null when it read a plain integer in place). */
  lastText: string | null = null;

  /** The first character of a one-letter unprefixed attribute name (r, s, t …), or -1. */
  attrLetter(i: number): number {
    const k = i * 5;
    return this.attrPos[k + 1] - this.attrPos[k] === 1 ? this.b[this.attrPos[k]] : -1;
  }

  /** Number of attributes of the current start tag. */
  get attributeCount(): number {
    return this.attrCount;
  }

  /** The attribute's qualified name as written. */
  attributeName(i: number): string {
    return this.name(this.attrPos[i * 5], this.attrPos[i * 5 + 1]);
  }

  attributeValue(i: number): string {
    return this.attrValueAt(i);
  }

  private attrValueAt(i: number): string {
    const k = i * 5;
    const b = this.b;
    const vs = this.attrPos[k + 3];
    const ve = this.attrPos[k + 4];
    let plain = true;
    for (let j = vs; j < ve; j++) {
      const c = b[j];
      if (c === AMP || c === 9 || c === 10 || c === CR) {
        plain = false;
        break;
      }
    }
    const raw = this.string(vs, ve);
    // Attribute-value normalisation: literal line ends and tabs become spaces, references stay.
    return plain ? raw : unescapeXml(raw.replace(/\r\n|[\t\n\r]/g, ' '));
  }

  private nameIs(start: number, end: number, name: string): boolean {
    return end - start === name.length && this.startsWith(name, start);
  }

  /** The index of an unprefixed attribute, or -1. */
  attrIndex(name: string): number {
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      if (p[k + 2] < 0 && this.nameIs(p[k], p[k + 1], name)) return a;
    }
    return -1;
  }

  /** An unprefixed attribute's value, or null. */
  attr(name: string): string | null {
    const a = this.attrIndex(name);
    return a < 0 ? null : this.attrValueAt(a);
  }

  /** A namespaced attribute (such as `r:id`) by namespace id and local name, whatever its prefix. */
  attrNs(nsId: number, local: string): string | null {
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      const colon = p[k + 2];
      if (colon < 0 || !this.nameIs(colon + 1, p[k + 1], local)) continue;
      if (this.resolveId(this.name(p[k], colon)) === nsId) return this.attrValueAt(a);
    }
    return null;
  }

  /** The index of a one-letter unprefixed attribute (r, s, t), by char code: the hot path of cells. */
  attrIndex1(code: number): number {
    const b = this.b;
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      if (p[k + 1] - p[k] === 1 && b[p[k]] === code) return a;
    }
    return -1;
  }

  /** The attribute's value as a non-negative decimal integer, read in place; -1 when it is not one. */
  attrUint(i: number): number {
    const b = this.b;
    const vs = this.attrPos[i * 5 + 3];
    const ve = this.attrPos[i * 5 + 4];
    if (ve === vs || ve - vs > 15) return -1;
    let n = 0;
    for (let j = vs; j < ve; j++) {
      const d = b[j] - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /**
   * The column letters of a cell reference value (`AB12` → 27), read in place; -1 when the value
   * is not letters followed by digits.
   */
  attrColumn(i: number): number {
    const b = this.b;
    const vs = this.attrPos[i * 5 + 3];
    const ve = this.attrPos[i * 5 + 4];
    let j = vs;
    let n = 0;
    for (; j < ve; j++) {
      const c = b[j] | 0x20;
      if (c < 97 || c > 122) break;
      n = n * 26 + (c - 96);
    }
    if (j === vs || j === ve || j - vs > 3) return -1;
    for (let k = j; k < ve; k++) {
      const d = b[k];
      if (d < 48 || d > 57) return -1;
    }
    return n - 1;
  }

  /** Compares an attribute's raw value with ASCII `text` without decoding it. */
  attrEquals(i: number, text: string): boolean {
    return this.nameIs(this.attrPos[i * 5 + 3], this.attrPos[i * 5 + 4], text);
  }
}
