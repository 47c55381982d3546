/** One `<c>` element: read back what an existing cell holds, and write a new one. */
import { END, EOF, START, XmlScanner } from '../scanner';
import { decodeXstring, encodeXstring, escapeAttr, escapeXml } from '../xml';
import { removeAttribute, setAttribute } from './xml-edit';

export interface CellFormula {
  /** The `<f …>` start tag as written. */
  tag: string;
  text: string;
  /** 'shared', 'array', 'dataTable', or null for a normal formula. */
  type: string | null;
  si: string | null;
  ref: string | null;
}

export interface ParsedCell {
  col: number;
  xml: string;
  /** The `s` attribute, or null when the cell has none. */
  style: number | null;
  /** The `t` attribute, or null (a number). */
  type: string | null;
  formula: CellFormula | null;
  value: string | null;
}

/** The end of the start tag at the beginning of `xml` (quotes respected). */
export function startTagEnd(xml: string): number {
  for (let i = 1; i < xml.length; i++) {
    const c = xml[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") i = xml.indexOf(c, i + 1);
    if (i < 0) break;
  }
  return xml.length;
}

export function parseCell(xml: string, col: number, part: string): ParsedCell {
  const sc = XmlScanner.of(xml, part, false);
  const cell: ParsedCell = { col, xml, style: null, type: null, formula: null, value: null };
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev !== START) continue;
    if (sc.depth === 1) {
      const s = sc.attr('s');
      cell.style = s !== null && /^\d+$/.test(s) ? Number(s) : null;
      cell.type = sc.attr('t');
      continue;
    }
    if (sc.local === 'f') {
      const tag = xml.slice(sc.tagStart, sc.tagEnd);
      const type = sc.attr('t');
      const si = sc.attr('si');
      const ref = sc.attr('ref');
      cell.formula = { tag, type: type === 'normal' ? null : type, si, ref, text: decodeXstring(sc.text()) };
    } else if (sc.local === 'v') cell.value = sc.text();
    else sc.skip();
  }
  return cell;
}

/** What the editor writes into a cell, already resolved to its XML form. */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'shared'; index: number }
  | { kind: 'inline'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; formula: string };

function preserved(text: string): string {
  return /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : '';
}

/** A `<t>` holding `text`: what an inline string and a shared string item both wrap. */
function textElement(prefix: string, text: string): string {
  const t = `${prefix}t`;
  return `<${t}${preserved(text)}>${escapeXml(encodeXstring(text))}</${t}>`;
}

/**
 * A new `<c>` for `ref`: the old cell's start tag kept (its style and any attribute this editor
 * does not own), its type and value metadata replaced.
 */
export function buildCell(
  qname: string,
  ref: string,
  style: number | null,
  content: CellContent,
  oldTag: string | null,
): string {
  const type =
    content.kind === 'shared'
      ? 's'
      : content.kind === 'inline'
        ? 'inlineStr'
        : content.kind === 'bool'
          ? 'b'
          : null;
  let tag: string;
  if (oldTag === null) {
    // A new cell (history rows, thousands at a time): the tag the edits below would give, built directly.
    const s = style !== null && style > 0 ? ` s="${style}"` : '';
    tag = `<${qname} r="${escapeAttr(ref)}"${s}${type ? ` t="${type}"` : ''}>`;
  } else {
    tag = oldTag.replace(/\s*\/?>$/, '>');
    tag = setAttribute(tag, 'r', ref);
    tag = style !== null && style > 0 ? setAttribute(tag, 's', String(style)) : removeAttribute(tag, 's');
    // Cell and value metadata describe the old value (dynamic arrays, rich values): not this one.
    tag = removeAttribute(removeAttribute(tag, 'cm'), 'vm');
    tag = type ? setAttribute(tag, 't', type) : removeAttribute(tag, 't');
  }
  // The tag starts with `<qname`: its children take the qname's prefix (what childName reads).
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon + 1);
  const v = `${prefix}v`;
  const close = `</${qname}>`;
  switch (content.kind) {
    case 'empty':
      return tag.replace(/>$/, '/>');
    case 'number':
      return `${tag}<${v}>${String(content.value)}</${v}>${close}`;
    case 'shared':
      return `${tag}<${v}>${content.index}</${v}>${close}`;
    case 'bool':
      return `${tag}<${v}>${content.value ? 1 : 0}</${v}>${close}`;
    case 'inline':
      return `${tag}<${prefix}is>${textElement(prefix, content.text)}</${prefix}is>${close}`;
    case 'formula': {
      const f = `${prefix}f`;
      return `${tag}<${f}>${escapeXml(encodeXstring(content.formula))}</${f}>${close}`;
    }
  }
}

/** A new inline-string `<c>` (`styleAttr` already ` s="n"` or empty): what buildCell writes, built directly. */
export function inlineStringCell(qname: string, ref: string, styleAttr: string, text: string): string {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon + 1);
  return `<${qname} r="${ref}"${styleAttr} t="inlineStr"><${prefix}is>${textElement(prefix, text)}</${prefix}is></${qname}>`;
}

/** The shared string item for `text`, as a `<si>`. */
export function sharedStringItem(prefix: string, text: string): string {
  return `<${prefix}si>${textElement(prefix, text)}</${prefix}si>`;
}

/** The cell with its `<f>` replaced by `formulaXml` (or removed when null), the rest kept. */
export function replaceFormula(xml: string, formulaXml: string | null, part: string): string {
  const sc = XmlScanner.of(xml, part, false);
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === START && sc.depth === 2 && sc.local === 'f') {
      const start = sc.tagStart;
      sc.skip();
      return xml.slice(0, start) + (formulaXml ?? '') + xml.slice(sc.offset);
    }
    if (ev === END && sc.depth === 0) break;
  }
  return xml;
}

/** A formula element with the given start tag and text. */
export function formulaElement(tag: string, text: string): string {
  const open = tag.replace(/\s*\/?>$/, '>');
  const name = /^<([^\s/>]+)/.exec(open)?.[1] ?? 'f';
  return `${open}${escapeXml(encodeXstring(text))}</${name}>`;
}
