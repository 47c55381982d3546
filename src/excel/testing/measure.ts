import { renderWorkbook, type RenderOptions } from '../render';
import type { WorkbookSpec } from '../../workbook/types';
import { CountingExcel } from './counting-context';

export interface RenderMeasure {
  tasks: number;
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
}

/** Draws a spec into a fresh counting fake (one user sheet) and reports round trips and sizes. */
export async function measureRender(spec: WorkbookSpec, opts: RenderOptions = {}): Promise<RenderMeasure> {
  const excel = new CountingExcel();
  excel.addSheet('Sheet1');
  const report = await renderWorkbook(excel.requestContext, spec, opts);
  return {
    tasks: report.tableRows,
    syncs: excel.syncs.length,
    maxRequestBytes: excel.maxRequestBytes,
    totalRequestBytes: excel.syncs.reduce((s, r) => s + r.requestBytes, 0),
  };
}
