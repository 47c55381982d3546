/**
 * The floor a merge is measured against (issue 18): the least work the same merge needs, not
 * shipped. Each zip is read once and only the task sheet and the shared strings are inflated;
 * each row's id and status are picked out with regular expressions; the plan is a map lookup
 * per task; the master's sheet is rewritten with the changed cells and deflated (level 1), inflating
 * and deflating with Node's zlib as the product's merge does in the CLI and this bench. No
 * checks, no history, no tolerance of other producers: what the product does on top of this is
 * the ratio the bench reports.
 */
import { strFromU8, strToU8 } from 'fflate';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The two parts, found through the zip's central directory and inflated by Node's zlib. */
function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  let end = bytes.length - 22;
  while (u32(bytes, end) !== 0x06054b50) end--;
  const out: Record<string, Uint8Array> = {};
  for (let i = 0, at = u32(bytes, end + 16); i < u16(bytes, end + 10); i++) {
    const nameLength = u16(bytes, at + 28);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === SHEET || name === STRINGS) {
      const local = u32(bytes, at + 42);
      const data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const raw = bytes.subarray(data, data + u32(bytes, at + 20));
      out[name] = u16(bytes, at + 10) === 8 ? inflateRawSync(raw) : raw;
    }
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}

function parts(bytes: Uint8Array): { sheet: string; strings: string[] } {
  const files = unzipParts(bytes);
  const strings: string[] = [];
  const sst = files[STRINGS] ? strFromU8(files[STRINGS]) : '';
  for (const m of sst.matchAll(/<si>(.*?)<\/si>/gs)) strings.push(m[1].replace(/<[^>]+>/g, ''));
  return { sheet: strFromU8(files[SHEET]), strings };
}

/** Cell text of column `col` (letters) per row, and each row's id (column A). */
function columnOf(
  sheet: string,
  strings: string[],
  col: string,
): Map<string, { row: number; value: string }> {
  const out = new Map<string, { row: number; value: string }>();
  const cell = new RegExp(
    `<c r="(A|${col})(\\d+)"([^>]*?)(?:/>|>(?:<f>[^<]*</f>)?(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)?</c>)`,
    'g',
  );
  const ids = new Map<number, string>();
  const values = new Map<number, string>();
  for (const m of sheet.matchAll(cell)) {
    const row = Number(m[2]);
    const raw = m[4] !== undefined ? (/t="s"/.test(m[3]) ? strings[Number(m[4])] : m[4]) : (m[5] ?? '');
    if (m[1] === 'A') ids.set(row, raw);
    else values.set(row, raw);
  }
  for (const [row, id] of ids) if (row > 1) out.set(id, { row, value: values.get(row) ?? '' });
  return out;
}

export function floorMerge(master: Uint8Array, returns: readonly Uint8Array[], statusCol: string): number {
  const m = parts(master);
  const current = columnOf(m.sheet, m.strings, statusCol);
  const edits = new Map<number, string>();
  for (const r of returns) {
    const p = parts(r);
    for (const [id, cell] of columnOf(p.sheet, p.strings, statusCol)) {
      const mine = current.get(id);
      if (mine && cell.value !== mine.value) edits.set(mine.row, cell.value);
    }
  }
  const rewritten = m.sheet.replace(
    new RegExp(`<c r="${statusCol}(\\d+)"([^>]*?)(/>|>[^]*?</c>)`, 'g'),
    (whole, row: string, attrs: string) => {
      const v = edits.get(Number(row));
      if (v === undefined) return whole;
      const style = /\ss="\d+"/.exec(attrs)?.[0] ?? '';
      return `<c r="${statusCol}${row}"${style} t="inlineStr"><is><t>${v}</t></is></c>`;
    },
  );
  deflateRawSync(strToU8(rewritten), { level: 1 });
  return edits.size;
}
