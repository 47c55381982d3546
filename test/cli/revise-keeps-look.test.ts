/**
 * Revise keeps what the user added, as it looked (issue 13/20, what the first round left out): a
 * sheet of the user's own keeps its formatting (fonts, fills, borders, number formats, column
 * widths, row heights, merged cells, frozen panes), and a column typed beside the task table,
 * outside it, stays beside it on the same tasks' rows although the rows moved. The masters are
 * edited by openpyxl, and by openpyxl then LibreOffice (its own stylesheet and sheet layout,
 * and a side value typed in Calc); the revised files are read back with openpyxl.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { mapColumns } from '../../src/model/columns';
import { columnLetter } from '../../src/model/table';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { libreofficeEdit, hasUno } from '../support/libreoffice';
import { runPython } from '../support/openpyxl';
import { validatePackage } from '../support/ooxml-validate';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const REMOVED_LINE = /^3\.2\. Tiếp tục phối hợp tham mưu thực hiện tốt Nghị quyết số 26-NQ\/TW.*\n/m;
const OWN = 'Kinh phí';
const marker = (id: string) => `mốc ${id}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pt-revise-look-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** What a user's Python script or openpyxl-driven tool adds: a formatted sheet, a side column. */
const ADD_SHEET = String.raw`
import sys, json, datetime, openpyxl
from openpyxl.styles import Font, PatternFill, Border, Side, Alignment
src, dst, side = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
ws = wb.create_sheet('Kinh phí')
ws['A1'] = 'Kinh phí đã cấp'
ws['A1'].font = Font(name='Times New Roman', size=14, bold=True, color='FFC00000')
ws['A1'].fill = PatternFill('solid', fgColor='FFFFFF00')
ws['A1'].alignment = Alignment(horizontal='center')
ws.merge_cells('A1:C1')
ws['B2'] = 125.5
ws['B2'].number_format = '#,##0.00'
thin = Side(style='thin', color='FF000000')
ws['B2'].border = Border(left=thin, right=thin, top=thin, bottom=thin)
ws['C3'] = datetime.datetime(2024, 5, 15)
ws['C3'].number_format = 'dd/mm/yyyy'
ws['A4'] = 'Tổng'
ws['A4'].font = Font(italic=True)
ws['D4'] = '=B2*2'
ws.column_dimensions['A'].width = 30
ws.column_dimensions['B'].width = 15
ws.row_dimensions[2].height = 25
ws.freeze_panes = 'A2'
tasks = wb[side['sheet']]
for ref, value in side['cells'].items():
    tasks[ref] = value
wb.save(dst)
`;

/** A cell's look as openpyxl reads it. */
const LOOK = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
out = {}
for ref in sys.argv[3:]:
    c = ws[ref]
    out[ref] = {'font': c.font.name, 'size': c.font.sz, 'bold': bool(c.font.b), 'italic': bool(c.font.i),
        'color': c.font.color.rgb if c.font.color is not None and c.font.color.type == 'rgb' else None,
        'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None,
        'border': c.border.left.style, 'align': c.alignment.horizontal, 'numFmt': c.number_format}
print(json.dumps(out))
`;

function looks(bytes: Uint8Array, sheet: string, refs: string[]) {
  const path = join(dir, `look-${Date.now()}.xlsx`);
  writeFileSync(path, bytes);
  return JSON.parse(runPython(LOOK, [path, sheet, ...refs])) as Record<string, Record<string, unknown>>;
}

interface Master {
  path: string;
  sheet: string;
  /** The column right of the table, with a header typed over it (read as a staff column). */
  sideCol: string;
  /** A column further right, typed without a header. */
  bareCol: string;
  /** Values by task id, in both columns. */
  side: Record<string, string | number>;
}

/** Builds the sample's master and has openpyxl add the user's sheet and side column. */
async function masterWithAdditions(): Promise<Master> {
  expect((await run('build', SAMPLE, '-o', 'built.xlsx', '--report-date', '2024-06-30')).code).toBe(0);
  const built = readFileSync(join(dir, 'built.xlsx'));
  const wb = await readTrackingWorkbook(built);
  const s = wb.snapshot;
  const idCol = mapColumns(s.headers).index.taskId!;
  const noteCol = mapColumns(s.headers).index.note!;
  const sideCol = columnLetter(s.firstCol + s.headers.length);
  const bareCol = columnLetter(s.firstCol + s.headers.length + 2);
  const rowOf = (id: string) => s.headerRow + 1 + s.rows.findIndex((r) => r[idCol] === id);
  // 3.1 stays where it is, 3.2 leaves the plan (its row goes to the end), 4.1 moves up a row.
  const side: Record<string, string | number> = {
    'IV.3.1': 'Đã giao phòng Tổ chức',
    'IV.3.2': 'Chờ ý kiến',
    'IV.4.1': 42,
  };
  const ids = s.rows.map((r) => String(r[idCol]));
  for (const id of Object.keys(side)) expect(ids).toContain(id);
  const cells: Record<string, string | number> = { [`${sideCol}${s.headerRow}`]: 'Ghi chú riêng' };
  for (const [id, v] of Object.entries(side)) {
    cells[`${sideCol}${rowOf(id)}`] = v;
    cells[`${bareCol}${rowOf(id)}`] = v;
    // A staff entry on the same row: where the revision takes the task's entries.
    cells[`${columnLetter(s.firstCol + noteCol)}${rowOf(id)}`] = marker(id);
  }
  runPython(ADD_SHEET, [
    join(dir, 'built.xlsx'),
    join(dir, 'master.xlsx'),
    JSON.stringify({ sheet: s.sheet, cells }),
  ]);
  return { path: join(dir, 'master.xlsx'), sheet: s.sheet, sideCol, bareCol, side };
}

/** Revises the master against the sample with one task line (3.2) taken out. */
async function revise(): Promise<Uint8Array> {
  const text = readFileSync(SAMPLE, 'utf8');
  expect(REMOVED_LINE.test(text)).toBe(true);
  writeFileSync(join(dir, 'sua-doi.txt'), text.replace(REMOVED_LINE, ''));
  const r = await run('revise', 'master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx');
  expect(r.err).not.toMatch(/lỗi|error/i);
  expect(r.code).toBe(0);
  return readFileSync(join(dir, 'moi.xlsx'));
}

/** Every side value is on its task's row of the revised table, beside the table, in both columns. */
async function expectSideColumns(revised: Uint8Array, m: Master, bare = m.side) {
  const wb = await readTrackingWorkbook(revised);
  const s = wb.snapshot;
  const noteCol = mapColumns(s.headers).index.note!;
  const tasks = sheetOf(dumpWithOpenpyxl(revised), m.sheet);
  expect(tasks.cells[`${m.sideCol}${s.headerRow}`]?.value).toBe('Ghi chú riêng');
  // The row the revision gave the task's entries (a removed task's is kept at the end, marked).
  const rowOf = (id: string) => {
    const i = s.rows.findIndex((r) => String(r[noteCol]).includes(marker(id)));
    expect([id, i]).not.toEqual([id, -1]);
    return s.headerRow + 1 + i;
  };
  const column = (col: string) =>
    Object.entries(tasks.cells)
      .filter(([ref, c]) => new RegExp(`^${col}\\d+$`).test(ref) && c.value !== null)
      .map(([ref, c]) => [Number(ref.slice(col.length)), c.value]);
  const expected = (values: Record<string, string | number>) =>
    Object.entries(values)
      .map(([id, v]) => [rowOf(id), v])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
  expect(column(m.sideCol).filter(([r]) => r !== s.headerRow)).toEqual(expected(m.side));
  expect(column(m.bareCol)).toEqual(expected(bare));
}

/** The revised file's own sheet looks as the master's did: cell by cell, and its layout. */
function expectSameLook(revised: Uint8Array, master: Uint8Array) {
  const [a, b] = [master, revised].map((bytes) => {
    const { cells, merged, freeze, widths, heights } = sheetOf(dumpWithOpenpyxl(bytes), OWN);
    return {
      cells,
      merged,
      freeze,
      widths,
      heights,
      look: looks(bytes, OWN, ['A1', 'B2', 'C3', 'A4', 'D4']),
    };
  });
  expect(b).toEqual(a);
}

/** What the user gave the sheet, as a file holds it (`freeze`: whether its producer kept the panes). */
function expectOwnSheet(revised: Uint8Array, lookOf: typeof looks, freeze = true) {
  const own = sheetOf(dumpWithOpenpyxl(revised), OWN);
  expect(own.cells.A1?.value).toBe('Kinh phí đã cấp');
  expect(own.cells.B2?.value).toBe(125.5);
  expect(String(own.cells.C3?.value)).toMatch(/^2024-05-15/);
  expect(own.cells.D4?.value).toBe('=B2*2');
  expect(own.merged).toEqual(['A1:C1']);
  if (freeze) expect(own.freeze).toBe('A2');
  expect(own.widths.A).toBeCloseTo(30, 0);
  expect(own.widths.B).toBeCloseTo(15, 0);
  expect(own.heights['2']).toBeCloseTo(25, 0);
  const look = lookOf(revised, OWN, ['A1', 'B2', 'C3', 'A4']);
  expect(look.A1).toMatchObject({
    font: 'Times New Roman',
    size: 14,
    bold: true,
    color: 'FFC00000',
    fill: 'FFFFFF00',
    align: 'center',
  });
  expect(look.B2).toMatchObject({ numFmt: '#,##0.00', border: 'thin' });
  expect(look.C3).toMatchObject({ numFmt: 'dd/mm/yyyy' });
  expect(look.A4).toMatchObject({ italic: true });
}

const maybe = openpyxlAvailable() ? it : it.skip;
const maybeLo = openpyxlAvailable() && hasUno() ? it : it.skip;

describe('revise keeps what the user added, as it looked', () => {
  maybe('a master edited by openpyxl: formatted own sheet and a side column', async () => {
    const m = await masterWithAdditions();
    const before = readFileSync(m.path);
    // The master as edited: what the revised file must match.
    expectOwnSheet(before, looks);
    const revised = await revise();
    expect(validatePackage(revised)).toEqual([]);
    expectOwnSheet(revised, looks);
    expectSameLook(revised, before);
    await expectSideColumns(revised, m);
  });

  maybeLo(
    'a master last saved by LibreOffice, a side value typed in Calc',
    async () => {
      const m = await masterWithAdditions();
      const before = await readTrackingWorkbook(readFileSync(m.path));
      const map = mapColumns(before.snapshot.headers);
      const typedOn = String(before.snapshot.rows[4 - before.snapshot.headerRow - 1][map.index.taskId!]);
      const note = `${columnLetter(before.snapshot.firstCol + map.index.note!)}4`;
      const saved = await libreofficeEdit({
        master: {
          bytes: readFileSync(m.path),
          edits: [
            { sheet: m.sheet, set: `${m.bareCol}4`, value: 'gõ trong Calc' },
            { sheet: m.sheet, set: note, value: marker(typedOn) },
          ],
        },
      });
      writeFileSync(m.path, saved.master);
      const bare = { ...m.side, [typedOn]: 'gõ trong Calc' };
      // LibreOffice keeps frozen panes in its own settings part, not the sheet, for sheets not shown.
      expectOwnSheet(saved.master, looks, false);
      const revised = await revise();
      expect(validatePackage(revised)).toEqual([]);
      expectSameLook(revised, saved.master);
      await expectSideColumns(revised, m, bare);
    },
    300_000,
  );
});
