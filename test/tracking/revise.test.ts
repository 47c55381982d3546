import { readFileSync } from 'fs';
import { join } from 'path';
import {
  applyRevision,
  contentSimilarity,
  diffPlanTasks,
  RENUMBER_THRESHOLD,
  RevisionTask,
  textSimilarity,
} from '../../src/tracking/revise';
import { reviseTracking } from '../../src/app/revise';
import { REMOVED_MARK } from '../../src/tracking/revise-table';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { mapColumns } from '../../src/model/columns';
import type { CellValue, RawCell, TableSnapshot, WorkbookSpec } from '../../src/workbook/types';

// The sample plan's numbered sub-items ("3.1. …"), read with a plain regex so the test does not
// depend on the parser: ids are the numbers, texts the real sentences.
function sampleTasks(): RevisionTask[] {
  const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
  const out: RevisionTask[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d+\.\d+)\.\s+(.{40,})$/.exec(line.trim());
    if (m) out.push({ id: m[1], text: m[2] });
  }
  return out;
}

describe('plan revisions', () => {
  const old = sampleTasks();

  it('reads enough real tasks to be meaningful', () => {
    expect(old.length).toBeGreaterThan(15);
  });

  it('finds no change in the same plan', () => {
    const r = diffPlanTasks(old, old);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.matches.every((m) => m.kind === 'unchanged')).toBe(true);
  });

  it('detects renumbering by text after a task is deleted, plus rewording and additions', () => {
    // Delete the 2nd task of group "3", renumber the rest of that group, reword one of them,
    // and add a new task at the end.
    const group = old.filter((t) => t.id.startsWith('3.'));
    expect(group.length).toBeGreaterThanOrEqual(4);
    const deleted = group[1];
    const revised: RevisionTask[] = [];
    let n = 0;
    for (const t of old) {
      if (t === deleted) continue;
      if (t.id.startsWith('3.')) {
        n += 1;
        revised.push({ id: `3.${n}`, text: t.text });
      } else revised.push({ ...t });
    }
    const reworded = revised.find((t) => t.id === old[0].id) as RevisionTask;
    reworded.text = reworded.text.replace(/^\S+\s+\S+/, 'Chỉ đạo') + ' Báo cáo kết quả trước ngày 30/6/2024.';
    const added = {
      id: '9.9',
      text: 'Tổ chức sơ kết 2 năm thực hiện Nghị quyết số 28-NQ/TW trong quý IV năm 2024.',
    };
    revised.push(added);

    const r = diffPlanTasks(old, revised);
    expect(r.removed.map((t) => t.id)).toEqual([deleted.id]);
    expect(r.added.map((t) => t.id)).toEqual([added.id]);
    const renumbered = r.matches.filter((m) => m.kind === 'renumbered');
    // Every task after the deleted one in group 3 moved up by one.
    const expected = group.slice(2).map((t) => [t.id, `3.${Number(t.id.split('.')[1]) - 1}`]);
    expect(renumbered.map((m) => [m.oldId, m.newId])).toEqual(expected);
    expect(r.matches.find((m) => m.oldId === old[0].id)?.kind).toBe('reworded');

    // Entries follow their task; the deleted task's entry is kept aside, not lost.
    const entries = new Map(old.map((t) => [t.id, `entry of ${t.text.slice(0, 30)}`]));
    const applied = applyRevision(r, entries);
    for (const t of revised) {
      if (t === added) expect(applied.entries.has(t.id)).toBe(false);
      else if (t === reworded) expect(applied.entries.get(t.id)).toBe(entries.get(old[0].id));
      else expect(applied.entries.get(t.id)).toBe(`entry of ${t.text.slice(0, 30)}`);
    }
    expect(applied.orphaned).toEqual([{ oldId: deleted.id, entry: entries.get(deleted.id) }]);
    expect(applied.entries.size + applied.orphaned.length).toBe(entries.size);
  });

  it('does not pair different tasks of the real plan (threshold holds on real text)', () => {
    const score = contentSimilarity(old.map((t) => t.text));
    let max = 0;
    for (let i = 0; i < old.length; i++)
      for (let j = i + 1; j < old.length; j++) max = Math.max(max, score(old[i].text, old[j].text));
    expect(max).toBeLessThan(RENUMBER_THRESHOLD);
  });

  it('pairs as a whole: a task does not take the closest text when that leaves its sibling unpaired', () => {
    // Old 1 is contained in old 2; the revision rewords 1 and shortens 2 to about 1's length. The
    // closest pair (old 1, new 2) is not the right one: taken first, it leaves old 2 and new 1
    // without a partner. Real sentences from the sample's task IV.3.5.
    const list =
      'Tham mưu ban hành Danh mục chức danh, chức vụ lãnh đạo và tương đương của hệ thống chính trị từ tỉnh đến cơ sở';
    const oldTasks = [
      ...old.filter((t) => !t.id.startsWith('3.')),
      { id: '3.1', text: `${list}.` },
      {
        id: '3.2',
        text: `${list}; Kế hoạch đào tạo bồi dưỡng; Kế hoạch về luân chuyển cán bộ diện Ban Thường vụ Tỉnh ủy quản lý.`,
      },
    ];
    const newTasks = [
      ...old.filter((t) => !t.id.startsWith('3.')),
      {
        id: '3.1',
        text: 'Tham mưu sửa đổi, bổ sung Danh mục chức danh, chức vụ lãnh đạo của hệ thống chính trị các cấp.',
      },
      { id: '3.2', text: `${list}; Kế hoạch đào tạo bồi dưỡng.` },
    ];
    const score = contentSimilarity([...oldTasks, ...newTasks].map((t) => t.text));
    // The trap: the wrong pair is the closest one.
    expect(score(oldTasks.at(-2)!.text, newTasks.at(-1)!.text)).toBeGreaterThan(
      score(oldTasks.at(-1)!.text, newTasks.at(-1)!.text),
    );
    const r = diffPlanTasks(oldTasks, newTasks);
    const pairs = r.matches.filter((m) => m.oldId.startsWith('3.')).map((m) => [m.oldId, m.newId]);
    expect(pairs).toEqual([
      ['3.1', '3.1'],
      ['3.2', '3.2'],
    ]);
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([]);
  });

  it('treats tone-mark style and Unicode form as the same text', () => {
    expect(textSimilarity('Ban Tổ chức Tỉnh ủy hoá', 'ban tổ chức tỉnh uỷ hóa'.normalize('NFD'))).toBe(1);
    const r = diffPlanTasks([{ id: '1', text: 'Tỉnh ủy chỉ đạo' }], [{ id: '2', text: 'Tỉnh uỷ chỉ đạo' }]);
    expect(r.matches).toEqual([
      { kind: 'renumbered', oldId: '1', newId: '2', similarity: 1, textChanged: false },
    ]);
  });
});

describe('reviseTracking (the one revision: CLI and Excel update mode)', () => {
  const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
  const plan = parsePlan(text);

  /** The task table of a spec as a reader would return it (dates as serials, formulas blank). */
  function snapshotOf(spec: WorkbookSpec): TableSnapshot {
    const table = spec.sheets.find((s) => s.key === 'tasks')?.tables[0];
    if (!table) throw new Error('no table');
    const raw = (v: CellValue): RawCell =>
      v === null ? null : v.t === 'date' ? isoToSerial(v.v) : v.t === 'formula' ? null : v.v;
    return {
      sheet: 'Nhiệm vụ',
      headerRow: table.row + 1,
      firstCol: table.col,
      headers: table.columns.map((c) => c.header),
      rows: table.rows.map((r) => r.map(raw)),
    };
  }

  it('carries every entry to its task and keeps removed tasks as marked rows', async () => {
    const old = buildWorkbookSpec(plan, {
      lang: 'vi',
      reportDate: '2024-06-20',
      sourceText: text,
      workbookId: 'wb-1',
    });
    const snap = snapshotOf(old);
    const map = mapColumns(snap.headers);
    // Staff have written a note on every task, naming the task by its text.
    snap.rows.forEach((row) => {
      row[map.index.note as number] = `ghi chú: ${String(row[map.index.text as number]).slice(0, 40)}`;
      row[map.index.status as number] = STATUS_LABELS.in_progress.vi;
    });
    const group = plan.tasks.filter((t) => t.id.startsWith('IV.3.'));
    const removed = group[1];
    const revisedTasks = plan.tasks
      .filter((t) => t !== removed)
      .map((t) => {
        const m = /^IV\.3\.(\d+)$/.exec(t.id);
        if (m && Number(m[1]) > 2)
          return { ...t, id: `IV.3.${Number(m[1]) - 1}`, number: `3.${Number(m[1]) - 1}` };
        return t;
      });
    const revised: Plan = { ...plan, tasks: revisedTasks };

    const res = await reviseTracking(
      { snapshot: snap, meta: old.meta, reportDate: '2024-06-20', lang: 'vi', sheetNames: [] },
      revised,
    );
    const { revision } = res.table;
    expect(revision.removed.map((t) => t.id)).toEqual([removed.id]);
    expect(revision.added).toEqual([]);
    expect(revision.matches.filter((m) => m.kind === 'renumbered')).toHaveLength(group.length - 2);

    const out = snapshotOf(res.spec);
    const outMap = mapColumns(out.headers);
    const note = (row: RawCell[]) => row[outMap.index.note as number];
    const textOf = (row: RawCell[]) => String(row[outMap.index.text as number]).slice(0, 40);
    // The revised plan's tasks, each with its own note; then the removed task, marked.
    expect(out.rows).toHaveLength(revisedTasks.length + 1);
    for (const row of out.rows.slice(0, -1)) expect(note(row)).toBe(`ghi chú: ${textOf(row)}`);
    const last = out.rows[out.rows.length - 1];
    expect(note(last)).toBe(`${REMOVED_MARK.vi} ghi chú: ${removed.text.slice(0, 40)}`);
    expect(last[outMap.index.status as number]).toBe(STATUS_LABELS.in_progress.vi);
    // Its id went to the next task of the group: the kept row says it is the old one.
    expect(last[outMap.index.taskId as number]).toBe(`${removed.id} (cũ)`);
    expect(res.table.removedWithEntries).toEqual([removed.id]);
    expect(res.spec.meta.workbookId).toBe('wb-1');
    expect(res.spec.meta.tasks.map((t) => t.id)).toEqual(revisedTasks.map((t) => t.id));
  });

  it('refuses a plan that shares no task with the workbook', async () => {
    const old = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-20' });
    const other: Plan = {
      ...plan,
      tasks: [{ ...plan.tasks[0], id: 'X.1', text: 'Một việc hoàn toàn khác của một kế hoạch khác' }],
    };
    await expect(
      reviseTracking(
        { snapshot: snapshotOf(old), meta: old.meta, reportDate: null, lang: 'vi', sheetNames: [] },
        other,
      ),
    ).rejects.toMatchObject({ msg: { en: expect.stringMatching(/shares no task/) } });
  });
});
