/**
 * Legacy Vietnamese 8-bit encodings still met in old files and text copied from them:
 * TCVN3 (TCVN 5712:1993, the ".VnTime"/ABC fonts) and VNI (VNI-Windows fonts).
 *
 * Both show up as Latin-1 characters once the bytes are read as Windows-1252 (or once text in those
 * fonts is copied), e.g. TCVN3 "Uû ban nh©n d©n", VNI "UÛy ban nhaân daân". Conversion works on that
 * string form so it serves both raw files and pasted text.
 */

/**
 * TCVN 5712:1993 (VN1 repertoire), bytes 0xA1–0xFF → Unicode code points. Bytes 0xB0–0xB4 are
 * combining tone marks; NFC afterwards folds them into the preceding vowel.
 */
const TCVN3_HIGH: readonly number[] = [
  0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0,
  0x0111, 0x1eb0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2,
  0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7,
  0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5,
  0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4, 0x1ecf,
  0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3,
  0x00f9, 0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7,
  0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // none, sắc, huyền, hỏi, ngã, nặng

/**
 * VNI-Windows: a base letter followed by a mark character. Rows are the published VNI table:
 * [unicode base (decomposed), VNI base, VNI suffix for each tone in TONES order].
 */
const VNI_ROWS: ReadonlyArray<[string, string, readonly string[]]> = [
  ['a', 'a', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['a\u0302', 'a', ['â', 'á', 'à', 'å', 'ã', 'ä']],
  ['a\u0306', 'a', ['ê', 'é', 'è', 'ú', 'ü', 'ë']],
  ['e', 'e', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['e\u0302', 'e', ['â', 'á', 'à', 'å', 'ã', 'ä']],
  ['o', 'o', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['o\u0302', 'o', ['â', 'á', 'à', 'å', 'ã', 'ä']],
  ['o\u031b', 'ô', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['u', 'u', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['u\u031b', 'ö', ['', 'ù', 'ø', 'û', 'õ', 'ï']],
  ['y', 'y', ['', 'ù', 'ø', 'û', 'õ', '']],
];
/** Letters VNI encodes as one character. */
const VNI_SINGLE: ReadonlyArray<[string, string]> = [
  ['í', 'í'],
  ['ì', 'ì'],
  ['ỉ', 'æ'],
  ['ĩ', 'ó'],
  ['ị', 'ò'],
  ['ỵ', 'î'],
  ['đ', 'ñ'],
];

function buildVni(): { decode: Map<string, string>; encode: Map<string, string> } {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  const add = (uni: string, vni: string) => {
    decode.set(vni, uni);
    encode.set(uni, vni);
    const U = uni.toUpperCase();
    const V = vni.toUpperCase();
    decode.set(V, U);
    encode.set(U, V);
  };
  for (const [base, vniBase, suffixes] of VNI_ROWS) {
    TONES.forEach((tone, i) => {
      if (i > 0 && suffixes[i] === '') return;
      if (i === 0 && suffixes[0] === '' && vniBase === base) return; // plain ASCII vowel
      add((base + tone).normalize('NFC'), vniBase + suffixes[i]);
    });
  }
  for (const [uni, vni] of VNI_SINGLE) add(uni, vni);
  return { decode, encode };
}

const VNI = buildVni();
const TCVN_DECODE = new Map<string, string>();
const TCVN_ENCODE = new Map<string, string>();
TCVN3_HIGH.forEach((cp, i) => {
  const ch = String.fromCharCode(0xa1 + i);
  const uni = String.fromCharCode(cp);
  TCVN_DECODE.set(ch, uni);
  if (cp < 0x0300 || cp > 0x0323) TCVN_ENCODE.set(uni, ch);
});

export type LegacyEncoding = 'tcvn3' | 'vni';

// VNI writes a mark character after its base vowel ("aø" = à); "ñ" is its đ.
const VNI_BASE = new Set([...'AaEeOoUuYyÔôÖö'].map((c) => c.charCodeAt(0)));
const VNI_MARK = new Set([...'ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜËùøûõïâáàåãäêéèúüë'].map((c) => c.charCodeAt(0)));

/**
 * Which legacy encoding the text looks like, or null. Real Unicode Vietnamese is full of letters
 * beyond Latin-1 (ư, ơ, đ, ạ…); legacy text has none of them and many marker characters instead.
 * Only the first 200,000 characters are sampled.
 */
export function detectLegacy(text: string): LegacyEncoding | null {
  // One pass over the character codes (regexes over 200,000 characters three times cost more).
  const n = Math.min(text.length, 200_000);
  let tcvn = 0;
  let vni = 0;
  let extended = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa1) continue;
    if (c <= 0xff) {
      if (c <= 0xae || (c >= 0xb5 && c <= 0xbe)) tcvn++;
      if (c === 0xf1 || c === 0xd1) vni++;
      else if (VNI_MARK.has(c) && i > 0 && VNI_BASE.has(text.charCodeAt(i - 1))) vni++;
    } else if (
      c === 0x0102 ||
      c === 0x0103 ||
      c === 0x0110 ||
      c === 0x0111 ||
      c === 0x0128 ||
      c === 0x0129 ||
      c === 0x0168 ||
      c === 0x0169 ||
      c === 0x01a0 ||
      c === 0x01a1 ||
      c === 0x01af ||
      c === 0x01b0 ||
      (c >= 0x1ea0 && c <= 0x1ef9)
    ) {
      extended++;
    }
  }
  const best = Math.max(tcvn, vni);
  if (best < 3) return null;
  if (extended * 4 >= best) return null;
  return tcvn >= vni ? 'tcvn3' : 'vni';
}

/**
 * Words typed in the uppercase TCVN3 font come back in lowercase: restore all-caps lines (headings)
 * and all-caps words of at least two ASCII letters.
 */
function restoreCapitals(original: string, converted: string): string {
  const lines = converted.split('\n');
  let offset = 0;
  return lines
    .map((line) => {
      const src = original.slice(offset, offset + line.length);
      offset += line.length + 1;
      const ascii = src.replace(/[^A-Za-z]/g, '');
      if (ascii.length >= 3 && ascii === ascii.toUpperCase() && src !== line) return line.toUpperCase();
      return line.replace(/[\p{L}\p{M}]+/gu, (word, at: number) => {
        const w = src.slice(at, at + word.length);
        const letters = w.replace(/[^A-Za-z]/g, '');
        return letters.length >= 2 && letters === letters.toUpperCase() && w !== word
          ? word.toUpperCase()
          : word;
      });
    })
    .join('\n');
}

export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'tcvn3') {
    let out = '';
    const parts: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const mapped = TCVN_DECODE.get(ch);
      out += mapped ?? ch;
      if (out.length > 4096) {
        parts.push(out);
        out = '';
      }
    }
    parts.push(out);
    // One character in, one out: offsets line up, so capitals can be restored word by word.
    return restoreCapitals(text, parts.join('')).normalize('NFC');
  }
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const pair = i + 1 < text.length ? VNI.decode.get(text[i] + text[i + 1]) : undefined;
    if (pair !== undefined) {
      parts.push(pair);
      i += 2;
      continue;
    }
    parts.push(VNI.decode.get(text[i]) ?? text[i]);
    i++;
  }
  return parts.join('').normalize('NFC');
}

/** Unicode → legacy form (for tests and for round-trip checks); letters without a code are kept. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === 'tcvn3' ? TCVN_ENCODE : VNI.encode;
  const parts: string[] = [];
  for (const ch of text.normalize('NFC')) {
    let mapped = table.get(ch);
    // TCVN3 keeps most capital toned letters in a separate font: write them as the lowercase code.
    if (mapped === undefined && encoding === 'tcvn3') mapped = table.get(ch.toLowerCase());
    parts.push(mapped ?? ch);
  }
  return parts.join('');
}
