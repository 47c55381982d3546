/**
 * Bytes of a plan file → text. Handles UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the
 * zero-byte pattern of ASCII-heavy text), and falls back to Windows-1252 when the bytes are not UTF-8,
 * which is how TCVN3/VNI files arrive; those legacy encodings are then detected and converted.
 */
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

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
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

function decodeRaw(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const guess = utf16Guess(bytes);
  if (guess) return { text: new TextDecoder(guess).decode(bytes), encoding: guess };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
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

export function decodePlanBytes(bytes: Uint8Array): DecodedText {
  const { text, encoding } = decodeRaw(bytes);
  const fixed = fixLegacyText(text);
  if (encoding === 'windows-1252' && fixed.warnings.length === 0 && /[\u0080-\u00FF]/.test(text)) {
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
