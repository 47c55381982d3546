/**
 * Cell formats of one package brought into another's stylesheet, for a sheet copied between
 * them: each cell format the sheet uses (`cellXfs` entry) is added to the target with its font,
 * fill, border and custom number format (each reused when the target already has the same one),
 * and each differential format its conditional formats use (`dxfs`). The answer maps the
 * source's indices to the target's. The target's own entries keep their indices and text.
 *
 * A copied format refers to the target's Normal cell style (`xfId="0"`): named cell styles are
 * not carried, what a cell shows is.
 */
import { STYLESHEET_ORDER } from './parts-doc';
import { applySplices, type Splice } from './splice';
import {
  elementPrefix,
  getAttribute,
  insertionPoint,
  rootAndChildren,
  setAttribute,
  type ElementSpan,
} from './xml-edit';
import { escapeAttr } from '../xml';

/** The first id of a custom number format. */
const FIRST_CUSTOM = 164;

interface Collection {
  span: ElementSpan | null;
  items: string[];
  added: string[];
}

function collections(xml: string, part: string, prefixTo: string | null) {
  const { root, children } = rootAndChildren(xml, part);
  const from = elementPrefix(root);
  const out = new Map<string, Collection>();
  for (const local of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
    const span = children.find((c) => c.local === local) ?? null;
    const items: string[] = [];
    if (span && !span.selfClosing) {
      const inner = xml.slice(span.start, span.end);
      for (const child of rootAndChildren(inner, part).children) {
        let item = inner.slice(child.start, child.end);
        // The same element names under the target's prefix (Open XML SDK packages use `x:`).
        if (prefixTo !== null && prefixTo !== from)
          item = item.replace(new RegExp(`<(/?)${from.replace(/[.:]/g, '\\$&')}`, 'g'), `<$1${prefixTo}`);
        items.push(item);
      }
    }
    out.set(local, { span, items, added: [] });
  }
  return { root, children, prefix: from, collections: out };
}

/** The index of `item` in the collection, appended when it is not there yet. */
function indexOf(c: Collection, item: string): number {
  const at = c.items.indexOf(item);
  if (at >= 0) return at;
  const added = c.added.indexOf(item);
  if (added >= 0) return c.items.length + added;
  c.added.push(item);
  return c.items.length + c.added.length - 1;
}

function startTag(item: string): string {
  return item.slice(0, item.indexOf('>') + 1);
}

export interface MergedStyles {
  xml: string;
  /** Source cellXfs index → target index. */
  xf: Map<number, number>;
  /** Source dxfs index → target index. */
  dxf: Map<number, number>;
}

export function mergeStyles(
  target: { xml: string; part: string },
  source: { xml: string; part: string } | null,
  used: { xfs: Iterable<number>; dxfs: Iterable<number> },
): MergedStyles {
  const xf = new Map<number, number>();
  const dxf = new Map<number, number>();
  const t = collections(target.xml, target.part, null);
  if (!source) {
    for (const i of used.xfs) xf.set(i, 0);
    return { xml: target.xml, xf, dxf };
  }
  const s = collections(source.xml, source.part, t.prefix);
  const get = (from: typeof t, local: string) => from.collections.get(local)!;

  const codeOf = (from: typeof t, id: number): string | null => {
    for (const item of [...get(from, 'numFmts').items, ...get(from, 'numFmts').added]) {
      if (getAttribute(startTag(item), 'numFmtId') === String(id))
        return getAttribute(startTag(item), 'formatCode');
    }
    return null;
  };
  const numFmtId = (id: number): number => {
    const code = id >= FIRST_CUSTOM ? codeOf(s, id) : null;
    if (code === null) return id;
    const fmts = get(t, 'numFmts');
    const ids: number[] = [];
    for (const item of [...fmts.items, ...fmts.added]) {
      const tag = startTag(item);
      const n = Number(getAttribute(tag, 'numFmtId'));
      if (getAttribute(tag, 'formatCode') === code) return n;
      if (Number.isInteger(n)) ids.push(n);
    }
    const fresh = Math.max(FIRST_CUSTOM - 1, ...ids) + 1;
    fmts.added.push(`<${t.prefix}numFmt numFmtId="${fresh}" formatCode="${escapeAttr(code)}"/>`);
    return fresh;
  };
  const part = (local: string, attr: string, tag: string): string | null => {
    const i = Number(getAttribute(tag, attr) ?? 0);
    const item = get(s, local).items[i];
    return item === undefined ? null : String(indexOf(get(t, local), item));
  };

  for (const i of used.xfs) {
    const item = get(s, 'cellXfs').items[i];
    if (item === undefined) {
      xf.set(i, 0);
      continue;
    }
    let tag = startTag(item);
    tag = setAttribute(tag, 'numFmtId', String(numFmtId(Number(getAttribute(tag, 'numFmtId') ?? 0))));
    for (const [local, attr] of [
      ['fonts', 'fontId'],
      ['fills', 'fillId'],
      ['borders', 'borderId'],
    ]) {
      const mapped = part(local, attr, tag);
      if (mapped !== null) tag = setAttribute(tag, attr, mapped);
    }
    tag = setAttribute(tag, 'xfId', '0');
    xf.set(i, indexOf(get(t, 'cellXfs'), tag + item.slice(startTag(item).length)));
  }
  for (const i of used.dxfs) {
    const item = get(s, 'dxfs').items[i];
    if (item !== undefined) dxf.set(i, indexOf(get(t, 'dxfs'), item));
  }

  const splices: Splice[] = [];
  for (const [local, c] of t.collections) {
    if (!c.added.length) continue;
    const count = String(c.items.length + c.added.length);
    const items = c.added.join('');
    const span = c.span;
    if (!span) {
      const at = insertionPoint(t.root, t.children, local, STYLESHEET_ORDER);
      splices.push({
        at,
        remove: 0,
        insert: `<${t.prefix}${local} count="${count}">${items}</${t.prefix}${local}>`,
      });
      continue;
    }
    const tag = setAttribute(target.xml.slice(span.start, span.openEnd), 'count', count);
    if (span.selfClosing) {
      const open = tag.replace(/\s*\/>$/, '>');
      splices.push({
        at: span.start,
        remove: span.end - span.start,
        insert: `${open}${items}</${span.qname}>`,
      });
    } else {
      splices.push({ at: span.start, remove: span.openEnd - span.start, insert: tag });
      splices.push({ at: target.xml.lastIndexOf('</', span.end - 1), remove: 0, insert: items });
    }
  }
  return { xml: applySplices(target.xml, splices), xf, dxf };
}
