import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlan } from '../../src/plan/parse';
import { buildWorkbookSpec, SPARE_ROWS } from '../../src/workbook/build';
import { rowDeadline } from '../../src/tracking/plan-rows';
import { columnHeader, TASK_COLUMN_IDS, taskColumnLetter } from '../../src/model/columns';
import { REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import type { CellValue, WorkbookSpec } from '../../src/workbook/types';
import { GENERATOR_VERSION } from '../../src/model/version';
import { fixturePlan } from './fixture-plan';

const sample = () => parsePlan(readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8'));

function allFormulas(spec: WorkbookSpec): string[] {
  const out: string[] = [];
  const take = (v: CellValue) => {
    if (v && v.t === 'formula') out.push(v.f);
  };
  for (const sheet of spec.sheets) {
    sheet.cells.forEach((c) => take(c.value));
    sheet.tables.forEach((t) => t.rows.forEach((r) => r.forEach(take)));
  }
  return out;
}

describe('rowDeadline (one deadline cell per task)', () => {
  it('takes the last due date as the plan writes them, and "due" when any deadline is dated', () => {
    expect(
      rowDeadline([
        { category: 'ongoing', raw: 'thường xuyên', due: null },
        { category: 'due', raw: 'tháng 12/2024', due: '2024-12-31' },
        { category: 'due', raw: 'quý II/2024', due: '2024-06-30' },
      ]),
    ).toEqual({ category: 'due', due: '2024-06-30' });
  });

  it('a task with two dates falls due on the last one (issue 12: "both, the last one the task\'s due date")', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. Sở Tư pháp xây dựng dự thảo, gửi lấy ý kiến trước ngày 28/2/2023; hoàn thiện, trình UBND tỉnh trước ngày 10/11/2023.',
    );
    const [task] = plan.tasks;
    expect(task.deadlines.map((d) => d.due)).toEqual(['2023-02-28', '2023-11-10']);
    expect(rowDeadline(task.deadlines)).toEqual({ category: 'due', due: '2023-11-10' });
  });

  it('keeps the first category when none is dated, and "none" without any note', () => {
    expect(
      rowDeadline([
        { category: 'periodic', raw: 'hằng năm', due: null },
        { category: 'external', raw: 'theo kế hoạch của Trung ương', due: null },
      ]),
    ).toEqual({ category: 'periodic', due: null });
    expect(rowDeadline([])).toEqual({ category: 'none', due: null });
  });
});

describe('buildWorkbookSpec', () => {
  it('describes the five sheets, the table and its 15 columns in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const spec = buildWorkbookSpec(fixturePlan(), { lang, reportDate: '2024-07-01' });
      expect(spec.sheets.map((s) => s.name)).toEqual(
        (['tasks', 'summary', 'lists', 'guide', 'meta'] as const).map((k) => SHEET_NAMES[k][lang]),
      );
      expect(spec.sheets.map((s) => s.state)).toEqual([
        'visible',
        'visible',
        'visible',
        'visible',
        'veryHidden',
      ]);
      const table = spec.sheets[0].tables[0];
      expect(table.name).toBe(TABLE_NAME);
      expect(table.columns.map((c) => c.header)).toEqual(TASK_COLUMN_IDS.map((id) => columnHeader(id, lang)));
      expect(table.rows).toHaveLength(fixturePlan().tasks.length);
      expect(spec.names.map((n) => n.name)).toContain(REPORT_DATE_NAME);
      expect(spec.meta.lang).toBe(lang);
    }
  });

  it('keeps plan text as text cells and leaves the staff columns blank', () => {
    const plan = fixturePlan();
    const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01' });
    const rows = spec.sheets[0].tables[0].rows;
    plan.tasks.forEach((t, i) => {
      expect(rows[i][TASK_COLUMN_IDS.indexOf('text')]).toEqual({ t: 'text', v: t.text });
      for (const id of ['status', 'completedOn', 'progress', 'result', 'note', 'updatedOn'] as const) {
        expect(rows[i][TASK_COLUMN_IDS.indexOf(id)]).toBeNull();
      }
    });
  });

  it('uses only functions Excel 2016 and LibreOffice share, no leading "=", no structured references', () => {
    const formulas = allFormulas(buildWorkbookSpec(sample(), { lang: 'vi', reportDate: '2024-07-01' }));
    expect(formulas.length).toBeGreaterThan(50);
    const allowed = new Set([
      'IF',
      'OR',
      'AND',
      'NOT',
      'TRIM',
      'ISNUMBER',
      'COUNTIFS',
      'COUNTIF',
      'COUNTA',
      'SUM',
      'IFERROR',
    ]);
    for (const f of formulas) {
      expect(f.startsWith('=')).toBe(false);
      expect(f).not.toMatch(/NhiemVu\[|;/);
      const outsideStrings = f.replace(/"(?:[^"]|"")*"/g, '""');
      for (const fn of outsideStrings.match(/[A-Z][A-Z0-9.]*(?=\()/g) ?? []) expect(allowed).toContain(fn);
    }
  });

  it('covers rows added after the last task with validations and summary ranges', () => {
    const plan = sample();
    const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01' });
    const last = plan.tasks.length + 1 + SPARE_ROWS;
    for (const v of spec.sheets[0].validations) expect(v.range.endsWith(String(last))).toBe(true);
    const summaryFormulas = spec.sheets[1].cells.flatMap((c) =>
      c.value?.t === 'formula' ? [c.value.f] : [],
    );
    const state = taskColumnLetter('state');
    expect(summaryFormulas.some((f) => f.includes(`$${state}$2:$${state}$${last}`))).toBe(true);
  });

  it('counts agencies whose names Excel criteria cannot hold without COUNTIFS', () => {
    const plan = fixturePlan();
    const long = 'Ban chỉ đạo '.repeat(30);
    plan.agencies.push({ key: 'long', name: long }, { key: 'star', name: 'Sở *' });
    plan.tasks[0].lead = 'long';
    plan.tasks[1].lead = 'star';
    const summary = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01' }).sheets[1];
    const rowOf = (name: string) =>
      summary.cells.find((c) => c.col === 0 && c.value?.t === 'text' && c.value.v === name)!.row;
    const formulaAt = (row: number) => {
      const v = summary.cells.find((c) => c.row === row && c.col === 1)!.value;
      return v?.t === 'formula' ? v.f : '';
    };
    expect(formulaAt(rowOf(long))).toMatch(/^SUMPRODUCT\(/);
    expect(formulaAt(rowOf('Sở *'))).toMatch(/^SUMPRODUCT\(/);
    expect(formulaAt(rowOf('- Bộ Chính trị'))).toMatch(/^COUNTIFS\(/);
  });

  it('records the build in the meta', () => {
    const plan = sample();
    const spec = buildWorkbookSpec(plan, {
      lang: 'vi',
      reportDate: '2024-07-01',
      now: new Date('2026-11-27T10:00:00Z'),
      workbookId: 'abc',
    });
    expect(spec.meta).toMatchObject({
      generator: 'plan-tracker',
      generatorVersion: GENERATOR_VERSION,
      builtAt: '2026-11-27T10:00:00.000Z',
      workbookId: 'abc',
      agencyKey: null,
      planTitle: plan.title,
      planNumber: plan.number,
      planIssuedOn: plan.issuedOn,
    });
    expect(spec.meta.tasks.map((t) => t.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(new Set(spec.meta.tasks.map((t) => t.hash)).size).toBe(plan.tasks.length);
    // Without an id a fresh one is drawn for each build.
    const a = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01' }).meta.workbookId;
    const b = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01' }).meta.workbookId;
    expect(a).not.toBe(b);
  });

  it('keeps the generator version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(GENERATOR_VERSION).toBe(pkg.version);
  });
});
