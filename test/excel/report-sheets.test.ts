/**
 * Inside Excel, building the tracking workbook draws the Báo cáo and Sắp đến hạn sheets from the
 * same description as the .xlsx (withReportSheets), and prints every sheet the way the .xlsx
 * does through Worksheet.pageLayout where ExcelApi 1.9 is there; on ExcelApi 1.7 the sheets are
 * built all the same and the page setup is reported as skipped. The strict double refuses what
 * Excel refuses for these calls.
 */
import { withWorkbookReportSheets } from '../../src/app/build';
import { buildTrackingWorkbook } from '../../src/excel/existing';
import { headerSections, pageLayoutOf } from '../../src/excel/page-layout';
import { PRINT_SETUP_SKIPPED } from '../../src/excel/render';
import { localize } from '../../src/model/msg';
import { DECREE_30 } from '../../src/workbook/sheets/print-layout';
import { RADAR_SHEET_NAME } from '../../src/workbook/sheets/radar';
import { REPORT_SHEET_NAME, REPORT_WORDS } from '../../src/workbook/sheets/report';
import type { SheetSpec, WorkbookSpec } from '../../src/workbook/types';
import { storedHeaderFooter } from '../support/excel/page-layout';
import { StrictExcel } from '../support/excel/strict-excel';
import { REPORT_DATE, samplePlan, scaledSpec, specFor, updateWith } from './helpers';

const REPORT = localize(REPORT_SHEET_NAME, 'vi');
const RADAR = localize(RADAR_SHEET_NAME, 'vi');

function withReports(spec: WorkbookSpec): WorkbookSpec {
  return withWorkbookReportSheets(spec, { plan: samplePlan(), reportDate: REPORT_DATE });
}

function sheetOf(spec: WorkbookSpec, name: string): SheetSpec {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const mmToPt = (mm: number) => (mm * 72) / 25.4;

describe('the report sheets drawn in Excel', () => {
  const spec = withReports(specFor(samplePlan()));

  it('are the .xlsx description without the native PivotTable sheet', () => {
    const keys = spec.sheets.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['tasks', 'summary', 'report', 'radar']));
    expect(keys).not.toContain('pivot');
  });

  it('draw Báo cáo cell for cell, in Times New Roman, without gridlines, rows as high as planned', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    const result = await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: x.support });
    expect(result.render.skipped).toEqual([]);
    const report = sheetOf(spec, REPORT);
    const drawn = x.requireSheet(REPORT);
    for (const c of report.cells) {
      const cell = x.peek(drawn, c.row, c.col);
      if (c.value?.t === 'text') expect(cell?.value).toBe(c.value.v);
      if (c.value?.t === 'number') expect(cell?.value).toBe(c.value.v);
      expect(cell?.style['font.name']).toBe(DECREE_30.font);
    }
    expect(x.at(REPORT, 'E1')?.value).toBe(REPORT_WORDS.nationalTitle.vi);
    const motto = report.cells.find((c) => c.value?.t === 'text' && c.value.v === REPORT_WORDS.motto.vi)!;
    expect(x.peek(drawn, motto.row, motto.col)?.style['font.underline']).toBe('Single');
    expect(drawn.showGridlines).toBe(false);
    for (const [r, h] of Object.entries(report.rowHeights ?? {}))
      expect(drawn.rowHeights.get(Number(r))).toBe(h);
    expect(drawn.merges).toEqual(expect.arrayContaining(report.merges));
  });

  it('draw the radar with its helper columns hidden and its formulas in place', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: x.support });
    const radar = sheetOf(spec, RADAR);
    const drawn = x.requireSheet(RADAR);
    expect([...drawn.hiddenColumns].sort()).toEqual([...(radar.hiddenColumns ?? [])].sort());
    const formulas = radar.cells.filter((c) => c.value?.t === 'formula');
    expect(formulas.length).toBeGreaterThan(100);
    for (const c of formulas) {
      const f = c.value?.t === 'formula' ? c.value.f : '';
      expect(x.peek(drawn, c.row, c.col)?.formula).toBe(`=${f}`);
    }
  });

  it("set every sheet's page layout from its print spec (ExcelApi 1.9)", async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: x.support });
    for (const sheet of spec.sheets.filter((s) => s.print)) {
      const p = sheet.print!;
      const layout = x.requireSheet(sheet.name).pageLayout;
      expect(layout.paperSize).toBe('A4');
      expect(layout.orientation).toBe(p.orientation === 'landscape' ? 'Landscape' : 'Portrait');
      expect(layout.margins.top).toBeCloseTo(mmToPt(DECREE_30.marginsMm.top), 1);
      expect(layout.margins.left).toBeCloseTo(mmToPt(DECREE_30.marginsMm.left), 1);
      expect(layout.margins.right).toBeCloseTo(mmToPt(DECREE_30.marginsMm.right), 1);
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1 });
      if (p.repeatRows) expect(layout.titleRows).toBe(`$${p.repeatRows.first}:$${p.repeatRows.last}`);
      if (p.area) expect(layout.area).toBe(p.area);
      // The footer Excel stores is the spec's code, section for section.
      expect(storedHeaderFooter(layout.headersFooters.defaultForAllPages, 'Footer')).toBe(p.footer);
    }
    const report = x.requireSheet(REPORT).pageLayout;
    const spec1 = sheetOf(spec, REPORT).print!;
    expect(report.headerFooterState).toBe('FirstAndDefault');
    expect(storedHeaderFooter(report.headersFooters.defaultForAllPages, 'Header')).toBe(spec1.header);
    expect(storedHeaderFooter(report.headersFooters.firstPage, 'Header')).toBe('');
    expect(storedHeaderFooter(report.headersFooters.firstPage, 'Footer')).toBe(spec1.firstFooter);
    expect(report.headersFooters.defaultForAllPages.centerFooter).toBe(
      `&"${DECREE_30.font},Regular"&10Trang &P/&N`,
    );
  });

  it('are built on ExcelApi 1.7 too, without page setup, and the pane is told so', async () => {
    const x = new StrictExcel({ api: '1.7' });
    x.addSheet('Sheet1');
    const result = await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: x.support });
    expect(x.sheetByName(REPORT)).toBeDefined();
    expect(x.sheetByName(RADAR)).toBeDefined();
    expect(result.render.skipped).toContainEqual(PRINT_SETUP_SKIPPED);
    expect(x.requireSheet(REPORT).pageLayout.paperSize).toBe('Letter');
    expect(x.syncs.every((s) => s.error === null)).toBe(true);
    // Gridlines (1.8) are not touched either.
    expect(x.requireSheet(REPORT).showGridlines).toBe(true);
  });

  it('replace the old ones in update mode', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: x.support });
    const plan = samplePlan();
    const revised = { ...plan, tasks: plan.tasks.slice(1) };
    const opts = updateWith(revised);
    const result = await buildTrackingWorkbook(x.requestContext, withReports(specFor(revised)), {
      isSetSupported: x.support,
      mode: 'update',
      revise: async (old) => {
        const r = await opts.revise(old);
        return { ...r, spec: withReports(r.spec) };
      },
    });
    expect(result.mode).toBe('update');
    const names = x.state.sheets.map((s) => s.name);
    expect(names.filter((n) => n === REPORT)).toHaveLength(1);
    expect(names.filter((n) => n === RADAR)).toHaveLength(1);
    expect(names.some((n) => n.startsWith('~pt'))).toBe(false);
    // The radar's formulas point at the task sheet under its final name.
    const helper = x.requireSheet(RADAR);
    const f = [...helper.cells.values()].map((c) => c.formula).find((v) => v?.includes('!$'));
    expect(f).toContain("'Nhiệm vụ'!");
    expect(x.requireSheet(REPORT).pageLayout.paperSize).toBe('A4');
  });

  it('keep the build at the same number of syncs at 1,000 tasks', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    const big = withWorkbookReportSheets(scaledSpec(1000), { plan: samplePlan(), reportDate: REPORT_DATE });
    const result = await buildTrackingWorkbook(x.requestContext, big, { isSetSupported: x.support });
    expect(result.syncs).toBe(6);
  });
});

describe('header and footer codes cut into sections', () => {
  it('follows &L, &C and &R, centres text before any code and keeps && and font codes', () => {
    expect(headerSections('&LA&CB&RC')).toEqual({ left: 'A', center: 'B', right: 'C' });
    expect(headerSections('Trang &P/&N')).toEqual({ left: '', center: 'Trang &P/&N', right: '' });
    expect(headerSections('&R&"Times New Roman,Italic"&9A && B')).toEqual({
      left: '',
      center: '',
      right: '&"Times New Roman,Italic"&9A && B',
    });
  });

  it('leaves a page count of 0 (as many as needed) out of the zoom', () => {
    expect(pageLayoutOf({ fitToWidth: 1, fitToHeight: 0 }).zoom).toEqual({ horizontalFitToPages: 1 });
  });
});

describe('the strict double refuses what Excel refuses in page layout', () => {
  async function attempt(api: string, queue: (ws: Excel.Worksheet) => void): Promise<string | null> {
    const x = new StrictExcel({ api });
    x.addSheet('S');
    try {
      await x.run(async (ctx) => {
        queue(ctx.workbook.worksheets.getItem('S'));
        await ctx.sync();
      });
      return null;
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  }

  it('answers ApiNotFound for pageLayout below ExcelApi 1.9, and showGridlines below 1.8', async () => {
    expect(await attempt('1.8', (ws) => (ws.pageLayout.orientation = 'Landscape'))).toBe('ApiNotFound');
    expect(await attempt('1.9', (ws) => (ws.pageLayout.orientation = 'Landscape'))).toBeNull();
    expect(await attempt('1.7', (ws) => (ws.showGridlines = false))).toBe('ApiNotFound');
  });

  it('refuses a header over 255 characters, codes counted', async () => {
    const long = 'x'.repeat(250);
    expect(
      await attempt('1.9', (ws) => (ws.pageLayout.headersFooters.defaultForAllPages.leftHeader = long)),
    ).toBeNull();
    expect(
      await attempt('1.9', (ws) => {
        const hf = ws.pageLayout.headersFooters.defaultForAllPages;
        hf.leftHeader = long;
        hf.rightHeader = 'abcd';
      }),
    ).toBe('InvalidArgument');
  });

  it('refuses a zoom scale out of 10–400, with pages to fit, and a page count of 0', async () => {
    expect(await attempt('1.9', (ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe('InvalidArgument');
    expect(await attempt('1.9', (ws) => (ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }))).toBe(
      'InvalidArgument',
    );
    expect(await attempt('1.9', (ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 0 }))).toBe(
      'InvalidArgument',
    );
    expect(await attempt('1.9', (ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 1 }))).toBeNull();
  });

  it('refuses print titles that are not whole rows, and margins that do not fit the paper', async () => {
    expect(await attempt('1.9', (ws) => ws.pageLayout.setPrintTitleRows('A5:C5'))).toBe('InvalidArgument');
    expect(await attempt('1.9', (ws) => ws.pageLayout.setPrintTitleRows('$5:$5'))).toBeNull();
    expect(
      await attempt('1.9', (ws) => {
        ws.pageLayout.paperSize = 'A4';
        ws.pageLayout.leftMargin = 300;
        ws.pageLayout.rightMargin = 300;
      }),
    ).toBe('InvalidArgument');
    expect(await attempt('1.9', (ws) => (ws.pageLayout.topMargin = -1))).toBe('InvalidArgument');
  });

  it('refuses an unknown paper size or orientation', async () => {
    expect(await attempt('1.9', (ws) => (ws.pageLayout.paperSize = 'A9' as Excel.PaperType))).toBe(
      'InvalidArgument',
    );
    expect(
      await attempt('1.9', (ws) => (ws.pageLayout.orientation = 'Sideways' as Excel.PageOrientation)),
    ).toBe('InvalidArgument');
  });
});
