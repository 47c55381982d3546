import { checkTracking, RULES, rowErrorChecker, TABLE_RULES } from '../../../src/tracking/check';
import { isoToSerial } from '../../../src/model/dates';
import { columnHeader, TASK_COLUMN_IDS, TaskColumnId } from '../../../src/model/columns';
import {
  correctEntry,
  Entry,
  letterOf,
  metaFor,
  PLAN_ISSUED_ON,
  REPORT_DATE,
  SAMPLE_TASKS,
  serial,
  snapshotOf,
} from './fixture';

const byId = new Map(SAMPLE_TASKS.map((t) => [t.id, t]));
const task = (id: string) => {
  const found = byId.get(id);
  if (!found) throw new Error(id);
  return found;
};

function correctEntries(): Entry[] {
  return SAMPLE_TASKS.map((t) => correctEntry(t));
}

describe('a correctly filled table', () => {
  test('yields no finding', () => {
    const findings = checkTracking({
      snapshot: snapshotOf(correctEntries()),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
    expect(findings).toEqual([]);
  });

  test('in English yields none either', () => {
    const findings = checkTracking({
      snapshot: snapshotOf(
        SAMPLE_TASKS.map((t) => correctEntry(t, 'en')),
        'en',
      ),
      meta: metaFor(SAMPLE_TASKS, 'en'),
      reportDate: REPORT_DATE,
    });
    expect(findings).toEqual([]);
  });

  test('without the build record only says so', () => {
    const findings = checkTracking({
      snapshot: snapshotOf(correctEntries()),
      meta: null,
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['structure.meta_missing', 'A1']]);
  });
});

/** One case of every row and id rule, planted in the sample's table as staff would get it wrong. */
function plantedTable() {
  const planted: Record<string, Entry> = {
    // 11/05/2024 typed in an English-locale Excel becomes 5 November, months after the report date.
    'IV.1.1': { status: 'Đã hoàn thành', completedOn: serial('2024-11-05'), progress: 100 },
    // The result says 03/04/2024; the date cell holds 4 March.
    'IV.1.2': {
      status: 'Đã hoàn thành',
      completedOn: serial('2024-03-04'),
      progress: 100,
      result: 'Đã ban hành nghị quyết ngày 03/04/2024',
    },
    'IV.1.3': { status: 'Đã hoàn thành', completedOn: serial('2024-02-20'), progress: 80 },
    'IV.1.4': { category: null },
    'IV.2.1': { status: 'Tạm dừng' },
    'IV.2.2': { status: 'Đang TH' },
    'IV.3.1': { progress: 150 },
    'IV.3.2': { progress: '50%' },
    'IV.3.3': { progress: 100 },
    'IV.3.5': { completedOn: null },
    'IV.3.6': { completedOn: serial('2024-05-02') },
    'IV.3.7': { status: 'Đã hoàn thành', completedOn: serial('2024-06-20'), progress: 100 },
    'IV.4.1': { category: 'Khẩn' },
    'IV.4.2': { category: 'thuong xuyen' },
    'IV.4.3': { updatedOn: serial('2024-02-01') },
    'IV.5.1': { updatedOn: 'tuần trước' },
    'IV.5.2': { taskId: 'IV.5.2a' },
    'IV.5.3': { completedOn: '15/3/2023' },
    'IV.6.1': { due: null, status: 'Chưa thực hiện', progress: null, updatedOn: null },
    'IV.8.1': { status: 'Đang thực hiện', completedOn: null, progress: 40, updatedOn: serial('2024-05-10') },
    'IV.9.1': { completedOn: serial('2022-12-28') },
    'IV.9.2': { category: 'Có thời hạn' },
    // Deadline extensions (issue 17): a date moved without its basis, one moved earlier than the
    // plan's deadline, one set before the plan was issued.
    'IV.3.4': { adjustedDue: serial('2024-12-31') },
    'IV.7.2': { adjustedDue: serial('2024-08-31'), adjustmentBasis: 'Công văn số 123/VP-TH ngày 05/3/2024' },
    'IV.8.2': { adjustedDue: serial('2022-06-30'), adjustmentBasis: 'Công văn 7/UBND' },
  };
  const entries: Entry[] = [];
  for (const t of SAMPLE_TASKS) {
    if (t.id === 'IV.7.1') continue; // deleted
    entries.push({ ...correctEntry(t), ...(planted[t.id] ?? {}) });
    if (t.id === 'IV.6.2') entries.push(correctEntry(t)); // copied row
  }
  entries.push({
    lead: 'Sở Nội vụ',
    text: 'Nhiệm vụ bổ sung',
    category: 'Chưa xác định',
    status: 'Chưa thực hiện',
  });
  entries.push({ ...correctEntry(task('V.3')), taskId: 'IV.10.1', lead: 'Sở Nội vụ' });
  return entries;
}

describe('a table planted with one case of every rule', () => {
  const entries = plantedTable();
  const findings = checkTracking({
    snapshot: snapshotOf(entries),
    meta: metaFor(SAMPLE_TASKS),
    reportDate: REPORT_DATE,
  });
  // Sheet row of an entry: header on row 1, data from row 2.
  const rowOf = (taskId: string, nth = 0) =>
    entries.filter((e) => e.taskId === taskId).map((e) => entries.indexOf(e))[nth] + 2;
  const cell = (taskId: string, col: TaskColumnId, nth = 0) => `${letterOf(col)}${rowOf(taskId, nth)}`;

  test('yields exactly those findings, at the right cells', () => {
    const noIdRow = entries.findIndex((e) => !e.taskId) + 2;
    const expected = [
      ['date.swapped', cell('IV.1.1', 'completedOn')],
      ['date.swapped', cell('IV.1.2', 'completedOn')],
      ['progress.done_below_full', cell('IV.1.3', 'progress')],
      ['category.missing', cell('IV.1.4', 'category')],
      ['status.unknown', cell('IV.2.1', 'status')],
      ['status.near_miss', cell('IV.2.2', 'status')],
      ['progress.range', cell('IV.3.1', 'progress')],
      ['progress.not_number', cell('IV.3.2', 'progress')],
      ['progress.full_not_done', cell('IV.3.3', 'progress')],
      ['done.no_date', cell('IV.3.5', 'completedOn')],
      ['date.completed_not_done', cell('IV.3.6', 'status')],
      ['date.future', cell('IV.3.7', 'completedOn')],
      ['category.unknown', cell('IV.4.1', 'category')],
      ['category.near_miss', cell('IV.4.2', 'category')],
      ['task.no_update', cell('IV.4.3', 'updatedOn')],
      ['date.invalid', cell('IV.5.1', 'updatedOn')],
      ['structure.id_changed', cell('IV.5.2a', 'taskId')],
      ['date.as_text', cell('IV.5.3', 'completedOn')],
      ['due.external_still_undated', cell('IV.6.1', 'due')],
      ['structure.id_duplicate', cell('IV.6.2', 'taskId', 1)],
      ['structure.id_deleted', cell('IV.6.2', 'taskId', 0)],
      ['task.overdue', cell('IV.8.1', 'status')],
      ['date.before_plan', cell('IV.9.1', 'completedOn')],
      ['due.missing_dated', cell('IV.9.2', 'due')],
      ['structure.row_without_id', `A${noIdRow}`],
      ['structure.id_unknown', cell('IV.10.1', 'taskId')],
      ['adjustment.no_basis', cell('IV.3.4', 'adjustedDue')],
      ['adjustment.earlier', cell('IV.7.2', 'adjustedDue')],
      ['adjustment.before_plan', cell('IV.8.2', 'adjustedDue')],
    ];
    const key = (pair: string[]) => pair.join(' @ ');
    expect(findings.map((f) => key([f.code, f.cell])).sort()).toEqual(expected.map(key).sort());
  });

  test('every row rule and id rule is planted', () => {
    const planted = new Set(findings.map((f) => f.code));
    // text.too_long needs a 32,768-character cell: test/tracking/over-long.test.ts plants it;
    // adjustment.many needs a history of merges: test/xlsx/extended-many.test.ts makes one.
    const columnRules = [
      'structure.column_missing',
      'structure.column_renamed',
      'structure.meta_missing',
      'text.too_long',
      'adjustment.many',
    ];
    const notPlanted = RULES.map((r) => r.code).filter((c) => !planted.has(c) && !columnRules.includes(c));
    expect(notPlanted).toEqual([]);
  });

  test('findings come sorted by row, then column', () => {
    const col = (f: (typeof findings)[number]) => f.cell.replace(/\d+$/, '');
    const order = findings.map((f) => [f.row, col(f)] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(order).toEqual(sorted);
    expect(findings.every((f) => f.cell.endsWith(String(f.row)))).toBe(true);
  });

  test('findings carry the task, the agency as shown and both languages', () => {
    const f = findings.find((x) => x.code === 'done.no_date');
    expect(f).toMatchObject({
      sheet: 'Nhiệm vụ',
      taskId: 'IV.3.5',
      agency: 'Ban Tổ chức Tỉnh ủy',
      severity: 'error',
      column: 'completedOn',
    });
    for (const x of findings) {
      expect(x.message.vi.length).toBeGreaterThan(10);
      expect(x.message.en.length).toBeGreaterThan(10);
      expect(x.message.vi).not.toEqual(x.message.en);
    }
    const deleted = findings.find((x) => x.code === 'structure.id_deleted');
    expect(deleted).toMatchObject({ taskId: 'IV.7.1', agency: null });
  });

  test('suggestions: the intended value, the swapped or typed date, the original id', () => {
    const s = (code: string, taskId: string) =>
      findings.find((f) => f.code === code && f.taskId === taskId)?.suggestion?.value;
    expect(s('status.near_miss', 'IV.2.2')).toBe('Đang thực hiện');
    expect(s('category.near_miss', 'IV.4.2')).toBe('Thường xuyên');
    expect(s('date.swapped', 'IV.1.1')).toBe(isoToSerial('2024-05-11'));
    expect(s('date.swapped', 'IV.1.2')).toBe(isoToSerial('2024-04-03'));
    expect(s('date.as_text', 'IV.5.3')).toBe(isoToSerial('2023-03-15'));
    expect(s('structure.id_changed', 'IV.5.2a')).toBe('IV.5.2');
    expect(s('progress.not_number', 'IV.3.2')).toBe(50);
    expect(s('progress.done_below_full', 'IV.1.3')).toBe(100);
    expect(s('date.completed_not_done', 'IV.3.6')).toBe('Đã hoàn thành');
    expect(s('status.unknown', 'IV.2.1')).toBeUndefined();
    expect(s('date.future', 'IV.3.7')).toBeUndefined();
  });

  test('an exit-worthy severity per rule', () => {
    const sev = (code: string) => findings.find((f) => f.code === code)?.severity;
    expect(sev('status.unknown')).toBe('error');
    expect(sev('done.no_date')).toBe('error');
    expect(sev('task.overdue')).toBe('warning');
    expect(sev('task.no_update')).toBe('info');
  });

  test('rowErrorChecker (a merge, row by row): each row its row rules’ errors, in the same order', () => {
    const input = { snapshot: snapshotOf(entries), meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE };
    const tableCodes = new Set(TABLE_RULES.flatMap((r) => r.rules.map((i) => i.code)));
    const errors = checkTracking(input).filter((f) => f.severity === 'error' && !tableCodes.has(f.code));
    const check = rowErrorChecker(input);
    // Asked out of order and twice, as a merge may.
    const indices = entries.map((_e, i) => i).reverse();
    const byRow = new Map(indices.map((i) => [i, check(i)]));
    expect(check(0)).toEqual(byRow.get(0));
    const got = [...byRow.keys()].sort((a, b) => a - b).flatMap((i) => byRow.get(i) ?? []);
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(errors);
  });
});

describe('column changes', () => {
  test('a renamed and a removed required column are reported on the header row, nothing repaired', () => {
    const ids = TASK_COLUMN_IDS.filter((id) => id !== 'progress');
    const snapshot = snapshotOf(correctEntries(), 'vi', ids);
    const statusAt = ids.indexOf('status');
    snapshot.headers[statusAt] = 'Trạng thái (chọn)';
    const findings = checkTracking({ snapshot, meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE });
    expect(findings.map((f) => [f.code, f.cell, f.column])).toEqual([
      ['structure.column_missing', 'A1', 'progress'],
      ['structure.column_renamed', `${letterOf('status', ids)}1`, 'status'],
    ]);
    expect(findings[1].suggestion?.value).toBe(columnHeader('status', 'vi'));
  });

  test('an unrecognisable header where a required column stood counts as that column renamed', () => {
    const snapshot = snapshotOf(correctEntries());
    snapshot.headers[TASK_COLUMN_IDS.indexOf('updatedOn')] = 'Ngày báo cáo gần nhất';
    const findings = checkTracking({ snapshot, meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['structure.column_renamed', `${letterOf('updatedOn')}1`],
    ]);
  });

  test('an added column is not a finding', () => {
    const ids = [...TASK_COLUMN_IDS];
    const snapshot = snapshotOf(correctEntries(), 'vi', ids);
    snapshot.headers.push('Người theo dõi');
    snapshot.rows.forEach((r) => r.push('Nguyễn Văn A'));
    expect(checkTracking({ snapshot, meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE })).toEqual([]);
  });
});

describe('near misses in the status column', () => {
  const NFD = 'Đã hoàn thành'.normalize('NFD');
  const cases: [string, string, string][] = [
    ['hoàn thành', 'Đã hoàn thành', 'partial'],
    ['Da hoan thanh', 'Đã hoàn thành', 'no_diacritics'],
    ['Đang TH', 'Đang thực hiện', 'abbreviation'],
    ['Đã hoàn thành ', 'Đã hoàn thành', 'spacing'],
    [' Chưa  thực hiện', 'Chưa thực hiện', 'spacing'],
    [NFD, 'Đã hoàn thành', 'unicode'],
    ['Đã hòan thành', 'Đã hoàn thành', 'tone_style'],
    ['Done', 'Đã hoàn thành', 'other_language'],
    ['In progress', 'Đang thực hiện', 'other_language'],
    ['đã hoàn thành', 'Đã hoàn thành', 'case'],
    ['Đã xong', 'Đã hoàn thành', 'synonym'],
  ];
  // Each typed word goes into a task whose correct status is the intended one.
  const rowFor: Record<string, string> = {
    'Đã hoàn thành': 'IV.3.5',
    'Đang thực hiện': 'IV.3.1',
    'Chưa thực hiện': 'IV.1.1',
  };
  test.each(cases)('%j → %j', (typed, intended) => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === rowFor[intended]);
    expect(entries[i].status).toBe(intended);
    entries[i] = { ...entries[i], status: typed };
    const findings = checkTracking({
      snapshot: snapshotOf(entries),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.cell, f.suggestion?.value])).toEqual([
      ['status.near_miss', `${letterOf('status')}${i + 2}`, intended],
    ]);
  });

  test.each(['Chưa hoàn thành', 'thực hiện', 'x', '???'])('%j is not guessed', (typed) => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.1.1');
    entries[i] = { ...entries[i], status: typed };
    const findings = checkTracking({
      snapshot: snapshotOf(entries),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.suggestion])).toEqual([['status.unknown', undefined]]);
  });

  test('a Vietnamese word in an English workbook is suggested in English', () => {
    const entries = SAMPLE_TASKS.map((t) => correctEntry(t, 'en'));
    const i = entries.findIndex((e) => e.taskId === 'IV.3.5');
    entries[i] = { ...entries[i], status: 'Đã hoàn thành' };
    const findings = checkTracking({
      snapshot: snapshotOf(entries, 'en'),
      meta: metaFor(SAMPLE_TASKS, 'en'),
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.suggestion?.value])).toEqual([['status.near_miss', 'Done']]);
  });
});

describe('dates', () => {
  function withCompleted(value: Entry['completedOn'], extra: Entry = {}) {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.3.5');
    entries[i] = { ...entries[i], completedOn: value, ...extra };
    return checkTracking({
      snapshot: snapshotOf(entries),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
  }

  test('text dates in the other forms staff type are read day-first', () => {
    for (const [typed, iso] of [
      ['20/11/2023', '2023-11-20'],
      ['20-11-2023', '2023-11-20'],
      ['20.11.2023', '2023-11-20'],
      ['2023-11-20', '2023-11-20'],
      ['5/3/2023', '2023-03-05'],
    ]) {
      expect(withCompleted(typed).map((f) => [f.code, f.suggestion?.value])).toEqual([
        ['date.as_text', isoToSerial(iso)],
      ]);
    }
  });

  test('a text date impossible day-first is read month-first, and says so', () => {
    const [f] = withCompleted('11/20/2023');
    expect([f.code, f.suggestion?.value]).toEqual(['date.as_text', isoToSerial('2023-11-20')]);
    expect(f.message.vi).toContain('tháng/ngày');
  });

  test('a completion date shortly after the report date is "future", not "swapped"', () => {
    // 06/07/2024: 26 days after the report date; swapped it would be 07/06, but work finished
    // after a cut-off is the likelier story.
    expect(withCompleted(serial('2024-07-06')).map((f) => f.code)).toEqual(['date.future']);
  });

  test('a day above 12 cannot be swapped', () => {
    expect(withCompleted(serial('2024-12-25')).map((f) => f.code)).toEqual(['date.future']);
  });

  test('a plausible date is left alone even when its swap is plausible too', () => {
    expect(withCompleted(serial('2023-05-03'))).toEqual([]);
  });

  test('before the plan, swapped into the plan: swapped', () => {
    // Plan issued 10/01/2023; 2023-01-06 swapped is 2023-06-01.
    expect(PLAN_ISSUED_ON).toBe('2023-01-10');
    expect(withCompleted(serial('2023-01-06')).map((f) => [f.code, f.suggestion?.value])).toEqual([
      ['date.swapped', isoToSerial('2023-06-01')],
    ]);
  });

  test('a number far outside any plan date in a date column is invalid, and so is a typo year', () => {
    expect(withCompleted(2024).map((f) => f.code)).toEqual(['date.invalid']);
    expect(withCompleted('15/3/1023').map((f) => [f.code, f.suggestion])).toEqual([
      ['date.invalid', undefined],
    ]);
    expect(withCompleted(true).map((f) => f.code)).toEqual(['date.invalid']);
  });

  test('a date typed as text in the deadline column', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.7.2');
    entries[i] = { ...entries[i], due: '30/9/2024' };
    const findings = checkTracking({
      snapshot: snapshotOf(entries),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['date.as_text', `${letterOf('due')}${i + 2}`]]);
  });
});

describe('deadlines and updates', () => {
  test('external tasks may stay undated through the plan’s first year', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.7.2');
    entries[i] = { ...entries[i], due: null, status: 'Chưa thực hiện', updatedOn: null, progress: null };
    const run = (reportDate: string) =>
      checkTracking({ snapshot: snapshotOf(entries), meta: metaFor(SAMPLE_TASKS), reportDate }).filter(
        (f) => f.code === 'due.external_still_undated',
      ).length;
    expect(run('2023-12-31')).toBe(0);
    expect(run('2024-01-01')).toBe(1);
  });

  test('the update must fall in the current quarter, 15th-to-14th by default, or calendar', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.3.1');
    // Report date 10/06/2024: quarter II runs 15/03–14/06 (cutoff14) or 01/04–30/06 (calendar).
    entries[i] = { ...entries[i], updatedOn: serial('2024-03-20') };
    const codes = (convention?: 'calendar' | 'cutoff14') =>
      checkTracking({
        snapshot: snapshotOf(entries),
        meta: metaFor(SAMPLE_TASKS),
        reportDate: REPORT_DATE,
        convention,
      }).map((f) => f.code);
    expect(codes()).toEqual([]);
    expect(codes('calendar')).toEqual(['task.no_update']);
  });

  test('overdue is judged like the sheet formula: the due day itself is still on time', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.8.1');
    entries[i] = { ...entries[i], status: null, completedOn: null, progress: null, updatedOn: null };
    const run = (reportDate: string) =>
      checkTracking({ snapshot: snapshotOf(entries), meta: metaFor(SAMPLE_TASKS), reportDate }).map(
        (f) => f.code,
      );
    expect(run('2023-12-31')).toEqual([]);
    expect(run('2024-01-01')).toEqual(['task.overdue']);
  });
});

describe('ids and rows', () => {
  const meta = metaFor(SAMPLE_TASKS);
  const run = (entries: Entry[]) =>
    checkTracking({ snapshot: snapshotOf(entries), meta, reportDate: REPORT_DATE });

  test('rows sorted differently by staff are no structure change', () => {
    expect(run(correctEntries().reverse())).toEqual([]);
  });

  test('two neighbouring edited ids are each matched to the id they replaced', () => {
    const entries = correctEntries();
    const a = entries.findIndex((e) => e.taskId === 'IV.3.1');
    entries[a] = { ...entries[a], taskId: 'IV.3.1x' };
    entries[a + 1] = { ...entries[a + 1], taskId: 'IV.3.2x' };
    expect(run(entries).map((f) => [f.code, f.taskId, f.suggestion?.value])).toEqual([
      ['structure.id_changed', 'IV.3.1x', 'IV.3.1'],
      ['structure.id_changed', 'IV.3.2x', 'IV.3.2'],
    ]);
  });

  test('the first task deleted is reported on the header row', () => {
    const findings = run(correctEntries().slice(1));
    expect(findings.map((f) => [f.code, f.cell, f.taskId])).toEqual([
      ['structure.id_deleted', 'A1', 'IV.1.1'],
    ]);
  });

  test('a row holding only the computed state (a table row Excel added) is blank', () => {
    const entries = [...correctEntries(), { state: 'Chưa có thời hạn' }];
    expect(run(entries)).toEqual([]);
  });

  test('without the build record, duplicates are still found', () => {
    const entries = correctEntries();
    entries.push(correctEntry(task('IV.3.5')));
    const findings = checkTracking({ snapshot: snapshotOf(entries), meta: null, reportDate: REPORT_DATE });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['structure.meta_missing', 'A1'],
      ['structure.id_duplicate', `A${entries.length + 1}`],
    ]);
  });
});

describe('swap evidence from the row’s own words', () => {
  test('a note that writes the entered date as well is no evidence', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.3.5');
    entries[i] = {
      ...entries[i],
      completedOn: serial('2023-11-05'),
      note: 'Báo cáo 11/5/2023; hoàn thành 05/11/2023',
    };
    expect(
      checkTracking({ snapshot: snapshotOf(entries), meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE }),
    ).toEqual([]);
  });

  test('a note that writes only the swapped reading is', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.3.5');
    entries[i] = { ...entries[i], completedOn: serial('2023-11-05'), note: 'Hoàn thành ngày 11/5/2023' };
    const findings = checkTracking({
      snapshot: snapshotOf(entries),
      meta: metaFor(SAMPLE_TASKS),
      reportDate: REPORT_DATE,
    });
    expect(findings.map((f) => [f.code, f.suggestion?.value])).toEqual([
      ['date.swapped', isoToSerial('2023-05-11')],
    ]);
  });
});

describe('update period option', () => {
  test('monthly updates, 15th-to-14th: an update on 14/05 misses the June period', () => {
    const entries = correctEntries();
    const i = entries.findIndex((e) => e.taskId === 'IV.3.1');
    entries[i] = { ...entries[i], updatedOn: serial('2024-05-14') };
    const codes = (updatePeriod: 'month' | 'quarter') =>
      checkTracking({
        snapshot: snapshotOf(entries),
        meta: metaFor(SAMPLE_TASKS),
        reportDate: REPORT_DATE,
        updatePeriod,
      }).map((f) => f.code);
    expect(codes('quarter')).toEqual([]);
    expect(codes('month')).toEqual(['task.no_update']);
  });
});
