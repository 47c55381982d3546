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
