/**
 * File names for per-agency workbooks: valid on Windows (the strictest system staff use) while
 * keeping Vietnamese letters, so "Ban Tổ chức Tỉnh ủy.xlsx" stays readable.
 */

const FORBIDDEN = /[<>:"/\\|?*]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Windows limits a path component to 255 UTF-16 units; the folder path counts towards MAX_PATH
 * too, so stay well below (agency names are rarely longer than 80 letters).
 */
export const MAX_BASENAME = 120;

export function safeFileBase(name: string, fallback = 'co-quan'): string {
  let s = name.normalize('NFC').replace(CONTROL, ' ').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > MAX_BASENAME) s = s.slice(0, MAX_BASENAME);
  // Windows drops trailing dots and spaces, so "Sở Y tế." and "Sở Y tế" would collide.
  s = s.replace(/[. ]+$/g, '').replace(/^[ ]+/, '');
  if (s === '' || /^\.+$/.test(s)) s = fallback;
  // "CON.xlsx" is as reserved as "CON": the check is on the part before the first dot.
  const stem = s.split('.')[0].trim();
  if (RESERVED.test(stem)) s = `_${s}`;
  return s;
}

/** Distinct safe names for a list (case-insensitive, as Windows compares): "X", "X (2)", … */
export function safeFileNames(names: readonly string[], ext = '.xlsx', fallback = 'co-quan'): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = safeFileBase(name, fallback);
    let candidate = base;
    for (let n = 2; used.has(candidate.toLocaleLowerCase('vi')); n += 1) candidate = `${base} (${n})`;
    used.add(candidate.toLocaleLowerCase('vi'));
    return candidate + ext;
  });
}
