import { classifyDeadline, extractDeadlines } from '../../src/plan/deadline';
import { parsePlan } from '../../src/plan/parse';

describe('classifyDeadline: every form in DOMAIN.md §2', () => {
  it.each([
    ['thực hiện thường xuyên', 'ongoing', null],
    ['thường xuyên', 'ongoing', null],
    ['hoàn thành trong năm 2023', 'due', '2023-12-31'],
    ['trong năm 2023', 'due', '2023-12-31'],
    ['năm 2023', 'due', '2023-12-31'],
    ['quý II/2023', 'due', '2023-06-30'],
    ['trong quý III năm 2020', 'due', '2020-09-30'],
    ['Quý I năm 2024', 'due', '2024-03-31'],
    ['quý IV/2022', 'due', '2022-12-31'],
    ['Quý 2/2024', 'due', '2024-06-30'],
    ['tháng 12/2023', 'due', '2023-12-31'],
    ['tháng 12-2019', 'due', '2019-12-31'],
    ['tháng 2/2024', 'due', '2024-02-29'],
    ['trước ngày 30/6/2023', 'due', '2023-06-30'],
    ['trước ngày 31-12-2019', 'due', '2019-12-31'],
    ['trước ngày 20.7.2020', 'due', '2020-07-20'],
    ['chậm nhất ngày 14/5/2021', 'due', '2021-05-14'],
    ['ngày 30 tháng 6 năm 2024', 'due', '2024-06-30'],
    ['hằng năm', 'periodic', null],
    ['hàng năm', 'periodic', null],
    ['định kỳ 6 tháng', 'periodic', null],
    ['hằng quý', 'periodic', null],
    ['giai đoạn 2021-2025', 'due', '2025-12-31'],
    ['giai đoạn 2021 - 2025', 'due', '2025-12-31'],
    ['đến năm 2025', 'due', '2025-12-31'],
    ['từ tháng 3/2023 đến tháng 6/2023', 'due', '2023-06-30'],
    ['6 tháng đầu năm 2024', 'due', '2024-06-30'],
    ['theo kế hoạch của Trung ương', 'external', null],
    ['theo hướng dẫn của Trung ương', 'external', null],
    ['Theo hướng dẫn của Bộ Công an', 'external', null],
    ['Sau khi có hướng dẫn của Bộ Nội vụ', 'external', null],
    ['Thời gian: quý II/2024', 'due', '2024-06-30'],
  ])('%s → %s %s', (raw, category, due) => {
    expect(classifyDeadline(raw, 2024)).toEqual({ category, raw, due });
  });

  it('takes the plan year for a day/month without one, and leaves it unknown without a plan year', () => {
    expect(classifyDeadline('trước ngày 25.3', 2024)).toEqual({
      category: 'due',
      raw: 'trước ngày 25.3',
      due: '2024-03-25',
    });
    expect(classifyDeadline('trước ngày 25/3', null)).toEqual({
      category: 'due',
      raw: 'trước ngày 25/3',
      due: null,
    });
  });

  it('rejects what is not a deadline; an impossible date has no due date', () => {
    expect(classifyDeadline('khóa XII')).toBeNull();
    expect(classifyDeadline('')).toBeNull();
    // A date that does not exist is still a dated note, but its due date stays unknown.
    expect(classifyDeadline('trước ngày 31/2/2023')).toEqual({
      category: 'due',
      raw: 'trước ngày 31/2/2023',
      due: null,
    });
  });
});

describe('extractDeadlines', () => {
  it('finds every parenthesised note and ignores other parentheses and document numbers', () => {
    const text =
      'Tổng kết Nghị quyết số 22-NQ/TU (khóa XVIII) (trong năm 2023); sơ kết theo Nghị định số 61/2018/NĐ-CP (theo kế hoạch của Trung ương).';
    expect(extractDeadlines(text, null).map((d) => [d.category, d.due, d.raw])).toEqual([
      ['due', '2023-12-31', 'trong năm 2023'],
      ['external', null, 'theo kế hoạch của Trung ương'],
    ]);
    expect(extractDeadlines('Ban hành Quyết định (sau đây gọi là Quyết định 12).', 2024)).toEqual([]);
  });

  it('reads a "Thời gian thực hiện:" line and a closing "trước ngày" clause', () => {
    expect(extractDeadlines('Rà soát quy chế.\n- Thời gian thực hiện: Quý III/2024.', 2024)[0]).toMatchObject(
      {
        category: 'due',
        due: '2024-09-30',
      },
    );
    expect(extractDeadlines('Sở Tài chính báo cáo UBND tỉnh trước ngày 15/12/2024.', 2024)[0].due).toBe(
      '2024-12-15',
    );
  });
});

describe('deadlines in a parsed plan', () => {
  it('uses the plan year from the header and a time column value', () => {
    const plan = parsePlan(
      [
        'Số: 12/KH-UBND\tHà Nội, ngày 02 tháng 1 năm 2025',
        'KẾ HOẠCH',
        'Cải cách hành chính năm 2025',
        'I. NHIỆM VỤ',
        '1. Sở Nội vụ rà soát thủ tục (trước ngày 25.3).',
        '2. Sở Tư pháp tổng hợp báo cáo (hằng quý).',
        'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian',
        '1\tKiểm tra công vụ\tSở Nội vụ\tQuý IV/2025',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => [t.id, t.deadlines[0].category, t.deadlines[0].due])).toEqual([
      ['I.1', 'due', '2025-03-25'],
      ['I.2', 'periodic', null],
      ['I.1#2', 'due', '2025-12-31'],
    ]);
    // The table restarts numbering inside part I: the id is made unique and the clash reported.
    expect(plan.warnings.filter((w) => w.code === 'duplicate-number').map((w) => w.line)).toEqual([8]);
  });
});
