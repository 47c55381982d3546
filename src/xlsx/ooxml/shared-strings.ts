/**
 * The shared string table: plain and rich text (the runs' text joined), phonetic guides (`rPh`)
 * left out, ST_Xstring escapes decoded. The same reading serves inline strings (`<is>`).
 */
import type { OoxmlPackage } from './package';
import { isSml } from './namespaces';
import { decodeText, END, EOF, START, XmlScanner, XmlSyntaxError } from './scanner';
import type { TextPool } from './text-pool';
import { decodeXstring } from './xml';

/**
 * After the START of an `si` or `is` element: its text, the element consumed. Text sits in `t`
 * directly or in the `t` of each run `r`; `rPh` (phonetic reading) and `phoneticPr` are not text.
 */
export function readRichText(sc: XmlScanner): string {
  if (sc.selfClosing) {
    sc.skip();
    return '';
  }
  const depth = sc.depth;
  let text = '';
  let pieces = 0;
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === END) {
      if (sc.depth < depth) break;
      continue;
    }
    if (!isSml(sc.ns)) {
      sc.skip();
      continue;
    }
    if (sc.local === 't') {
      const piece = sc.text();
      text = pieces++ === 0 ? piece : text + piece;
    } else if (sc.local !== 'r') sc.skip();
  }
  return decodeXstring(text);
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
/**
 * One item as this tool, Excel and most writers store plain text: `<si><t>…</t></si>`, the `t`
 * with or without `xml:space="preserve"`, no markup inside. Found with indexOf rather than a
 * regular expression: a match array per item was a tenth of what reading a return allocated.
 */
const ITEM_OPEN = '<si><t>';
const ITEM_OPEN_PRESERVE = '<si><t xml:space="preserve">';
const ITEM_CLOSE = '</t></si>';
const ROOT_END = /^<\/sst>\s*$/;
/** The least size, in bytes, of a table read through a pool (see pooledItems). */
const POOLED_TABLE = 64 * 1024;

/**
 * The table when every item is plain text written the common way (`<si><t>…</t></si>` under an
 * unprefixed root), its items found in one pass instead of one scanner step each. Null for
 * anything else (rich text, phonetic runs, prefixes, comments, UTF-16), which the scanner reads.
 */
function plainItems(pkg: OoxmlPackage, part: string, pool: TextPool | null): string[] | null {
  const bytes = pkg.bytes(part);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const sc = new XmlScanner(bytes, part, false);
  if (sc.next() !== START || sc.local !== 'sst' || !isSml(sc.ns) || sc.prefix !== '' || sc.selfClosing)
    return null;
  if (pool !== null && bytes.length >= POOLED_TABLE) return pooledItems(bytes, sc.tagEnd, pool);
  return decodedItems(UTF8.decode(bytes.subarray(sc.tagEnd)));
}

/** The items of a table's body decoded in one call, each a slice of it. */
function decodedItems(body: string): string[] | null {
  const items: string[] = [];
  let at = 0;
  for (;;) {
    let start: number;
    if (body.startsWith(ITEM_OPEN, at)) start = at + ITEM_OPEN.length;
    else if (body.startsWith(ITEM_OPEN_PRESERVE, at)) start = at + ITEM_OPEN_PRESERVE.length;
    else break;
    // The text runs to the next tag, which must close the item (anything else is not plain).
    const end = body.indexOf('<', start);
    if (end < 0 || !body.startsWith(ITEM_CLOSE, end)) break;
    items.push(decodeXstring(decodeText(body.slice(start, end))));
    at = end + ITEM_CLOSE.length;
  }
  return ROOT_END.test(body.slice(at)) ? items : null;
}

const LT = 0x3c;
const BYTES = {
  open: bytesOf(ITEM_OPEN),
  openPreserve: bytesOf(ITEM_OPEN_PRESERVE),
  close: bytesOf(ITEM_CLOSE),
};

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, (c) => c.charCodeAt(0));
}

function startsWithAt(b: Uint8Array, at: number, what: Uint8Array): boolean {
  if (at + what.length > b.length) return false;
  for (let i = 0; i < what.length; i++) if (b[at + i] !== what[i]) return false;
  return true;
}

/**
 * The items of a large table (`bytes` from `from`, after the root tag), the same matching on the
 * bytes. An empty pool (the first package of a command, a merge's master) is filled: the table
 * decoded in one call and each item remembered by its bytes. Otherwise each item is looked up by
 * its bytes and only those not found are decoded, one by one. A small table is not worth it:
 * decoded in one call it costs less than the look-ups, where a large one becomes a string too
 * large for the collector's young space, on fresh pages, and a second copy of the master's texts.
 */
function pooledItems(bytes: Uint8Array, from: number, pool: TextPool): string[] | null {
  const body = pool.size === 0 ? UTF8.decode(bytes.subarray(from)) : null;
  const items: string[] = [];
  // `at` in the bytes, `bodyAt` the same place in `body`: the markup is ASCII, as long in both.
  let at = from;
  let bodyAt = 0;
  for (;;) {
    let start: number;
    if (startsWithAt(bytes, at, BYTES.open)) start = at + BYTES.open.length;
    else if (startsWithAt(bytes, at, BYTES.openPreserve)) start = at + BYTES.openPreserve.length;
    else break;
    const end = bytes.indexOf(LT, start);
    if (end < 0 || !startsWithAt(bytes, end, BYTES.close)) break;
    let text: string | undefined;
    if (body !== null) {
      const bodyStart = bodyAt + (start - at);
      const bodyEnd = body.indexOf('<', bodyStart);
      text = decodeXstring(decodeText(body.slice(bodyStart, bodyEnd)));
      pool.add(bytes, start, end, text);
      bodyAt = bodyEnd + ITEM_CLOSE.length;
    } else {
      text = pool.find(bytes, start, end);
      if (text === undefined) {
        // Cut at "<", an ASCII byte: no UTF-8 sequence is split, so the item decodes as in the whole.
        text = decodeXstring(decodeText(UTF8.decode(bytes.subarray(start, end))));
        // A copy of the item's bytes: the pool outlives this package, and keeping a view would
        // keep its whole inflated table alive (some 40 MB over fifty returns of 50,000 tasks).
        pool.add(bytes.slice(start, end), 0, end - start, text);
      }
    }
    items.push(text);
    at = end + ITEM_CLOSE.length;
  }
  const rest = body !== null ? body.slice(bodyAt) : UTF8.decode(bytes.subarray(at));
  return ROOT_END.test(rest) ? items : null;
}

export function readSharedStrings(
  pkg: OoxmlPackage,
  part: string | null,
  pool: TextPool | null = null,
): string[] {
  if (!part) return [];
  let plain: string[] | null = null;
  try {
    plain = plainItems(pkg, part, pool);
  } catch (e) {
    // A root the scanner cannot read: the full reading below says so about the file.
    if (!(e instanceof XmlSyntaxError)) throw e;
  }
  if (plain) return plain;
  return pkg.parse(part, (sc) => {
    const strings: string[] = [];
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev !== START || !isSml(sc.ns)) continue;
      if (sc.local === 'si') strings.push(readRichText(sc));
      else if (sc.local === 'extLst') sc.skip();
    }
    return strings;
  });
}
