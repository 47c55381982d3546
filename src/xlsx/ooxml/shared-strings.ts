/**
 * The shared string table: plain and rich text (the runs' text joined), phonetic guides (`rPh`)
 * left out, ST_Xstring escapes decoded. The same reading serves inline strings (`<is>`).
 */
import type { OoxmlPackage } from './package';
import { isSml } from './namespaces';
import { END, EOF, START, XmlScanner } from './scanner';
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

export function readSharedStrings(pkg: OoxmlPackage, part: string | null): string[] {
  if (!part) return [];
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
