import { localizeAll } from '../../src/model/msg';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { normalizeText } from '../../src/plan/normalize';
import { parsePlan } from '../../src/plan/parse';
import { readEntries } from '../../src/tracking/entries';
import { createHash } from 'crypto';
import { deadlineState } from '../../src/tracking/deadline-state';
import { planFingerprint } from '../../src/tracking/fingerprint';
import { untouchedTasks } from '../../src/tracking/task-hash';
import JSZip from 'jszip';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { rowDeadline } from '../../src/tracking/plan-rows';
import { deadlineStateFormula } from '../../src/workbook/formulas';
import { CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { columnHeader, columnIndex, TASK_COLUMN_IDS, taskColumnLetter } from '../../src/model/columns';
import { LIST_NAMES, SHEET_NAMES } from '../../src/workbook/names';
import { isoToSerial } from '../../src/model/dates';
import type { Lang } from '../../src/workbook/types';
import { LocalizedError } from '../../src/model/msg';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { fixturePlan } from '../workbook/fixture-plan';

const NOW = new Date('2026-11-27T08:00:00Z');

async function build(lang: Lang) {
  const plan = fixturePlan();
  const spec = buildWorkbookSpec(plan, { lang, reportDate: '2024-07-01', now: NOW, workbookId: 'wb-test' });
  const bytes = await writeXlsx(spec);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { plan, spec, bytes, wb };
}

/** A column's letter and 1-based number, from the registry. */
const L = taskColumnLetter;
const colNo = (id: Parameters<typeof columnIndex>[0]) => columnIndex(id) + 1;

type DvModel = Record<string, { type: string; formulae: unknown[]; allowBlank?: boolean } | undefined>;
const validationAt = (ws: ExcelJS.Worksheet, address: string) =>
  (ws as unknown as { dataValidations: { model: DvModel } }).dataValidations.model[address];

describe.each(['vi', 'en'] as const)('written workbook (%s)', (lang) => {
  let ctx: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    ctx = await build(lang);
  });

  it('has the sheets in order, the meta sheet very hidden', () => {
    const names = localizeAll(SHEET_NAMES, lang);
    expect(ctx.wb.worksheets.map((w) => w.name)).toEqual([
      names.tasks,
      names.summary,
      names.lists,
      names.guide,
      names.meta,
    ]);
    expect(ctx.wb.worksheets.map((w) => w.state)).toEqual([
      'visible',
      'visible',
      'visible',
      'visible',
      'veryHidden',
    ]);
  });

  it('has the NhiemVu table with the registry’s headers in order and one row per task', () => {
    const ws = ctx.wb.getWorksheet(SHEET_NAMES.tasks[lang])!;
    const table = ws.getTable('NhiemVu') as unknown as { table: { tableRef: string; ref: string } };
    expect(table).toBeTruthy();
    const n = ctx.plan.tasks.length;
    expect(table.table.tableRef ?? table.table.ref).toBe(`A1:${L('state')}${n + 1}`);
    const headers = TASK_COLUMN_IDS.map((_id, i) => ws.getCell(1, i + 1).value);
    expect(headers).toEqual(TASK_COLUMN_IDS.map((id) => columnHeader(id, lang)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    ctx.plan.tasks.forEach((t, i) => expect(ws.getCell(i + 2, 1).value).toBe(t.id));
  });

  it('stores dates as real dates and the category in words', () => {
    const ws = ctx.wb.getWorksheet(SHEET_NAMES.tasks[lang])!;
    ctx.plan.tasks.forEach((t, i) => {
      const { category, due } = rowDeadline(t.deadlines);
      expect(ws.getCell(i + 2, 7).value).toBe(CATEGORY_LABELS[category][lang]);
      const { value, numFmt } = ws.getCell(i + 2, 8);
      if (due) {
        expect(value).toBeInstanceOf(Date);
        expect((value as Date).toISOString().slice(0, 10)).toBe(due);
        expect(numFmt).toBe('dd/mm/yyyy');
      } else {
        expect(value).toBeNull();
      }
    });
  });

  it('puts the live deadline-state formula on every row, against NgayBaoCao', () => {
    const ws = ctx.wb.getWorksheet(SHEET_NAMES.tasks[lang])!;
    ctx.plan.tasks.forEach((_t, i) => {
      // The rows share one formula (t="shared"); ExcelJS gives each row's own text as cell.formula.
      const formula = ws.getCell(i + 2, colNo('state')).formula;
      expect(formula).toBe(deadlineStateFormula(i + 2, lang));
      expect(formula).toContain('NgayBaoCao');
      expect(formula).toContain(`"${STATE_LABELS.overdue[lang]}"`);
    });
  });

  it('has the list, date and decimal validations', () => {
    const ws = ctx.wb.getWorksheet(SHEET_NAMES.tasks[lang])!;
    expect(validationAt(ws, `${L('status')}2`)).toMatchObject({
      type: 'list',
      formulae: [LIST_NAMES.statuses],
      allowBlank: true,
    });
    expect(validationAt(ws, `${L('category')}5`)).toMatchObject({
      type: 'list',
      formulae: [LIST_NAMES.categories],
    });
    expect(validationAt(ws, `${L('progress')}3`)).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    for (const id of ['due', 'adjustedDue', 'completedOn', 'updatedOn'] as const)
      expect(validationAt(ws, `${L(id)}4`)?.type).toBe('date');
    // Rows added below the table are covered too.
    expect(validationAt(ws, `${L('status')}${ctx.plan.tasks.length + 50}`)?.type).toBe('list');
    expect(validationAt(ws, `${L('text')}2`)).toBeUndefined();
  });

  it('defines the report date and list names on the right cells', () => {
    const names = localizeAll(SHEET_NAMES, lang);
    // ExcelJS quotes sheet names only when it must; compare without the quotes.
    const ranges = (name: string) =>
      ctx.wb.definedNames.getRanges(name).ranges.map((r) => r.replace(/'/g, ''));
    expect(ranges('NgayBaoCao')).toEqual([`${names.summary}!$B$3`]);
    const summary = ctx.wb.getWorksheet(names.summary)!;
    expect((summary.getCell('B3').value as Date).toISOString().slice(0, 10)).toBe('2024-07-01');
    expect(ranges(LIST_NAMES.statuses)).toEqual([`${names.lists}!$A$2:$A$4`]);
    const lists = ctx.wb.getWorksheet(names.lists)!;
    expect([2, 3, 4].map((r) => lists.getCell(r, 1).value)).toEqual(
      Object.values(localizeAll(STATUS_LABELS, lang)),
    );
    const agencyRange = ranges(LIST_NAMES.agencies)[0];
    expect(agencyRange).toBe(`${names.lists}!$C$2:$C$${ctx.plan.agencies.length + 1}`);
  });

  it('fills the summary with formulas over plain A1 ranges, not numbers', () => {
    const names = localizeAll(SHEET_NAMES, lang);
    const summary = ctx.wb.getWorksheet(names.summary)!;
    const formulas: string[] = [];
    const numbers: unknown[] = [];
    summary.eachRow((row, r) =>
      row.eachCell((cell) => {
        if (r <= 3) return;
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) formulas.push(v.formula ?? '');
        else if (typeof v === 'number') numbers.push(v);
      }),
    );
    expect(numbers).toEqual([]);
    expect(formulas.some((f) => f.startsWith('COUNTIFS('))).toBe(true);
    expect(formulas.some((f) => f.startsWith('IFERROR('))).toBe(true);
    expect(formulas.every((f) => !f.includes('NhiemVu['))).toBe(true);
    expect(
      formulas.filter((f) => f.includes(`'${names.tasks}'!$${L('state')}$2:$${L('state')}$`)).length,
    ).toBeGreaterThan(6);
    // One row per lead agency named in the plan.
    const leads = new Set(ctx.plan.tasks.map((t) => t.lead).filter(Boolean));
    const firstColumn: unknown[] = [];
    summary.getColumn(1).eachCell((c) => firstColumn.push(c.value));
    for (const a of ctx.plan.agencies.filter((x) => leads.has(x.key))) expect(firstColumn).toContain(a.name);
  });

  it('round-trips the meta and the table through readTrackingWorkbook', async () => {
    const back = await readTrackingWorkbook(ctx.bytes);
    expect(back.meta).toEqual(ctx.spec.meta);
    expect(back.lang).toBe(lang);
    expect(back.reportDate).toBe('2024-07-01');
    expect(back.sheetNames).toEqual(ctx.wb.worksheets.map((w) => w.name));
    expect(back.snapshot.headers).toEqual(TASK_COLUMN_IDS.map((id) => columnHeader(id, lang)));
    expect(back.snapshot.headerRow).toBe(1);
    expect(back.snapshot.rows).toHaveLength(ctx.plan.tasks.length);
    const first = ctx.plan.tasks[0];
    const { due } = rowDeadline(first.deadlines);
    expect(back.snapshot.rows[0][7]).toBe(isoToSerial(due!));
    // Each state formula carries its result as built (blank entries, the report date 01/07/2024).
    ctx.plan.tasks.forEach((t, i) => {
      const d = rowDeadline(t.deadlines);
      const state = deadlineState({ ...d, status: null, completedOn: null }, '2024-07-01');
      expect(back.snapshot.rows[i][columnIndex('state')]).toBe(STATE_LABELS[state][lang]);
    });
  });
});

describe('text from the plan stays text', () => {
  it('never turns =, +, - or @ text into a formula (ExcelJS view and raw XML)', async () => {
    const { bytes, wb, plan } = await build('vi');
    const ws = wb.getWorksheet(SHEET_NAMES.tasks.vi)!;
    const tricky = plan.tasks.map((t, i) => ({ t, row: i + 2 })).filter(({ t }) => /^[=+\-@]/.test(t.text));
    expect(tricky.length).toBeGreaterThanOrEqual(3);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    for (const { t, row } of tricky) {
      expect(ws.getCell(row, 6).value).toBe(t.text);
      expect(ws.getCell(row, 6).type).toBe(ExcelJS.ValueType.String);
      const cellXml = new RegExp(`<c r="F${row}"[^>]*>(.*?)</c>`).exec(xml)?.[0] ?? '';
      expect(cellXml).toContain('t="s"');
      expect(cellXml).not.toContain('<f>');
    }
    // An agency name starting with "-" too.
    const leadRow = plan.tasks.findIndex((t) => t.lead === 'bo-chinh-tri') + 2;
    expect(ws.getCell(leadRow, 4).value).toBe('- Bộ Chính trị');
    // And the text columns carry the text format, so what staff type later stays text as well.
    expect(ws.getCell(plan.tasks.length + 10, 6).numFmt).toBe('@');
  });
});

describe('readTrackingWorkbook on bad input', () => {
  it('throws a Vietnamese + English message for a non-xlsx file', async () => {
    const err = await readTrackingWorkbook(new TextEncoder().encode('không phải excel')).catch((e) => e);
    expect(err).toBeInstanceOf(LocalizedError);
    expect(err.msg.vi).toMatch(/không phải bảng tính Excel/);
    expect(err.msg.en).toMatch(/is not an Excel .xlsx workbook/);
    expect(err.exitCode).toBe(2);
    // The zip library's own words (and its web address) are not for staff.
    expect(`${err.msg.vi} ${err.msg.en}`).not.toMatch(/central directory|https?:/i);
  });

  it('throws when the workbook has no tracking table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'xin chào';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readTrackingWorkbook(bytes)).rejects.toMatchObject({
      msg: {
        vi: expect.stringMatching(/^Không tìm thấy/),
        en: expect.stringMatching(/^No task tracking table/),
      },
    });
  });

  it('finds the table by its headers when the table object is gone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tasks copy');
    ws.getCell('A1').value = 'Ghi chép';
    TASK_COLUMN_IDS.forEach((id, i) => (ws.getCell(3, i + 2).value = columnHeader(id, 'en')));
    ws.getCell(4, 2).value = 'I.1';
    ws.getCell(4, 9).value = new Date(Date.UTC(2024, 5, 30));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const back = await readTrackingWorkbook(bytes);
    expect(back.lang).toBe('en');
    expect(back.meta).toBeNull();
    expect(back.reportDate).toBeNull();
    expect(back.snapshot).toMatchObject({ sheet: 'Tasks copy', headerRow: 3, firstCol: 1 });
    expect(back.snapshot.rows).toHaveLength(1);
    expect(back.snapshot.rows[0][0]).toBe('I.1');
    expect(back.snapshot.rows[0][7]).toBe(isoToSerial('2024-06-30'));
  });
});

describe('the sample plan (NQ-28, Nam Định)', () => {
  it('writes one row per parsed task, and the meta hashes can be recomputed from the sheet', async () => {
    const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
    const plan = parsePlan(text);
    expect(plan.tasks.length).toBeGreaterThan(10);
    const spec = buildWorkbookSpec(plan, {
      lang: 'vi',
      reportDate: '2024-07-01',
      now: NOW,
      sourceText: text,
      fingerprint: await planFingerprint(plan, text),
    });
    const back = await readTrackingWorkbook(await writeXlsx(spec));
    expect(back.snapshot.rows.map((r) => r[0])).toEqual(plan.tasks.map((t) => t.id));
    expect(back.meta?.sourceFingerprint).toBe(createHash('sha256').update(normalizeText(text)).digest('hex'));
    expect(back.meta?.fingerprintAlgorithm).toBe('sha-256');
    expect(back.meta?.planTitle).toBe(plan.title);
    const { entries } = readEntries(back.snapshot);
    const ids = plan.tasks.map((t) => t.id);
    expect([...(await untouchedTasks(back.snapshot, back.meta))]).toEqual(ids);
    // Lead agencies appear by name, as the plan first wrote them.
    const names = new Map(plan.agencies.map((a) => [a.key, a.name]));
    plan.tasks.forEach((t, i) => expect(entries[i].lead).toBe(t.lead ? names.get(t.lead) : ''));
    // An edit to a plan column changes that row's hash only.
    const textCol = back.snapshot.headers.indexOf(columnHeader('text', 'vi'));
    const rows = back.snapshot.rows.map((r, i) =>
      i === 3 ? r.map((c, j) => (j === textCol ? `${c} (sửa)` : c)) : r,
    );
    const untouched = await untouchedTasks({ ...back.snapshot, rows }, back.meta);
    expect([...untouched]).toEqual(ids.filter((_id, i) => i !== 3));
  });
});
