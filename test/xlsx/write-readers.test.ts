/**
 * The written workbooks read back by readers that share no code with the writer: openpyxl (every
 * cell, formula and cached value, the table, validations, names, views, states), LibreOffice
 * (its recalculation must give the cached values the writer stored) and Gnumeric.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { columnLetter } from '../../src/model/table';
import { SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import type { WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { DumpedWorkbook, dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { batchSpec, expectedCells, sampleSpec } from './write-fixtures';

const haveReaders = openpyxlAvailable() && sofficeAvailable();
const maybe = haveReaders ? describe : describe.skip;

function gnumericAvailable(): boolean {
  try {
    execFileSync('ssconvert', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The first sheet as Gnumeric reads it, as CSV rows. */
function gnumericFirstSheet(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'gnumeric-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    execFileSync('ssconvert', [join(dir, 'in.xlsx'), join(dir, 'out.csv')], { stdio: 'ignore' });
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    // Gnumeric quotes fields with commas or spaces; a small CSV reader is enough for these cells.
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) =>
        [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) =>
          m[1].replace(/^"|"$/g, '').replace(/""/g, '"'),
        ),
      )
      .map((cells) => cells.slice(0, -1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function closeTo(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  // A formula giving "" reads back as nothing.
  if ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined)) return true;
  return a === b;
}

maybe('written workbooks read back by openpyxl, LibreOffice and Gnumeric', () => {
  const specs: Record<string, WorkbookSpec> = {};
  const bytes: Record<string, Uint8Array> = {};
  const books: Record<string, DumpedWorkbook> = {};
  const recalculated: Record<string, DumpedWorkbook> = {};

  beforeAll(async () => {
    specs['sample-vi'] = sampleSpec('vi');
    specs['sample-en'] = sampleSpec('en');
    specs.batch = batchSpec(300, '2024-09-15');
    for (const [name, spec] of Object.entries(specs)) bytes[name] = await writeXlsx(spec);
    bytes['sample-inline'] = await writeXlsx(specs['sample-vi'], { strings: 'inline' });
    for (const [name, b] of Object.entries(bytes)) books[name] = dumpWithOpenpyxl(b);
    const out = await recalcXlsxBytes(bytes);
    for (const [name, b] of Object.entries(out)) recalculated[name] = dumpWithOpenpyxl(b);
  }, 300_000);

  it.each(['sample-vi', 'sample-en', 'batch'])(
    '%s: openpyxl reads every cell, formula and cached value',
    (name) => {
      const spec = specs[name];
      const book = books[name];
      expect(book.sheets.map((s) => [s.title, s.state])).toEqual(spec.sheets.map((s) => [s.name, s.state]));
      for (const sheet of spec.sheets) {
        const got = sheetOf(book, sheet.name).cells;
        const want = expectedCells(sheet);
        for (const [ref, w] of want) {
          expect({ ref, value: got[ref]?.value }).toEqual({ ref, value: w.value });
          if (w.cached !== undefined)
            expect({ ref, cached: got[ref]?.cached }).toEqual({
              ref,
              cached: w.cached === '' ? null : w.cached,
            });
        }
        // Nothing the spec did not ask for.
        expect(Object.keys(got).filter((ref) => !want.has(ref))).toEqual([]);
      }
    },
  );

  it('writes the same cells with inline strings', () => {
    const a = books['sample-vi'];
    const b = books['sample-inline'];
    expect(b.sheets.map((s) => s.cells)).toEqual(a.sheets.map((s) => s.cells));
  });

  it.each(['sample-vi', 'sample-en'])('%s: the table, validations, names, views and formats', (name) => {
    const spec = specs[name];
    const lang = spec.lang;
    const tasks = spec.sheets.find((s) => s.key === 'tasks')!;
    const dumped = sheetOf(books[name], SHEET_NAMES.tasks[lang]);
    const table = tasks.tables[0];
    expect(dumped.tables).toHaveLength(1);
    const t = dumped.tables[0];
    expect(t.name).toBe(TABLE_NAME);
    expect(t.ref).toBe(`A1:${columnLetter(table.columns.length - 1)}${table.rows.length + 1}`);
    expect(t.columns).toEqual(table.columns.map((c) => c.header));
    expect(t.style).toBe(table.style);
    // The state column is a calculated column: rows added to the table get its formula.
    expect(t.formulas.slice(0, -1).every((f) => f === null)).toBe(true);
    const stateAt = table.columns.findIndex((c) => c.formula);
    expect(stateAt).toBe(table.columns.length - 1);
    expect(t.formulas[stateAt]).toBe(table.columns[stateAt].formula!(2));
    expect(dumped.freeze).toBe('B2');
    expect(dumped.tabColor).toBe('FF1F4E79');
    expect(dumped.validations.map((v) => [v.sqref, v.type, v.allowBlank])).toEqual(
      tasks.validations.map((v) => [v.range, v.kind, v.allowBlank]),
    );
    for (const v of tasks.validations) {
      const d = dumped.validations.find((x) => x.sqref === v.range)!;
      expect(d.prompt).toBe(v.prompt);
      expect(d.error).toBe(v.error);
      if (v.kind === 'list') expect(d.formula1).toBe(v.source);
    }
    // openpyxl groups the rules by range.
    expect(dumped.conditional.flatMap((c) => c.types.map((t) => `${c.sqref} ${t}`)).sort()).toEqual(
      tasks.conditionalFormats.map((c) => `${c.range} ${c.kind}`).sort(),
    );
    for (const n of spec.names) expect(books[name].names[n.name]).toBe(n.ref);
    // Text columns carry the text format, date columns the date format, on every written row.
    expect(dumped.cells.F2.numFmt).toBe('@');
    expect(dumped.cells.A2.font).toBe('Calibri');
    expect(dumped.cells.A1.bold).toBe(true);
    expect(Object.keys(dumped.widths).length).toBe(table.columns.length);
  });

  it('LibreOffice reads every value, the table, the validations and the names', () => {
    const spec = specs['sample-vi'];
    const lo = recalculated['sample-vi'];
    // LibreOffice keeps a very hidden sheet hidden only (and headless, it saves no views).
    expect(lo.sheets.map((s) => [s.title, s.state])).toEqual(
      spec.sheets.map((s) => [s.name, s.state === 'veryHidden' ? 'hidden' : s.state]),
    );
    for (const sheet of spec.sheets) {
      const got = sheetOf(lo, sheet.name).cells;
      for (const [ref, w] of expectedCells(sheet)) {
        if (typeof w.value === 'string' && w.value.startsWith('=')) continue;
        expect({ ref, value: got[ref]?.value }).toEqual({ ref, value: w.value });
      }
    }
    const tasks = spec.sheets[0];
    const t = sheetOf(lo, tasks.name).tables[0];
    expect([t.name, t.ref, t.columns]).toEqual([
      TABLE_NAME,
      `A1:${columnLetter(tasks.tables[0].columns.length - 1)}${tasks.tables[0].rows.length + 1}`,
      tasks.tables[0].columns.map((c) => c.header),
    ]);
    expect(
      sheetOf(lo, tasks.name)
        .validations.map((v) => [v.type, v.formula1])
        .sort(),
    ).toEqual(
      sheetOf(books['sample-vi'], tasks.name)
        .validations.map((v) => [v.type, v.formula1])
        .sort(),
    );
    for (const n of spec.names) expect(lo.names[n.name]).toBe(n.ref);
  });

  it.each(['sample-vi', 'batch'])(
    '%s: LibreOffice recalculates every formula to the cached value',
    (name) => {
      const spec = specs[name];
      let formulas = 0;
      for (const sheet of spec.sheets) {
        const mine = sheetOf(books[name], sheet.name).cells;
        const theirs = sheetOf(recalculated[name], sheet.name).cells;
        for (const [ref, cell] of Object.entries(mine)) {
          if (typeof cell.value !== 'string' || !cell.value.startsWith('=')) continue;
          formulas += 1;
          if (!closeTo(cell.cached, theirs[ref]?.cached))
            throw new Error(
              `${sheet.name}!${ref}: cached ${cell.cached}, LibreOffice ${theirs[ref]?.cached}`,
            );
        }
      }
      // The task formulas and the summary's counts were all compared.
      const tasks = spec.sheets.find((s) => s.key === 'tasks')!.tables[0].rows.length;
      expect(formulas).toBeGreaterThan(tasks + 30);
    },
  );

  it('Gnumeric reads the shared and the inline strings, and the states', () => {
    if (!gnumericAvailable()) return;
    const table = specs['sample-vi'].sheets[0].tables[0];
    const stateAt = table.columns.findIndex((c) => c.formula);
    for (const name of ['sample-vi', 'sample-inline']) {
      const rows = gnumericFirstSheet(bytes[name]);
      expect(rows[0]).toEqual(table.columns.map((c) => c.header));
      table.rows.forEach((row, i) => {
        const v = row[5];
        expect(rows[i + 1][5]).toBe(v?.t === 'text' ? v.v : '');
        const state = row[stateAt];
        expect(state?.t).toBe('formula');
        expect(rows[i + 1][stateAt]).toBe(state?.t === 'formula' ? state.result : '');
      });
    }
  });
});
