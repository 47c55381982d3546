/** Escaping for the XML the .xlsx code writes by hand, and its reverse for the reader. */

// XML 1.0 cannot carry these control characters at all, even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// Most text (task ids, addresses, list words) needs no escaping: one test spares the replacements.
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ATTR_SPECIAL = /[&<>"\n\r\t\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text content: `&`, `<`, `>` escaped; characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(FORBIDDEN, '');
}

/** An attribute value in double quotes: also `"`, and line breaks kept as character references. */
export function escapeAttr(text: string): string {
  if (!ATTR_SPECIAL.test(text)) return text;
  return escapeXml(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function reference(name: string): string | null {
  if (name.charCodeAt(0) !== 35 /* # */) return NAMED[name] ?? null;
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The five predefined entities and character references; anything else is left as written. */
export function unescapeXml(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 2);
    if (semi < 0) break;
    const replacement = semi - amp <= 10 ? reference(text.slice(amp + 1, semi)) : null;
    if (replacement === null) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(last, amp) + replacement;
    last = semi + 1;
    amp = text.indexOf('&', last);
  }
  return last === 0 ? text : out + text.slice(last);
}

// ST_Xstring (ECMA-376 Part 1, 22.9.2.19): a character XML cannot carry is written `_xHHHH_`,
// and a literal `_xHHHH_` in the text has its underscore written `_x005F_`.
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
// eslint-disable-next-line no-control-regex
const XSTRING_NEEDS = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/g;

/** Decodes the `_xHHHH_` escapes of an ST_Xstring value (cell text, formulas, table column names). */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(XSTRING_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The reverse: characters XML cannot carry (and a carriage return, which XML parsers turn into a
 * line feed) as `_xHHHH_`, a literal `_xHHHH_` protected, so that decodeXstring gives back `text`.
 * The result still needs escapeXml or escapeAttr.
 */
export function encodeXstring(text: string): string {
  return text.replace(XSTRING_NEEDS, (m) =>
    m.length === 1 ? `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_` : `_x005F${m}`,
  );
}
