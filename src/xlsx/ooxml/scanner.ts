/**
 * A small pull scanner for the XML of an OOXML package: no DOM, no allocation per attribute,
 * text materialised only when asked for. It reads what producers write:
 * - any prefix for any namespace (elements are reported by namespace id and local name);
 * - the predefined entities and character references, CDATA sections, comments, processing
 *   instructions, a DOCTYPE, attributes in either quote style;
 * - Markup Compatibility: `mc:AlternateContent` is replaced by its first Choice whose required
 *   namespaces the reader understands, else by its Fallback;
 * - text in pieces (a TextSource), so the whole part never has to be one string.
 *
 * next() gives START and END events (a self-closing element gives both) and skips text;
 * text() reads the text content of the element just started; skip() jumps over it.
 */
import { namespaceId, NS_MC, NS_REL, NS_SML, NS_XML } from './namespaces';
import { TextSource, wholeText } from './text-source';
import { unescapeXml } from './xml';

export const EOF = 0;
export const START = 1;
export const END = 2;

/** What the scanner throws on malformed XML; the package layer turns it into a message. */
export class XmlSyntaxError extends Error {}

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

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Text content as the XML spec delivers it: line ends normalised, then references resolved. */
function decodeText(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return unescapeXml(raw);
}

export class XmlScanner {
  private s = '';
  private pos = 0;
  private ended = false;

  /** Open elements, Markup Compatibility wrappers included. */
  private rawDepth = 0;
  /**
   * Depth of the current element (1 for the root) after START, of its parent after END; the
   * AlternateContent wrappers around a taken branch do not count.
   */
  get depth(): number {
    return this.rawDepth - this.transparent.length;
  }

  /** Namespace id (namespaces.ts) and local name of the current element. */
  ns = 0;
  local = '';
  /** True on the START of an element written `<x/>`; its END follows. */
  selfClosing = false;
  /**
   * Where the current tag starts and ends in the text. Offsets into the text only when it was
   * given as one string (XmlScanner.of), as the editor does.
   */
  tagStart = 0;
  tagEnd = 0;

  /** Where the scanner stands: after skip() or text(), the end of the element just consumed. */
  get offset(): number {
    return this.pos;
  }

  private nameStart = 0;
  private colon = -1;
  private nameEnd = 0;
  private attrCount = 0;
  /** Per attribute: name start, name end, colon (or -1), value start, value end. */
  private readonly attrPos: number[] = [];
  private pendingEnd = false;

  private readonly scopes: Scope[] = [];
  private defaultNs: number;
  private lastPrefix = '';
  private lastPrefixNs = -1;
  private readonly alternates: { depth: number; chosen: boolean }[] = [];
  private readonly transparent: number[] = [];

  constructor(
    private readonly source: TextSource,
    /** The part's name, for messages. */
    readonly part: string,
    /**
     * False to report Markup Compatibility elements as they are written: the editor works on
     * the text as written and must not insert anything inside an AlternateContent branch.
     */
    private readonly compatibility = true,
  ) {
    this.defaultNs = namespaceId('');
    this.s = source.next() ?? '';
  }

  static of(text: string, part = '', compatibility = true): XmlScanner {
    return new XmlScanner(wholeText(text), part, compatibility);
  }

  private fail(what: string): never {
    throw new XmlSyntaxError(`${this.part}: ${what}`);
  }

  /** Drops the text before `keep` and appends the next piece; false at the end of the input. */
  private fill(keep: number): boolean {
    if (this.ended) return false;
    const piece = this.source.next();
    if (piece === null) {
      this.ended = true;
      return false;
    }
    this.s = keep >= this.s.length ? piece : this.s.slice(keep) + piece;
    this.pos -= keep;
    this.tagStart -= keep;
    return true;
  }

  next(): number {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      if (this.closeElement()) return END;
    }
    for (;;) {
      const s = this.s;
      const lt = s.indexOf('<', this.pos);
      if (lt < 0 || lt + 1 >= s.length) {
        const keep = lt < 0 ? s.length : lt;
        this.pos = keep;
        if (this.fill(keep)) continue;
        if (lt >= 0) this.fail('unterminated tag');
        if (this.rawDepth > 0) this.fail('unexpected end of document');
        return EOF;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) {
          this.pos = lt;
          if (this.fill(lt)) continue;
          this.fail('unterminated end tag');
        }
        this.tagStart = lt;
        this.tagEnd = gt + 1;
        this.pos = gt + 1;
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        this.setName(lt + 2, end);
        if (this.rawDepth === 0) this.fail('end tag without start tag');
        if (this.closeElement()) return END;
        continue;
      }
      if (c1 === BANG || c1 === QUESTION) {
        const after = this.skipMarkup(lt);
        if (after < 0) {
          this.pos = lt;
          if (this.fill(lt)) continue;
          this.fail('unterminated comment, CDATA section or declaration');
        }
        this.pos = after;
        continue;
      }
      if (!this.readStartTag(lt)) {
        this.pos = lt;
        if (this.fill(lt)) continue;
        this.fail('unterminated start tag');
      }
      if (this.openElement()) return START;
    }
  }

  /** Past a comment, CDATA section, DOCTYPE or processing instruction at `lt`; -1 when incomplete. */
  private skipMarkup(lt: number): number {
    const s = this.s;
    if (s.charCodeAt(lt + 1) === QUESTION) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      return e < 0 ? -1 : e + 3;
    }
    if (lt + 9 > s.length) return -1;
    // <!DOCTYPE …> with an optional internal subset in brackets.
    let i = lt + 2;
    let bracket = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE || c === APOS) {
        i = s.indexOf(c === QUOTE ? '"' : "'", i + 1);
        if (i < 0) return -1;
      } else if (c === 91) bracket++;
      else if (c === 93) bracket--;
      else if (c === GT && bracket <= 0) return i + 1;
    }
    return -1;
  }

  private setName(start: number, end: number): void {
    const s = this.s;
    this.nameStart = start;
    this.nameEnd = end;
    let colon = -1;
    for (let i = start; i < end; i++) {
      if (s.charCodeAt(i) === COLON) {
        colon = i;
        break;
      }
    }
    this.colon = colon;
    if (colon < 0) {
      this.ns = this.defaultNs;
      this.local = s.slice(start, end);
      return;
    }
    const prefixLength = colon - start;
    if (!(prefixLength === this.lastPrefix.length && s.startsWith(this.lastPrefix, start))) {
      this.lastPrefix = s.slice(start, colon);
      this.lastPrefixNs = this.resolveId(this.lastPrefix);
    }
    this.ns = this.lastPrefixNs;
    this.local = s.slice(colon + 1, end);
  }

  /** Reads the start tag at `lt` into the name and attribute positions; false when incomplete. */
  private readStartTag(lt: number): boolean {
    const s = this.s;
    const n = s.length;
    let i = lt + 1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH || isSpace(c)) break;
      i++;
    }
    if (i >= n) return false;
    const nameEnd = i;
    const attrs = this.attrPos;
    let count = 0;
    let declares = false;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      const c = s.charCodeAt(i);
      if (c === GT) {
        this.selfClosing = false;
        i += 1;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return false;
        if (s.charCodeAt(i + 1) !== GT) this.fail('"/" inside a tag');
        this.selfClosing = true;
        i += 2;
        break;
      }
      const an = i;
      let colon = -1;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === EQ || isSpace(d) || d === GT || d === SLASH) break;
        if (d === COLON && colon < 0) colon = i;
        i++;
      }
      const ae = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      if (s.charCodeAt(i) !== EQ) this.fail('attribute without a value');
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return false;
      const q = s.charCodeAt(i);
      if (q !== QUOTE && q !== APOS) this.fail('attribute value without quotes');
      const vs = i + 1;
      const ve = s.indexOf(q === QUOTE ? '"' : "'", vs);
      if (ve < 0) return false;
      const k = count * 5;
      attrs[k] = an;
      attrs[k + 1] = ae;
      attrs[k + 2] = colon;
      attrs[k + 3] = vs;
      attrs[k + 4] = ve;
      count++;
      if (s.charCodeAt(an) === 120 && s.startsWith('xmlns', an) && (ae - an === 5 || colon === an + 5))
        declares = true;
      i = ve + 1;
    }
    this.attrCount = count;
    this.tagStart = lt;
    this.tagEnd = i;
    this.pos = i;
    this.rawDepth++;
    if (declares) this.pushScope();
    this.setName(lt + 1, nameEnd);
    return true;
  }

  private pushScope(): void {
    const scope: Scope = { depth: this.rawDepth, prefixes: [], uris: [], ids: [] };
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      const an = this.attrPos[k];
      const ae = this.attrPos[k + 1];
      if (!this.s.startsWith('xmlns', an) || !(ae - an === 5 || this.attrPos[k + 2] === an + 5)) continue;
      const prefix = ae - an === 5 ? '' : this.s.slice(an + 6, ae);
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

  /** A prefix bound to the namespace id where the scanner stands ('' for the default), or null. */
  prefixOf(nsId: number): string | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      for (let j = 0; j < scope.ids.length; j++) {
        if (scope.ids[j] === nsId && this.resolveId(scope.prefixes[j]) === nsId) return scope.prefixes[j];
      }
    }
    return null;
  }

  /** The prefix written on the current element's name ('' when none). */
  get prefix(): string {
    return this.colon < 0 ? '' : this.s.slice(this.nameStart, this.colon);
  }

  /** The element's qualified name as written. */
  get qname(): string {
    return this.s.slice(this.nameStart, this.nameEnd);
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
    let open = 1;
    for (;;) {
      const s = this.s;
      const lt = s.indexOf('<', this.pos);
      if (lt < 0 || lt + 1 >= s.length) {
        const keep = lt < 0 ? s.length : lt;
        this.pos = keep;
        if (this.fill(keep)) continue;
        this.fail('unexpected end of document');
      }
      const c1 = s.charCodeAt(lt + 1);
      let after: number;
      if (c1 === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        after = gt < 0 ? -1 : gt + 1;
        if (after > 0) open--;
      } else if (c1 === BANG || c1 === QUESTION) {
        after = this.skipMarkup(lt);
      } else {
        after = this.tagEndOf(lt);
        if (after > 0 && s.charCodeAt(after - 2) !== SLASH) open++;
      }
      if (after < 0) {
        this.pos = lt;
        if (this.fill(lt)) continue;
        this.fail('unexpected end of document');
      }
      this.pos = after;
      if (open === 0) break;
    }
    this.closeElement();
  }

  /** The position after the `>` of the tag starting at `lt`, or -1 when incomplete. */
  private tagEndOf(lt: number): number {
    const s = this.s;
    for (let i = lt + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === GT) return i + 1;
      if (c === QUOTE || c === APOS) {
        i = s.indexOf(c === QUOTE ? '"' : "'", i + 1);
        if (i < 0) return -1;
      }
    }
    return -1;
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
    // The common case: plain text straight up to the end tag.
    {
      const s = this.s;
      const lt = s.indexOf('<', this.pos);
      if (lt >= 0 && s.charCodeAt(lt + 1) === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt >= 0) {
          const raw = s.slice(this.pos, lt);
          this.pos = gt + 1;
          this.closeElement();
          return decodeText(raw);
        }
      }
    }
    let out = '';
    let open = 1;
    for (;;) {
      const s = this.s;
      const lt = s.indexOf('<', this.pos);
      if (lt < 0 || lt + 1 >= s.length) {
        // Keep the unfinished text run: an entity must not be cut in two.
        if (this.fill(this.pos)) continue;
        this.fail('unexpected end of document');
      }
      let after: number;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        after = gt < 0 ? -1 : gt + 1;
      } else if (c1 === BANG && s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        after = e < 0 ? -1 : e + 3;
      } else if (c1 === BANG || c1 === QUESTION) {
        after = this.skipMarkup(lt);
      } else {
        after = this.tagEndOf(lt);
      }
      if (after < 0) {
        if (this.fill(this.pos)) continue;
        this.fail('unexpected end of document');
      }
      if (lt > this.pos) out += decodeText(s.slice(this.pos, lt));
      if (c1 === SLASH) open--;
      else if (c1 === BANG && s.startsWith('<![CDATA[', lt)) out += s.slice(lt + 9, after - 3);
      else if (c1 !== BANG && c1 !== QUESTION && s.charCodeAt(after - 2) !== SLASH) open++;
      this.pos = after;
      if (open === 0) break;
    }
    this.closeElement();
    return out;
  }

  /** Number of attributes of the current start tag. */
  get attributeCount(): number {
    return this.attrCount;
  }

  /** The attribute's qualified name as written. */
  attributeName(i: number): string {
    return this.s.slice(this.attrPos[i * 5], this.attrPos[i * 5 + 1]);
  }

  attributeValue(i: number): string {
    return this.attrValueAt(i);
  }

  private attrValueAt(i: number): string {
    const k = i * 5;
    const s = this.s;
    const vs = this.attrPos[k + 3];
    const ve = this.attrPos[k + 4];
    let plain = true;
    for (let j = vs; j < ve; j++) {
      const c = s.charCodeAt(j);
      if (c === 38 || c === 9 || c === 10 || c === 13) {
        plain = false;
        break;
      }
    }
    const raw = s.slice(vs, ve);
    // Attribute-value normalisation: literal line ends and tabs become spaces, references stay.
    return plain ? raw : unescapeXml(raw.replace(/\r\n|[\t\n\r]/g, ' '));
  }

  /** The index of an unprefixed attribute, or -1. */
  attrIndex(name: string): number {
    const s = this.s;
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      if (p[k + 1] - p[k] === name.length && p[k + 2] < 0 && s.startsWith(name, p[k])) return a;
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
    const s = this.s;
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      const colon = p[k + 2];
      if (colon < 0 || p[k + 1] - colon - 1 !== local.length || !s.startsWith(local, colon + 1)) continue;
      if (this.resolveId(s.slice(p[k], colon)) === nsId) return this.attrValueAt(a);
    }
    return null;
  }

  /** The value of a one-letter unprefixed attribute (r, s, t), by char code: the hot path of cells. */
  attrIndex1(code: number): number {
    const s = this.s;
    const p = this.attrPos;
    for (let a = 0; a < this.attrCount; a++) {
      const k = a * 5;
      if (p[k + 1] - p[k] === 1 && s.charCodeAt(p[k]) === code) return a;
    }
    return -1;
  }

  /** The attribute's value as a non-negative decimal integer, read in place; -1 when it is not one. */
  attrUint(i: number): number {
    const s = this.s;
    const vs = this.attrPos[i * 5 + 3];
    const ve = this.attrPos[i * 5 + 4];
    if (ve === vs || ve - vs > 15) return -1;
    let n = 0;
    for (let j = vs; j < ve; j++) {
      const d = s.charCodeAt(j) - 48;
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
    const s = this.s;
    const vs = this.attrPos[i * 5 + 3];
    const ve = this.attrPos[i * 5 + 4];
    let j = vs;
    let n = 0;
    for (; j < ve; j++) {
      const c = s.charCodeAt(j) | 0x20;
      if (c < 97 || c > 122) break;
      n = n * 26 + (c - 96);
    }
    if (j === vs || j === ve || j - vs > 3) return -1;
    for (let k = j; k < ve; k++) {
      const d = s.charCodeAt(k);
      if (d < 48 || d > 57) return -1;
    }
    return n - 1;
  }

  /** Compares an attribute's raw value with `text` without decoding it. */
  attrEquals(i: number, text: string): boolean {
    const vs = this.attrPos[i * 5 + 3];
    return this.attrPos[i * 5 + 4] - vs === text.length && this.s.startsWith(text, vs);
  }
}
