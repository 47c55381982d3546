import ExcelJS from 'exceljs';
import { readEntries } from '../../src/tracking/entries';
import { writeXlsx } from '../../src/xlsx/write';
import { summarize } from '../../src/tracking/summary';
import { buildSummarySheet } from '../../src/workbook/sheets/period-summary';
import { parsePeriod } from '../../src/tracking/periods';
import { DEADLINE_STATES, DeadlineState } from '../../src/model/vocabulary';
import { isoToSerial, addDays } from '../../src/model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import type { RawCell, TableSnapshot } from '../../src/workbook/types';

// A small deterministic generator: each row is made FROM the state it should end up in, so the
// expected figures are the tally of the chosen states, not a re-run of the rules under test.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REPORT = '2024-06-20';
const PERIOD = { start: '2024-03-15', end: '2024-06-14', label: { vi: 'Quý II-2024', en: 'Q2 2024' } };
const AGENCIES = [
  ['Ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh uỷ'], // both tone-mark styles: one agency
  ['Sở Nội vụ'],
  ['Ủy ban nhân dân tỉnh', 'Uỷ ban nhân dân tỉnh'],
  [''],
];

interface Made {
  agency: number;
  state: DeadlineState;
  due: string | null;
  completedOn: string | null;
  section: string;
}

function makeRows(n: number, seed: number, lang: 'vi' | 'en' = 'vi') {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const day = (from: string, span: number) => addDays(from, Math.floor(rand() * span));
  const made: Made[] = [];
  const rows: RawCell[][] = [];
  for (let i = 0; i < n; i++) {
    const agency = Math.floor(rand() * AGENCIES.length);
    const state = pick(DEADLINE_STATES);
    let due: string | null = null;
    let completedOn: string | null = null;
    let status: 'done' | 'in_progress' | 'not_started' | null = null;
    let category: 'due' | 'ongoing' | 'none' | 'periodic' = 'due';
    switch (state) {
      case 'done_on_time':
        due = day('2024-01-01', 300);
        completedOn = addDays(due, -Math.floor(rand() * 60));
        status = 'done';
        break;
      case 'done_late':
        due = day('2024-01-01', 160);
        completedOn = addDays(due, 1 + Math.floor(rand() * 40));
        status = 'done';
        break;
      case 'done_undated':
        due = day('2024-01-01', 300);
        status = 'done';
        break;
      case 'in_progress_on_time':
        due = day(REPORT, 200); // the due day itself is still on time
        status = pick(['in_progress', 'not_started', null] as const);
        break;
      case 'overdue':
        due = day('2023-12-01', 200);
        status = pick(['in_progress', 'not_started', null] as const);
        break;
      case 'ongoing':
        category = 'ongoing';
        status = pick(['in_progress', 'done', null] as const);
        break;
      case 'undated':
        category = pick(['none', 'due'] as const);
        status = pick(['in_progress', null] as const);
        break;
    }
    const section = pick(['III', 'IV', 'V']);
    made.push({ agency, state, due, completedOn, section });
    const names = AGENCIES[agency];
    const cells: Record<string, RawCell> = {
      taskId: `${section}.${i + 1}`,
      section,
      group: `Nhóm ${section}`,
      lead: pick(names),
      partners: '',
      text: `Nhiệm vụ ${i + 1}`,
      category: CATEGORY_LABELS[category][lang],
      due: due ? isoToSerial(due) : null,
      status: status ? STATUS_LABELS[status][lang] : null,
      completedOn: completedOn ? isoToSerial(completedOn) : null,
      progress: null,
      result: null,
      note: null,
      updatedOn: null,
      state: null,
    };
    rows.push(TASK_COLUMN_IDS.map((id) => cells[id]));
  }
  const snapshot: TableSnapshot = {
    sheet: 'Nhiệm vụ',
    headerRow: 4,
    firstCol: 0,
    headers: TASK_COLUMN_IDS.map((id) => columnHeader(id, lang)),
    rows,
  };
  return { made, snapshot };
}

function tally(made: Made[]) {
  const counts = Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
  for (const m of made) counts[m.state] += 1;
  return counts;
}

describe('summarize', () => {
  it.each([
    ['vi', 1],
    ['en', 2],
    ['vi', 3],
  ] as const)('counts states by agency, category and part (%s, seed %d)', (lang, seed) => {
    const { made, snapshot } = makeRows(400, seed, lang);
    const { entries } = readEntries(snapshot);
    const s = summarize(entries, { reportDate: REPORT });
    expect(s.total.counts).toEqual(tally(made));
    expect(s.total.total).toBe(made.length);
    const t = tally(made);
    expect(s.total.completionRate).toBeCloseTo(
      (t.done_on_time + t.done_late) / (t.done_on_time + t.done_late + t.overdue + t.done_undated),
      12,
    );
    // Agencies: one row per real agency, whatever the tone-mark style.
    expect(s.byAgency).toHaveLength(AGENCIES.length);
    expect(s.byAgency[s.byAgency.length - 1].key).toBe(''); // tasks with no lead come last
    AGENCIES.forEach((names, a) => {
      const row = s.byAgency.find((r) => names.includes(r.label));
      expect(row).toBeDefined();
      expect(row?.counts).toEqual(tally(made.filter((m) => m.agency === a)));
    });
    for (const section of ['III', 'IV', 'V']) {
      expect(s.bySection.find((r) => r.key === section)?.counts).toEqual(
        tally(made.filter((m) => m.section === section)),
      );
    }
    const ongoing = s.byCategory.find((r) => r.key === 'ongoing');
    expect(ongoing?.total).toBe(made.filter((m) => m.state === 'ongoing').length);
    expect(ongoing?.completionRate).toBeNull();
  });

  it('reports what was completed and what fell overdue in the period', () => {
    const { made, snapshot } = makeRows(500, 7);
    const { entries } = readEntries(snapshot);
    const s = summarize(entries, { reportDate: REPORT, period: PERIOD });
    const within = (d: string | null) => d !== null && d >= PERIOD.start && d <= PERIOD.end;
    const completed = made.filter(
      (m) => (m.state === 'done_on_time' || m.state === 'done_late') && within(m.completedOn),
    );
    const fell = made.filter(
      (m) =>
        (m.state === 'overdue' || m.state === 'done_late') && within(m.due) && (m.due as string) < REPORT,
    );
    expect(completed.length).toBeGreaterThan(10);
    expect(fell.length).toBeGreaterThan(10);
    expect(s.period?.completed).toHaveLength(completed.length);
    expect(s.period?.fellOverdue).toHaveLength(fell.length);
    const sumAgencies = s.period?.byAgency.reduce((n, a) => n + a.fellOverdue, 0);
    expect(sumAgencies).toBe(fell.length);
  });

  it('has no completion rate when no deadline has passed', () => {
    const { snapshot } = makeRows(50, 11);
    const { entries } = readEntries(snapshot);
    const s = summarize(
      entries.filter((e) => e.category === 'ongoing'),
      { reportDate: REPORT },
    );
    expect(s.total.completionRate).toBeNull();
    expect(summarize([], { reportDate: REPORT }).total.total).toBe(0);
  });
});

describe('buildSummarySheet', () => {
  it('names the sheet after the period and writes values, not formulas', () => {
    const { made, snapshot } = makeRows(120, 5);
    const { entries } = readEntries(snapshot);
    const s = summarize(entries, { reportDate: REPORT, period: PERIOD });
    const q2 = parsePeriod('2024-Q2');
    const vi = buildSummarySheet(s, { lang: 'vi', label: q2.label.vi });
    expect(vi.sheet.name).toBe('Tổng hợp Quý II-2024');
    const en = buildSummarySheet(s, { lang: 'en', label: q2.label.en });
    expect(en.sheet.name).toBe('Summary Q2 2024');
    expect(vi.sheet.cells.some((c) => c.value?.t === 'formula')).toBe(false);
    // The "all" row's total equals the number of generated rows.
    const allRow = vi.sheet.cells.find((c) => c.value?.t === 'text' && c.value.v === 'Tổng cộng');
    const totalCell = vi.sheet.cells.find(
      (c) => c.row === allRow?.row && c.col === 1 + DEADLINE_STATES.length,
    );
    expect(totalCell?.value).toEqual({ t: 'number', v: made.length });
    // The chart reads one row per agency.
    const m = /^A(\d+):A(\d+)$/.exec(vi.chart.categories);
    expect(m && Number(m[2]) - Number(m[1]) + 1).toBe(s.byAgency.length);
  });

  it('is drawn by the .xlsx writer', async () => {
    const { snapshot } = makeRows(60, 9);
    const s = summarize(readEntries(snapshot).entries, { reportDate: REPORT, period: PERIOD });
    const { sheet } = buildSummarySheet(s, { lang: 'vi', label: PERIOD.label.vi });
    const meta = {
      generator: 'plan-tracker',
      generatorVersion: '0',
      schemaVersion: 1,
      lang: 'vi' as const,
      builtAt: '2024-06-20T00:00:00Z',
      planTitle: 'x',
      planNumber: null,
      planIssuedOn: null,
      sourceFingerprint: '',
      workbookId: 'w',
      agencyKey: null,
      tasks: [],
    };
    const bytes = await writeXlsx({ lang: 'vi', sheets: [sheet], names: [], meta });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp Quý II-2024');
    expect(String(ws?.getCell('A1').value)).toContain('Quý II-2024');
  });

  it('keeps sheet names within Excel rules', () => {
    const s = summarize([], { reportDate: REPORT });
    const sheet = buildSummarySheet(s, {
      lang: 'vi',
      label: 'a/b:c*d?[e] very long label exceeding limits',
    }).sheet;
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
  });
});
