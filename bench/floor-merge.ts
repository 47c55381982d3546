/**
 * The floor a merge is measured against (issue 18): the least work the same merge needs, not
 * shipped. Each zip is read once and only the task sheet and the shared strings are inflated;
 * each row's id and the columns staff fill in are picked out with regular expressions; the plan
 * is a map lookup per task and a comparison per column; the master's sheet is rewritten with the
 * changed cells, deflated (level 1) and its CRC taken, inflating and deflating with Node's zlib
 * as the product's merge does in the CLI and this bench. No
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

/** A column the floor reads: its letters in the task sheet and its id in the registry. */
export interface FloorColumn {
  letter: string;
  id: string;
}

/** The values of `cols` per row (in the order given), each row by its id (column A). */
function columnsOf(
  sheet: string,
  strings: string[],
  cols: readonly FloorColumn[],
): Map<string, { row: number; values: string[] }> {
  const at = new Map(cols.map((c, i) => [c.letter, i]));
  const cell = new RegExp(
    `<c r="(A|${cols.map((c) => c.letter).join('|')})(\\d+)"([^>]*?)(?:/>|>(?:<f>[^<]*</f>)?(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)?</c>)`,
    'g',
  );
  const ids = new Map<number, string>();
  const values = new Map<number, string[]>();
  for (const m of sheet.matchAll(cell)) {
    const row = Number(m[2]);
    const raw = m[4] !== undefined ? (/t="s"/.test(m[3]) ? strings[Number(m[4])] : m[4]) : (m[5] ?? '');
    if (m[1] === 'A') ids.set(row, raw);
    else {
      let list = values.get(row);
      if (!list) values.set(row, (list = new Array<string>(cols.length).fill('')));
      list[at.get(m[1])!] = raw;
    }
  }
  const out = new Map<string, { row: number; values: string[] }>();
  for (const [row, id] of ids)
    if (row > 1) out.set(id, { row, values: values.get(row) ?? new Array<string>(cols.length).fill('') });
  return out;
}

/** The master's sheet with each edited cell (by row, then column letters) written inline, deflated. */
function rewriteMaster(
  sheet: string,
  cols: readonly FloorColumn[],
  edits: Map<number, Map<string, string>>,
): number {
  const rewritten = sheet.replace(
    new RegExp(`<c r="(${cols.map((c) => c.letter).join('|')})(\\d+)"([^>]*?)(/>|>[^]*?</c>)`, 'g'),
    (whole, letter: string, row: string, attrs: string) => {
      const v = edits.get(Number(row))?.get(letter);
      if (v === undefined) return whole;
      const style = /\ss="\d+"/.exec(attrs)?.[0] ?? '';
      return `<c r="${letter}${row}"${style} t="inlineStr"><is><t>${v}</t></is></c>`;
    },
  );
  return deflated(rewritten);
}

function edit(edits: Map<number, Map<string, string>>, row: number, letter: string, value: string): void {
  let cells = edits.get(row);
  if (!cells) edits.set(row, (cells = new Map()));
  cells.set(letter, value);
}

/**
 * `entries`: the columns staff fill in, every one compared (a merge cannot know which column an
 * agency changed; comparing only the one the benchmark changed would let the floor know its input).
 */
export function floorMerge(
  master: Uint8Array,
  returns: readonly Uint8Array[],
  entries: readonly FloorColumn[],
): number {
  const m = parts(master);
  const current = columnsOf(m.sheet, m.strings, entries);
  const edits = new Map<number, Map<string, string>>();
  let count = 0;
  for (const r of returns) {
    const p = parts(r);
    for (const [id, cell] of columnsOf(p.sheet, p.strings, entries)) {
      const mine = current.get(id);
      if (!mine) continue;
      for (let k = 0; k < entries.length; k++)
        if (cell.values[k] !== mine.values[k]) {
          edit(edits, mine.row, entries[k].letter, cell.values[k]);
          count++;
        }
    }
  }
  rewriteMaster(m.sheet, entries, edits);
  return count;
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
  entries: readonly FloorColumn[],
  reported: readonly FloorColumn[],
): number {
  const withMeta = [SHEET, STRINGS, META];
  const cols = [...entries, ...reported];
  const m = parts(master, withMeta);
  const masterMeta = metaValues(m.meta, m.strings);
  const hashes = new Map<string, string>(JSON.parse(masterMeta.get('tasks') ?? '[]') as [string, string][]);
  const current = columnsOf(m.sheet, m.strings, cols);
  const edits = new Map<number, Map<string, string>>();
  const history: string[] = [];
  const sync: unknown[] = [];
  let notices = 0;
  const at = new Date().toISOString();
  for (const r of returns) {
    const p = parts(r, withMeta);
    const meta = metaValues(p.meta, p.strings);
    if (meta.get('workbookId') !== masterMeta.get('workbookId')) throw new Error('foreign return');
    for (const [id, hash] of JSON.parse(meta.get('tasks') ?? '[]') as [string, string][])
      if (hashes.get(id) !== hash) throw new Error(`task ${id} differs`);
    const base = JSON.parse(meta.get('baseEntries') ?? '{}') as Record<string, Record<string, unknown>>;
    for (const [id, cell] of columnsOf(p.sheet, p.strings, cols)) {
      const mine = current.get(id);
      if (!mine) continue;
      // A plan column the agency edited is a notice, not a change.
      for (let k = entries.length; k < cols.length; k++) if (cell.values[k] !== mine.values[k]) notices++;
      for (let k = 0; k < entries.length; k++) {
        const value = cell.values[k];
        const now = mine.values[k];
        if (value === now) continue;
        const column = entries[k].id;
        const was = String(base[id]?.[column] ?? '');
        if (value === was) continue;
        if (now !== was) throw new Error(`conflict on ${id} ${column}`);
        edit(edits, mine.row, entries[k].letter, value);
        const row = history.length + 2;
        const texts = [at, 'return.xlsx', id, column, `${entries[k].letter}${mine.row}`, now, value, ''];
        history.push(
          `<row r="${row}">${texts
            .map(
              (t, j) => `<c r="${String.fromCharCode(65 + j)}${row}" t="inlineStr"><is><t>${t}</t></is></c>`,
            )
            .join('')}</row>`,
        );
        sync.push(['copy', id, column, value, value]);
      }
    }
  }
  if (notices > 0) throw new Error(`${notices} plan cells differ`);
  rewriteMaster(m.sheet, entries, edits);
  deflated(`<worksheet><sheetData>${history.join('')}</sheetData></worksheet>`);
  const json = JSON.stringify(sync);
  const extra: string[] = [];
  for (let i = 0; i * 30_000 < json.length; i++)
    extra.push(
      `<row><c t="inlineStr"><is><t>mergeSync</t></is></c><c t="inlineStr"><is><t>${json.slice(i * 30_000, (i + 1) * 30_000)}</t></is></c></row>`,
    );
  deflated(m.meta.replace('</sheetData>', `${extra.join('')}</sheetData>`));
  return history.length;
}
