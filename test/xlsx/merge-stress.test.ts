/**
 * The stress test of issue 20: 50 returns of a 10,000-task master, edited by LibreOffice (rows
 * deleted, which leaves rows 1048575–1048576 in the file), re-saved by Gnumeric and filled by
 * openpyxl, merged in one call; openpyxl reads the master back and every cell of the task sheet
 * is compared with what is expected. Speed is measured by the bench (merge against its floor),
 * not here.
 */
import type { Plan } from '../../src/plan/types';
import { STATUS_LABELS } from '../../src/model/labels';
import { columnLetter } from '../../src/model/table';
import { TASK_COLUMN_IDS } from '../../src/model/columns';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { gnumericResave, hasGnumeric } from '../support/gnumeric';
import { hasUno, libreofficeEdit, type CalcEdit } from '../support/libreoffice';
import { hasOpenpyxl, openpyxlRead, openpyxlSave, type OpenpyxlEdit } from '../support/openpyxl';
import { generatedPlan } from './merge-fixture';

const TASKS = 10_000;
const AGENCIES = 50;
const ready = hasOpenpyxl() && hasUno() && hasGnumeric();
const DOING = STATUS_LABELS.in_progress.vi;

function bigPlan(): Plan {
  return generatedPlan(
    TASKS,
    Array.from({ length: AGENCIES }, (_, i) => `Sở số ${i + 1}`),
    (i) => `Nhiệm vụ số ${i + 1}: rà soát hồ sơ nhóm ${Math.floor(i / 7)} và báo cáo kết quả lần ${i % 13}`,
  );
}

(ready ? it : it.skip)(
  '50 returns from LibreOffice (rows deleted), Gnumeric and openpyxl into 10,000 tasks, exact to the cell',
  async () => {
    const master = await writeXlsx(
      buildWorkbookSpec(bigPlan(), { lang: 'vi', reportDate: '2024-06-20', workbookId: 'stress' }),
    );
    const { files } = await splitWorkbook(master);
    expect(files).toHaveLength(AGENCIES);
    const statusCol = columnLetter(TASK_COLUMN_IDS.indexOf('status'));
    const noteCol = columnLetter(TASK_COLUMN_IDS.indexOf('note'));
    const expected = new Map<string, Map<string, string>>(); // task id → column letter → value
    const expect1 = (task: string, col: string, v: string) => {
      const m = expected.get(task) ?? new Map<string, string>();
      m.set(col, v);
      expected.set(task, m);
    };

    const lo: Record<string, { bytes: Uint8Array; edits: CalcEdit[] }> = {};
    const gn: Record<string, Uint8Array> = {};
    const returns: { file: string; bytes: Uint8Array }[] = [];
    for (const [n, f] of files.entries()) {
      // Every third task of the copy gets a status and a note (row r holds taskIds[r - 2]).
      const rows = f.taskIds.map((id, i) => ({ id, row: i + 2 })).filter((_t, i) => i % 3 === 0);
      if (n < 5) {
        // LibreOffice: the edits, then the copy's last row deleted (0-based UNO rows).
        const edits: CalcEdit[] = rows.flatMap((t) => [
          { sheet: 'Nhiệm vụ', set: `${statusCol}${t.row}`, value: DOING },
          { sheet: 'Nhiệm vụ', set: `${noteCol}${t.row}`, value: `LO ${t.id}` },
        ]);
        edits.push({ sheet: 'Nhiệm vụ', deleteRows: f.taskIds.length, count: 1 });
        lo[f.fileName] = { bytes: f.bytes, edits };
        const last = f.taskIds.length + 1;
        for (const t of rows)
          if (t.row !== last) (expect1(t.id, statusCol, DOING), expect1(t.id, noteCol, `LO ${t.id}`));
        continue;
      }
      const edits: OpenpyxlEdit[] = rows.flatMap((t) => [
        { sheet: 'Nhiệm vụ', set: `${statusCol}${t.row}`, value: DOING },
        { sheet: 'Nhiệm vụ', set: `${noteCol}${t.row}`, value: `Py ${t.id}` },
      ]);
      for (const t of rows) (expect1(t.id, statusCol, DOING), expect1(t.id, noteCol, `Py ${t.id}`));
      const filled = openpyxlSave(f.bytes, edits);
      if (n < 10) gn[f.fileName] = filled;
      else returns.push({ file: f.fileName, bytes: filled });
    }
    const [byLo, byGn] = await Promise.all([libreofficeEdit(lo), gnumericResave(gn)]);
    for (const [file, bytes] of Object.entries({ ...byLo, ...byGn })) returns.push({ file, bytes });
    // LibreOffice wrote its deleted-row tail: the file's last row is 1,048,576.
    const loFile = Object.values(byLo)[0];
    expect((await readTrackingWorkbook(loFile)).snapshot.rows.length).toBeLessThan(300);

    const res = await mergeWorkbooks({ file: 'so-tong.xlsx', bytes: master }, returns);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.conflicts).toEqual([]);
    expect(res.plan.skipped).toEqual([]);
    const expectedCount = [...expected.values()].reduce((n, m) => n + m.size, 0);
    expect(res.plan.changes).toHaveLength(expectedCount);

    // Every cell of the task sheet, read by openpyxl: as before, except the merged ones.
    const before = openpyxlRead(master).find((s) => s.name === 'Nhiệm vụ')!;
    const afterBook = openpyxlRead(res.output as Uint8Array);
    const after = afterBook.find((s) => s.name === 'Nhiệm vụ')!;
    const idOfRow = new Map<string, string>();
    for (const [ref, c] of Object.entries(before.cells))
      if (/^A\d+$/.test(ref)) idOfRow.set(ref.slice(1), String(c.value));
    const refs = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
    let compared = 0;
    for (const ref of refs) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const want = expected.get(idOfRow.get(row) ?? '')?.get(col);
      if (want !== undefined) expect([ref, after.cells[ref]?.value]).toEqual([ref, want]);
      else expect([ref, after.cells[ref]]).toEqual([ref, before.cells[ref]]);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(TASKS * 6);
    const history = afterBook.find((s) => s.name === 'Lịch sử')!;
    const historyRows = new Set(Object.keys(history.cells).map((r) => /\d+$/.exec(r)![0]));
    expect(historyRows.size).toBe(1 + expectedCount);
  },
  900_000,
);
