import { localizeAll } from '../../src/model/msg';
import { ExcelError, StrictExcel } from '../support/excel/strict-excel';
import { parseA1 } from '../support/excel/a1';
import { partitionUnits, PRINT_SETUP_SKIPPED, renderWorkbook } from '../../src/excel/render';
import { scalePlan } from '../support/excel/plans';
import { isoToSerial } from '../../src/model/dates';
import { deadlineStateFormula } from '../../src/workbook/formulas';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import { REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import { parseMeta } from '../../src/tracking/meta';
import { columnLetter } from '../../src/model/table';
import type { Plan } from '../../src/plan/types';
import type { WorkbookSpec } from '../../src/workbook/types';
import { samplePlan, scaledSpec, specFor } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;
const names = localizeAll(SHEET_NAMES, 'vi');
const col = (id: (typeof TASK_COLUMN_IDS)[number]) => columnLetter(TASK_COLUMN_IDS.indexOf(id));

/** A workbook as a user has it before the add-in runs: one sheet with their own data. */
function userWorkbook(): StrictExcel {
  const x = new StrictExcel();
  const s = x.addSheet('Sheet1');
  x.writeInput(x.cell(s, 0, 0), 'Dữ liệu của tôi');
  x.writeInput(x.cell(s, 1, 0), 42);
  return x;
}

async function render(spec: WorkbookSpec, x = userWorkbook(), opts = {}) {
  const report = await renderWorkbook(x.requestContext, spec, opts);
  return { x, report };
}

/** Plan text that Excel would take as a formula if written carelessly (DOMAIN §6). */
function trickyPlan(): Plan {
  const base = samplePlan();
  const texts = [
    '=SUM(A1:A3) là văn bản',
    '- Bộ Chính trị, Ban Bí thư chỉ đạo',
    '+ Xây dựng đề án',
    '@Sở Nội vụ',
    "'Trích dẫn",
  ];
  const tasks = base.tasks.map((t, i) => ({ ...t, text: texts[i] ?? t.text }));
  const agencies = base.agencies.map((a, i) => (i === 0 ? { ...a, name: '- Bộ Chính trị' } : a));
  return { ...base, tasks, agencies };
}

describe('renderWorkbook: round trips and request sizes', () => {
  const counts = [100, 1000, 10000];
  const results = new Map<number, { syncs: number; max: number; total: number }>();

  beforeAll(async () => {
    for (const n of counts) {
      const { x } = await render(scaledSpec(n));
      results.set(n, {
        syncs: x.syncs.length,
        max: x.maxRequestBytes,
        total: x.syncs.reduce((s, r) => s + r.requestBytes, 0),
      });
    }
  });

  it('takes the same small number of syncs for 100, 1,000 and 10,000 tasks', () => {
    const syncs = counts.map((n) => results.get(n)!.syncs);
    expect(new Set(syncs).size).toBe(1);
    // inventory + 4 data requests + finishing request
    expect(syncs[0]).toBe(6);
  });

  it('also takes equal syncs on hosts without ExcelApi 1.9 (formulas sent per row)', async () => {
    const no19 = { isSetSupported: (_s: string, v: string) => v !== '1.9' };
    const syncs: number[] = [];
    for (const n of [100, 10000]) {
      const { x } = await render(scaledSpec(n), userWorkbook(), no19);
      syncs.push(x.syncs.length);
      expect(x.maxRequestBytes).toBeLessThan(FOUR_MB);
    }
    expect(syncs).toEqual([7, 7]);
  });

  it('keeps every request under 4 MB, even when 10,000 tasks carry far more than that', () => {
    for (const n of counts) expect(results.get(n)!.max).toBeLessThan(FOUR_MB);
    // The data really does not fit in one request: the split is doing the work.
    expect(results.get(10000)!.total).toBeGreaterThan(2 * FOUR_MB);
  });

  it('lets the payload limit win above the threshold: more syncs, none above the cap', async () => {
    const spec = scaledSpec(1000);
    const plain = await render(spec);
    const dataBytes = plain.x.syncs.slice(1, -1).reduce((s, r) => s + r.requestBytes, 0);
    // A cap at an eighth of the data: four requests cannot hold it any more.
    const cap = Math.ceil(dataBytes / 8);
    const { x, report } = await render(spec, userWorkbook(), { maxRequestBytes: cap });
    const total = x.syncs.reduce((s, r) => s + r.requestBytes, 0);
    expect(x.syncs.length).toBeGreaterThan(6);
    expect(x.syncs.length - 2).toBeGreaterThanOrEqual(Math.ceil(total / cap));
    for (const s of x.syncs) expect(s.requestBytes).toBeLessThanOrEqual(cap * 1.05);
    expect(report.syncs).toBe(x.syncs.length);
  });

  it('plans every request at no less than office.js sends, and close to it where it counts', async () => {
    const { x, report } = await render(scaledSpec(1000));
    expect(report.requestBytes).toHaveLength(x.syncs.length);
    report.requestBytes.forEach((planned, i) => {
      const sent = x.syncs[i].requestBytes;
      expect(planned).toBeGreaterThanOrEqual(sent);
      // Requests of many small commands are over-counted most (ids are allowed seven digits).
      expect(planned).toBeLessThanOrEqual(sent * 1.2 + 2_000);
    });
  });

  it('suspends calculation in every data request and recalculates once at the end', async () => {
    const { x } = await render(scaledSpec(300));
    const data = x.syncs.slice(1, -1);
    for (const s of data) expect(s.kinds['Application.suspendApiCalculationUntilNextSync']).toBe(1);
    expect(x.syncs[x.syncs.length - 1].kinds['Application.calculate']).toBe(1);
    expect(x.state.calculations).toBe(1);
  });

  it('suspends screen updating only where ExcelApi 1.9 is supported', async () => {
    const without = await render(scaledSpec(50), userWorkbook(), {
      isSetSupported: (_s: string, v: string) => v !== '1.9',
    });
    expect(without.x.syncs.some((s) => s.kinds['Application.suspendScreenUpdatingUntilNextSync'])).toBe(
      false,
    );
    const withIt = await render(scaledSpec(50));
    expect(
      withIt.x.syncs.filter((s) => s.kinds['Application.suspendScreenUpdatingUntilNextSync']).length,
    ).toBe(4);
  });
});

describe('partitionUnits', () => {
  it('makes exactly the wanted number of requests while the data fits, balanced by size', () => {
    const units = Array.from({ length: 40 }, (_, i) => ({ bytes: 1000 + (i % 3) * 100 }));
    const batches = partitionUnits(units, 4, 100_000);
    expect(batches).toHaveLength(4);
    const sizes = batches.map((b) => b.reduce((s, u) => s + u.bytes, 0));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1200);
    expect(batches.flat()).toEqual(units);
  });

  it('adds requests when the cap demands it', () => {
    const units = Array.from({ length: 10 }, () => ({ bytes: 1000 }));
    const batches = partitionUnits(units, 2, 2500);
    expect(batches.length).toBe(5);
    for (const b of batches) expect(b.reduce((s, u) => s + u.bytes, 0)).toBeLessThanOrEqual(2500);
  });
});

describe('renderWorkbook: what lands in the cells', () => {
  let x: StrictExcel;
  let spec: WorkbookSpec;
  beforeAll(async () => {
    spec = specFor(trickyPlan());
    ({ x } = await render(spec));
  });

  const table = () => spec.sheets[0].tables[0];

  it('writes headers and the table where the spec puts them', () => {
    const headers = x.valuesOf(names.tasks, `A1:${col('state')}1`)[0];
    expect(headers).toEqual(TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi')));
    const t = x.state.tables.find((tb) => tb.name === TABLE_NAME)!;
    expect(t.sheet.name).toBe(names.tasks);
    expect(t.rows).toBe(1 + table().rows.length);
    expect(t.style).toBe(table().style);
  });

  it('writes plan text starting with = + - @ or an apostrophe as the text itself', () => {
    const texts = x.valuesOf(names.tasks, `${col('text')}2:${col('text')}9`).map((r) => r[0]);
    expect(texts.slice(0, 5)).toEqual([
      '=SUM(A1:A3) là văn bản',
      '- Bộ Chính trị, Ban Bí thư chỉ đạo',
      '+ Xây dựng đề án',
      '@Sở Nội vụ',
      "'Trích dẫn",
    ]);
    for (let r = 2; r <= 9; r++) expect(x.at(names.tasks, `${col('text')}${r}`)!.formula).toBeNull();
    // The agency list on the lists sheet holds "- Bộ Chính trị" as text, too.
    const lists = x.requireSheet(names.lists);
    const agencyCells = [...lists.cells.values()].filter((c) => c.value === '- Bộ Chính trị');
    expect(agencyCells.length).toBe(1);
    expect(agencyCells[0].formula).toBeNull();
  });

  it('sets the text format on text columns before their values arrive', () => {
    const textCols = table()
      .columns.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.kind === 'text');
    expect(textCols.length).toBeGreaterThan(0);
    const writes = x.commands.filter(
      (c) => c.kind === 'Range.values' && c.target.startsWith(`${names.tasks}!A2`),
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      const i = x.commands.indexOf(w);
      const fmt = x.commands.findIndex((c) => c.kind === 'Range.numberFormat' && c.target === w.target);
      expect(fmt).toBeGreaterThanOrEqual(0);
      expect(fmt).toBeLessThan(i);
    }
    for (const { i } of textCols) expect(x.at(names.tasks, `${columnLetter(i)}2`)!.numberFormat).toBe('@');
  });

  it('writes formulas through Range.formulas with a leading "="', () => {
    const rows = table().rows.length;
    for (let r = 2; r < 2 + rows; r++) {
      expect(x.at(names.tasks, `${col('state')}${r}`)!.formula).toBe(`=${deadlineStateFormula(r, 'vi')}`);
    }
    expect(x.commands.some((c) => c.kind === 'Range.formulas' && c.target.includes(`${col('state')}2`))).toBe(
      true,
    );
  });

  it('fills a row formula down with one command where ExcelApi 1.9 allows, else writes it per row', async () => {
    expect(x.commands.filter((c) => c.kind === 'Range.autoFill')).toHaveLength(1);
    const old = await render(spec, userWorkbook(), {
      isSetSupported: (_s: string, v: string) => v !== '1.9',
    });
    expect(old.x.commands.filter((c) => c.kind === 'Range.autoFill')).toHaveLength(0);
    const rows = table().rows.length;
    for (let r = 2; r < 2 + rows; r++) {
      expect(old.x.at(names.tasks, `${col('state')}${r}`)!.formula).toBe(
        x.at(names.tasks, `${col('state')}${r}`)!.formula,
      );
    }
  });

  it('writes dates as Excel serial numbers with a date format', () => {
    const dueIdx = TASK_COLUMN_IDS.indexOf('due');
    const dated = table().rows.findIndex((r) => r[dueIdx]?.t === 'date');
    expect(dated).toBeGreaterThanOrEqual(0);
    const iso = (table().rows[dated][dueIdx] as { v: string }).v;
    const cell = x.at(names.tasks, `${col('due')}${dated + 2}`)!;
    expect(cell.value).toBe(isoToSerial(iso));
    expect(cell.numberFormat).toMatch(/d/);
    const reportCell = x.at(names.summary, 'B3')!;
    expect(reportCell.value).toBe(isoToSerial('2024-06-30'));
  });

  it('adds the workbook names with their references', () => {
    for (const n of spec.names) expect(x.state.names.get(n.name)).toBe(`=${n.ref}`);
    expect(x.state.names.get(REPORT_DATE_NAME)).toBe(`='${names.summary}'!$B$3`);
  });

  it('adds validation rules, conditional formats and frozen panes', () => {
    const tasks = x.requireSheet(names.tasks);
    const specSheet = spec.sheets.find((s) => s.key === 'tasks')!;
    expect(tasks.validations).toHaveLength(specSheet.validations.length);
    const list = specSheet.validations.find((v) => v.kind === 'list')!;
    const written = tasks.validations.find((v) => v.address === list.range)!;
    expect(written.rule).toEqual({
      list: { inCellDropDown: true, source: `=${(list as { source: string }).source}` },
    });
    const date = specSheet.validations.find((v) => v.kind === 'date')!;
    expect(tasks.validations.find((v) => v.address === date.range)!.rule).toEqual({
      date: { formula1: '2000-01-01', formula2: '2100-12-31', operator: 'Between' },
    });
    expect(tasks.conditionalFormats).toHaveLength(specSheet.conditionalFormats.length);
    const custom = tasks.conditionalFormats.find((c) => c.type === 'Custom')!;
    expect(String(custom.props['custom.rule.formula'])).toMatch(/^=/);
    expect(tasks.freeze).toEqual(specSheet.freeze);
  });

  it('sets column widths in points from the spec characters', () => {
    const tasks = x.requireSheet(names.tasks);
    const spec0 = spec.sheets[0].widths;
    expect(tasks.widths.size).toBe(spec0.length);
    // Wider in characters → wider in points.
    const textIdx = TASK_COLUMN_IDS.indexOf('text');
    expect(tasks.widths.get(textIdx)!).toBeGreaterThan(tasks.widths.get(0)!);
  });

  it('hides the meta sheet (very hidden) and stores the meta readably', () => {
    const meta = x.requireSheet(names.meta);
    expect(meta.visibility).toBe('VeryHidden');
    const used = [...meta.cells.keys()].map((k) => k.split(',').map(Number));
    const rows = Math.max(...used.map(([r]) => r)) + 1;
    const values = x.valuesOf(names.meta, `A1:B${rows}`);
    expect(parseMeta(values)).toEqual(spec.meta);
  });

  it('leaves the user sheet as it was and activates the task sheet', () => {
    expect(x.valuesOf('Sheet1', 'A1:A2')).toEqual([['Dữ liệu của tôi'], [42]]);
    expect(x.state.activeSheet).toBe(names.tasks);
  });
});

describe('renderWorkbook: failures leave the workbook as it was', () => {
  const before = (x: StrictExcel) => x.state.sheets.map((s) => s.name);

  it('removes everything it created when a request fails mid-way', async () => {
    const x = userWorkbook();
    x.failAt = { sync: 3, afterCommands: 3, error: new ExcelError('GeneralException', 'boom') };
    await expect(renderWorkbook(x.requestContext, scaledSpec(500))).rejects.toThrow('boom');
    expect(before(x)).toEqual(['Sheet1']);
    expect(x.state.names.size).toBe(0);
    expect(x.state.tables).toHaveLength(0);
    expect(x.valuesOf('Sheet1', 'A1:A2')).toEqual([['Dữ liệu của tôi'], [42]]);
  });

  it('removes the very hidden meta sheet too when the last request fails', async () => {
    const x = userWorkbook();
    const spec = scaledSpec(20);
    // Fail on the finishing request, after the meta sheet was made very hidden.
    x.failAt = { sync: 6, afterCommands: 10_000, error: new ExcelError('GeneralException', 'late') };
    await expect(renderWorkbook(x.requestContext, spec)).rejects.toThrow('late');
    expect(before(x)).toEqual(['Sheet1']);
    expect(x.state.names.size).toBe(0);
  });

  it('refuses to draw over a sheet that already exists, without writing anything', async () => {
    const x = userWorkbook();
    const s = x.addSheet(names.guide);
    x.writeInput(x.cell(s, 0, 0), 'ghi chú riêng');
    await expect(renderWorkbook(x.requestContext, scaledSpec(10))).rejects.toThrow(
      /Không ghi đè|Nothing was overwritten/,
    );
    expect(before(x)).toEqual(['Sheet1', names.guide]);
    expect(x.at(names.guide, 'A1')!.value).toBe('ghi chú riêng');
    expect(x.syncs).toHaveLength(1);
  });

  it('stops when cancelled and cleans up', async () => {
    const x = userWorkbook();
    const ctrl = new AbortController();
    const p = renderWorkbook(x.requestContext, scaledSpec(400), {
      signal: ctrl.signal,
      onProgress: (done) => {
        if (done > 0) ctrl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(before(x)).toEqual(['Sheet1']);
  });

  it('fails like Excel on the web when a request is too big, and the renderer never sends one', async () => {
    const x = userWorkbook();
    x.payloadLimit = 5 * 1024 * 1024;
    const report = await renderWorkbook(x.requestContext, scalePlanSpec(3000));
    expect(Math.max(...report.requestBytes)).toBeLessThan(x.payloadLimit);
  });
});

function scalePlanSpec(n: number): WorkbookSpec {
  return specFor(scalePlan(samplePlan(), n, 7));
}

describe('renderWorkbook: hosts without newer APIs', () => {
  it('skips validation without ExcelApi 1.8 and says so in both languages', async () => {
    const { x, report } = await render(scaledSpec(10), userWorkbook(), {
      isSetSupported: (_s: string, v: string) => Number(v.split('.')[1]) < 8,
    });
    expect(x.requireSheet(names.tasks).validations).toHaveLength(0);
    // The page setup (ExcelApi 1.9) is the other part such a host skips.
    expect(report.skipped).toHaveLength(2);
    expect(report.skipped[0].vi).toMatch(/ExcelApi 1\.8/);
    expect(report.skipped[0].en).toMatch(/ExcelApi 1\.8/);
    expect(report.skipped[1]).toEqual(PRINT_SETUP_SKIPPED);
  });

  it('reports progress up to the number of rows', async () => {
    const seen: [number, number][] = [];
    await render(scaledSpec(600), userWorkbook(), {
      onProgress: (d: number, t: number) => seen.push([d, t]),
    });
    expect(seen[seen.length - 1]).toEqual([600, 600]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  it('uses A1 addresses inside the sheet for every block', () => {
    expect(parseA1('B3:D10')).toEqual({ row: 2, col: 1, rows: 8, cols: 3 });
  });
});
