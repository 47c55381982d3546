/**
 * A merge takes each return's texts from the master's when their stored bytes are equal (the
 * returns are split from the master). On a master large enough for that to happen, the merge must
 * still see every difference an agency made, however small, and take every value as before.
 */
import type { Plan } from '../../src/plan/types';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { TextPool } from '../../src/xlsx/ooxml/text-pool';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { writeXlsx } from '../../src/xlsx/write';
import { hasUno, libreofficeEdit } from '../support/libreoffice';
import { fill, generatedPlan, valueOf } from './merge-fixture';

const TASKS = 1_500;
const AGENCIES = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Y tế'];

function plan(): Plan {
  return generatedPlan(
    TASKS,
    AGENCIES,
    (i) =>
      `Nhiệm vụ ${i + 1}: rà soát, đánh giá kết quả thực hiện của nhóm hồ sơ ${Math.floor(i / 3)} và báo cáo Ủy ban nhân dân tỉnh`,
  );
}

describe('merge over the text pool', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sees a one-letter edit of a task text, its length kept, and takes every value', async () => {
    const master = await writeXlsx(
      buildWorkbookSpec(plan(), { lang: 'vi', reportDate: '2024-06-20', workbookId: 'pool' }),
    );
    const { files } = await splitWorkbook(master);
    const [nv, tc] = files;
    const id = nv.taskIds[100];
    const text = String(await valueOf(master, id, 'text'));
    // "kết quả" → "Kết quả": one ASCII letter changed inside the text, as many bytes as before.
    const at = text.indexOf('kết quả');
    const edited = text.slice(0, at) + 'K' + text.slice(at + 1);
    expect(new TextEncoder().encode(edited).length).toBe(new TextEncoder().encode(text).length);
    const nvBack = await fill(nv.bytes, [
      [id, 'text', edited],
      [id, 'result', 'Đã rà soát'],
      [nv.taskIds[7], 'result', 'Đã báo cáo'],
    ]);
    const tcBack = await fill(tc.bytes, [[tc.taskIds[3], 'result', 'Đã đánh giá']]);
    const found = jest.spyOn(TextPool.prototype, 'find');

    const res = await mergeWorkbooks({ file: 'so-tong.xlsx', bytes: master }, [
      { file: nv.fileName, bytes: nvBack },
      { file: tc.fileName, bytes: tcBack },
    ]);
    // The returns' tables were read through the pool, not decoded again.
    expect(found.mock.calls.length).toBeGreaterThan(TASKS);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.notices.filter((n) => n.column === 'text').map((n) => n.taskId)).toEqual([id]);
    expect(res.plan.changes.map((c) => [c.taskId, c.column, c.new]).sort()).toEqual(
      [
        [id, 'result', 'Đã rà soát'],
        [nv.taskIds[7], 'result', 'Đã báo cáo'],
        [tc.taskIds[3], 'result', 'Đã đánh giá'],
      ].sort(),
    );
    const out = res.output as Uint8Array;
    expect(await valueOf(out, id, 'result')).toBe('Đã rà soát');
    expect(await valueOf(out, id, 'text')).toBe(text);
  });

  (hasUno() ? it : it.skip)(
    'reads a large return saved by LibreOffice the same way',
    async () => {
      // LibreOffice writes a shared-string table of its own: other bytes around the same texts and
      // its own escaping. (openpyxl writes inline strings, with no table to take from.) Whatever
      // was found in the pool or decoded, the merge takes the same values.
      const master = await writeXlsx(
        buildWorkbookSpec(plan(), { lang: 'vi', reportDate: '2024-06-20', workbookId: 'pool' }),
      );
      const nv = (await splitWorkbook(master)).files[0];
      const id = nv.taskIds[100];
      const text = String(await valueOf(master, id, 'text'));
      const at = text.indexOf('kết quả');
      const edited = text.slice(0, at) + 'K' + text.slice(at + 1);
      const filled = await fill(nv.bytes, [
        [id, 'text', edited],
        [id, 'result', 'Đã rà soát & báo cáo <đợt 1>'],
        [nv.taskIds[7], 'note', 'Ghi chú "một"'],
      ]);
      const saved = (await libreofficeEdit({ 'nv.xlsx': { bytes: filled, edits: [] } }))['nv.xlsx'];
      const found = jest.spyOn(TextPool.prototype, 'find');
      const res = await mergeWorkbooks({ file: 'so-tong.xlsx', bytes: master }, [
        { file: nv.fileName, bytes: saved },
      ]);
      expect(found.mock.calls.length).toBeGreaterThan(TASKS / AGENCIES.length);
      expect(res.plan.refused).toEqual([]);
      expect(res.plan.notices.filter((n) => n.column === 'text').map((n) => n.taskId)).toEqual([id]);
      expect(res.plan.changes.map((c) => [c.taskId, c.column, c.new]).sort()).toEqual(
        [
          [id, 'result', 'Đã rà soát & báo cáo <đợt 1>'],
          [nv.taskIds[7], 'note', 'Ghi chú "một"'],
        ].sort(),
      );
    },
    240_000,
  );
});
