/**
 * The small parts an edit touches around the sheets: relationships, content types, the shared
 * string table and the cell formats. Each keeps the producer's text and adds or removes only
 * what the edit needs, with the prefix the part already uses.
 */
import { URI } from '../namespaces';
import { EOF, START, XmlScanner } from '../scanner';
import type { Styles } from '../styles';
import { escapeAttr } from '../xml';
import { sharedStringItem } from './cell-xml';
import { applySplices, Splice } from './splice';
import {
  ElementSpan,
  elementPrefix,
  getAttribute,
  insertionPoint,
  openRoot,
  rootAndChildren,
  setAttribute,
} from './xml-edit';

function replaceTag(xml: string, span: ElementSpan, tag: string): string {
  return xml.slice(0, span.start) + tag + xml.slice(span.openEnd);
}

/** Where the root's closing tag starts (the root opened first if it was self-closing). */
function beforeClose(xml: string, part: string): { xml: string; at: number; root: ElementSpan } {
  let { root } = rootAndChildren(xml, part);
  if (root.selfClosing) {
    xml = openRoot(xml, root);
    root = rootAndChildren(xml, part).root;
  }
  return { xml, at: xml.lastIndexOf('</', root.end - 1), root };
}

export const EMPTY_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${URI.pkgRel}"></Relationships>`;

export function relationshipIds(xml: string, part: string): string[] {
  const ids: string[] = [];
  const sc = XmlScanner.of(xml, part, false);
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === START && sc.local === 'Relationship') ids.push(sc.attr('Id') ?? '');
  }
  return ids;
}

/** Adds a relationship with a fresh id; returns the new text and the id. */
export function addRelationship(
  xml: string,
  part: string,
  type: string,
  target: string,
): { xml: string; id: string } {
  const ids = new Set(relationshipIds(xml, part));
  let n = ids.size + 1;
  for (const id of ids) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const at = beforeClose(xml, part);
  const p = elementPrefix(at.root);
  const element = `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  return { xml: at.xml.slice(0, at.at) + element + at.xml.slice(at.at), id };
}

/** Removes the elements of the root's children named `local` for which `drop` says so. */
function removeChildren(xml: string, part: string, local: string, drop: (tag: string) => boolean): string {
  const { children } = rootAndChildren(xml, part);
  const splices: Splice[] = children
    .filter((c) => c.local === local && drop(xml.slice(c.start, c.openEnd)))
    .map((c) => ({ at: c.start, remove: c.end - c.start, insert: '' }));
  return applySplices(xml, splices);
}

export function removeRelationships(xml: string, part: string, ids: ReadonlySet<string>): string {
  return removeChildren(xml, part, 'Relationship', (tag) => ids.has(getAttribute(tag, 'Id') ?? ''));
}

export function addOverride(xml: string, part: string, partName: string, contentType: string): string {
  const at = beforeClose(xml, part);
  const p = elementPrefix(at.root);
  const element = `<${p}Override PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`;
  return at.xml.slice(0, at.at) + element + at.xml.slice(at.at);
}

export function removeOverride(xml: string, part: string, partName: string): string {
  const key = partName.replace(/^\//, '').toLowerCase();
  return removeChildren(
    xml,
    part,
    'Override',
    (tag) => (getAttribute(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === key,
  );
}

/** The root's start tag and where its end tag starts, found without reading what lies between. */
function rootEnds(bytes: Uint8Array, part: string): { root: ElementSpan; close: number } | null {
  const sc = new XmlScanner(bytes, part, false);
  if (sc.next() !== START || sc.selfClosing) return null;
  const root: ElementSpan = {
    local: sc.local,
    ns: sc.ns,
    qname: sc.qname,
    prefix: sc.prefix,
    start: sc.tagStart,
    openEnd: sc.tagEnd,
    end: bytes.length,
    selfClosing: false,
  };
  // The last "</" of the part is the root's end tag when only blanks follow "</qname".
  const closing = ENCODER.encode(`</${root.qname}`);
  let at = bytes.length - closing.length;
  while (at > root.openEnd && !(bytes[at] === 0x3c && bytes[at + 1] === 0x2f)) at--;
  if (at <= root.openEnd) return null;
  for (let i = 0; i < closing.length; i++) if (bytes[at + i] !== closing[i]) return null;
  for (let i = at + closing.length; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 0x3e && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
  }
  return { root, close: at };
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/**
 * The shared string table with strings appended; the counts on its root kept true. Kept as the
 * producer's bytes: the new items and the root's start tag are spliced in, so a table of tens of
 * thousands of strings is neither decoded nor parsed again to add a few.
 */
export class SharedStringsDoc {
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  private referencesDelta = 0;
  changed = false;

  constructor(
    readonly part: string,
    private readonly source: Uint8Array,
    private readonly existing: number,
  ) {}

  /** The index of `text`, appended once per distinct text; counts one more reference. */
  add(text: string): number {
    this.changed = true;
    this.referencesDelta++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** A cell that referred to a shared string no longer does. */
  release(): void {
    this.changed = true;
    this.referencesDelta--;
  }

  private rootTag(tag: string): string {
    const unique = getAttribute(tag, 'uniqueCount');
    if (unique !== null) tag = setAttribute(tag, 'uniqueCount', String(this.existing + this.added.length));
    const count = getAttribute(tag, 'count');
    if (count !== null && /^\d+$/.test(count))
      tag = setAttribute(tag, 'count', String(Math.max(0, Number(count) + this.referencesDelta)));
    return tag;
  }

  toBytes(): Uint8Array {
    const ends = rootEnds(this.source, this.part);
    if (!ends) return ENCODER.encode(this.toString());
    const { root, close } = ends;
    const prefix = elementPrefix(root);
    const tag = ENCODER.encode(this.rootTag(DECODER.decode(this.source.subarray(root.start, root.openEnd))));
    const items = ENCODER.encode(this.added.map((t) => sharedStringItem(prefix, t)).join(''));
    const pieces = [
      this.source.subarray(0, root.start),
      tag,
      this.source.subarray(root.openEnd, close),
      items,
      this.source.subarray(close),
    ];
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** The same through the text, for a table whose end tag the byte search cannot place. */
  toString(): string {
    const at = beforeClose(DECODER.decode(this.source), this.part);
    const prefix = elementPrefix(at.root);
    let xml =
      at.xml.slice(0, at.at) +
      this.added.map((t) => sharedStringItem(prefix, t)).join('') +
      at.xml.slice(at.at);
    xml = replaceTag(xml, at.root, this.rootTag(xml.slice(at.root.start, at.root.openEnd)));
    return xml;
  }
}

export function emptySharedStrings(strict: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${strict ? URI.smlStrict : URI.sml}" count="0" uniqueCount="0"></sst>`;
}

/** CT_Stylesheet's sequence: where a missing child is inserted. */
export const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

export function minimalStyles(strict: boolean): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${strict ? URI.smlStrict : URI.sml}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** The cell formats with number-format variants added (a date format on a cell's own style). */
export class StylesDoc {
  private readonly newFormats: { id: number; code: string }[] = [];
  private readonly newXfs: string[] = [];
  private readonly cache = new Map<string, number>();
  private readonly xfTags: string[] = [];
  private readonly root: ElementSpan;
  private readonly numFmts: ElementSpan | null;
  private readonly cellXfs: ElementSpan | null;
  private readonly children: ElementSpan[];
  changed = false;

  constructor(
    readonly part: string,
    private readonly xml: string,
    private readonly styles: Styles,
  ) {
    const { root, children } = rootAndChildren(xml, part);
    this.root = root;
    this.children = children;
    this.numFmts = children.find((c) => c.local === 'numFmts') ?? null;
    this.cellXfs = children.find((c) => c.local === 'cellXfs') ?? null;
    if (this.cellXfs) {
      const inner = xml.slice(this.cellXfs.start, this.cellXfs.end);
      for (const child of rootAndChildren(inner, part).children)
        if (child.local === 'xf') this.xfTags.push(inner.slice(child.start, child.end));
    }
  }

  private formatId(code: string): number {
    const known = this.styles.formatIdOf(code) ?? this.newFormats.find((f) => f.code === code)?.id;
    if (known !== undefined) return known;
    const ids = [...this.styles.customFormats.keys(), ...this.newFormats.map((f) => f.id)];
    const id = Math.max(163, ...ids) + 1;
    this.newFormats.push({ id, code });
    return id;
  }

  /** Whether a style index is one this document added (each shows a date format). */
  isAdded(index: number): boolean {
    const first = Math.max(this.xfTags.length, 1);
    return index >= first && index < first + this.newXfs.length;
  }

  /** A style like `base` but showing `code` (a date format); `base` itself when it already is a date. */
  withNumberFormat(base: number | null, code: string): number {
    const from = base ?? 0;
    const key = `${from}\u0000${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    this.changed = true;
    const id = this.formatId(code);
    const prefix = elementPrefix(this.root);
    const template =
      this.xfTags[from] ?? `<${prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const end = template.indexOf('>') + 1;
    let open = template.slice(0, end);
    open = setAttribute(setAttribute(open, 'numFmtId', String(id)), 'applyNumberFormat', '1');
    this.newXfs.push(open + template.slice(end));
    const index = Math.max(this.xfTags.length, 1) + this.newXfs.length - 1;
    this.cache.set(key, index);
    return index;
  }

  toString(): string {
    const xml = this.xml;
    const prefix = elementPrefix(this.root);
    const splices: Splice[] = [];
    if (this.newFormats.length) {
      const items = this.newFormats
        .map((f) => `<${prefix}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`)
        .join('');
      const total = this.styles.customFormats.size + this.newFormats.length;
      if (this.numFmts) splices.push(...this.appendTo(this.numFmts, items, total));
      else {
        const at = insertionPoint(this.root, this.children, 'numFmts', STYLESHEET_ORDER);
        splices.push({
          at,
          remove: 0,
          insert: `<${prefix}numFmts count="${total}">${items}</${prefix}numFmts>`,
        });
      }
    }
    if (this.newXfs.length) {
      if (this.cellXfs)
        splices.push(
          ...this.appendTo(this.cellXfs, this.newXfs.join(''), this.xfTags.length + this.newXfs.length),
        );
      else {
        const base = `<${prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
        const at = insertionPoint(this.root, this.children, 'cellXfs', STYLESHEET_ORDER);
        splices.push({
          at,
          remove: 0,
          insert: `<${prefix}cellXfs count="${1 + this.newXfs.length}">${base}${this.newXfs.join('')}</${prefix}cellXfs>`,
        });
      }
    }
    return applySplices(xml, splices);
  }

  /** Splices that append `items` inside `span` and set its count. */
  private appendTo(span: ElementSpan, items: string, count: number): Splice[] {
    const tag = setAttribute(this.xml.slice(span.start, span.openEnd), 'count', String(count));
    if (span.selfClosing) {
      const open = tag.replace(/\s*\/>$/, '>');
      return [{ at: span.start, remove: span.end - span.start, insert: `${open}${items}</${span.qname}>` }];
    }
    const close = this.xml.lastIndexOf('</', span.end - 1);
    return [
      { at: span.start, remove: span.openEnd - span.start, insert: tag },
      { at: close, remove: 0, insert: items },
    ];
  }
}
