/**
 * Print setup as LibreOffice prints it: each sheet exported to PDF on its own (the others hidden),
 * pages measured with pdfinfo and read with pdftotext (Debian poppler-utils).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcWithLibreOffice, sofficeAvailable } from '../helpers/libreoffice';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { batchSpec, periodAndCheckSpecs, reportsSpec } from './write-fixtures';

function popplerAvailable(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const maybe = sofficeAvailable() && popplerAvailable() ? describe : describe.skip;

interface Pdf {
  sizes: [number, number][];
  texts: string[];
}

function readPdf(path: string): Pdf {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
    (m): [number, number] => [Number(m[1]), Number(m[2])],
  );
  const texts = sizes.map((_s, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], {
      encoding: 'utf8',
    }),
  );
  return { sizes, texts };
}

/**
 * Only the sheet with this key left visible, so the PDF holds its pages alone (LibreOffice still
 * prints a hidden sheet's print area, so the others lose their page setup).
 */
function only(spec: WorkbookSpec, key: string): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((s) =>
      s.key === key ? s : { ...s, state: 'hidden' as const, print: undefined },
    ),
  };
}

const A4 = [595.3, 841.9];
const near = (a: number, b: number) => Math.abs(a - b) < 1;

maybe('print setup, as LibreOffice prints it', () => {
  const pdfs: Record<string, Pdf> = {};

  beforeAll(async () => {
    const reports = reportsSpec('vi', batchSpec(200, '2024-09-15'));
    // The builders set print setup now; without it the same sheet prints as it did before.
    const plain = batchSpec(200, '2024-09-15');
    for (const s of plain.sheets) s.print = undefined;
    const inputs: Record<string, WorkbookSpec> = {
      tasks: only(reports, 'tasks'),
      summary: only(reports, 'summary'),
      unset: only(plain, 'tasks'),
      period: periodAndCheckSpecs().period,
    };
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    try {
      const files: string[] = [];
      for (const [name, spec] of Object.entries(inputs)) {
        const file = join(dir, `${name}.xlsx`);
        writeFileSync(file, await writeXlsx(spec));
        files.push(file);
      }
      const out = await recalcWithLibreOffice(files, { format: 'pdf', outDir: join(dir, 'pdf') });
      Object.keys(inputs).forEach((name, i) => (pdfs[name] = readPdf(out[i])));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('prints the task sheet on A4 landscape, one page wide, the header on every page', () => {
    const { sizes, texts } = pdfs.tasks;
    expect(sizes.length).toBeGreaterThan(2);
    for (const [w, h] of sizes) expect(near(w, A4[1]) && near(h, A4[0])).toBe(true);
    texts.forEach((t) => {
      // The first and the last column's headers, so no column went to a page of its own.
      expect(t).toMatch(/Mã nhiệm/);
      expect(t).toMatch(/Tình trạng hạn/);
    });
    // Every task is printed once.
    const ids = texts.join('\n').match(/\bB\.\d+\b/g) ?? [];
    expect(new Set(ids).size).toBe(200);
  });

  it('prints the summary on one A4 portrait page', () => {
    const { sizes, texts } = pdfs.summary;
    expect(sizes).toHaveLength(1);
    expect(near(sizes[0][0], A4[0]) && near(sizes[0][1], A4[1])).toBe(true);
    expect(texts[0]).toMatch(/Tỷ lệ hoàn thành/);
  });

  it('stores the page setup where openpyxl finds it: margins in inches, titles, footer', async () => {
    if (!openpyxlAvailable()) return;
    const spec = reportsSpec('vi');
    const book = dumpWithOpenpyxl(await writeXlsx(spec));
    const tasks = sheetOf(book, spec.sheets[0].name);
    expect(tasks.page).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      footer: 'Trang &P/&N',
    });
    // Nghị định 30/2020: left 30 mm, right 15 mm, top and bottom 20 mm.
    const m = tasks.page.margins;
    expect([m.left, m.right, m.top, m.bottom].map((v) => Math.round(v * 25.4))).toEqual([30, 15, 20, 20]);
    expect(tasks.printTitleRows).toBe('$1:$1');
    expect(tasks.rowBreaks).toEqual([101]);
    expect(sheetOf(book, 'PivotTable').printArea).toEqual(['$A$1:$H$60']);
    expect(sheetOf(book, spec.sheets[1].name).page).toMatchObject({
      orientation: 'portrait',
      horizontalCentered: true,
    });
    // Wrapped rows are given the height their text needs.
    expect(Object.values(tasks.heights).some((h) => h > 15)).toBe(true);
  });

  it("draws the period summary's bar chart of completion by agency", () => {
    const all = pdfs.period.texts.join('\n');
    // The title and the percent axis exist only in the chart.
    expect(all).toMatch(/Tỷ lệ hoàn thành theo cơ quan/);
    expect(all).toMatch(/0%\s+20%\s+40%\s+60%\s+80%\s+100%/);
  });

  it('without print setup the same sheet splits its columns over pages', () => {
    const { texts } = pdfs.unset;
    expect(texts.some((t) => !/Tình trạng hạn/.test(t))).toBe(true);
  });
});
