/**
 * Lineage across revisions and rebuilds (issue 13 item 6): returns split from an earlier master
 * merge into the revised or rebuilt one, through the id mapping the master records; one whose
 * lineage cannot be proven is refused with what to do, and `--adopt` takes it after a dry run.
 * Real files all the way: build, split and revise with the CLI, returns filled by editing the
 * copies' XML as a spreadsheet program would, merged with the CLI.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { mapColumns, type TaskColumnId } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { cellAddress } from '../../src/model/table';
import { parsePlan } from '../../src/plan/parse';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const ORIGINAL = readFileSync(SAMPLE, 'utf8');
const DONE = STATUS_LABELS.done.vi;

/** The sample with task 3.4 of part IV deleted (3.5–3.7 become 3.4–3.6). */
function revisedText(): string {
  return ORIGINAL.split(/\r?\n/)
    .flatMap((line) => {
      const m = /^3\.(\d+)\. /.exec(line);
      if (!m) return [line];
      const k = Number(m[1]);
      if (k === 4) return [];
      return [k > 4 ? line.replace(/^3\.\d+\./, `3.${k - 1}.`) : line];
    })
    .join('\n');
}

const oldPlan = parsePlan(ORIGINAL);
const removedId = 'IV.3.4';
const movedFrom = 'IV.3.6';
const movedTo = 'IV.3.5';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pt-lineage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

const sha = (name: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, name)))
    .digest('hex');

async function fill(name: string, edits: [string, TaskColumnId, UserValue][]): Promise<void> {
  const path = join(dir, name);
  const bytes = readFileSync(path);
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [task, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === task);
    if (row < 0) throw new Error(`no task ${task} in ${name}`);
    out[cellAddress(wb.snapshot, row, map.index[column] as number)] = value;
  }
  writeFileSync(path, await editCells(bytes, wb.snapshot.sheet, out));
}

async function valueOf(name: string, task: string, column: TaskColumnId) {
  const wb = await readTrackingWorkbook(readFileSync(join(dir, name)));
  const map = mapColumns(wb.snapshot.headers);
  const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === task);
  return row ? row[map.index[column] as number] : undefined;
}

/** Builds the master from `plan`, splits it, fills the Ban Tổ chức copy's return. */
async function masterAndReturn(plan = SAMPLE): Promise<string> {
  expect((await run('build', plan, '-o', 'master.xlsx', '--report-date', '2024-06-30')).code).toBe(0);
  expect((await run('split', 'master.xlsx', '-o', 'ban')).code).toBe(0);
  const ret = join('ban', 'Ban Tổ chức Tỉnh ủy.xlsx');
  await fill(ret, [
    [movedFrom, 'status', DONE],
    [movedFrom, 'result', 'Đã trình Ban Thường vụ danh mục chức danh'],
    [removedId, 'result', 'Đã giao biên chế 2022-2026'],
    ['IV.3.1', 'progress', 0.4],
  ]);
  return ret;
}

describe('lineage across revise and rebuild', () => {
  it('sanity: the sample has the tasks the edits name', () => {
    expect(oldPlan.tasks.map((t) => t.id)).toEqual(expect.arrayContaining([removedId, movedFrom, 'IV.3.1']));
    const revised = parsePlan(revisedText());
    expect(revised.tasks.find((t) => t.id === movedTo)?.text).toBe(
      oldPlan.tasks.find((t) => t.id === movedFrom)?.text,
    );
  });

  it('merges a return split before a revision into the revised master, through the id mapping', async () => {
    const ret = await masterAndReturn();
    writeFileSync(join(dir, 'sua-doi.txt'), revisedText());
    expect((await run('revise', 'master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx')).code).toBe(0);
    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const step = wb.meta?.lineage?.[0];
    expect(step?.map[movedFrom]).toBe(movedTo);
    expect(step?.removed).toEqual([removedId]);

    const merged = await run('merge', 'moi.xlsx', ret);
    expect(merged.err).not.toMatch(/thuộc kế hoạch khác/);
    expect(merged.code).toBe(0);
    expect(merged.err).toContain('được tách trước khi kế hoạch được sửa đổi');
    expect(merged.err).toContain(`nhiệm vụ "${removedId}" không còn trong kế hoạch của sổ tổng`);
    // The renumbered task's values land on its new id; the unchanged one's on its own.
    expect(await valueOf('moi.xlsx', movedTo, 'status')).toBe(DONE);
    expect(await valueOf('moi.xlsx', movedTo, 'result')).toBe('Đã trình Ban Thường vụ danh mục chức danh');
    expect(await valueOf('moi.xlsx', 'IV.3.1', 'progress')).toBe(0.4);
    // Nothing landed on the task that now has the removed one's number.
    expect(await valueOf('moi.xlsx', removedId, 'result')).toBeNull();
  });

  it('recognises returns of an earlier build of the same plan', async () => {
    const ret = await masterAndReturn();
    expect((await run('build', SAMPLE, '-o', 'lap-lai.xlsx', '--report-date', '2024-06-30')).code).toBe(0);
    const merged = await run('merge', 'lap-lai.xlsx', ret);
    expect(merged.code).toBe(0);
    expect(merged.err).toContain('được tách từ một sổ tổng khác lập từ cùng kế hoạch này');
    expect(await valueOf('lap-lai.xlsx', movedFrom, 'status')).toBe(DONE);
  });

  it('refuses a return whose lineage cannot be proven, pointing to --adopt; --adopt takes it after a dry run', async () => {
    const ret = await masterAndReturn();
    // Another master, built from the revised plan directly: no record of the first one.
    writeFileSync(join(dir, 'sua-doi.txt'), revisedText());
    expect((await run('build', 'sua-doi.txt', '-o', 'khac.xlsx', '--report-date', '2024-06-30')).code).toBe(
      0,
    );
    const before = sha('khac.xlsx');
    const refused = await run('merge', 'khac.xlsx', ret);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('không chứng minh được tệp được tách từ sổ tổng này');
    expect(refused.err).toContain('--adopt --dry-run');
    expect(sha('khac.xlsx')).toBe(before);

    const dry = await run('merge', 'khac.xlsx', ret, '--adopt', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.err).toContain('được nhận theo --adopt: ghép nhiệm vụ theo nội dung');
    // The review shows each task that lands under another number, with its score.
    expect(dry.err).toContain(`${movedFrom} → ${movedTo} (1.000)`);
    expect(dry.err).toContain(`nhiệm vụ "${removedId}" không còn trong kế hoạch của sổ tổng`);
    expect(sha('khac.xlsx')).toBe(before);

    const adopted = await run('merge', 'khac.xlsx', ret, '--adopt');
    expect(adopted.code).toBe(0);
    // By content: the renumbered task's values on its number in this master.
    expect(await valueOf('khac.xlsx', 'IV.3.1', 'progress')).toBe(0.4);
    expect(await valueOf('khac.xlsx', movedTo, 'status')).toBe(DONE);
    expect(await valueOf('khac.xlsx', removedId, 'result')).toBeNull();
  });
});
