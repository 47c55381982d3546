/**
 * The PivotTables in the .xlsx: LibreOffice opens them and computes them from the task table
 * (the figures the writer drew are removed first, so what is read can only be LibreOffice's),
 * and they match counts worked out here, for the sample plan and a filled 1,000-task plan.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PivotSpec, WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { DumpedSheet, dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { withReportSheets } from '../../src/workbook/reports';
import { batchSpec, reportsSpec, sampleSpec } from './write-fixtures';

const maybe = sofficeAvailable() && openpyxlAvailable() ? describe : describe.skip;

type Figures = Map<string, Map<string, number>>;

/** A pivot's body as { row label → { column label → count } }, grand totals left out. */
function readPivot(sheet: DumpedSheet, p: PivotSpec): Figures {
  const cell = (r: number, c: number) => sheet.cells[`${String.fromCharCode(65 + c)}${r}`]?.cached ?? null;
  const header = p.row + 2; // 1-based: caption row, then the column labels
  const columns: string[] = [];
  for (let c = p.col + 1; cell(header, c) !== null; c++) columns.push(String(cell(header, c)));
  columns.pop(); // the grand total column
  const out: Figures = new Map();
  for (let r = header + 1; cell(r + 1, p.col) !== null; r++) {
    const counts = new Map<string, number>();
    columns.forEach((name, k) => {
      const v = cell(r, p.col + 1 + k);
      if (typeof v === 'number' && v) counts.set(name, v);
    });
    out.set(String(cell(r, p.col)), counts);
  }
  return out;
}

/** The same counts from the spec's table: rows by the row field's text × the column field's. */
function countInSpec(spec: WorkbookSpec, p: PivotSpec, blank: string): Figures {
  const table = spec.sheets.flatMap((s) => s.tables).find((t) => t.name === p.table)!;
  const j = (id: string) => table.columns.findIndex((c) => c.id === id);
  const text = (v: (typeof table.rows)[number][number]) =>
    v === null ? null : v.t === 'formula' ? String(v.result ?? '') : v.t === 'text' ? v.v : String(v.v);
  const out: Figures = new Map();
  for (const row of table.rows) {
    if (text(row[j(p.count)]) === null) continue;
    const r = text(row[j(p.rows)]) || blank;
    const c = text(row[j(p.columns!)]) ?? blank;
    const counts = out.get(r) ?? new Map<string, number>();
    counts.set(c, (counts.get(c) ?? 0) + 1);
    out.set(r, counts);
  }
  return out;
}

/** The package with the pivot sheet's cells removed. */
function withoutPivotCells(bytes: Uint8Array, sheetIndex: number): Uint8Array {
  const files = unzipSync(bytes);
  const part = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  files[part] = strToU8(strFromU8(files[part]).replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'));
  return zipSync(files);
}

maybe('PivotTables computed by LibreOffice', () => {
  const specs: Record<string, WorkbookSpec> = {
    sample: reportsSpec('vi'),
    generated: reportsSpec('vi', batchSpec(1000, '2024-09-15')),
    // What the product writes: every .xlsx build carries the pivot sheet (src/workbook/reports.ts).
    'build-sample': withReportSheets(sampleSpec('en', '2024-07-01'), { reportDate: '2024-07-01' }),
    'build-generated': withReportSheets(batchSpec(1000, '2024-09-15'), { reportDate: '2024-09-15' }),
  };
  const written: Record<string, Uint8Array> = {};
  const computed: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    const blanked: Record<string, Uint8Array> = {};
    for (const [name, spec] of Object.entries(specs)) {
      written[name] = await writeXlsx(spec);
      blanked[name] = withoutPivotCells(
        written[name],
        spec.sheets.findIndex((s) => s.key === 'pivot'),
      );
    }
    Object.assign(computed, await recalcXlsxBytes(blanked));
  }, 300_000);

  it.each(['sample', 'generated', 'build-sample', 'build-generated'])(
    '%s: agency × deadline state and agency × category',
    (name) => {
      const spec = specs[name];
      const pivotSheet = spec.sheets.find((s) => s.key === 'pivot')!;
      const theirs = sheetOf(dumpWithOpenpyxl(computed[name]), pivotSheet.name);
      const mine = sheetOf(dumpWithOpenpyxl(written[name]), pivotSheet.name);
      for (const p of pivotSheet.pivots!) {
        // LibreOffice labels the blank item in its own words.
        const lo = readPivot(theirs, p);
        const blank = [...lo.keys()].find((k) => k.startsWith('('));
        const want = countInSpec(spec, p, blank ?? '(none)');
        expect(want.size).toBeGreaterThan(5);
        expect(lo).toEqual(want);
        // What the writer drew for readers that do not refresh shows the same figures.
        const drawn = readPivot(mine, p);
        if (blank) {
          drawn.set(blank, drawn.get(p.blankCaption!)!);
          drawn.delete(p.blankCaption!);
        }
        expect(drawn).toEqual(want);
      }
      expect(new Set(pivotSheet.pivots!.map((p) => p.columns))).toEqual(new Set(['state', 'category']));
    },
  );
});
