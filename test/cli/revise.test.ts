import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as build } from '../../src/cli/commands/build';
import { run as revise } from '../../src/cli/commands/revise';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { inBothLanguages } from './run';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { columnHeader, TaskColumnId } from '../../src/model/columns';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { isoToSerial } from '../../src/model/dates';
import { REMOVED_MARK } from '../../src/tracking/revise-table';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const ORIGINAL = readFileSync(SAMPLE, 'utf8');

/** The text of a numbered line, without its number ("3.5. Tham mưu…" → "Tham mưu…"). */
const body = (line: string) => line.replace(/^\d+\.\d+\.\s+/, '');
const lineOf = (n: string) => {
  const line = ORIGINAL.split(/\r?\n/).find((l) => l.startsWith(`${n}. `));
  if (!line) throw new Error(`no line ${n}`);
  return line;
};

const REWORD_FROM = 'Đổi mới phương pháp, quy trình';
const REWORD_TO = 'Tiếp tục đổi mới phương pháp, quy trình';
const REWORD_TAIL = ' Định kỳ hằng năm báo cáo kết quả với Ban Thường vụ Tỉnh ủy.';
const ADDED =
  '9.3. Tổ chức sơ kết 3 năm thực hiện Nghị quyết số 28-NQ/TW và Kế hoạch này ở địa phương, đơn vị (*hoàn thành trong năm 2025*).';

/**
 * The revised plan, edited the way a revision reads: task 3.4 deleted (so 3.5–3.7 become
 * 3.4–3.6), task 4.2 reworded, a task 9.3 added.
 */
function revisedText(): string {
  const out: string[] = [];
  for (const line of ORIGINAL.split(/\r?\n/)) {
    const m = /^3\.(\d+)\. /.exec(line);
    if (m && Number(m[1]) === 4) continue;
    if (m && Number(m[1]) > 4) out.push(line.replace(/^3\.\d+\./, `3.${Number(m[1]) - 1}.`));
    else if (line.startsWith('4.2. ')) out.push(line.replace(REWORD_FROM, REWORD_TO) + REWORD_TAIL);
    else out.push(line);
    if (line.startsWith('9.2. ')) out.push('', ADDED);
  }
  return out.join('\n');
}

/** The task whose text starts like the given line's text: ids found by content, not assumed. */
function idByText(plan: Plan, line: string): string {
  const start = body(line).slice(0, 50);
  const found = plan.tasks.filter((t) => t.text.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} tasks start with ${start}`);
  return found[0].id;
}

const oldPlan = parsePlan(ORIGINAL);
const newPlan = parsePlan(revisedText());
const REMOVED_ID = idByText(oldPlan, lineOf('3.4'));
const REWORDED_ID = idByText(oldPlan, lineOf('4.2'));
const ADDED_ID = idByText(newPlan, ADDED);
/** Old id → new id, worked out from the edits above. */
const EXPECTED = new Map<string, string>();
for (const t of oldPlan.tasks) {
  if (t.id === REMOVED_ID) continue;
  if (t.id === REWORDED_ID) {
    EXPECTED.set(t.id, idByText(newPlan, lineOf('4.2').replace(REWORD_FROM, REWORD_TO)));
    continue;
  }
  const twin = newPlan.tasks.filter((n) => n.text === t.text);
  if (twin.length !== 1) throw new Error(`task ${t.id}: ${twin.length} twins`);
  EXPECTED.set(t.id, twin[0].id);
}
const RENUMBERED = [...EXPECTED].filter(([o, n]) => o !== n);

const result = (id: string) => `Kết quả của ${id}`;
const progress = (i: number) => (i * 7) % 100;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pt-revise-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Builds the master with the build command, then fills every row as staff would, with ExcelJS. */
async function filledMaster(): Promise<string> {
  const io = bufferIo(dir);
  expect(await build([SAMPLE, '-o', 'master.xlsx', '--report-date', '2024-06-30'], io)).toBe(0);
  const path = join(dir, 'master.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Nhiệm vụ');
  if (!ws) throw new Error('no task sheet');
  const colNumber = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => colNumber.set(String(cell.value), n));
  const col = (id: TaskColumnId) => colNumber.get(columnHeader(id, 'vi')) as number;
  for (let r = 2, i = 0; r <= ws.rowCount; r++, i++) {
    const id = ws.getCell(r, col('taskId')).value;
    if (typeof id !== 'string') continue;
    ws.getCell(r, col('status')).value = STATUS_LABELS.in_progress.vi;
    ws.getCell(r, col('progress')).value = progress(i);
    ws.getCell(r, col('result')).value = result(id);
    ws.getCell(r, col('note')).value = `Ghi chú ${id}`;
    ws.getCell(r, col('updatedOn')).value = new Date(Date.UTC(2024, 5, 1));
  }
  await wb.xlsx.writeFile(path);
  writeFileSync(join(dir, 'sua-doi.txt'), revisedText());
  return path;
}

describe('plan-tracker revise', () => {
  it('derives the planted changes from the real sample (guards the fixture)', () => {
    expect(oldPlan.tasks.length).toBeGreaterThan(20);
    expect(newPlan.tasks).toHaveLength(oldPlan.tasks.length);
    expect(RENUMBERED.length).toBe(3);
    expect(EXPECTED.get(REWORDED_ID)).toBe(REWORDED_ID);
    expect(newPlan.tasks.some((t) => t.id === ADDED_ID)).toBe(true);
  });

  it('reports the changes and writes the revised master with every entry on its task', async () => {
    const master = await filledMaster();
    const before = readFileSync(master);
    const masterBack = await readTrackingWorkbook(before);
    const oldMap = mapColumns(masterBack.snapshot.headers);
    const oldRows = new Map(
      masterBack.snapshot.rows.map((r) => [String(r[oldMap.index.taskId as number]), r] as const),
    );

    const io = bufferIo(dir);
    const code = await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], io);
    // Only the parser's warning count, as build prints it; no error.
    expect(io.stderr).toBe(
      newPlan.warnings.length
        ? `${newPlan.warnings.length} cảnh báo khi đọc kế hoạch sửa đổi (xem: plan-tracker parse).\n`
        : '',
    );
    expect(code).toBe(0);
    expect(io.stdout).toContain(`+ ${ADDED_ID}`);
    expect(io.stdout).toContain(`- ${REMOVED_ID}`);
    expect(io.stdout).toContain(`~ ${REWORDED_ID}`);
    for (const [o, n] of RENUMBERED) expect(io.stdout).toContain(`${o} → ${n}`);
    expect(io.stdout).toContain(`Đã ghi sổ theo dõi theo kế hoạch sửa đổi: ${join(dir, 'moi.xlsx')}`);
    // The master is never touched; no temp file is left behind.
    expect(readFileSync(master).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['master.xlsx', 'moi.xlsx', 'sua-doi.txt']);

    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const cell = (row: unknown[], id: TaskColumnId, m = map) => row[m.index[id] as number];
    // The revised plan's tasks, then the removed task: its id went to the next task of its
    // group, so the kept row is marked as the old one.
    expect(back.snapshot.rows.map((r) => cell(r, 'taskId'))).toEqual([
      ...newPlan.tasks.map((t) => t.id),
      `${REMOVED_ID} (cũ)`,
    ]);
    expect(back.reportDate).toBe('2024-06-30');
    const inverse = new Map([...EXPECTED].map(([o, n]) => [n, o]));
    for (const row of back.snapshot.rows.slice(0, newPlan.tasks.length)) {
      const id = String(cell(row, 'taskId'));
      const oldId = inverse.get(id);
      if (id === ADDED_ID) {
        expect(oldId).toBeUndefined();
        for (const c of ['status', 'progress', 'result', 'note'] as const)
          expect(cell(row, c) ?? null).toBeNull();
        continue;
      }
      const old = oldRows.get(oldId as string) as unknown[];
      for (const c of ['status', 'progress', 'result', 'note', 'updatedOn'] as const)
        expect([id, c, cell(row, c)]).toEqual([id, c, cell(old, c, oldMap)]);
      expect(cell(row, 'result')).toBe(result(oldId as string));
    }
    // The removed task keeps every entry, in its own row at the end of the table, marked.
    const removed = back.snapshot.rows[back.snapshot.rows.length - 1];
    const was = oldRows.get(REMOVED_ID) as unknown[];
    for (const c of ['status', 'progress', 'result', 'updatedOn'] as const)
      expect(cell(removed, c)).toEqual(cell(was, c, oldMap));
    expect(cell(removed, 'note')).toBe(`${REMOVED_MARK.vi} Ghi chú ${REMOVED_ID}`);
    expect(io.stdout).toContain('1 nhiệm vụ không còn trong kế hoạch được giữ lại ở cuối bảng');
  });

  it('carries a deadline type and deadline staff entered where the plan gave none', async () => {
    const master = await filledMaster();
    const undated = newPlan.tasks.find(
      (t) => t.deadlines.every((d) => !d.due) && EXPECTED.get(t.id) === t.id,
    );
    if (!undated) throw new Error('the sample has no undated task');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    const colNumber = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => colNumber.set(String(c.value), n));
    const col = (id: TaskColumnId) => colNumber.get(columnHeader(id, 'vi')) as number;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(col('taskId')).value === undated.id) row = n;
    });
    ws.getCell(row, col('category')).value = CATEGORY_LABELS.due.vi;
    ws.getCell(row, col('due')).value = new Date(Date.UTC(2025, 2, 31));
    await wb.xlsx.writeFile(master);

    expect(await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], bufferIo(dir))).toBe(0);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const revisedRow = back.snapshot.rows.find((r) => r[map.index.taskId as number] === undated.id)!;
    expect(revisedRow[map.index.category as number]).toBe(CATEGORY_LABELS.due.vi);
    expect(revisedRow[map.index.due as number]).toBe(isoToSerial('2025-03-31'));
  });

  it('--dry-run --json describes the changes and writes nothing', async () => {
    await filledMaster();
    const io = bufferIo(dir);
    expect(await revise(['master.xlsx', 'sua-doi.txt', '--dry-run', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout) as {
      added: { id: string }[];
      removed: { id: string; keptEntries: boolean }[];
      reworded: { id: string }[];
      renumbered: { from: string; to: string; textChanged: boolean }[];
      unchanged: number;
      output: string | null;
      dryRun: boolean;
    };
    expect(out.added.map((t) => t.id)).toEqual([ADDED_ID]);
    expect(out.removed).toEqual([expect.objectContaining({ id: REMOVED_ID, keptEntries: true })]);
    expect(out.reworded.map((t) => t.id)).toEqual([REWORDED_ID]);
    expect(out.renumbered.map((r) => [r.from, r.to])).toEqual(RENUMBERED);
    expect(out.renumbered.every((r) => !r.textChanged)).toBe(true);
    expect(out.unchanged).toBe(EXPECTED.size - RENUMBERED.length - 1);
    expect(out).toMatchObject({ output: null, dryRun: true });
    expect(readdirSync(dir).sort()).toEqual(['master.xlsx', 'sua-doi.txt']);
  });

  it('speaks English with --lang en and is reachable through main', async () => {
    await filledMaster();
    const io = bufferIo(dir);
    expect(await main(['revise', 'master.xlsx', 'sua-doi.txt', '--dry-run', '--lang', 'en'], io)).toBe(0);
    expect(io.stdout).toContain('New tasks (1):');
    expect(io.stdout).toContain('Renumbered tasks (3):');
    expect(io.stdout).toContain('Dry run (--dry-run): no file written.');
  });

  it('never overwrites without --force, and overwrites with it', async () => {
    await filledMaster();
    const out = join(dir, 'moi.xlsx');
    writeFileSync(out, 'cũ');
    const refused = await inBothLanguages(revise, ['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Tệp đã tồn tại.*--force.*already exists/s);
    expect(readFileSync(out, 'utf8')).toBe('cũ');
    expect(await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx', '--force'], bufferIo(dir))).toBe(0);
    // The revised plan's tasks and the removed one, kept.
    expect((await readTrackingWorkbook(readFileSync(out))).snapshot.rows).toHaveLength(
      newPlan.tasks.length + 1,
    );
  });

  it("gives a reworded task that took a deleted sibling's number its own entries (issue 20 item 9)", async () => {
    // Section V: item 2 deleted, item 3 shortened (every word it keeps is its own) and
    // renumbered 2. By plain word counts the new V.2 is closer to the old V.2 (0.727 against
    // 0.703): the two items share a long common core.
    await filledMaster();
    const lines = ORIGINAL.split(/\r?\n/);
    const part = lines.findIndex((l) => l.startsWith('V. '));
    const shortened =
      'Ban Tổ chức Tỉnh ủy theo dõi, kiểm tra, đôn đốc việc tổ chức thực hiện Nghị quyết số 28-NQ/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy.';
    const edited = lines.flatMap((l, i) => {
      if (i < part) return [l];
      if (l.startsWith('2. ')) return [];
      if (l.startsWith('3. ')) return [`2. ${shortened}`];
      return [l];
    });
    writeFileSync(join(dir, 'sua-v.txt'), edited.join('\n'));
    const v2 = oldPlan.tasks.find((t) => t.id === 'V.2');
    const v3 = oldPlan.tasks.find((t) => t.id === 'V.3');
    expect(v2?.text).toMatch(/^Các đồng chí Ủy viên/);
    expect(v3?.text).toMatch(/^Ban Tổ chức Tỉnh ủy chủ trì/);

    const dry = bufferIo(dir);
    expect(await revise(['master.xlsx', 'sua-v.txt', '--dry-run', '--json'], dry)).toBe(0);
    const out = JSON.parse(dry.stdout) as {
      pairings: { from: string; to: string; kind: string; score: number }[];
      removed: { id: string }[];
      added: { id: string }[];
    };
    const pairing = out.pairings.find((p) => p.to === 'V.2');
    expect(pairing).toMatchObject({ from: 'V.3', kind: 'renumbered' });
    expect(pairing?.score).toBeGreaterThan(0.6);
    expect(pairing?.score).toBeLessThan(1);
    expect(out.removed.map((t) => t.id)).toEqual(['V.2']);
    expect(out.added).toEqual([]);
    // Every old task is paired or listed as removed; every new one paired or listed as added.
    expect(out.pairings).toHaveLength(oldPlan.tasks.length - 1);
    const text = bufferIo(dir);
    expect(await revise(['master.xlsx', 'sua-v.txt', '--dry-run'], text)).toBe(0);
    expect(text.stdout).toContain(`V.3 → V.2  ${pairing?.score.toFixed(3)}  đổi số thứ tự`);
    expect(text.stdout).toContain('V.1 → V.1  1.000  không đổi');
    expect(text.stdout).toContain('- V.2  Các đồng chí Ủy viên');

    expect(await revise(['master.xlsx', 'sua-v.txt', '-o', 'moi.xlsx'], bufferIo(dir))).toBe(0);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const rowOf = (id: string) =>
      back.snapshot.rows.find((r) => r[map.index.taskId as number] === id) as unknown[];
    expect(rowOf('V.2')[map.index.result as number]).toBe(result('V.3'));
    expect(rowOf('V.2')[map.index.note as number]).toBe('Ghi chú V.3');
    // The deleted task keeps its own entries, marked, under its old id (now taken).
    const kept = rowOf('V.2 (cũ)');
    expect(kept[map.index.result as number]).toBe(result('V.2'));
    expect(kept[map.index.note as number]).toBe(`${REMOVED_MARK.vi} Ghi chú V.2`);
    expect(back.snapshot.rows.filter((r) => r[map.index.result as number] === result('V.3'))).toHaveLength(1);
  });

  it('changes nothing when the plan is the one the workbook was built from (issue 20 item 10)', async () => {
    const master = await filledMaster();
    const before = readFileSync(master);
    const io = bufferIo(dir);
    // Even told to write over the master itself, an unchanged plan rewrites nothing.
    expect(await revise(['master.xlsx', SAMPLE, '-o', 'master.xlsx', '--force'], io)).toBe(0);
    expect(io.stdout).toContain('Kế hoạch này chính là kế hoạch của sổ theo dõi: không có gì để cập nhật');
    expect(readFileSync(master).equals(before)).toBe(true);
    expect(await revise(['master.xlsx', SAMPLE, '-o', 'moi.xlsx'], bufferIo(dir))).toBe(0);
    expect(existsSync(join(dir, 'moi.xlsx'))).toBe(false);
    const json = bufferIo(dir);
    expect(await revise(['master.xlsx', SAMPLE, '-o', 'moi.xlsx', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ samePlan: true, output: null, added: [], removed: [] });
    expect(readdirSync(dir).sort()).toEqual(['master.xlsx', 'sua-doi.txt']);
  });

  /** Opens the master with ExcelJS, lets `edit` change it, saves it. */
  async function editMaster(
    path: string,
    edit: (ws: ExcelJS.Worksheet, col: (id: TaskColumnId) => number, wb: ExcelJS.Workbook) => void,
  ) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    const colNumber = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => colNumber.set(String(c.value), n));
    edit(ws, (id) => colNumber.get(columnHeader(id, 'vi')) as number, wb);
    await wb.xlsx.writeFile(path);
  }

  it('keeps a row without id and a duplicated row, and lists them (issue 20 item 10)', async () => {
    const master = await filledMaster();
    const last = oldPlan.tasks.length + 1;
    const dupOf = oldPlan.tasks[4].id;
    await editMaster(master, (ws, col) => {
      ws.getCell(last + 1, col('text')).value = 'Việc phát sinh do cán bộ ghi thêm';
      ws.getCell(last + 1, col('result')).value = 'Kết quả việc phát sinh';
      ws.getCell(last + 2, col('taskId')).value = dupOf;
      ws.getCell(last + 2, col('text')).value = oldPlan.tasks[4].text;
      ws.getCell(last + 2, col('result')).value = 'Kết quả ghi ở bản trùng';
    });
    const io = bufferIo(dir);
    expect(await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain(
      `1 dòng không có mã nhiệm vụ (dòng ${last + 1}) được giữ nguyên ở cuối bảng.`,
    );
    expect(io.stdout).toContain(`Dòng ${last + 2} lặp lại mã "${dupOf}"`);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const at = (r: unknown[], id: TaskColumnId) => r[map.index[id] as number];
    const loose = back.snapshot.rows.find((r) => at(r, 'result') === 'Kết quả việc phát sinh');
    expect(loose && at(loose, 'text')).toBe('Việc phát sinh do cán bộ ghi thêm');
    expect(loose && at(loose, 'taskId')).toBeNull();
    const dup = back.snapshot.rows.find((r) => at(r, 'result') === 'Kết quả ghi ở bản trùng');
    expect(dup && at(dup, 'taskId')).toBe(`${dupOf} (trùng)`);
    // The first row of that id keeps its own entries.
    const first = back.snapshot.rows.find((r) => at(r, 'taskId') === EXPECTED.get(dupOf));
    expect(first && at(first, 'result')).toBe(result(dupOf));
  });

  it('keeps the rows an earlier revision kept when revising again (issue 20 item 10)', async () => {
    await filledMaster();
    expect(await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], bufferIo(dir))).toBe(0);
    // The next revision deletes one more task.
    const gone = idByText(newPlan, lineOf('4.3'));
    const again = revisedText()
      .split('\n')
      .filter((l) => !l.startsWith('4.3. '))
      .join('\n');
    writeFileSync(join(dir, 'sua-doi-2.txt'), again);
    const io = bufferIo(dir);
    expect(await revise(['moi.xlsx', 'sua-doi-2.txt', '-o', 'moi-2.xlsx'], io)).toBe(0);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi-2.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const at = (r: unknown[], id: TaskColumnId) => r[map.index[id] as number];
    const marked = back.snapshot.rows.filter((r) => String(at(r, 'note')).startsWith(REMOVED_MARK.vi));
    expect(marked.map((r) => at(r, 'result')).sort()).toEqual([result(REMOVED_ID), result(gone)].sort());
    // Marked once, not once per revision.
    for (const r of marked) expect(String(at(r, 'note')).split(REMOVED_MARK.vi)).toHaveLength(2);
  });

  it('keeps a category staff changed (issue 20 item 10)', async () => {
    const master = await filledMaster();
    const task = oldPlan.tasks.find(
      (t) => EXPECTED.get(t.id) === t.id && t.id !== REWORDED_ID,
    ) as Plan['tasks'][0];
    await editMaster(master, (ws, col) => {
      ws.eachRow((r, n) => {
        if (r.getCell(col('taskId')).value === task.id)
          ws.getCell(n, col('category')).value = CATEGORY_LABELS.periodic.vi;
      });
    });
    expect(await revise(['master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx'], bufferIo(dir))).toBe(0);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const map = mapColumns(back.snapshot.headers);
    const row = back.snapshot.rows.find((r) => r[map.index.taskId as number] === task.id) as unknown[];
    expect(row[map.index.category as number]).toBe(CATEGORY_LABELS.periodic.vi);
  });

  it.each([
    [['master.xlsx', 'sua-doi.txt'], /Thiếu tệp kết quả.*Missing the output/s],
    [['master.xlsx'], /Cần sổ theo dõi và kế hoạch sửa đổi.*both needed/s],
    [['master.xlsx', 'sua-doi.txt', '-o', 'moi.csv'], /đuôi \.xlsx.*must end in \.xlsx/s],
    [['master.xlsx', 'khong-co.txt', '--dry-run'], /khong-co.txt: không tìm thấy tệp.*file not found/s],
    [
      ['sua-doi.txt', 'sua-doi.txt', '--dry-run'],
      /không phải bảng tính Excel .xlsx.*is not an Excel .xlsx workbook/s,
    ],
    [['master.xlsx', 'rong.txt', '-o', 'moi.xlsx'], /rong.txt.*Không tìm thấy nhiệm vụ nào.*No tasks found/s],
    [['master.xlsx', 'khac.txt', '-o', 'moi.xlsx'], /không có nhiệm vụ nào trùng.*shares no task/s],
  ])('refuses bad input %j with exit 2, in either language, writing nothing', async (args, message) => {
    await filledMaster();
    // Another province's plan: not one task in common with the master.
    writeFileSync(
      join(dir, 'khac.txt'),
      readFileSync(join(ROOT, 'test/fixtures/plans/hung-yen-74-kh-ubnd-appendix.txt')),
    );
    writeFileSync(join(dir, 'rong.txt'), 'Biên bản họp giao ban tháng 6.\n');
    const res = await inBothLanguages(revise, args, dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(existsSync(join(dir, 'moi.xlsx'))).toBe(false);
  });
});
