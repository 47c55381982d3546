/**
 * Text over Excel's 32,767-character cell limit (issue 20.5): build refuses a plan with such a
 * line (it wrote a 5-million-character cell), check flags it, merge lists it and never writes
 * it (it wrote a 40,000-character value into the master). Each failed on the code before.
 */
import { checkTracking } from '../../src/tracking/check';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { LocalizedError } from '../../src/model/msg';
import { mapColumns } from '../../src/model/columns';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildMaster, fill, NV, PLAN, valueOf } from '../xlsx/merge-fixture';

const LONG = 'Báo cáo rất dài. '.repeat(2500); // 42,500 characters

describe('over-long text', () => {
  it('build refuses a plan line longer than a cell, naming the task', () => {
    const plan = { ...PLAN, tasks: PLAN.tasks.map((t, i) => (i === 1 ? { ...t, text: LONG } : t)) };
    let err: unknown;
    try {
      buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-20' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LocalizedError);
    expect((err as LocalizedError).msg.vi).toMatch(
      /Nhiệm vụ "IV\.1\.2": ô "Nội dung nhiệm vụ" dài 42\.500 ký tự/,
    );
    expect((err as LocalizedError).exitCode).toBe(2);
  });

  it('check flags a cell over the limit; merge lists it and keeps the master as it was', async () => {
    const master = await buildMaster();
    const { files } = await splitWorkbook(master);
    const ret = await fill(files.find((f) => f.agencyKey === NV)!.bytes, [
      ['IV.1.1', 'result', LONG],
      ['IV.1.2', 'note', 'ngắn'],
    ]);
    const wb = await readTrackingWorkbook(ret);
    const findings = checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate: '2024-06-20' });
    const long = findings.filter((f) => f.code === 'text.too_long');
    expect(long.map((f) => [f.taskId, f.column, f.severity])).toEqual([['IV.1.1', 'result', 'error']]);

    const res = await mergeWorkbooks({ file: 'm.xlsx', bytes: master }, [{ file: 'nv.xlsx', bytes: ret }]);
    const skipped = (res.plan as unknown as { skipped?: { code: string }[] }).skipped ?? [];
    expect(skipped.map((k) => k.code)).toEqual(['too-long']);
    expect(res.plan.changes.map((c) => c.column)).toEqual(['note']);
    expect(await valueOf(res.output as Uint8Array, 'IV.1.1', 'result')).toBeNull();
    expect(mapColumns(wb.snapshot.headers).missing).toEqual([]);
  });
});
