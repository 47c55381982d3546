/**
 * Edits made to a part's XML as text: attributes of one tag, elements inserted where the schema's
 * order puts them, the namespace prefix a part already uses. Everything not edited stays as the
 * producer wrote it, byte for byte.
 */
import { isSml } from '../namespaces';
import { END, EOF, START, XmlScanner, XmlSyntaxError } from '../scanner';
import { escapeAttr, unescapeXml } from '../xml';

// A merge edits tens of thousands of cells with the same few attribute names: compile each once.
const ATTR_PATTERNS = new Map<string, RegExp>();

function attrPattern(name: string): RegExp {
  let re = ATTR_PATTERNS.get(name);
  if (!re) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`\\s${escaped}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (ATTR_PATTERNS.size < 256) ATTR_PATTERNS.set(name, re);
  }
  return re;
}

export function getAttribute(tag: string, name: string): string | null {
  const m = attrPattern(name).exec(tag);
  return m ? unescapeXml(m[1].slice(1, -1)) : null;
}

/** The start tag with the attribute set to `value` (replaced in place, or added at the end). */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = attrPattern(name);
  const attr = ` ${name}="${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, attr);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let at = end;
  while (at > 0 && /\s/.test(tag[at - 1])) at--;
  return tag.slice(0, at) + attr + tag.slice(at);
}

export function removeAttribute(tag: string, name: string): string {
  return tag.replace(attrPattern(name), '');
}

/** An element of a part, by its offsets in the part's text. */
export interface ElementSpan {
  local: string;
  ns: number;
  /** Its name as written, prefix included. */
  qname: string;
  prefix: string;
  start: number;
  /** End of its start tag. */
  openEnd: number;
  /** End of the whole element. */
  end: number;
  selfClosing: boolean;
}

/** The root element and its children, as written (Markup Compatibility not applied). */
export function rootAndChildren(xml: string, part: string): { root: ElementSpan; children: ElementSpan[] } {
  const sc = XmlScanner.of(xml, part, false);
  let root: ElementSpan | null = null;
  const children: ElementSpan[] = [];
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === START) {
      const span: ElementSpan = {
        local: sc.local,
        ns: sc.ns,
        qname: sc.qname,
        prefix: sc.prefix,
        start: sc.tagStart,
        openEnd: sc.tagEnd,
        end: sc.tagEnd,
        selfClosing: sc.selfClosing,
      };
      if (!root) {
        root = span;
        continue;
      }
      sc.skip();
      span.end = sc.offset;
      children.push(span);
    } else if (ev === END && root && sc.depth === 0) root.end = sc.tagEnd;
  }
  if (!root) throw new XmlSyntaxError(part, 'no root element');
  return { root, children };
}

/**
 * Where to insert a new child so the schema's sequence holds: after the last SpreadsheetML
 * sibling that comes before it in `order`, else before the first that comes after it, else as
 * the root's first child. Elements of other namespaces (extensions) are not ordered here.
 */
export function insertionPoint(
  root: ElementSpan,
  children: ElementSpan[],
  local: string,
  order: readonly string[],
): number {
  const rank = order.indexOf(local);
  let after: ElementSpan | null = null;
  let before: ElementSpan | null = null;
  for (const child of children) {
    if (!isSml(child.ns)) continue;
    const r = order.indexOf(child.local);
    if (r < 0) continue;
    if (r < rank) after = child;
    else if (r > rank && !before) before = child;
  }
  if (after) return after.end;
  if (before) return before.start;
  return root.openEnd;
}

/** The text with `insert` put at `at`. */
export function insertAt(xml: string, at: number, insert: string): string {
  return xml.slice(0, at) + insert + xml.slice(at);
}

/** A self-closing root (`<sst/>`) opened up so children can go in; returns the new text. */
export function openRoot(xml: string, root: ElementSpan): string {
  if (!root.selfClosing) return xml;
  const tag = xml.slice(root.start, root.openEnd).replace(/\s*\/>$/, '>');
  return xml.slice(0, root.start) + tag + `</${root.qname}>` + xml.slice(root.openEnd);
}

/**
 * The prefix to write an element of the root's namespace with: the root's own prefix
 * (`x:` for the Open XML SDK's `<x:worksheet>`), or none.
 */
export function elementPrefix(root: ElementSpan): string {
  return root.prefix ? `${root.prefix}:` : '';
}

/**
 * Makes sure the root declares `uri` and returns the prefix to use for it: the one the root
 * already binds to that namespace, else a new declaration added to the root (under `preferred`,
 * or a numbered variant when that prefix is taken for something else).
 */
export function ensureNamespace(
  xml: string,
  root: ElementSpan,
  uris: readonly string[],
  preferred: string,
): { xml: string; prefix: string; root: ElementSpan } {
  const tag = xml.slice(root.start, root.openEnd);
  const declared = new Map<string, string>();
  for (const m of tag.matchAll(/\sxmlns:([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g))
    declared.set(m[1], unescapeXml(m[2].slice(1, -1)));
  for (const [prefix, uri] of declared) if (uris.includes(uri)) return { xml, prefix, root };
  let prefix = preferred;
  for (let n = 1; declared.has(prefix); n++) prefix = `${preferred}${n}`;
  const newTag = setAttribute(tag, `xmlns:${prefix}`, uris[0]);
  const delta = newTag.length - tag.length;
  return {
    xml: xml.slice(0, root.start) + newTag + xml.slice(root.openEnd),
    prefix,
    root: { ...root, openEnd: root.openEnd + delta, end: root.end + delta },
  };
}
