import { writeCheckSheet } from '../../src/excel/check-sheet';
import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { CountingExcel, parseA1 } from '../../src/excel/testing/counting-context';
import { checkTracking } from '../../src/tracking/check';
import { CHECK_HEADER_ROW, orderFindings } from '../../src/workbook/sheets/check';
import type { Finding } from '../../src/tracking/check/types';
import { SHEET_NAMES } from '../../src/workbook/names';
import { TASK_COLUMN_IDS } from '../../src/model/columns';
import { columnLetter } from '../../src/model/table';
import { REPORT_DATE, samplePlan, specFor } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;
const tasks = SHEET_NAMES.tasks.vi;
const col = (id: (typeof TASK_COLUMN_IDS)[number]) => columnLetter(TASK_COLUMN_IDS.indexOf(id));

/** The sample's tracking workbook in the fake, with mistakes typed into a few rows, and its findings. */
async function checkedWorkbook() {
  const x = new CountingExcel();
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, specFor(samplePlan()));
  const put = (address: string, value: string | number) => {
    const b = parseA1(address);
    x.writeInput(x.cell(x.requireSheet(tasks), b.row, b.col), value, false);
  };
  put(`${col('status')}2`, 'hoàn thành');
  put(`${col('progress')}3`, 150);
  put(`${col('status')}5`, 'Đã hoàn thành');
  put(`${col('completedOn')}6`, '15/3/2023');
  const read = await readTracking(x.requestContext);
  const findings = checkTracking({ snapshot: read.snapshot, meta: read.meta, reportDate: REPORT_DATE });
  return { x, findings };
}

/** `n` findings made from real ones, spread over the rows of a large table. */
function manyFindings(base: readonly Finding[], n: number): Finding[] {
  return Array.from({ length: n }, (_v, i) => {
    const f = base[i % base.length];
    const row = 2 + i;
    return { ...f, row, cell: f.cell.replace(/\d+$/, String(row)) };
  });
}

describe('writeCheckSheet', () => {
  it('writes one linked row per finding under a frozen header, in 4 syncs', async () => {
    const { x, findings } = await checkedWorkbook();
    expect(findings.length).toBeGreaterThanOrEqual(4);
    const start = x.syncs.length;
    const report = await writeCheckSheet(x.requestContext, findings, { lang: 'vi' });
    // inventory + 2 data requests + finishing request
    expect(x.syncs.length - start).toBe(4);
    expect(report.syncs).toBe(4);

    const sheet = x.requireSheet('Kiểm tra');
    expect(sheet.freeze).toEqual({ rows: CHECK_HEADER_ROW + 1, cols: 0 });
    expect(x.state.activeSheet).toBe('Kiểm tra');
    expect(x.state.sheets.filter((s) => s.name === SHEET_NAMES.meta.vi)).toHaveLength(1);
    const table = x.state.tables.find((t) => t.name === 'KiemTra');
    expect(table).toMatchObject({ row: CHECK_HEADER_ROW, rows: findings.length + 1, cols: 6 });

    orderFindings(findings).forEach((f, i) => {
      const row = CHECK_HEADER_ROW + 2 + i;
      const link = x.at('Kiểm tra', `D${row}`);
      expect(link?.formula).toBe(`=HYPERLINK("#'Nhiệm vụ'!${f.cell}","${f.cell}")`);
      expect(x.at('Kiểm tra', `E${row}`)?.value).toBe(f.message.vi);
      expect(x.at('Kiểm tra', `C${row}`)?.value).toBe(f.taskId);
    });
    // The typed-in near miss is reported at its cell, with its suggestion.
    const i = orderFindings(findings).findIndex((f) => f.cell === `${col('status')}2`);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(String(x.at('Kiểm tra', `F${CHECK_HEADER_ROW + 2 + i}`)?.value)).toContain('Đã hoàn thành');
  });

  it('replaces a previous check sheet instead of adding another', async () => {
    const { x, findings } = await checkedWorkbook();
    await writeCheckSheet(x.requestContext, findings, { lang: 'vi' });
    const sheets = x.state.sheets.length;
    const fewer = findings.slice(0, 2);
    const start = x.syncs.length;
    const report = await writeCheckSheet(x.requestContext, fewer, { lang: 'vi' });
    expect(report.replaced).toBe(true);
    expect(x.syncs.length - start).toBe(4);
    expect(x.state.sheets).toHaveLength(sheets);
    expect(x.state.tables.filter((t) => t.name === 'KiemTra')).toEqual([
      expect.objectContaining({ rows: fewer.length + 1 }),
    ]);
    // Nothing of the longer list is left below the new one.
    expect(x.at('Kiểm tra', `E${CHECK_HEADER_ROW + 2 + fewer.length}`)?.value ?? null).toBeNull();
  });

  it('takes the same syncs for 10 and 5,000 findings, every request under 4 MB', async () => {
    const { findings } = await checkedWorkbook();
    const result: { syncs: number; max: number }[] = [];
    for (const n of [10, 5000]) {
      const { x } = await checkedWorkbook();
      const list = manyFindings(findings, n);
      const start = x.syncs.length;
      await writeCheckSheet(x.requestContext, list, { lang: 'vi' });
      const mine = x.syncs.slice(start);
      result.push({ syncs: mine.length, max: Math.max(...mine.map((s) => s.requestBytes)) });
      expect(x.at('Kiểm tra', `E${CHECK_HEADER_ROW + 1 + n}`)?.value).toBeTruthy();
      expect(x.at('Kiểm tra', `E${CHECK_HEADER_ROW + 2 + n}`)).toBeUndefined();
    }
    expect(result[0].syncs).toBe(result[1].syncs);
    expect(result[1].max).toBeLessThan(FOUR_MB);
  });

  it("links to the findings' own sheet when the table lives elsewhere (a suffixed copy)", async () => {
    const { x, findings } = await checkedWorkbook();
    const moved = findings.map((f) => ({ ...f, sheet: 'Nhiệm vụ (2)' }));
    await writeCheckSheet(x.requestContext, moved, { lang: 'vi' });
    const first = orderFindings(moved)[0];
    expect(x.at('Kiểm tra', `D${CHECK_HEADER_ROW + 2}`)?.formula).toBe(
      `=HYPERLINK("#'Nhiệm vụ (2)'!${first.cell}","${first.cell}")`,
    );
  });

  it('writes a sheet saying all is well when there are no findings', async () => {
    const x = new CountingExcel();
    x.addSheet('Sheet1');
    await writeCheckSheet(x.requestContext, [], { lang: 'en' });
    expect(x.at('Check', 'A2')?.value).toBe('No problems found.');
    expect(x.state.tables).toHaveLength(0);
  });
});
