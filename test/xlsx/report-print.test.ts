/**
 * The workbook as it prints: every visible sheet of an .xlsx build exported to PDF on its own by
 * LibreOffice headless, then measured with pdfinfo, read with pdftotext and its fonts listed with
 * pdffonts (Debian poppler-utils). The Báo cáo sheet is laid out after Nghị định 30/2020/NĐ-CP.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { columnHeader, columnOf, TASK_COLUMN_IDS } from '../../src/model/columns';
import { STATE_LABELS } from '../../src/model/labels';
import { DEADLINE_STATES } from '../../src/model/vocabulary';
import { drawnEntries, withReportSheets } from '../../src/workbook/reports';
import { REPORT_WORDS } from '../../src/workbook/sheets/report';
import type { WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcWithLibreOffice, sofficeAvailable } from '../helpers/libreoffice';
import { batchSpec, sampleSpec } from './write-fixtures';
import { reportContent } from '../../src/tracking/report';
import { periodContaining } from '../../src/tracking/periods';

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
  fonts: string[];
}

function readPdf(path: string): Pdf {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
    (m): [number, number] => [Number(m[1]), Number(m[2])],
  );
  const texts = sizes.map((_s, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], {
      encoding: 'utf8',
    }),
  );
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0])
    .filter((f) => f)
    .map((f) => f.replace(/^[A-Z]{6}\+/, ''));
  return { sizes, texts, fonts };
}

/** Only the sheet with this key visible (LibreOffice prints hidden sheets' print areas too). */
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
const portrait = ([w, h]: [number, number]) => near(w, A4[0]) && near(h, A4[1]);
const landscape = ([w, h]: [number, number]) => near(w, A4[1]) && near(h, A4[0]);
/** pdftotext breaks a wrapped header over lines: compare words, spacing ignored. */
const flat = (t: string) => t.replace(/\s+/g, ' ');
const hasWords = (page: string, words: string) => words.split(/\s+/).every((w) => flat(page).includes(w));

const SAMPLE_DATE = '2024-07-01';
const BATCH_DATE = '2024-09-15';

maybe('the .xlsx build as it prints (LibreOffice → PDF)', () => {
  const pdfs: Record<string, Pdf> = {};
  const sample = withReportSheets(sampleSpec('vi', SAMPLE_DATE), {
    reportDate: SAMPLE_DATE,
    place: 'Nam Định',
  });
  const batch = withReportSheets(batchSpec(1000, BATCH_DATE), { reportDate: BATCH_DATE });

  beforeAll(async () => {
    const inputs: Record<string, WorkbookSpec> = {};
    for (const s of sample.sheets) if (s.state === 'visible') inputs[`sample-${s.key}`] = only(sample, s.key);
    inputs['batch-report'] = only(batch, 'report');
    const dir = mkdtempSync(join(tmpdir(), 'report-print-'));
    try {
      const files: string[] = [];
      for (const [name, spec] of Object.entries(inputs)) {
        const file = join(dir, `${name}.xlsx`);
        writeFileSync(file, await writeXlsx(spec));
        files.push(file);
      }
      const out = await recalcWithLibreOffice(files, {
        format: 'pdf',
        outDir: join(dir, 'pdf'),
        timeoutMs: 400_000,
      });
      Object.keys(inputs).forEach((name, i) => (pdfs[name] = readPdf(out[i])));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 420_000);

  it('prints every visible sheet on A4, none split across pages side by side', () => {
    const visible = sample.sheets.filter((s) => s.state === 'visible').map((s) => s.key);
    expect(visible).toEqual(expect.arrayContaining(['tasks', 'summary', 'report', 'lists', 'guide']));
    for (const key of visible) {
      const { sizes } = pdfs[`sample-${key}`];
      expect({ key, pages: sizes.length > 0 }).toEqual({ key, pages: true });
      for (const size of sizes)
        expect({ key, a4: portrait(size) || landscape(size) }).toEqual({ key, a4: true });
    }
  });

  it('prints Nhiệm vụ landscape, one page wide: every column header on every page, every task once', () => {
    const { sizes, texts } = pdfs['sample-tasks'];
    expect(sizes.every(landscape)).toBe(true);
    texts.forEach((t) => {
      // The hidden column the PivotTables group on does not print.
      for (const id of TASK_COLUMN_IDS)
        expect({ column: id, ok: hasWords(t, columnHeader(id, 'vi')) }).toEqual({
          column: id,
          ok: !columnOf(id)?.hidden,
        });
    });
    const ids = drawnEntries(sample).map((e) => e.taskId);
    const printed = texts.join('\n');
    for (const id of ids)
      expect({ id, n: printed.split(new RegExp(`\\b${id.replace(/\./g, '\\.')}\\b`)).length - 1 }).toEqual({
        id,
        n: 1,
      });
  });

  it('prints Tổng hợp on one page, one page wide', () => {
    const { sizes, texts } = pdfs['sample-summary'];
    expect(sizes).toHaveLength(1);
    for (const s of DEADLINE_STATES) expect(hasWords(texts[0], STATE_LABELS[s].vi)).toBe(true);
  });

  it('prints the sample report on one portrait A4 page in Times New Roman (Liberation Serif)', () => {
    const { sizes, texts, fonts } = pdfs['sample-report'];
    // 9 agencies and 4 overdue tasks: one page is all it needs.
    expect(sizes).toHaveLength(1);
    expect(sizes.every(portrait)).toBe(true);
    // Liberation Serif is metric-compatible with Times New Roman: no other face on the page.
    expect(new Set(fonts.map((f) => f.replace(/-.*$/, '')))).toEqual(new Set(['LiberationSerif']));
    const first = flat(texts[0]);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('Nam Định, ngày 01 tháng 07 năm 2024');
    expect(first).toContain('BÁO CÁO');
    expect(first).toContain('Quý III-2024 (15/06/2024 – 14/09/2024)');
    for (const s of DEADLINE_STATES) expect(hasWords(texts[0], STATE_LABELS[s].vi)).toBe(true);
    const last = flat(texts[texts.length - 1]);
    expect(last).toContain(REPORT_WORDS.signHint.vi);
    expect(last).toMatch(/Trang 1\/1/);
  });

  it('repeats the national heading and the list header on every page of a long report', () => {
    const { sizes, texts } = pdfs['batch-report'];
    const content = reportContent(drawnEntries(batch), BATCH_DATE, periodContaining(BATCH_DATE, 'quarter'));
    expect(content.overdue.length + content.dueNext.length).toBeGreaterThan(100);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.every(portrait)).toBe(true);
    const listStarts = texts.findIndex((t) => flat(t).includes(REPORT_WORDS.toChase.vi));
    expect(listStarts).toBeGreaterThanOrEqual(0);
    texts.forEach((t, i) => {
      expect({ page: i + 1, heading: flat(t).includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') }).toEqual({
        page: i + 1,
        heading: true,
      });
      expect(flat(t)).toContain(`Trang ${i + 1}/${texts.length}`);
      if (i >= listStarts)
        expect({
          page: i + 1,
          header: hasWords(t, `${columnHeader('text', 'vi')} ${columnHeader('due', 'vi')}`),
        }).toEqual({
          page: i + 1,
          header: true,
        });
    });
    // Every task to chase is printed once.
    const printed = texts.join('\n');
    for (const item of [...content.overdue, ...content.dueNext]) {
      const n = printed.split(`${item.text} `).length - 1 + printed.split(`${item.text}\n`).length - 1;
      expect({ task: item.taskId, n }).toEqual({ task: item.taskId, n: 1 });
    }
  });
});
