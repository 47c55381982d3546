/**
 * Conflicts settled one by one (issue 19): the pane's per-conflict choice and the CLI's --take
 * reach the merge as decisions; each overrides `prefer` for the conflict it names, the rest stay
 * undecided (nothing written) unless `prefer` settles them. On workbooks built, split and edited
 * as files, read back after the merge.
 */
import { STATUS_LABELS } from '../../src/model/labels';
import { decisionFor } from '../../src/tracking/merge';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildMaster, fill, NV, valueOf } from './merge-fixture';

const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;

/** A master and a Sở Nội vụ return that both changed IV.1.1's status and IV.1.2's note. */
async function twoConflicts() {
  const built = await buildMaster();
  const { files } = await splitWorkbook(built);
  const nv = await fill(files.find((f) => f.agencyKey === NV)!.bytes, [
    ['IV.1.1', 'status', DONE],
    ['IV.1.2', 'note', 'Cơ quan: chờ kinh phí'],
    ['IV.1.2', 'result', 'Đã mở 2 lớp'],
  ]);
  const master = await fill(built, [
    ['IV.1.1', 'status', DOING],
    ['IV.1.2', 'note', 'Văn phòng: đã nhắc'],
  ]);
  const merge = (opts: Parameters<typeof mergeWorkbooks>[2]) =>
    mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [{ file: 'Sở Nội vụ.xlsx', bytes: nv }], opts);
  return { merge };
}

describe('settling merge conflicts one by one', () => {
  it('takes each conflict’s own side and writes the merged master', async () => {
    const { merge } = await twoConflicts();
    const res = await merge({
      decisions: [
        { file: 'Sở Nội vụ.xlsx', taskId: 'IV.1.1', column: 'status', take: 'return' },
        { file: 'Sở Nội vụ.xlsx', taskId: 'IV.1.2', column: 'note', take: 'master' },
      ],
    });
    expect(res.plan.ok).toBe(true);
    expect(res.plan.conflicts.map((c) => [c.taskId, c.column, c.resolution])).toEqual([
      ['IV.1.1', 'status', 'return'],
      ['IV.1.2', 'note', 'master'],
    ]);
    const out = res.output!;
    expect(await valueOf(out, 'IV.1.1', 'status')).toBe(DONE);
    expect(await valueOf(out, 'IV.1.2', 'note')).toBe('Văn phòng: đã nhắc');
    expect(await valueOf(out, 'IV.1.2', 'result')).toBe('Đã mở 2 lớp');
    // The history says which change settled a conflict.
    const status = res.history.find((h) => h.taskId === 'IV.1.1' && h.column === 'status');
    expect(status?.note?.vi).toMatch(/Xung đột/);
    expect(res.history.some((h) => h.column === 'note')).toBe(false);
  });

  it('writes nothing while a conflict is left undecided', async () => {
    const { merge } = await twoConflicts();
    const res = await merge({ decisions: [{ taskId: 'IV.1.1', column: 'status', take: 'return' }] });
    expect(res.plan.ok).toBe(false);
    expect(res.output).toBeNull();
    expect(res.plan.conflicts.map((c) => c.resolution)).toEqual(['return', null]);
  });

  it('a decision overrides prefer; prefer settles the conflicts no decision names', async () => {
    const { merge } = await twoConflicts();
    const res = await merge({ prefer: 'return', decisions: [{ taskId: 'IV.1.2', take: 'master' }] });
    expect(res.plan.ok).toBe(true);
    expect(await valueOf(res.output!, 'IV.1.1', 'status')).toBe(DONE);
    expect(await valueOf(res.output!, 'IV.1.2', 'note')).toBe('Văn phòng: đã nhắc');
  });

  it('a decision for a whole task covers its columns; a narrower one wins over it', () => {
    const c = { file: 'a.xlsx', taskId: 'IV.1.1', column: 'status' as const };
    expect(decisionFor([{ taskId: 'IV.1.1', take: 'return' }], c)).toBe('return');
    expect(
      decisionFor(
        [
          { taskId: 'IV.1.1', column: 'status', take: 'master' },
          { taskId: 'IV.1.1', take: 'return' },
        ],
        c,
      ),
    ).toBe('master');
    expect(decisionFor([{ taskId: 'IV.1.1', file: 'b.xlsx', take: 'return' }], c)).toBeNull();
    expect(decisionFor([{ taskId: 'IV.1.2', take: 'return' }], c)).toBeNull();
    // A choice changed later replaces the earlier one of the same reach.
    expect(
      decisionFor(
        [
          { taskId: 'IV.1.1', column: 'status', take: 'master' },
          { taskId: 'IV.1.1', column: 'status', take: 'return' },
        ],
        c,
      ),
    ).toBe('return');
  });
});
