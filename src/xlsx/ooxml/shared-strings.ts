/**
 * The shared string table: plain and rich text (the runs' text joined), phonetic guides (`rPh`)
 * left out, ST_Xstring escapes decoded. The same reading serves inline strings (`<is>`).
 */
import type { OoxmlPackage } from './package';
import { isSml } from './namespaces';
import { decodeText, END, EOF, START, XmlScanner, XmlSyntaxError } from './scanner';
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
 * regular expression: a match array per item was a tenth of what reading a return allocates.
 */
const ITEM_OPEN = '<si><t>';
const ITEM_OPEN_PRESERVE = '<si><t xml:space="preserve">';
const ITEM_CLOSE = '</t></si>';
const ROOT_END = /^<\/sst>\s*$/;

/**
 * The table when every item is plain text written the common way (`<si><t>…</t></si>` under an
 * unprefixed root): the part decoded in one call and its items matched in one pass, instead of
 * one scanner step and one decoding call per item. Null for anything else (rich text, phonetic
 * runs, prefixes, comments, UTF-16), which the scanner reads.
 */
function plainItems(pkg: OoxmlPackage, part: string): string[] | null {
  const bytes = pkg.bytes(part);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const sc = new XmlScanner(bytes, part, false);
  if (sc.next() !== START || sc.local !== 'sst' || !isSml(sc.ns) || sc.prefix !== '' || sc.selfClosing)
    return null;
  const body = UTF8.decode(bytes.subarray(sc.tagEnd));
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

export function readSharedStrings(pkg: OoxmlPackage, part: string | null): string[] {
  if (!part) return [];
  let plain: string[] | null = null;
  try {
    plain = plainItems(pkg, part);
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
