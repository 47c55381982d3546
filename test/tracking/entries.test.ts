import { localizeAll } from '../../src/model/msg';
import { parseCategory, parseDateCell, parseStatus, readEntries } from '../../src/tracking/entries';
import { isoToSerial } from '../../src/model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import type { RawCell, TableSnapshot } from '../../src/workbook/types';

describe('entries', () => {
  it('reads status and category words in either language, any case, spacing or Unicode form', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const [key, word] of Object.entries(localizeAll(STATUS_LABELS, lang))) {
        expect(parseStatus(word)).toBe(key);
        expect(parseStatus(`  ${word.toUpperCase().normalize('NFD')} `)).toBe(key);
      }
      for (const [key, word] of Object.entries(localizeAll(CATEGORY_LABELS, lang)))
        expect(parseCategory(word)).toBe(key);
    }
    expect(parseStatus('xong rồi')).toBeNull();
    expect(parseStatus(3)).toBeNull();
  });

  it('turns serials and typed dates into ISO, only serials when strict', () => {
    expect(parseDateCell(isoToSerial('2024-02-29'))).toBe('2024-02-29');
    expect(parseDateCell(isoToSerial('2024-02-29') + 0.75)).toBe('2024-02-29');
    expect(parseDateCell('29/02/2024')).toBe('2024-02-29');
    expect(parseDateCell('2024-02-29')).toBe('2024-02-29');
    expect(parseDateCell('31/02/2024')).toBeNull();
    expect(parseDateCell('29/02/2024', false)).toBeNull();
    expect(parseDateCell(0)).toBeNull();
  });

  it('types the rows of a table with English headers in another column order, skipping blank rows', () => {
    const ids = [...TASK_COLUMN_IDS].reverse();
    const row = (cells: Partial<Record<(typeof ids)[number], RawCell>>) => ids.map((id) => cells[id] ?? null);
    const snapshot: TableSnapshot = {
      sheet: 'Tasks',
      headerRow: 3,
      firstCol: 2,
      headers: ids.map((id) => columnHeader(id, 'en')),
      rows: [
        row({
          taskId: 'IV.1',
          lead: 'Sở Nội vụ',
          status: 'Done',
          completedOn: isoToSerial('2024-05-02'),
          due: isoToSerial('2024-06-30'),
          category: 'Dated',
          progress: 100,
        }),
        row({}),
        row({ taskId: ' IV.2 ', status: 'Đang thực hiện', completedOn: '02/05/2024', progress: '40' }),
      ],
    };
    const { entries, map } = readEntries(snapshot);
    expect(map.lang).toBe('en');
    expect(
      entries.map((e) => [e.rowIndex, e.taskId, e.status, e.category, e.due, e.completedOn, e.progress]),
    ).toEqual([
      [0, 'IV.1', 'done', 'due', '2024-06-30', '2024-05-02', 100],
      [2, 'IV.2', 'in_progress', null, null, null, 40],
    ]);
  });
});
