import { renderWorkbook, type RenderOptions } from '../../../src/excel/render';
import type { WorkbookSpec } from '../../../src/workbook/types';
import { StrictExcel } from './strict-excel';

export interface RenderMeasure {
  tasks: number;
  syncs: number;
  /** Largest request and response, in bytes as office.js serialised them. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
}

/** Draws a spec into a fresh strict double (one user sheet) and reports round trips and sizes. */
export async function measureRender(spec: WorkbookSpec, opts: RenderOptions = {}): Promise<RenderMeasure> {
  const excel = new StrictExcel();
  excel.addSheet('Sheet1');
  const report = await renderWorkbook(excel.requestContext, spec, { isSetSupported: excel.support, ...opts });
  return {
    tasks: report.tableRows,
    syncs: excel.syncs.length,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    totalRequestBytes: excel.syncs.reduce((s, r) => s + r.requestBytes, 0),
  };
}
