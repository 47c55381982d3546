/**
 * The workbook's formulas as LibreOffice computes them: a filled copy (filled with ExcelJS, as a
 * user's spreadsheet would be) is recalculated by `soffice --headless --convert-to xlsx`, read back,
 * and compared with values worked out here and with deadlineState(), the formula's pure twin.
 * All files go through one soffice call.
 */

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DeadlineCategory, Plan } from '../../src/plan/types';
import { deadlineState } from '../../src/tracking/deadline-state';
import { parseCategory, parseStatus } from '../../src/tracking/entries';
import { DEADLINE_STATES, DeadlineState, Status } from '../../src/model/vocabulary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { isoToSerial, serialToIso } from '../../src/model/dates';
import { CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { columnHeader, columnIndex, type TaskColumnId } from '../../src/model/columns';

import { SHEET_NAMES } from '../../src/workbook/names';
import { SUMMARY_WORDS } from '../../src/workbook/sheets/summary';
import { localizeAll } from '../../src/model/msg';

/** The summary sheet's words, and the two column headers it repeats. */
function summaryWords(lang: Lang) {
  return {
    ...localizeAll(SUMMARY_WORDS, lang),
    agency: columnHeader('lead', lang),
    category: columnHeader('category', lang),
  };
}
import type { Lang, RawCell } from '../../src/workbook/types';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { rawCell } from '../helpers/exceljs-cell';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { fixturePlan } from '../workbook/fixture-plan';
import { parsePlan } from '../../src/plan/parse';
import { rowDeadline } from '../../src/tracking/plan-rows';

const SAMPLE = join(__dirname, '../../samples/nq28-nam-dinh.txt');

// 1-based, as ExcelJS counts; from the registry, so a column added anywhere moves them all.
const col = (id: TaskColumnId) => columnIndex(id) + 1;
const COL = {
  lead: col('lead'),
  category: col('category'),
  due: col('due'),
  adjustedDue: col('adjustedDue'),
  status: col('status'),
  completedOn: col('completedOn'),
  state: col('state'),
};
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Fill {
  category?: string;
  due?: string | null;
  adjustedDue?: string | null;
  status?: string;
  completedOn?: string;
}

/** Opens the built file as a user would, types the entries, sets the report date, saves a copy. */
async function fillCopy(bytes: Uint8Array, lang: Lang, fills: Map<number, Fill>, reportDate: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET_NAMES.tasks[lang])!;
  for (const [i, f] of fills) {
    const row = ws.getRow(i + 2);
    if (f.category !== undefined) row.getCell(COL.category).value = f.category;
    if (f.due !== undefined) row.getCell(COL.due).value = f.due ? utc(f.due) : null;
    if (f.adjustedDue) row.getCell(COL.adjustedDue).value = utc(f.adjustedDue);
    if (f.status !== undefined) row.getCell(COL.status).value = f.status;
    if (f.completedOn !== undefined) row.getCell(COL.completedOn).value = utc(f.completedOn);
  }
  wb.getWorksheet(SHEET_NAMES.summary[lang])!.getCell('B3').value = utc(reportDate);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The Tổng hợp cross table as { agency → { header → value } }. */
async function readSummary(bytes: Uint8Array, lang: Lang) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET_NAMES.summary[lang])!;
  const words = summaryWords(lang);
  let headRow = 0;
  ws.eachRow((row, r) => {
    if (!headRow && row.getCell(1).value === words.agency) headRow = r;
  });
  expect(headRow).toBeGreaterThan(0);
  const heads: string[] = [];
  ws.getRow(headRow).eachCell((c, col) => (heads[col] = String(c.value)));
  const table = new Map<string, Record<string, RawCell>>();
  for (let r = headRow + 1; ; r++) {
    const name = ws.getCell(r, 1).value;
    if (typeof name !== 'string') break;
    const values: Record<string, RawCell> = {};
    for (let c = 2; c < heads.length; c++) values[heads[c]] = rawCell(ws.getCell(r, c));
    table.set(name, values);
    if (name === words.grandTotal) break;
  }
  return table;
}

function expectedSummary(
  rows: { lead: string; state: DeadlineState; extended?: boolean }[],
  lang: Lang,
  leads: string[],
) {
  const words = summaryWords(lang);
  const out = new Map<string, Record<string, number | null>>();
  const line = (filter: (r: { lead: string }) => boolean) => {
    const counts: Record<string, number | null> = {};
    for (const s of DEADLINE_STATES)
      counts[STATE_LABELS[s][lang]] = rows.filter((r) => filter(r) && r.state === s).length;
    const n = (s: DeadlineState) => counts[STATE_LABELS[s][lang]] as number;
    const done = n('done_on_time') + n('done_late');
    const due = done + n('overdue') + n('done_undated');
    counts[words.total] = rows.filter(filter).length;
    counts[words.dueCount] = due;
    counts[words.completionRate] = due === 0 ? null : done / due;
    counts[words.extended] = rows.filter((r) => filter(r) && r.extended).length;
    return counts;
  };
  for (const name of leads)
    out.set(
      name,
      line((r) => r.lead === name),
    );
  out.set(
    words.otherAgency,
    line((r) => !leads.includes(r.lead)),
  );
  out.set(
    words.grandTotal,
    line(() => true),
  );
  return out;
}

const haveSoffice = sofficeAvailable();
const maybe = haveSoffice ? describe : describe.skip;

interface CaseFile {
  lang: Lang;
  plan: Plan;
  reportDate: string;
  fills: Map<number, Fill>;
  recalculated?: Uint8Array;
}

/** One case of each deadline state on the fixture plan, with the state worked out by hand. */
function caseFills(lang: Lang): { fills: Map<number, Fill>; expected: DeadlineState[] } {
  const st = localizeAll(STATUS_LABELS, lang);
  const fills = new Map<number, Fill>([
    [0, { status: st.done, completedOn: '2023-12-31' }], // due 31/12/2023, done that day
    [1, { status: st.in_progress }], // ongoing
    [2, { due: '2024-05-31', status: st.done }], // periodic, dated later, done without a completion date
    [3, { status: st.not_started }], // set by a higher level, no date yet
    [4, { due: '2024-06-30', status: `  ${st.in_progress.toLowerCase()} ` }], // date typed in later, passed
    [5, { status: st.done.toUpperCase(), completedOn: '2024-07-10' }], // earliest due 30/06/2024
    [6, { due: '2024-07-01', status: st.in_progress }], // due on the report date: still on time
  ]);
  const expected: DeadlineState[] = [
    'done_on_time',
    'ongoing',
    'done_undated',
    'undated',
    'overdue',
    'done_late',
    'in_progress_on_time',
  ];
  return { fills, expected };
}

/**
 * The sample plan (NQ-28, Nam Định) filled as an office would: its dated tasks (all due
 * 31/12/2023) get one of each outcome, one undated task gets its date later; the rest stay as built.
 */
function sampleFills(plan: Plan): { fills: Map<number, Fill>; expected: DeadlineState[] } {
  const st = localizeAll(STATUS_LABELS, 'vi');
  const rows = plan.tasks.map((t) => rowDeadline(t.deadlines));
  const dated = rows.map((r, i) => (r.due ? i : -1)).filter((i) => i >= 0);
  const undated = rows.map((r, i) => (!r.due && r.category !== 'ongoing' ? i : -1)).filter((i) => i >= 0);
  expect(dated.length).toBeGreaterThanOrEqual(4);
  expect(undated.length).toBeGreaterThanOrEqual(1);
  const fills = new Map<number, Fill>();
  const expected: DeadlineState[] = rows.map((r) =>
    r.category === 'ongoing' || r.category === 'periodic' ? 'ongoing' : 'undated',
  );
  const set = (i: number, fill: Fill, state: DeadlineState) => {
    fills.set(i, fill);
    expected[i] = state;
  };
  // Report date 01/07/2024 is after every due date of the sample (31/12/2023).
  for (const i of dated) expect(rows[i].due! < '2024-07-01').toBe(true);
  set(dated[0], { status: st.done, completedOn: rows[dated[0]].due! }, 'done_on_time');
  set(dated[1], { status: st.done, completedOn: '2024-02-01' }, 'done_late');
  set(dated[2], { status: st.in_progress }, 'overdue');
  set(dated[3], { status: st.done }, 'done_undated'); // no completion date entered
  for (const i of dated.slice(4)) expected[i] = 'overdue'; // blank status: not done
  set(
    undated[0],
    { due: '2024-12-31', category: CATEGORY_LABELS.due.vi, status: st.in_progress },
    'in_progress_on_time',
  );
  return { fills, expected };
}

/** A plan of n tasks for the generated batch; the entries are typed in afterwards. */
function batchPlan(n: number): Plan {
  const base = fixturePlan();
  // Names Excel's COUNTIFS cannot take as criteria (too long, wildcards) take another formula.
  const odd = [
    {
      key: 'dai',
      name: `Ban chỉ đạo ${'thực hiện Nghị quyết số 28-NQ/TW về đổi mới tổ chức bộ máy '.repeat(5)}`,
    },
    { key: 'wild', name: 'Sở * Ban ? ngành ~ khác' },
  ];
  const agencies = [...base.agencies, ...odd];
  const leads = [...agencies.map((a) => a.key), null];
  return {
    ...base,
    agencies,
    tasks: Array.from({ length: n }, (_, i) => ({
      ...base.tasks[0],
      id: `B.${i + 1}`,
      number: String(i + 1),
      text: `Nhiệm vụ ${i + 1}`,
      lead: leads[i % leads.length],
      deadlines: [],
    })),
  };
}

const BATCH_REPORT_DATE = '2024-09-15';
// Dates around the report date come up often, so the boundaries (due = report date,
// completed = due) are exercised, not only far-apart dates.
const dateArb = fc.oneof(
  fc.integer({ min: isoToSerial('2023-01-01'), max: isoToSerial('2025-12-31') }).map(serialToIso),
  fc.constantFrom('2024-09-14', BATCH_REPORT_DATE, '2024-09-16'),
);
const categoryArb = fc.constantFrom<DeadlineCategory>('ongoing', 'due', 'periodic', 'external', 'none');
const statusArb = fc.option(fc.constantFrom<Status>('not_started', 'in_progress', 'done'), { nil: null });
const rowArb = fc.record({
  category: categoryArb,
  categoryLang: fc.constantFrom<Lang>('vi', 'en'),
  due: fc.option(dateArb, { nil: null }),
  status: statusArb,
  statusLang: fc.constantFrom<Lang>('vi', 'en'),
  completedOn: fc.option(dateArb, { nil: null }),
  // Left blank more often than the others, so tasks with no date at all still occur.
  adjustedDue: fc.option(dateArb, { nil: null, freq: 2 }),
});

const EXT_REPORT_DATE = '2024-09-15';
const [before, onDay, after] = ['2024-09-14', EXT_REPORT_DATE, '2024-09-16'];

/**
 * Deadline extensions at the boundaries: the plan's deadline and the adjusted one each before,
 * on or after the report date (or blank), for a dated task and one left to a higher body's
 * schedule, not done or done on the report date.
 */
function extensionGrid() {
  const rows: {
    category: DeadlineCategory;
    due: string | null;
    adjustedDue: string | null;
    status: Status;
    completedOn: string | null;
  }[] = [];
  for (const category of ['due', 'external'] as const)
    for (const due of [before, onDay, after, null])
      for (const adjustedDue of [before, onDay, after, null])
        for (const done of [false, true])
          rows.push({
            category,
            due,
            adjustedDue,
            status: done ? 'done' : 'in_progress',
            completedOn: done ? onDay : null,
          });
  return rows;
}

maybe('formulas recalculated by LibreOffice', () => {
  const cases: Record<string, CaseFile> = {};
  const generated = fc.sample(rowArb, { numRuns: 240, seed: 20261127 });
  const batchReportDate = BATCH_REPORT_DATE;

  beforeAll(async () => {
    const inputs: Record<string, Uint8Array> = {};
    for (const lang of ['vi', 'en'] as const) {
      const plan = fixturePlan();
      const spec = buildWorkbookSpec(plan, { lang, reportDate: '2030-01-01', workbookId: 'lo' });
      const { fills } = caseFills(lang);
      cases[`case-${lang}`] = { lang, plan, reportDate: '2024-07-01', fills };
      const filled = await fillCopy(await writeXlsx(spec), lang, fills, '2024-07-01');
      inputs[`case-${lang}`] = filled;
    }
    {
      const plan = parsePlan(readFileSync(SAMPLE, 'utf8'));
      const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-07-01', workbookId: 'lo-sample' });
      const { fills } = sampleFills(plan);
      cases.sample = { lang: 'vi', plan, reportDate: '2024-07-01', fills };
      inputs.sample = await fillCopy(await writeXlsx(spec), 'vi', fills, '2024-07-01');
    }
    const plan = batchPlan(generated.length);
    const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: batchReportDate, workbookId: 'lo-batch' });
    const fills = new Map<number, Fill>(
      generated.map((g, i) => [
        i,
        {
          category: CATEGORY_LABELS[g.category][g.categoryLang],
          due: g.due,
          adjustedDue: g.adjustedDue,
          ...(g.status ? { status: STATUS_LABELS[g.status][g.statusLang] } : {}),
          ...(g.completedOn ? { completedOn: g.completedOn } : {}),
        },
      ]),
    );
    cases.batch = { lang: 'vi', plan, reportDate: batchReportDate, fills };
    inputs.batch = await fillCopy(await writeXlsx(spec), 'vi', fills, batchReportDate);

    {
      const grid = extensionGrid();
      const plan = batchPlan(grid.length);
      const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: EXT_REPORT_DATE, workbookId: 'lo-ext' });
      const fills = new Map<number, Fill>(
        grid.map((g, i) => [
          i,
          {
            category: CATEGORY_LABELS[g.category].vi,
            due: g.due,
            adjustedDue: g.adjustedDue,
            status: STATUS_LABELS[g.status].vi,
            ...(g.completedOn ? { completedOn: g.completedOn } : {}),
          },
        ]),
      );
      cases.extensions = { lang: 'vi', plan, reportDate: EXT_REPORT_DATE, fills };
      inputs.extensions = await fillCopy(await writeXlsx(spec), 'vi', fills, EXT_REPORT_DATE);
    }

    const outputs = await recalcXlsxBytes(inputs);
    for (const name of Object.keys(cases)) cases[name].recalculated = outputs[name];
  }, 240_000);

  describe.each(['vi', 'en'] as const)('one case of each deadline state (%s)', (lang) => {
    it('computes Tình trạng hạn as worked out by hand and by deadlineState()', async () => {
      const c = cases[`case-${lang}`];
      const back = await readTrackingWorkbook(c.recalculated!);
      expect(back.reportDate).toBe(c.reportDate);
      const { expected } = caseFills(lang);
      expect(new Set(expected)).toEqual(new Set(DEADLINE_STATES));
      const states = back.snapshot.rows.map((r) => r[COL.state - 1]);
      expect(states).toEqual(expected.map((s) => STATE_LABELS[s][lang]));
      back.snapshot.rows.forEach((r, i) => {
        const twin = deadlineState(
          {
            category: parseCategory(r[COL.category - 1]),
            due: typeof r[COL.due - 1] === 'number' ? serialToIso(r[COL.due - 1] as number) : null,
            status: parseStatus(r[COL.status - 1]),
            completedOn:
              typeof r[COL.completedOn - 1] === 'number'
                ? serialToIso(r[COL.completedOn - 1] as number)
                : null,
          },
          c.reportDate,
        );
        expect(twin).toBe(expected[i]);
      });
    });

    it('computes the Tổng hợp cross table, totals and completion rates', async () => {
      const c = cases[`case-${lang}`];
      const { expected } = caseFills(lang);
      const names = new Map(c.plan.agencies.map((a) => [a.key, a.name]));
      const rows = c.plan.tasks.map((t, i) => ({
        lead: t.lead ? names.get(t.lead)! : '',
        state: expected[i],
      }));
      const leads = [...new Set(rows.map((r) => r.lead).filter((x) => x))];
      const got = await readSummary(c.recalculated!, lang);
      const want = expectedSummary(rows, lang, leads);
      expect([...got.keys()]).toEqual([...want.keys()]);
      for (const [name, values] of want) {
        for (const [head, v] of Object.entries(values)) {
          const actual = got.get(name)![head];
          if (typeof v === 'number' && !Number.isInteger(v)) expect(actual).toBeCloseTo(v, 10);
          else expect({ name, head, value: actual }).toEqual({ name, head, value: v });
        }
      }
    });
  });

  it('computes the sample plan workbook: every row and the Tổng hợp figures', async () => {
    const c = cases.sample;
    const { expected } = sampleFills(c.plan);
    expect(new Set(expected)).toEqual(new Set(DEADLINE_STATES));
    const back = await readTrackingWorkbook(c.recalculated!);
    expect(back.snapshot.rows.map((r) => r[COL.state - 1])).toEqual(expected.map((s) => STATE_LABELS[s].vi));
    // A copy saved by LibreOffice keeps the hidden meta and the report date name.
    expect(back.meta?.workbookId).toBe('lo-sample');
    expect(back.meta?.tasks.map((t) => t.id)).toEqual(c.plan.tasks.map((t) => t.id));
    expect(back.reportDate).toBe(c.reportDate);
    const rows = back.snapshot.rows.map((r, i) => ({
      lead: String(r[COL.lead - 1] ?? ''),
      state: expected[i],
    }));
    const leads = [...new Set(rows.map((r) => r.lead).filter((x) => x))];
    const got = await readSummary(c.recalculated!, 'vi');
    const want = expectedSummary(rows, 'vi', leads);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, values] of want) {
      for (const [head, v] of Object.entries(values)) {
        if (typeof v === 'number' && !Number.isInteger(v)) expect(got.get(name)![head]).toBeCloseTo(v, 10);
        else expect({ name, head, value: got.get(name)![head] }).toEqual({ name, head, value: v });
      }
    }
  });

  it('counts the sample tasks by deadline type', async () => {
    const c = cases.sample;
    const back = await readTrackingWorkbook(c.recalculated!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(c.recalculated! as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_NAMES.summary.vi)!;
    const words = summaryWords('vi');
    let head = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === words.category) head = r;
    });
    expect(head).toBeGreaterThan(0);
    const got = new Map<string, RawCell>();
    for (let r = head + 1; typeof ws.getCell(r, 1).value === 'string'; r++) {
      got.set(String(ws.getCell(r, 1).value), rawCell(ws.getCell(r, 2)));
    }
    const written = back.snapshot.rows.map((r) => r[COL.category - 1]);
    const want = new Map<string, number>();
    for (const k of ['ongoing', 'due', 'periodic', 'external', 'none'] as const) {
      want.set(CATEGORY_LABELS[k].vi, written.filter((w) => w === CATEGORY_LABELS[k].vi).length);
    }
    want.set(words.noCategory, 0);
    want.set(words.grandTotal, c.plan.tasks.length);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it('agrees with deadlineState() on every generated row, and the totals add up', async () => {
    const c = cases.batch;
    const back = await readTrackingWorkbook(c.recalculated!);
    expect(back.snapshot.rows).toHaveLength(generated.length);
    const states: DeadlineState[] = generated.map((g) =>
      deadlineState(
        {
          category: g.category,
          due: g.due,
          adjustedDue: g.adjustedDue,
          status: g.status,
          completedOn: g.completedOn,
        },
        c.reportDate,
      ),
    );
    const byLabel = new Map(DEADLINE_STATES.map((s) => [STATE_LABELS[s].vi, s]));
    const got = back.snapshot.rows.map((r) => byLabel.get(String(r[COL.state - 1])) ?? r[COL.state - 1]);
    expect(got).toEqual(states);
    // Every state occurs, so the comparison exercised every branch of the formula.
    expect(new Set(states)).toEqual(new Set(DEADLINE_STATES));

    const names = new Map(c.plan.agencies.map((a) => [a.key, a.name]));
    const rows = c.plan.tasks.map((t, i) => ({
      lead: t.lead ? names.get(t.lead)! : '',
      state: states[i],
      extended: generated[i].adjustedDue !== null,
    }));
    const leads = [...new Set(rows.map((r) => r.lead).filter((x) => x))];
    const summary = await readSummary(c.recalculated!, 'vi');
    const want = expectedSummary(rows, 'vi', leads);
    for (const [name, values] of want) {
      for (const [head, v] of Object.entries(values)) {
        if (typeof v === 'number' && !Number.isInteger(v))
          expect(summary.get(name)![head]).toBeCloseTo(v, 10);
        else expect(summary.get(name)![head]).toBe(v);
      }
    }
  });

  it('judges against the adjusted deadline on both sides of the report date, as deadlineState()', async () => {
    const c = cases.extensions;
    const grid = extensionGrid();
    const back = await readTrackingWorkbook(c.recalculated!);
    const byLabel = new Map(DEADLINE_STATES.map((s) => [STATE_LABELS[s].vi, s]));
    const got = back.snapshot.rows
      .slice(0, grid.length)
      .map((r) => byLabel.get(String(r[COL.state - 1])) ?? r[COL.state - 1]);
    expect(got).toEqual(grid.map((g) => deadlineState(g, c.reportDate)));
    // The cases worked out by hand: the adjusted deadline wins whichever side the plan's lies.
    const at = (category: DeadlineCategory, due: string | null, adj: string | null, done: boolean) =>
      got[
        grid.findIndex(
          (g) =>
            g.category === category &&
            g.due === due &&
            g.adjustedDue === adj &&
            (g.status === 'done') === done,
        )
      ];
    expect(at('due', before, after, false)).toBe('in_progress_on_time'); // extended past the report date
    expect(at('due', after, before, false)).toBe('overdue'); // brought forward and missed
    expect(at('due', before, onDay, false)).toBe('in_progress_on_time'); // the adjusted day itself
    expect(at('due', before, null, false)).toBe('overdue');
    expect(at('due', after, before, true)).toBe('done_late'); // done on the report date
    expect(at('due', before, onDay, true)).toBe('done_on_time');
    expect(at('external', null, null, false)).toBe('undated');
    expect(at('external', null, before, false)).toBe('overdue'); // the schedule became known: dated
    expect(at('external', null, after, true)).toBe('done_on_time');

    // Tổng hợp counts the extended tasks beside the states.
    const names = new Map(c.plan.agencies.map((a) => [a.key, a.name]));
    const rows = c.plan.tasks.map((t, i) => ({
      lead: t.lead ? names.get(t.lead)! : '',
      state: got[i] as DeadlineState,
      extended: grid[i].adjustedDue !== null,
    }));
    const leads = [...new Set(rows.map((r) => r.lead).filter((x) => x))];
    const summary = await readSummary(c.recalculated!, 'vi');
    const want = expectedSummary(rows, 'vi', leads);
    expect(want.get(summaryWords('vi').grandTotal)![summaryWords('vi').extended]).toBe(48);
    for (const [name, values] of want) {
      for (const [head, v] of Object.entries(values)) {
        if (typeof v === 'number' && !Number.isInteger(v))
          expect(summary.get(name)![head]).toBeCloseTo(v, 10);
        else expect({ name, head, value: summary.get(name)![head] }).toEqual({ name, head, value: v });
      }
    }
  });
});

if (!haveSoffice) {
  test.skip('LibreOffice (soffice) is not installed: formula tests skipped', () => undefined);
}
