import { renderWorkbook } from '../../src/excel/render';
import { readTracking, reportDateFrom, TrackingTableMissingError } from '../../src/excel/read';
import { StrictExcel } from '../support/excel/strict-excel';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import { mapColumns } from '../../src/model/columns';
import { TABLE_NAME } from '../../src/workbook/names';
import { REPORT_DATE, scaledSpec, samplePlan, specFor } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;

/** A row whose JSON weighs about `bytes`: a long task text and a long result, in Vietnamese. */
function longRow(bytes: number): string[] {
  const word = 'Triển khai thực hiện ';
  const text = word.repeat(Math.max(1, Math.round(bytes / 2 / Buffer.byteLength(word))));
  return ['', 'Sở Nội vụ', text, 'Đang thực hiện', text];
}

/** A tracking table as staff have it (no add-in involved), written straight into the double. */
function tableInDouble(rows: number, row: (i: number) => string[]): StrictExcel {
  const x = new StrictExcel();
  const sheet = x.addSheet('Nhiệm vụ');
  const headers = ['taskId', 'lead', 'text', 'status', 'result'] as const;
  headers.forEach((id, c) => {
    x.cell(sheet, 0, c).value = columnHeader(id, 'vi');
  });
  for (let i = 0; i < rows; i++) {
    const values = row(i);
    values[0] = `T${i + 1}`;
    values.forEach((v, c) => {
      x.cell(sheet, i + 1, c).value = v;
    });
  }
  x.book.addTable(sheet, { row: 0, col: 0, rows: rows + 1, cols: headers.length }, true).name = TABLE_NAME;
  return x;
}

async function built(spec = specFor(samplePlan())) {
  const x = new StrictExcel();
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, spec);
  return { x, spec };
}

describe('readTracking', () => {
  it('reads the table, the meta and the report date of a small workbook in one sync', async () => {
    const { x, spec } = await built();
    const start = x.syncs.length;
    const read = await readTracking(x.requestContext);
    expect(x.syncs.length - start).toBe(1);
    expect(read.syncs).toBe(1);
    expect(read.snapshot.headers).toEqual(TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi')));
    expect(read.snapshot.headerRow).toBe(1);
    expect(read.snapshot.firstCol).toBe(0);
    const table = spec.sheets[0].tables[0];
    expect(read.snapshot.rows).toHaveLength(table.rows.length);
    const map = mapColumns(read.snapshot.headers);
    expect(read.snapshot.rows.map((r) => r[map.index.taskId!])).toEqual(samplePlan().tasks.map((t) => t.id));
    expect(read.meta).toEqual(spec.meta);
    expect(read.reportDate).toBe(REPORT_DATE);
    expect(read.lang).toBe('vi');
    expect(read.sheetNames).toContain('Sheet1');
  });

  it('returns dates as serial numbers, as Excel stores them', async () => {
    const { x, spec } = await built();
    const read = await readTracking(x.requestContext);
    const map = mapColumns(read.snapshot.headers);
    const dueIdx = TASK_COLUMN_IDS.indexOf('due');
    const rows = spec.sheets[0].tables[0].rows;
    const i = rows.findIndex((r) => r[dueIdx]?.t === 'date');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(read.snapshot.rows[i][map.index.due!]).toBe(isoToSerial((rows[i][dueIdx] as { v: string }).v));
  });

  it('reads a large table in response-sized chunks', async () => {
    const { x } = await built(scaledSpec(2500));
    const start = x.syncs.length;
    const read = await readTracking(x.requestContext, { maxResponseBytes: 300_000 });
    expect(read.snapshot.rows).toHaveLength(2500);
    const syncs = x.syncs.slice(start);
    expect(syncs.length).toBe(read.syncs);
    expect(syncs.length).toBeGreaterThan(2);
    for (const s of syncs) expect(s.responseBytes).toBeLessThanOrEqual(300_000 * 1.05);
    const map = mapColumns(read.snapshot.headers);
    expect(read.snapshot.rows[2499][map.index.taskId!]).toMatch(/G2500$/);
  });

  it('keeps every response under 4 MB for 3,000 long, filled rows (they weigh more than 5 MB)', async () => {
    // Issue 15, defect 3: the first read took 3,000 rows whatever their size.
    const x = tableInDouble(3000, () => longRow(1800));
    const read = await readTracking(x.requestContext);
    expect(read.snapshot.rows).toHaveLength(3000);
    const total = x.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(total).toBeGreaterThan(5_000_000);
    expect(x.maxResponseBytes).toBeLessThan(FOUR_MB);
    expect(x.syncs.every((s) => s.error === null)).toBe(true);
    expect(read.snapshot.rows[2999][0]).toBe('T3000');
  });

  it('takes syncs by the bytes read, not by the rows', async () => {
    const cases = [
      { rows: 10_000, bytes: 40 },
      { rows: 1_000, bytes: 1800 },
      { rows: 4_000, bytes: 1800 },
    ];
    const seen = cases.map(({ rows, bytes }) => {
      const x = tableInDouble(rows, () => longRow(bytes));
      return readTracking(x.requestContext).then((read) => ({
        syncs: read.syncs,
        bytes: x.syncs.reduce((n, s) => n + s.responseBytes, 0),
      }));
    });
    const [tiny, small, big] = await Promise.all(seen);
    // 10,000 short rows weigh 0.5 MB: the first look and one more read.
    expect(tiny.syncs).toBe(2);
    expect(small.syncs).toBeLessThanOrEqual(2);
    expect(big.syncs).toBeGreaterThan(small.syncs);
    // Each response carries a fair share of the 3.5 MB a request may take.
    expect(big.syncs - 1).toBeLessThanOrEqual(Math.ceil(big.bytes / (0.4 * 3_500_000)) + 1);
  });

  it('reads again in smaller pieces when rows grow longer than the first ones promised', async () => {
    const x = tableInDouble(3000, (i) => longRow(i < 1000 ? 40 : 6000));
    const read = await readTracking(x.requestContext);
    expect(read.snapshot.rows).toHaveLength(3000);
    expect(read.snapshot.rows[2999][2]).toHaveLength(longRow(6000)[2].length);
    // Excel refused at least one response; the reader did not give up, and no row was lost.
    expect(x.syncs.some((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(x.syncs[x.syncs.length - 1].error).toBeNull();
  });

  it('says clearly when there is no tracking table', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    const err = await readTracking(x.requestContext).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrackingTableMissingError);
    expect((err as TrackingTableMissingError).msg.vi).toMatch(/Không tìm thấy/);
    expect((err as TrackingTableMissingError).msg.en).toMatch(/not in this workbook/);
  });

  it('reads report dates typed as serials or text', () => {
    expect(reportDateFrom(isoToSerial('2024-06-30'))).toBe('2024-06-30');
    expect(reportDateFrom('30/06/2024')).toBe('2024-06-30');
    expect(reportDateFrom('2024-06-30')).toBe('2024-06-30');
    expect(reportDateFrom('31/02/2024')).toBeNull();
    expect(reportDateFrom('')).toBeNull();
  });
});
