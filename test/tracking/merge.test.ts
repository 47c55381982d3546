import { cellKey } from '../../src/tracking/entries';
import { baseEntriesOf, planMerge, MergeSource } from '../../src/tracking/merge';
import { parseSync, serializeSync, parseBaseEntries, serializeBaseEntries } from '../../src/tracking/meta';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TASK_COLUMN_IDS, TaskColumnId } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import type { RawCell, TableSnapshot, WorkbookMeta } from '../../src/workbook/types';

type Row = Partial<Record<TaskColumnId, RawCell>>;

function snapshot(rows: Row[], drop: TaskColumnId[] = []): TableSnapshot {
  const ids = TASK_COLUMN_IDS.filter((id) => !drop.includes(id));
  return {
    sheet: 'Nhiệm vụ',
    headerRow: 4,
    firstCol: 0,
    headers: ids.map((id) => columnHeader(id, 'vi')),
    rows: rows.map((r) => ids.map((id) => r[id] ?? null)),
  };
}

const TASKS: Row[] = [
  {
    taskId: 'IV.1.1',
    section: 'IV',
    lead: 'Sở Nội vụ',
    text: 'Tham mưu sắp xếp tổ chức bộ máy tinh gọn',
    category: 'Có thời hạn',
    due: isoToSerial('2024-06-30'),
  },
  {
    taskId: 'IV.1.2',
    section: 'IV',
    lead: 'Sở Nội vụ',
    text: 'Bồi dưỡng cán bộ công chức cấp xã',
    category: 'Thường xuyên',
  },
  {
    taskId: 'IV.2.1',
    section: 'IV',
    lead: 'Sở Tài chính',
    text: 'Bố trí kinh phí thực hiện kế hoạch',
    category: 'Có thời hạn',
    due: isoToSerial('2024-03-31'),
  },
];

function meta(over: Partial<WorkbookMeta> = {}): WorkbookMeta {
  return {
    generator: 'plan-tracker',
    generatorVersion: '0.1.0',
    schemaVersion: 1,
    lang: 'vi',
    builtAt: '2024-04-01T00:00:00Z',
    planTitle: 'Kế hoạch thử',
    planNumber: null,
    planIssuedOn: null,
    sourceFingerprint: 'f'.repeat(64),
    workbookId: 'wb-1',
    agencyKey: null,
    tasks: TASKS.map((t) => ({ id: String(t.taskId), hash: `h-${t.taskId}` })),
    ...over,
  };
}

function master(rows: Row[] = TASKS): MergeSource {
  return { file: 'master.xlsx', snapshot: snapshot(rows), meta: meta() };
}

/** An agency copy made from `base` rows, then edited to `edited`. */
function agencyReturn(
  ids: string[],
  base: Row[],
  edit: (r: Row) => Row,
  over: Partial<WorkbookMeta> = {},
): MergeSource {
  const baseRows = base.filter((r) => ids.includes(String(r.taskId)));
  const baseSnap = snapshot(baseRows);
  return {
    file: 'tra-ve.xlsx',
    snapshot: snapshot(baseRows.map((r) => edit({ ...r }))),
    meta: meta({
      agencyKey: 'so noi vu',
      tasks: ids.map((id) => ({ id, hash: `h-${id}` })),
      baseEntries: baseEntriesOf(baseSnap, new Set(ids)),
      ...over,
    }),
  };
}

const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;

describe('planMerge', () => {
  it('applies what the agency changed and leaves the rest', () => {
    const ret = agencyReturn(['IV.1.1', 'IV.1.2'], TASKS, (r) =>
      r.taskId === 'IV.1.1'
        ? { ...r, status: DONE, completedOn: isoToSerial('2024-06-10'), result: 'Đã ban hành' }
        : r,
    );
    const plan = planMerge(master(), [ret]);
    expect(plan.ok).toBe(true);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.map((c) => [c.taskId, c.column, c.old, c.new])).toEqual([
      ['IV.1.1', 'status', null, DONE],
      ['IV.1.1', 'completedOn', null, isoToSerial('2024-06-10')],
      ['IV.1.1', 'result', null, 'Đã ban hành'],
    ]);
    expect(plan.changes[0].masterRow).toBe(0);
  });

  it('finds a task whose id cell was retyped with spaces around or inside it', () => {
    const spaced: Record<string, string> = { 'IV.1.1': ' IV.1.1\u00a0', 'IV.1.2': 'IV.1.2 ' };
    const ret = agencyReturn(['IV.1.1', 'IV.1.2'], TASKS, (r) => ({
      ...r,
      taskId: spaced[String(r.taskId)],
      note: `ghi ${String(r.taskId)}`,
    }));
    const plan = planMerge(master(), [ret]);
    expect(plan.refused).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.changes.map((c) => [c.taskId, c.column, c.new, c.masterRow])).toEqual([
      ['IV.1.1', 'note', 'ghi IV.1.1', 0],
      ['IV.1.2', 'note', 'ghi IV.1.2', 1],
    ]);
  });

  it('keeps the master when only the master changed since the split', () => {
    const ret = agencyReturn(['IV.1.1'], TASKS, (r) => r);
    const m = master(TASKS.map((r) => (r.taskId === 'IV.1.1' ? { ...r, note: 'Văn phòng ghi' } : r)));
    const plan = planMerge(m, [ret]);
    expect(plan.ok).toBe(true);
    expect(plan.changes).toEqual([]);
  });

  it('does not count re-saved values as edits (text date, English status, spacing)', () => {
    const base = TASKS.map((r) =>
      r.taskId === 'IV.1.1' ? { ...r, status: DOING, completedOn: isoToSerial('2024-05-02') } : r,
    );
    const ret = agencyReturn(['IV.1.1'], base, (r) => ({
      ...r,
      status: ' In progress ',
      completedOn: '02/05/2024',
    }));
    const plan = planMerge(master(base), [ret]);
    expect(plan.changes).toEqual([]);
    expect(cellKey('progress', '50')).toBe(cellKey('progress', 50));
  });

  it('reports a conflict side by side and applies nothing without a decision', () => {
    const ret = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, status: DONE, note: 'Cơ quan ghi' }));
    const m = master(TASKS.map((r) => (r.taskId === 'IV.1.1' ? { ...r, status: DOING } : r)));
    const plan = planMerge(m, [ret]);
    expect(plan.ok).toBe(false);
    expect(plan.conflicts).toEqual([
      {
        file: 'tra-ve.xlsx',
        taskId: 'IV.1.1',
        column: 'status',
        base: null,
        master: DOING,
        return: DONE,
        resolution: null,
      },
    ]);
    // The non-conflicting change is planned but the merge as a whole is not ok.
    expect(plan.changes.map((c) => c.column)).toEqual(['note']);

    const preferReturn = planMerge(m, [ret], { prefer: 'return' });
    expect(preferReturn.ok).toBe(true);
    expect(preferReturn.changes.map((c) => [c.column, c.old, c.new, c.fromConflict])).toEqual([
      ['status', DOING, DONE, true],
      ['note', null, 'Cơ quan ghi', false],
    ]);
    const preferMaster = planMerge(m, [ret], { prefer: 'master' });
    expect(preferMaster.ok).toBe(true);
    expect(preferMaster.changes.map((c) => c.column)).toEqual(['note']);
  });

  it('is not a conflict when both sides made the same change', () => {
    const ret = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, status: DONE }));
    const m = master(TASKS.map((r) => (r.taskId === 'IV.1.1' ? { ...r, status: DONE } : r)));
    const plan = planMerge(m, [ret]);
    expect(plan).toMatchObject({ ok: true, changes: [], conflicts: [] });
  });

  it('sees earlier returns of the same merge as master changes', () => {
    const a = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, note: 'A' }));
    // Another copy of the same agency (split again later): its own base, so a conflict.
    const b = {
      ...agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, note: 'B' }), { builtAt: '2024-05-01T00:00:00Z' }),
      file: 'b.xlsx',
    };
    const plan = planMerge(master(), [a, b]);
    expect(plan.changes.map((c) => c.new)).toEqual(['A']);
    expect(plan.conflicts.map((c) => [c.file, c.master, c.return])).toEqual([['b.xlsx', 'A', 'B']]);
  });

  it("takes a later return of the same copy as the agency's newer word", () => {
    const first = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, status: DOING, note: 'Q1' }));
    const plan1 = planMerge(master(), [first]);
    expect(plan1.sync.map((s) => [s.taskId, s.column, s.r, s.m])).toEqual([
      ['IV.1.1', 'status', DOING, DOING],
      ['IV.1.1', 'note', 'Q1', 'Q1'],
    ]);
    // The master after the first merge; the agency keeps working on the same file.
    const merged = master(
      TASKS.map((r) => (r.taskId === 'IV.1.1' ? { ...r, status: DOING, note: 'Q1' } : r)),
    );
    const second = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, status: DONE, note: 'Q1' }));
    expect(planMerge(merged, [second]).conflicts).toHaveLength(1); // without the sync records
    const plan2 = planMerge(merged, [second], { sync: plan1.sync });
    expect(plan2.conflicts).toEqual([]);
    expect(plan2.changes.map((c) => [c.column, c.old, c.new])).toEqual([['status', DOING, DONE]]);
    // …but an office edit made after that merge is still protected.
    const officeEdited = master(
      TASKS.map((r) =>
        r.taskId === 'IV.1.1' ? { ...r, status: STATUS_LABELS.not_started.vi, note: 'Q1' } : r,
      ),
    );
    expect(planMerge(officeEdited, [second], { sync: plan1.sync }).conflicts).toHaveLength(1);
    // A conflict settled for the master is not asked again while the agency keeps its value.
    const kept = planMerge(officeEdited, [second], { sync: plan1.sync, prefer: 'master' });
    const again = planMerge(officeEdited, [second], { sync: [...plan1.sync, ...kept.sync] });
    expect(again).toMatchObject({ ok: true, changes: [], conflicts: [] });
  });

  it('merges the deadline only of tasks the plan left undated, and reports edits of plan columns', () => {
    const ret = agencyReturn(['IV.1.1', 'IV.1.2'], TASKS, (r) =>
      r.taskId === 'IV.1.1'
        ? { ...r, due: isoToSerial('2025-01-01'), text: 'Tham mưu sắp xếp tổ chức bộ máy tinh gọn, hiệu quả' }
        : { ...r, due: isoToSerial('2024-09-30') },
    );
    const plan = planMerge(master(), [ret]);
    expect(plan.changes.map((c) => [c.taskId, c.column])).toEqual([['IV.1.2', 'due']]);
    expect(plan.notices.map((n) => [n.taskId, n.column]).sort()).toEqual([
      ['IV.1.1', 'due'],
      ['IV.1.1', 'text'],
    ]);
  });

  it('asks for a decision when a return carries no base values', () => {
    const ret = agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, note: 'x' }), { baseEntries: undefined });
    const plan = planMerge(master(), [ret]);
    expect(plan.ok).toBe(false);
    expect(plan.conflicts).toHaveLength(1);
  });

  describe('refuses', () => {
    const good = () => agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, note: 'x' }));
    const cases: [string, () => MergeSource, string][] = [
      ['no meta', () => ({ ...good(), meta: null }), 'no-meta'],
      [
        // Of another plan: a master rebuilt from the same plan is recognised (lineage.ts).
        'another master',
        () =>
          agencyReturn(['IV.1.1'], TASKS, (r) => r, {
            workbookId: 'wb-2',
            sourceFingerprint: '1'.repeat(64),
          }),
        'foreign-workbook',
      ],
      [
        'another plan',
        () => agencyReturn(['IV.1.1'], TASKS, (r) => r, { sourceFingerprint: '0'.repeat(64) }),
        'foreign-plan',
      ],
      ['older layout', () => agencyReturn(['IV.1.1'], TASKS, (r) => r, { schemaVersion: 0 }), 'schema-older'],
      [
        'a copy of the master',
        () => agencyReturn(['IV.1.1'], TASKS, (r) => r, { agencyKey: null }),
        'not-agency-copy',
      ],
      [
        'a deleted column',
        () => {
          const r = good();
          const i = r.snapshot.headers.indexOf(columnHeader('note', 'vi'));
          return {
            ...r,
            snapshot: {
              ...r.snapshot,
              headers: r.snapshot.headers.filter((_h, j) => j !== i),
              rows: r.snapshot.rows.map((row) => row.filter((_c, j) => j !== i)),
            },
          };
        },
        'missing-columns',
      ],
      [
        'ids swapped between two rows',
        () => {
          const r = agencyReturn(['IV.1.1', 'IV.1.2'], TASKS, (row) => ({ ...row, note: 'x' }));
          const idCol = r.snapshot.headers.indexOf(columnHeader('taskId', 'vi'));
          const rows = r.snapshot.rows.map((row) => [...row]);
          [rows[0][idCol], rows[1][idCol]] = [rows[1][idCol], rows[0][idCol]];
          return { ...r, snapshot: { ...r.snapshot, rows } };
        },
        'row-mismatch',
      ],
      [
        'a changed task hash',
        () => agencyReturn(['IV.1.1'], TASKS, (r) => r, { tasks: [{ id: 'IV.1.1', hash: 'other' }] }),
        'task-hash',
      ],
      [
        'a task the master lacks',
        () =>
          agencyReturn(['IV.1.1'], TASKS, (r) => r, {
            tasks: [
              { id: 'IV.1.1', hash: 'h-IV.1.1' },
              { id: 'X.1', hash: 'h' },
            ],
          }),
        'unknown-task',
      ],
      [
        'a duplicated row',
        () => {
          const r = good();
          return { ...r, snapshot: { ...r.snapshot, rows: [...r.snapshot.rows, r.snapshot.rows[0]] } };
        },
        'duplicate-task',
      ],
    ];
    it.each(cases)('%s', (_name, make, code) => {
      const plan = planMerge(master(), [good(), make()]);
      expect(plan.ok).toBe(false);
      expect(plan.refused.map((r) => r.code)).toContain(code);
      // All or nothing: the good return is not planned either.
      expect(plan.changes).toEqual([]);
      for (const r of plan.refused) {
        expect(r.message.vi.length).toBeGreaterThan(10);
        expect(r.message.en.length).toBeGreaterThan(10);
      }
    });

    it.each([
      [
        'a typed-over id',
        () => agencyReturn(['IV.1.1'], TASKS, (r) => ({ ...r, taskId: 'IV.9.9', note: 'x' })),
      ],
      [
        'an id of another agency pasted in',
        () => {
          const r = good();
          const pasted = snapshot([{ ...TASKS[2], note: 'x' }]).rows[0];
          return { ...r, snapshot: { ...r.snapshot, rows: [...r.snapshot.rows, pasted] } };
        },
      ],
    ])('lists the values of %s with their cell, and takes the rest', (_name, make) => {
      const plan = planMerge(master(), [make()]);
      expect(plan.refused).toEqual([]);
      expect(plan.skipped.map((k) => [k.code, k.column, k.value])).toContainEqual([
        'unknown-row',
        'note',
        'x',
      ]);
      for (const k of plan.skipped) {
        expect(k.code).toBe('unknown-row');
        expect(k.cell).toMatch(/^[A-Z]+\d+$/);
        expect(k.message.vi).toContain(k.cell);
      }
    });

    it('an agency copy given as the master', () => {
      const m = { ...master(), meta: meta({ agencyKey: 'so noi vu' }) };
      expect(planMerge(m, [good()]).refused.map((r) => r.code)).toEqual(['not-master']);
    });
  });
});

describe('meta rows of merges', () => {
  it("round-trips base values and sync records through the sheet's text cells", () => {
    const base = {
      'IV.1.1': { status: DONE, completedOn: 45400, progress: 50, note: null, result: 'x"y\n' },
    };
    expect(parseBaseEntries(serializeBaseEntries(base))).toEqual(base);
    const records = [
      { copy: 'so noi vu@2024', taskId: 'IV.1.1', column: 'status' as const, r: DONE, m: DOING },
      { copy: 'so noi vu@2024', taskId: 'IV.1.2', column: 'progress' as const, r: 30, m: null },
    ];
    const rows = [
      ['format', 'x'],
      ...serializeSync(records.slice(0, 1)),
      ['other', 'y'],
      ...serializeSync(records.slice(1)),
    ];
    expect(parseSync(rows)).toEqual(records);
    expect(parseSync([['mergeSync', '{broken']])).toEqual([]);
    expect(parseBaseEntries([['baseEntries', '[1,2]']])).toBeUndefined();
  });
});
