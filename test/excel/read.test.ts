import { renderWorkbook } from '../../src/excel/render';
import { readTracking, reportDateFrom, TrackingTableMissingError } from '../../src/excel/read';
import { CountingExcel } from '../../src/excel/testing/counting-context';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import { mapColumns } from '../../src/model/columns';
import { REPORT_DATE, scaledSpec, samplePlan, specFor } from './helpers';

async function built(spec = specFor(samplePlan())) {
  const x = new CountingExcel();
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, spec);
  return { x, spec };
}

describe('readTracking', () => {
  it('reads the table, the meta and the report date back in two syncs', async () => {
    const { x, spec } = await built();
    const start = x.syncs.length;
    const read = await readTracking(x.requestContext);
    expect(x.syncs.length - start).toBe(2);
    expect(read.syncs).toBe(2);
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
    const read = await readTracking(x.requestContext, { firstChunkRows: 500, maxResponseBytes: 300_000 });
    expect(read.snapshot.rows).toHaveLength(2500);
    const syncs = x.syncs.slice(start);
    expect(syncs.length).toBe(read.syncs);
    expect(syncs.length).toBeGreaterThan(2);
    // The first chunk is sized in rows (nothing is known yet); the rest by measured bytes per row.
    for (const s of syncs.slice(2)) expect(s.responseBytes).toBeLessThanOrEqual(300_000 * 1.05);
    const map = mapColumns(read.snapshot.headers);
    expect(read.snapshot.rows[2499][map.index.taskId!]).toMatch(/G2500$/);
  });

  it('says clearly when there is no tracking table', async () => {
    const x = new CountingExcel();
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
