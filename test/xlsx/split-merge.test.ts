import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { Plan } from '../../src/plan/types';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TaskColumnId } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { cellAddress } from '../../src/model/table';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { splitWorkbook, zipSplitFiles } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, UserValue } from '../e2e-roundtrip/user-edit';
import { openWorkbook } from '../../src/xlsx/ooxml/read';
import { BTC, NV, PLAN, TC } from './merge-fixture';

/** The history sheet's rows as text, read by the package reader. */
function historyRows(bytes: Uint8Array, name = 'Lịch sử'): string[][] {
  const wb = openWorkbook(bytes);
  const sheet = wb.sheet(name);
  if (!sheet) return [];
  return wb.readRows(sheet).rows.map((r) => r.cells.map((c) => String(c.value)));
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function buildMaster(workbookId = 'master-1', plan: Plan = PLAN): Promise<Uint8Array> {
  return writeXlsx(
    buildWorkbookSpec(plan, {
      lang: 'vi',
      reportDate: '2024-06-20',
      workbookId,
      now: new Date('2024-01-15T00:00:00Z'),
    }),
  );
}

/** A1 edits for task cells, found through the file's own header row. */
async function taskEdits(bytes: Uint8Array, edits: [string, TaskColumnId, UserValue][]) {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [taskId, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === taskId);
    if (row < 0) throw new Error(`no row for ${taskId}`);
    out[cellAddress(wb.snapshot, row, map.index[column] as number)] = value;
  }
  return { sheet: wb.snapshot.sheet, out };
}

async function fill(bytes: Uint8Array, edits: [string, TaskColumnId, UserValue][]): Promise<Uint8Array> {
  const { sheet, out } = await taskEdits(bytes, edits);
  return editCells(bytes, sheet, out);
}

async function valueOf(bytes: Uint8Array, taskId: string, column: TaskColumnId) {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === taskId);
  return row?.[map.index[column] as number] ?? null;
}

const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;

describe('split', () => {
  it('makes one workbook per lead agency with its tasks, entries and ties to the master', async () => {
    const master = await fill(await buildMaster(), [
      ['IV.2.1', 'status', DOING],
      ['IV.2.1', 'note', 'Đã có dự thảo'],
    ]);
    const result = await splitWorkbook(master);
    expect(result.files.map((f) => f.fileName).sort()).toEqual(
      ['Ban Tổ chức Tỉnh ủy.xlsx', 'Sở Nội vụ.xlsx', 'Sở Tài chính.xlsx'].sort(),
    );
    expect(result.unassigned).toEqual(['IV.9.9']);
    const masterWb = await readTrackingWorkbook(master);
    const masterHashes = new Map(masterWb.meta?.tasks.map((t) => [t.id, t.hash]));
    for (const f of result.files) {
      const copy = await readTrackingWorkbook(f.bytes);
      const expectedIds = PLAN.tasks.filter((t) => t.lead === f.agencyKey).map((t) => t.id);
      const map = mapColumns(copy.snapshot.headers);
      expect(copy.snapshot.rows.map((r) => r[map.index.taskId as number])).toEqual(expectedIds);
      expect(copy.meta).toMatchObject({
        workbookId: 'master-1',
        agencyKey: f.agencyKey,
        sourceFingerprint: masterWb.meta?.sourceFingerprint,
      });
      expect(copy.meta?.tasks).toEqual(expectedIds.map((id) => ({ id, hash: masterHashes.get(id) })));
      // Same layout as the master: sheets, headers, validations carried by the same builder.
      expect(copy.snapshot.headers).toEqual(masterWb.snapshot.headers);
      expect(copy.sheetNames.filter((n) => n !== '_PlanTracker')).toEqual(
        masterWb.sheetNames.filter((n) => n !== '_PlanTracker'),
      );
    }
    const btc = result.files.find((f) => f.agencyKey === BTC) as { bytes: Uint8Array };
    expect(await valueOf(btc.bytes, 'IV.2.1', 'status')).toBe(DOING);
    expect(await valueOf(btc.bytes, 'IV.2.1', 'note')).toBe('Đã có dự thảo');
    expect(await valueOf(btc.bytes, 'IV.2.1', 'partners')).toBe('Sở Nội vụ; Sở Tài chính');
    const sheet = await (await JSZip.loadAsync(btc.bytes)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(sheet).toContain('<dataValidation');

    // One download holding every copy, names as they are.
    const bundle = await JSZip.loadAsync(await zipSplitFiles(result.files));
    expect(Object.keys(bundle.files).sort()).toEqual(result.files.map((f) => f.fileName).sort());
    const inner = await bundle.file('Sở Nội vụ.xlsx')?.async('uint8array');
    expect(inner && sha(inner)).toBe(sha(result.files.find((f) => f.fileName === 'Sở Nội vụ.xlsx')!.bytes));
  });
});

describe('merge', () => {
  async function splitAndFill() {
    const master = await buildMaster();
    const { files } = await splitWorkbook(master);
    const byKey = new Map(files.map((f) => [f.agencyKey, f]));
    const nv = await fill(byKey.get(NV)!.bytes, [
      ['IV.1.1', 'status', DONE],
      ['IV.1.1', 'completedOn', isoToSerial('2024-04-05')],
      ['IV.1.1', 'result', 'Đã phê duyệt đề án'],
      ['IV.1.2', 'due', isoToSerial('2024-09-30')],
    ]);
    const tc = await fill(byKey.get(TC)!.bytes, [
      ['IV.3.1', 'status', DOING],
      ['IV.3.1', 'progress', 40],
    ]);
    return { master, files: byKey, nv, tc };
  }

  it('applies the returns, writes the history, and leaves the rest of the package as it was', async () => {
    const { master, nv, tc } = await splitAndFill();
    const res = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: master },
      [
        { file: 'Sở Nội vụ.xlsx', bytes: nv },
        { file: 'Sở Tài chính.xlsx', bytes: tc },
      ],
      { now: new Date('2024-06-21T08:00:00Z') },
    );
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.ok).toBe(true);
    expect(res.plan.changes).toHaveLength(6);
    const out = res.output as Uint8Array;
    expect(await valueOf(out, 'IV.1.1', 'status')).toBe(DONE);
    expect(await valueOf(out, 'IV.1.1', 'completedOn')).toBe(isoToSerial('2024-04-05'));
    expect(await valueOf(out, 'IV.1.2', 'due')).toBe(isoToSerial('2024-09-30'));
    expect(await valueOf(out, 'IV.3.1', 'progress')).toBe(40);
    expect(await valueOf(out, 'IV.2.1', 'status')).toBeNull();

    const merged = await readTrackingWorkbook(out);
    expect(merged.sheetNames).toContain('Lịch sử');
    // The meta is the master's, plus the common points this merge reached with the copies.
    expect({ ...merged.meta, sync: undefined }).toEqual((await readTrackingWorkbook(master)).meta);
    expect(merged.meta?.sync).toEqual(res.plan.sync);
    const before = await JSZip.loadAsync(master);
    const after = await JSZip.loadAsync(out);
    for (const part of ['xl/styles.xml', 'xl/tables/table1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(await after.file(part)?.async('string')).toBe(await before.file(part)?.async('string'));
    }
    // Shared strings only grow: every earlier string keeps its index.
    const strings = (xml: string | undefined) => [...(xml ?? '').matchAll(/<si>.*?<\/si>/g)].map((m) => m[0]);
    const sstBefore = strings(await before.file('xl/sharedStrings.xml')?.async('string'));
    const sstAfter = strings(await after.file('xl/sharedStrings.xml')?.async('string'));
    expect(sstAfter.slice(0, sstBefore.length)).toEqual(sstBefore);
    // The history lists every change with old and new values.
    const hist = historyRows(out);
    expect(hist.flat()).toContain('Đã phê duyệt đề án');
    expect(hist.flat()).toContain('05/04/2024');
    expect(hist).toHaveLength(1 + 6);

    // A second merge of the same returns changes nothing; a later return appends to the history.
    const again = await mergeWorkbooks({ file: 'master.xlsx', bytes: out }, [
      { file: 'Sở Nội vụ.xlsx', bytes: nv },
    ]);
    expect(again.plan.changes).toEqual([]);
    expect(again.output).toBeNull();
    const tc2 = await fill(tc, [['IV.3.1', 'status', DONE]]);
    const third = await mergeWorkbooks({ file: 'master.xlsx', bytes: out }, [
      { file: 'tc2.xlsx', bytes: tc2 },
    ]);
    expect(third.plan.changes.map((c) => [c.column, c.old, c.new])).toEqual([['status', DOING, DONE]]);
    expect(historyRows(third.output as Uint8Array)).toHaveLength(1 + 6 + 1);
  });

  it('refuses conflicts unless told which side wins', async () => {
    const { master, nv } = await splitAndFill();
    const edited = await fill(master, [['IV.1.1', 'status', DOING]]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: edited }, [
      { file: 'nv.xlsx', bytes: nv },
    ]);
    expect(res.plan.ok).toBe(false);
    expect(res.output).toBeNull();
    expect(res.plan.conflicts).toMatchObject([
      { taskId: 'IV.1.1', column: 'status', base: null, master: DOING, return: DONE },
    ]);
    const preferred = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: edited },
      [{ file: 'nv.xlsx', bytes: nv }],
      { prefer: 'return' },
    );
    expect(await valueOf(preferred.output as Uint8Array, 'IV.1.1', 'status')).toBe(DONE);
    expect(preferred.history.find((h) => h.column === 'status')?.note?.vi).toMatch(/prefer return/);
    const kept = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: edited },
      [{ file: 'nv.xlsx', bytes: nv }],
      { prefer: 'master' },
    );
    expect(await valueOf(kept.output as Uint8Array, 'IV.1.1', 'status')).toBe(DOING);
  });

  it('refuses foreign, tampered and incomplete returns, all or nothing', async () => {
    const { master, nv, tc } = await splitAndFill();
    // Another master of another plan (one rebuilt from the same plan is recognised: lineage.ts).
    const other = await splitWorkbook(
      await buildMaster('master-2', { ...PLAN, title: `${PLAN.title} (khác)` }),
    );
    const foreign = await fill(other.files[0].bytes, [
      [PLAN.tasks.find((t) => t.lead === other.files[0].agencyKey)!.id, 'note', 'x'],
    ]);
    const { sheet } = await taskEdits(tc, []);
    const headerCol = String.fromCharCode(65 + 12); // "Ghi chú" is the 13th column
    const renamed = await editCells(tc, sheet, { [`${headerCol}1`]: 'Ý kiến' });
    const cases: [string, Uint8Array, string][] = [
      ['foreign', foreign, 'foreign-workbook'],
      ['missing column', renamed, 'missing-columns'],
      ['not a workbook', new TextEncoder().encode('hello'), 'no-meta'],
    ];
    for (const [name, bytes, code] of cases) {
      const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [
        { file: 'nv.xlsx', bytes: nv },
        { file: `${name}.xlsx`, bytes },
      ]);
      expect(res.plan.refused.map((r) => r.code)).toContain(code);
      expect(res.plan.changes).toEqual([]);
      expect(res.output).toBeNull();
    }
    expect(columnHeader('note', 'vi')).toBe('Ghi chú');
    expect(sha(master)).toBe(sha(master));
  });

  it('works the same on an English workbook', async () => {
    const master = await writeXlsx(
      buildWorkbookSpec(PLAN, { lang: 'en', reportDate: '2024-06-20', workbookId: 'en-1' }),
    );
    const { files } = await splitWorkbook(master);
    expect(files.map((f) => f.fileName)).toContain('Sở Nội vụ.xlsx');
    const nv = files.find((f) => f.agencyKey === NV) as { bytes: Uint8Array };
    expect((await readTrackingWorkbook(nv.bytes)).sheetNames).toContain('Tasks');
    // The agency types the Vietnamese word; the English master gets its own word.
    const ret = await fill(nv.bytes, [['IV.1.1', 'status', DONE]]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [
      { file: 'nv.xlsx', bytes: ret },
    ]);
    expect(res.plan.ok).toBe(true);
    const out = res.output as Uint8Array;
    expect(await valueOf(out, 'IV.1.1', 'status')).toBe(STATUS_LABELS.done.en);
    expect((await readTrackingWorkbook(out)).sheetNames).toContain('Merge history');
  });

  it('plans but writes nothing on a dry run', async () => {
    const { master, nv } = await splitAndFill();
    const res = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: master },
      [{ file: 'nv.xlsx', bytes: nv }],
      { dryRun: true },
    );
    expect(res.plan.changes.length).toBeGreaterThan(0);
    expect(res.output).toBeNull();
  });
});

describe('workbooks built before the task hashes changed algorithm', () => {
  const legacy = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/legacy', name)));

  it('merge an old return into its old master', async () => {
    const master = legacy('master-8482e9b.xlsx');
    const copy = legacy('ban-to-chuc-8482e9b.xlsx');
    const meta = (await readTrackingWorkbook(copy)).meta;
    expect(meta?.taskHashAlgorithm).toBeUndefined();
    const id = meta!.tasks[0].id;
    const ret = await fill(copy, [[id, 'status', DONE]]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [
      { file: 'btc.xlsx', bytes: ret },
    ]);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.changes.map((c) => [c.taskId, c.column])).toEqual([[id, 'status']]);
    expect(await valueOf(res.output as Uint8Array, id, 'status')).toBe(DONE);
  });

  it('split an old master with this version, and merge the new copies back', async () => {
    const master = legacy('master-8482e9b.xlsx');
    const { files } = await splitWorkbook(master);
    const btc = files.find((f) => f.agencyName === 'Ban Tổ chức Tỉnh ủy')!;
    // The copy carries the master's hashes, and the master's (unrecorded) algorithm with them.
    const copyMeta = (await readTrackingWorkbook(btc.bytes)).meta;
    expect(copyMeta?.taskHashAlgorithm).toBeUndefined();
    const old = (await readTrackingWorkbook(master)).meta!;
    expect(copyMeta?.tasks.every((t) => old.tasks.some((o) => o.id === t.id && o.hash === t.hash))).toBe(
      true,
    );
    const ret = await fill(btc.bytes, [[btc.taskIds[1], 'progress', 40]]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [
      { file: 'btc.xlsx', bytes: ret },
    ]);
    expect(res.plan.ok).toBe(true);
    expect(await valueOf(res.output as Uint8Array, btc.taskIds[1], 'progress')).toBe(40);
  });
});
