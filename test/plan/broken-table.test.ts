/**
 * A markdown table whose rows a web copy broke into pieces (the Standing Committee's plan in
 * Nghị quyết 1339/NQ-UBTVQH15, test/fixtures/real): rows spread over two or three lines, rows left
 * open, the empty number column kept in some rows and dropped in others, lone bars between rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyNotes } from '../../src/plan/deadline';
import { parsePlan } from '../../src/plan/parse';
import { ROOT } from './helpers';

const text = readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'ubtvqh-1339-nq-ubtvqh15-2024.txt'), 'utf8');

describe('a markdown table broken into row pieces', () => {
  const plan = parsePlan(text);
  const rows = plan.tasks.filter((t) => t.section === 'PL');

  it('gives one task per document row, in its group, none made of several rows', () => {
    expect(rows.map((t) => t.text.slice(0, 40))).toEqual([
      'Luật sửa đổi, bổ sung một số điều của Lu',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết về việc giải thể Viện Nghiên ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết sửa đổi, bổ sung một số điều ',
      'Nghị quyết ban hành Quy chế hoạt động đố',
    ]);
    expect(rows.every((t) => !t.text.includes('|'))).toBe(true);
    expect(rows.map((t) => t.group?.slice(0, 3))).toEqual([...Array(2).fill('I. '), ...Array(9).fill('II.')]);
  });

  it('reads each row’s time cell where its pieces put it, the last piece closing the row', () => {
    const due = (i: number) => rows[i].deadlines.map((d) => [d.category, d.due]);
    expect(due(0)).toEqual([
      ['due', '2025-02-28'],
      ['due', '2025-02-28'],
    ]);
    expect(due(1)).toEqual([
      ['due', '2025-04-30'],
      ['due', '2025-05-31'],
    ]);
    // "Ban Công tác đại biểu (…)" alone on its line, then the time and file cells: no review cell.
    expect(due(2)).toEqual([['due', '2025-01-10']]);
    expect(due(10)).toEqual([['external', null]]);
  });

  it('marks every rebuilt row for review and warns once for the table', () => {
    expect(rows.every((t) => t.reasons?.some((r) => r.code === 'row-rebuilt'))).toBe(true);
    expect(rows.every((t) => t.confidence !== 'high')).toBe(true);
    expect(plan.warnings.filter((w) => w.code === 'table-rebuilt')).toHaveLength(1);
  });
});

describe('time notes of such tables', () => {
  it('"Theo kết quả rà soát, đề xuất …" opening a time cell is an outside schedule', () => {
    expect(classifyNotes('Theo kết quả rà soát, đề xuất của các cơ quan', 2024)).toMatchObject([
      { category: 'external', due: null },
    ]);
  });

  it('"Theo lộ trình …, hoàn thành trong năm 2025" is both an outside schedule and a due date', () => {
    const notes = classifyNotes(
      'Theo lộ trình triển khai Đề án, đối với Trung tâm dữ liệu quốc gia số 1 hoàn thành trong năm 2025.',
      2023,
    );
    expect(notes.map((d) => [d.category, d.due])).toEqual([
      ['external', null],
      ['due', '2025-12-31'],
    ]);
    // A date in the schedule's name alone is no due date.
    expect(classifyNotes('Theo lộ trình của Đề án 06 năm 2022', 2023).map((d) => d.category)).toEqual([
      'external',
    ]);
  });
});
