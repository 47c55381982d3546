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
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
/** The hidden meta sheet (_PlanTracker) of the product's own workbooks. */
const META = 'xl/worksheets/sheet5.xml';
const WANTED = [SHEET, STRINGS];

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The parts named, found through the zip's central directory and inflated by Node's zlib. */
function unzipParts(bytes: Uint8Array, wanted: readonly string[] = WANTED): Record<string, Uint8Array> {
  let end = bytes.length - 22;
  while (u32(bytes, end) !== 0x06054b50) end--;
  const out: Record<string, Uint8Array> = {};
  for (let i = 0, at = u32(bytes, end + 16); i < u16(bytes, end + 10); i++) {
    const nameLength = u16(bytes, at + 28);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    if (wanted.includes(name)) {
      const local = u32(bytes, at + 42);
      const data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const raw = bytes.subarray(data, data + u32(bytes, at + 20));
      out[name] = u16(bytes, at + 10) === 8 ? inflateRawSync(raw) : raw;
    }
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}

function parts(
  bytes: Uint8Array,
  wanted: readonly string[] = WANTED,
): { sheet: string; strings: string[]; meta: string } {
  const files = unzipParts(bytes, wanted);
  const strings: string[] = [];
  const sst = files[STRINGS] ? strFromU8(files[STRINGS]) : '';
  for (const m of sst.matchAll(/<si>(.*?)<\/si>/gs)) strings.push(m[1].replace(/<[^>]+>/g, ''));
  return { sheet: strFromU8(files[SHEET]), strings, meta: files[META] ? strFromU8(files[META]) : '' };
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

/** The meta sheet's key/value rows (columns A and B, shared strings), pieces of a key joined. */
function metaValues(meta: string, strings: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const cell = /<c r="([AB])\d+"[^>]*?t="s"[^>]*><v>(\d+)<\/v><\/c>/g;
  let key = '';
  for (const m of meta.matchAll(cell)) {
    const text = strings[Number(m[2])] ?? '';
    if (m[1] === 'A') key = text;
    else out.set(key, (out.get(key) ?? '') + text);
  }
  return out;
}

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32 ?? (() => 0);

function deflated(xml: string): number {
  const data = strToU8(xml);
  crc32(data);
  return deflateRawSync(data, { level: 1 }).length;
}

/**
 * The honest floor: the least work the guarantees need, on top of `floorMerge`. Each package's
 * meta sheet is read too (lineage: the workbook id and every task's hash against the master's;
 * the base values at split, for telling a change from a conflict), each change is judged three
 * ways (return, master, base), and the merge is logged: one history row per change in a new
 * sheet and the sync records appended to the master's meta sheet, each part deflated and its
 * CRC taken. Still no checks of the values, no tolerance of other producers, no zip assembled.
 */
export function floorMergeHonest(
  master: Uint8Array,
  returns: readonly Uint8Array[],
  statusCol: string,
): number {
  const withMeta = [SHEET, STRINGS, META];
  const m = parts(master, withMeta);
  const masterMeta = metaValues(m.meta, m.strings);
  const hashes = new Map<string, string>(JSON.parse(masterMeta.get('tasks') ?? '[]') as [string, string][]);
  const current = columnOf(m.sheet, m.strings, statusCol);
  const edits = new Map<number, string>();
  const history: string[] = [];
  const sync: unknown[] = [];
  const at = new Date().toISOString();
  for (const r of returns) {
    const p = parts(r, withMeta);
    const meta = metaValues(p.meta, p.strings);
    if (meta.get('workbookId') !== masterMeta.get('workbookId')) throw new Error('foreign return');
    for (const [id, hash] of JSON.parse(meta.get('tasks') ?? '[]') as [string, string][])
      if (hashes.get(id) !== hash) throw new Error(`task ${id} differs`);
    const base = JSON.parse(meta.get('baseEntries') ?? '{}') as Record<string, Record<string, unknown>>;
    for (const [id, cell] of columnOf(p.sheet, p.strings, statusCol)) {
      const mine = current.get(id);
      if (!mine || cell.value === mine.value) continue;
      const was = String(base[id]?.status ?? '');
      if (cell.value === was) continue;
      if (mine.value !== was) throw new Error(`conflict on ${id}`);
      edits.set(mine.row, cell.value);
      const row = history.length + 2;
      const texts = [at, 'return.xlsx', id, 'status', `${statusCol}${mine.row}`, mine.value, cell.value, ''];
      history.push(
        `<row r="${row}">${texts
          .map((t, j) => `<c r="${String.fromCharCode(65 + j)}${row}" t="inlineStr"><is><t>${t}</t></is></c>`)
          .join('')}</row>`,
      );
      sync.push(['copy', id, 'status', cell.value, cell.value]);
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
  deflated(rewritten);
  deflated(`<worksheet><sheetData>${history.join('')}</sheetData></worksheet>`);
  const json = JSON.stringify(sync);
  const extra: string[] = [];
  for (let i = 0; i * 30_000 < json.length; i++)
    extra.push(
      `<row><c t="inlineStr"><is><t>mergeSync</t></is></c><c t="inlineStr"><is><t>${json.slice(i * 30_000, (i + 1) * 30_000)}</t></is></c></row>`,
    );
  deflated(m.meta.replace('</sheetData>', `${extra.join('')}</sheetData>`));
  return edits.size;
}
