import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parsePlan } from '../../src/plan/parse';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { TaskColumnId } from '../../src/model/columns';
import { cellAddress } from '../../src/model/table';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, UserValue } from '../e2e-roundtrip/user-edit';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;

async function masterOf(planFile: string): Promise<Uint8Array> {
  const text = readFileSync(planFile, 'utf8');
  return writeXlsx(
    buildWorkbookSpec(parsePlan(text), { lang: 'vi', reportDate: '2024-06-20', sourceText: text }),
  );
}

/** Edits by task id and column, found through the file's own headers. */
async function fill(
  bytes: Uint8Array,
  edits: [string | number, TaskColumnId, UserValue][],
): Promise<Uint8Array> {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [task, column, value] of edits) {
    const row =
      typeof task === 'number'
        ? task
        : wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === task);
    out[cellAddress(wb.snapshot, row, map.index[column] as number)] = value;
  }
  return editCells(bytes, wb.snapshot.sheet, out);
}

describe('plan-tracker merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-merge-'));
  const masterPath = join(dir, 'so-tong.xlsx');
  let masterBytes: Uint8Array;
  let copy: Uint8Array;
  let firstTask: string;
  let secondTask: string;
  const write = (name: string, bytes: Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  beforeAll(async () => {
    masterBytes = await masterOf(join(__dirname, '../../samples/nq28-nam-dinh.txt'));
    const split = await splitWorkbook(masterBytes);
    const btc = split.files.find((f) => f.fileName === 'Ban Tổ chức Tỉnh ủy.xlsx');
    if (!btc) throw new Error('no copy for Ban Tổ chức');
    copy = btc.bytes;
    firstTask = btc.taskIds[0];
    secondTask = btc.taskIds[1];
  });
  beforeEach(() => writeFileSync(masterPath, masterBytes));

  async function run(...args: string[]) {
    const io = bufferIo(dir);
    const code = await main(['merge', ...args], io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('merges a return and records it in the history', async () => {
    const ret = write(
      'ret.xlsx',
      await fill(copy, [
        [firstTask, 'status', DONE],
        [firstTask, 'completedOn', isoToSerial('2024-05-02')],
      ]),
    );
    const before = sha(masterPath);
    const res = await run(masterPath, ret);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Đã gộp 2 thay đổi/);
    expect(sha(masterPath)).not.toBe(before);
    const wb = await readTrackingWorkbook(readFileSync(masterPath));
    expect(wb.sheetNames).toContain('Lịch sử');
  });

  it('leaves the master byte for byte on a dry run', async () => {
    const ret = write('dry.xlsx', await fill(copy, [[firstTask, 'status', DONE]]));
    const before = sha(masterPath);
    const res = await run(masterPath, ret, '--dry-run', '--lang', 'en');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Dry run/);
    expect(sha(masterPath)).toBe(before);
  });

  it('reports conflicts side by side and changes nothing until told', async () => {
    writeFileSync(masterPath, await fill(masterBytes, [[firstTask, 'status', DOING]]));
    const ret = write(
      'conflict.xlsx',
      await fill(copy, [
        [firstTask, 'status', DONE],
        [firstTask, 'note', 'ghi chú'],
      ]),
    );
    const before = sha(masterPath);
    const res = await run(masterPath, ret);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/--prefer/);
    expect(res.out).toContain(`${firstTask}\tTrạng thái\t∅\t${DOING}\t${DONE}`);
    expect(sha(masterPath)).toBe(before);
    const json = await run(masterPath, ret, '--json');
    expect(JSON.parse(json.out).conflicts).toHaveLength(1);
    expect(sha(masterPath)).toBe(before);

    expect((await run(masterPath, ret, '--prefer', 'return')).code).toBe(0);
    const wb = await readTrackingWorkbook(readFileSync(masterPath));
    const map = mapColumns(wb.snapshot.headers);
    const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === firstTask);
    expect(row?.[map.index.status as number]).toBe(DONE);
  });

  it('settles conflicts task by task with --take, the rest by --prefer', async () => {
    const [a, b] = [firstTask, secondTask];
    writeFileSync(
      masterPath,
      await fill(masterBytes, [
        [a, 'status', DOING],
        [b, 'note', 'Văn phòng ghi'],
      ]),
    );
    const ret = write(
      'take.xlsx',
      await fill(copy, [
        [a, 'status', DONE],
        [b, 'note', 'Cơ quan ghi'],
      ]),
    );
    const before = sha(masterPath);
    // One decided, one not: nothing written, and the message says how to decide the rest.
    const half = await run(masterPath, ret, '--take', `${a}=return`);
    expect(half.code).toBe(1);
    expect(half.err).toMatch(/--take/);
    expect(sha(masterPath)).toBe(before);
    // A task without a conflict is a mistyped id: exit 2, nothing written.
    const stray = await run(masterPath, ret, '--take', `${a}=return,IV.99=master`);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('"IV.99"');
    expect(sha(masterPath)).toBe(before);
    expect((await run(masterPath, ret, '--take', `${a}=mine`)).code).toBe(2);
    expect((await run(masterPath, ret, '--take', `${a}=mine`, '--lang', 'en')).err).toMatch(
      /^Invalid --take value: ".*=mine"/,
    );
    expect(sha(masterPath)).toBe(before);

    const res = await run(masterPath, ret, '--take', `${a}=return`, '--prefer', 'master');
    expect(res.code).toBe(0);
    const wb = await readTrackingWorkbook(readFileSync(masterPath));
    const map = mapColumns(wb.snapshot.headers);
    const row = (id: string) => wb.snapshot.rows.find((r) => r[map.index.taskId as number] === id);
    expect(row(a)?.[map.index.status as number]).toBe(DONE);
    expect(row(b)?.[map.index.note as number]).toBe('Văn phòng ghi');
  });

  it.each([
    ['another plan', 'foreign-plan'],
    ['a deleted column', 'missing-columns'],
  ])('refuses a return with %s and leaves the master byte for byte', async (kind, code) => {
    const good = write('good.xlsx', await fill(copy, [[firstTask, 'note', 'ổn']]));
    let bad: Uint8Array;
    if (kind === 'another plan') {
      const other = await splitWorkbook(
        await masterOf(join(__dirname, '../fixtures/plans/hung-yen-74-kh-ubnd-appendix.txt')),
      );
      bad = await fill(other.files[0].bytes, [[0, 'note', 'x']]);
    } else {
      const wb = await readTrackingWorkbook(copy);
      const col = wb.snapshot.headers.indexOf('Kết quả thực hiện');
      bad = await editCells(copy, wb.snapshot.sheet, {
        [`${String.fromCharCode(65 + col)}${wb.snapshot.headerRow}`]: null,
      });
    }
    const badPath = write('bad.xlsx', bad);
    const before = sha(masterPath);
    const res = await run(masterPath, good, badPath);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/bad\.xlsx/);
    expect(res.err).toMatch(/Sổ tổng không thay đổi/);
    expect(sha(masterPath)).toBe(before);
    const en = await run(masterPath, good, badPath, '--lang', 'en');
    expect(en.err).toMatch(/The master is unchanged/);
    const json = await run(masterPath, good, badPath, '--json');
    expect(JSON.parse(json.out).refused.map((r: { code: string }) => r.code)).toContain(code);
    expect(sha(masterPath)).toBe(before);
  });

  it('lists the value typed in a row whose id was typed over, takes the rest, and exits 1', async () => {
    const good = write('good.xlsx', await fill(copy, [[firstTask, 'note', 'ổn']]));
    const bad = write(
      'bad.xlsx',
      await fill(copy, [
        [firstTask, 'taskId', 'IV.3.99'],
        [firstTask, 'result', 'Đã báo cáo'],
      ]),
    );
    const res = await run(masterPath, good, bad);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/bad\.xlsx" ô [A-Z]+\d+: mã nhiệm vụ "IV\.3\.99"/);
    expect(res.err).toMatch(/không được gộp/);
    const wb = await readTrackingWorkbook(readFileSync(masterPath));
    const map = mapColumns(wb.snapshot.headers);
    const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === firstTask);
    expect(row?.[map.index.note as number]).toBe('ổn');
    expect(row?.[map.index.result as number]).toBeNull();
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await run(masterPath)).code).toBe(2);
    expect((await run(masterPath, 'x.xlsx', '--prefer', 'mine')).code).toBe(2);
    expect((await run(masterPath, join(dir, 'missing.xlsx'))).code).toBe(2);
    expect((await run(masterPath, masterPath)).code).toBe(2);
  });
});
