/**
 * Pass 1 of the parse: bytes of a plan file → text.
 *
 * - UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the zero-byte pattern of ASCII-heavy text).
 * - UTF-8 with a few stray bytes (one pasted character from another program) is still UTF-8: the bad
 *   bytes become "�" and a warning names their lines.
 * - Otherwise an 8-bit file: Windows-1258 ("ANSI" on Vietnamese Windows, tones as combining marks),
 *   or TCVN3/VNI read through Windows-1252, whichever reads as Vietnamese; the warning says which
 *   encoding was assumed.
 * - No text at all (empty, a ZIP/.xlsx/.docx, a PDF, an image, any binary) is refused with a
 *   LocalizedError (exit code 2) naming the file.
 */
import { EXIT, LocalizedError, msg } from '../model/msg';
import { convertLegacy, detectLegacy, type LegacyEncoding } from './legacy';
import type { ParseWarning } from './types';
import { warning } from './warnings';

export interface DecodedText {
  text: string;
  warnings: ParseWarning[];
}

const LEGACY_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

// Windows-1252 bytes 0x80–0x9F (the rest of the range is Latin-1). Decoded here rather than with
// TextDecoder, whose windows-1252 support differs between Node builds and browsers.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// Windows-1258 differs from Windows-1252 in these bytes (Microsoft's published table): Vietnamese
// letters, the five tone marks as combining characters, and the đồng sign.
const CP1258_DIFF: Record<number, number> = {
  0xc3: 0x0102,
  0xcc: 0x0300,
  0xd0: 0x0110,
  0xd2: 0x0309,
  0xd5: 0x01a0,
  0xdd: 0x01af,
  0xde: 0x0303,
  0xe3: 0x0103,
  0xec: 0x0301,
  0xf0: 0x0111,
  0xf2: 0x0323,
  0xf5: 0x01a1,
  0xfd: 0x01b0,
  0xfe: 0x20ab,
};

function decodeSingleByte(bytes: Uint8Array, diff: Record<number, number> | null): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      const d = diff ? diff[b] : undefined;
      codes.push(d !== undefined ? d : b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4000);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

// What a file that is no text starts with, and what to call it.
const SIGNATURES: ReadonlyArray<[number[], string, string]> = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    'tệp nén ZIP (bảng tính .xlsx, tài liệu .docx hay .zip)',
    'a ZIP archive (an .xlsx, .docx or .zip)',
  ],
  [[0x50, 0x4b, 0x05, 0x06], 'tệp nén ZIP rỗng', 'an empty ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'tệp Office cũ (.doc hay .xls)', 'an old Office file (.doc or .xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'tệp PDF', 'a PDF file'],
  [[0x89, 0x50, 0x4e, 0x47], 'ảnh PNG', 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'ảnh JPEG', 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'ảnh GIF', 'a GIF image'],
  [[0x52, 0x61, 0x72, 0x21], 'tệp nén RAR', 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'tệp nén 7z', 'a 7z archive'],
  [[0x1f, 0x8b], 'tệp nén gzip', 'a gzip archive'],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function fileNames(name?: string): { vi: string; en: string } {
  return name ? { vi: `Tệp "${name}"`, en: `"${name}"` } : { vi: 'Tệp', en: 'The file' };
}

function notText(name: string | undefined, whatVi: string, whatEn: string): LocalizedError {
  const f = fileNames(name);
  return new LocalizedError(
    msg(
      `${f.vi} không phải văn bản kế hoạch mà là ${whatVi}. Hãy chọn tệp .txt hoặc .docx của kế hoạch.`,
      `${f.en} is not a plan's text but ${whatEn}. Choose the plan's .txt or .docx file.`,
    ),
    EXIT.badInput,
  );
}

function emptyFile(name: string | undefined): LocalizedError {
  const f = fileNames(name);
  return new LocalizedError(msg(`${f.vi} không có nội dung.`, `${f.en} has no text.`), EXIT.badInput);
}

/** Control bytes other than tab, line breaks, form feed and escape: binary data, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > 8 && control * 100 > n;
}

// Frequent Vietnamese words: how much of a candidate decoding reads as Vietnamese.
const VIETNAMESE_WORDS =
  /(?<!\p{L})(?:của|và|các|được|trong|thực hiện|những|với|cho|người|này|đã|để|có|không|tỉnh|nhiệm vụ|kế hoạch|năm|theo|về|ngày|tháng|chủ trì|phối hợp|cơ quan|đơn vị|triển khai|công tác|xã hội)(?!\p{L})/giu;

function vietnameseScore(text: string): number {
  const sample = (text.length > 100_000 ? text.slice(0, 100_000) : text).normalize('NFC');
  let n = 0;
  VIETNAMESE_WORDS.lastIndex = 0;
  while (VIETNAMESE_WORDS.exec(sample)) n++;
  return n;
}

interface Raw {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';
  warnings: ParseWarning[];
}

/** Lines (1-based) where a replacement character stands, at most `limit` of them. */
function replacementLines(text: string, limit: number): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length && lines.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0xfffd && lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

function decodeUtf8Loosely(bytes: Uint8Array): Raw | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) multibyte++;
  }
  // Overwhelmingly valid: a few stray bytes among many good characters (a legacy 8-bit file has
  // nearly every non-ASCII byte invalid).
  if (bad === 0 || multibyte < 20 * bad) return null;
  const lines = replacementLines(text, 5);
  const where = lines.join(', ');
  return {
    text,
    encoding: 'utf-8',
    warnings: [
      warning(
        'invalid-utf8',
        lines[0] ?? 0,
        `Tệp có ${bad} byte không đúng UTF-8 (dòng ${where}); chúng được thay bằng "�". Hãy kiểm tra các dòng đó.`,
        `The file has ${bad} byte(s) that are not valid UTF-8 (line ${where}); they were replaced by "�". Please check those lines.`,
      ),
    ],
  };
}

function decodeRaw(bytes: Uint8Array): Raw {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      warnings: [],
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      warnings: [],
    };
  }
  const guess = utf16Guess(bytes);
  if (guess) return { text: new TextDecoder(guess).decode(bytes), encoding: guess, warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    const loose = decodeUtf8Loosely(bytes);
    if (loose) return loose;
  }
  // An 8-bit file: Windows-1258, or a legacy font encoding seen through Windows-1252.
  const latin = decodeSingleByte(bytes, null);
  const vietnamese = decodeSingleByte(bytes, CP1258_DIFF).normalize('NFC');
  const legacy = detectLegacy(latin);
  const legacyText = legacy ? convertLegacy(latin, legacy) : null;
  if (vietnameseScore(vietnamese) > (legacyText ? vietnameseScore(legacyText) : 0)) {
    return {
      text: vietnamese,
      encoding: 'windows-1258',
      warnings: [
        warning(
          'not-utf8',
          0,
          'Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (ANSI tiếng Việt). Nếu chữ bị lỗi, hãy lưu lại tệp dạng UTF-8.',
          'The file is not UTF-8; it was read as Windows-1258 (Vietnamese ANSI). If the text looks wrong, save the file as UTF-8.',
        ),
      ],
    };
  }
  return { text: latin, encoding: 'windows-1252', warnings: [] };
}

/** Detect TCVN3/VNI in already-decoded text (a pasted plan, a .docx in .VnTime) and convert it. */
export function fixLegacyText(text: string): DecodedText {
  const legacy = detectLegacy(text);
  if (!legacy) return { text, warnings: [] };
  const name = LEGACY_NAMES[legacy];
  return {
    text: convertLegacy(text, legacy),
    warnings: [
      warning(
        'legacy-encoding',
        0,
        `Văn bản dùng bảng mã cũ ${name}; đã chuyển sang Unicode. Hãy kiểm tra lại dấu tiếng Việt.`,
        `The text uses the legacy ${name} encoding; it was converted to Unicode. Please check the diacritics.`,
      ),
    ],
  };
}

/**
 * A plan file's bytes → its text and the warnings of reading it. Throws a LocalizedError (exit code
 * 2) naming `name` when the file holds no text.
 */
export function decodePlanBytes(bytes: Uint8Array, name?: string): DecodedText {
  if (bytes.length === 0) throw emptyFile(name);
  for (const [sig, vi, en] of SIGNATURES) if (startsWith(bytes, sig)) throw notText(name, vi, en);
  const raw = decodeRaw(bytes);
  if (raw.encoding === 'utf-8' || raw.encoding === 'windows-1258' || raw.encoding === 'windows-1252') {
    if (looksBinary(bytes)) throw notText(name, 'dữ liệu nhị phân', 'binary data');
  }
  if (raw.text.replace(/[\s\uFEFF\u200B]+/g, '') === '') throw emptyFile(name);
  const fixed = raw.encoding === 'windows-1258' ? { text: raw.text, warnings: [] } : fixLegacyText(raw.text);
  fixed.warnings.unshift(...raw.warnings);
  if (raw.encoding === 'windows-1252' && fixed.warnings.length === 0 && /[\u0080-\u00FF]/.test(raw.text)) {
    fixed.warnings.push(
      warning(
        'not-utf8',
        0,
        'Tệp không phải UTF-8; đã đọc theo Windows-1252. Hãy lưu lại tệp dạng UTF-8 nếu chữ bị lỗi.',
        'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 if the text looks wrong.',
      ),
    );
  }
  return fixed;
}
