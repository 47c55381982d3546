/**
 * A text's words without case, diacritics or punctuation, joined by single spaces, in one pass
 * over its UTF-16 units: what revise compares ("Tỉnh uỷ"/"tỉnh ủy" and NFD/NFC give one key).
 *
 * It gives exactly what the chain NFD → strip U+0300–U+036F → đ/Đ to d → lower case → split on
 * anything but a–z and 0–9 gives (test/tracking/text-key.test.ts compares the two on every BMP
 * unit), without that chain's four intermediate strings per text: on a 50,000-task revise those
 * were a fifth of the time and most of the garbage. The chain is still what decides each unit's
 * fold, applied to that unit alone the first time it is met: NFD only reorders combining marks,
 * which fold to nothing or to a separator wherever they stand, and the only context-dependent
 * lower-casing (final sigma) is not a–z either way.
 */

const UNKNOWN = 0xffff;
/** The unit folds to more than one character: no BMP unit does today; the chain then decides. */
const MANY = 0xfffe;
/** The unit is dropped: a combining mark, which joins the letters around it. */
const NOTHING = 0xfffd;
const SPACE = 0x20;

/** Each unit's fold: a–z or 0–9, SPACE for a separator, NOTHING, MANY or UNKNOWN (not yet met). */
let folds: Uint16Array | null = null;

function chain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
}

function foldTable(): Uint16Array {
  if (folds) return folds;
  const table = new Uint16Array(0x10000).fill(UNKNOWN);
  for (let u = 0; u < 0x80; u++) {
    const isDigit = u >= 0x30 && u <= 0x39;
    const isLower = u >= 0x61 && u <= 0x7a;
    const isUpper = u >= 0x41 && u <= 0x5a;
    table[u] = isDigit || isLower ? u : isUpper ? u + 0x20 : SPACE;
  }
  folds = table;
  return table;
}

function learn(table: Uint16Array, unit: number): number {
  const f = chain(String.fromCharCode(unit));
  const code = f === '' ? NOTHING : f.length === 1 ? f.charCodeAt(0) : MANY;
  table[unit] = code;
  return code;
}

/** Output units are ASCII: gathered in a buffer reused across calls, made a string per chunk. */
let out = new Uint8Array(1024);
const CHUNK = 4096;

function bufferString(length: number): string {
  let s = '';
  for (let at = 0; at < length; at += CHUNK)
    s += String.fromCharCode.apply(
      null,
      out.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[],
    );
  return s;
}

export function normalizedKey(text: string): string {
  const table = foldTable();
  if (out.length < text.length) out = new Uint8Array(text.length);
  let used = 0;
  // A separator is written only before the next word, so runs collapse and no edge has one.
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let code = table[unit];
    if (code === UNKNOWN) code = learn(table, unit);
    if (code === NOTHING) continue;
    if (code === SPACE) gap = used > 0;
    else if (code === MANY) return chain(text).trim();
    else {
      if (gap) out[used++] = SPACE;
      gap = false;
      out[used++] = code;
    }
  }
  return bufferString(used);
}
