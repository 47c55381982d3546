/**
 * The parser's shortcuts (issue 18) must answer as the long way does. Each test here drives one of
 * them where it could go wrong: a remembered answer whose input has changed since, a shared answer
 * a caller changes, a hand-written line splitter, a cell or a line that needs its full cleaning.
 * The byte-for-byte proof on every plan kept is `node scripts/parse-corpus.js compare`.
 */
import { normalizeText, normalizeWithMap } from '../../src/plan/normalize';
import { parsePlan } from '../../src/plan/parse';
import { findRoles } from '../../src/plan/roles';
import { classifyLine } from '../../src/plan/structure';
import { tableColumns } from '../../src/plan/table-columns';
import { classifyNotes, extractDeadlines } from '../../src/plan/deadline';
import { agencyFromHeading } from '../../src/plan/agency';

describe('tableColumns keeps its answer with the row', () => {
  it('reads a row again once the outline has extended it (a cell cut by a line break)', () => {
    const cells = ['STT', 'Nội dung công việc', 'Thời gian'];
    const before = tableColumns(cells);
    expect(before).toMatchObject({ stt: 0, content: 1, lead: -1, time: 2, width: 3 });
    cells.push('Cơ quan chủ trì');
    expect(tableColumns(cells)).toMatchObject({ stt: 0, content: 1, lead: 3, time: 2, width: 4 });
    cells[3] = 'Ghi chú';
    expect(tableColumns(cells)).toMatchObject({ lead: -1, width: 4 });
  });

  it('answers for the row below too: the same row over another second row is read again', () => {
    const top = ['STT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian'];
    expect(tableColumns(top, ['', '', 'Chủ trì', 'Phối hợp', ''])).toMatchObject({
      lead: 2,
      partners: 3,
      rows: 2,
    });
    expect(tableColumns(top, ['1', 'Rà soát', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý I/2025'])).toMatchObject({
      rows: 1,
      partners: -1,
    });
  });
});

describe('classifyNotes reads a note once and hands out copies', () => {
  it('a caller that edits its deadline does not change the next reading of the same note', () => {
    const first = classifyNotes('Quý IV/2025', 2025);
    expect(first).toEqual([{ category: 'due', raw: 'Quý IV/2025', due: '2025-12-31' }]);
    first[0].due = '2030-01-01';
    first.push({ category: 'none', raw: '', due: null });
    expect(classifyNotes('Quý IV/2025', 2025)).toEqual([
      { category: 'due', raw: 'Quý IV/2025', due: '2025-12-31' },
    ]);
  });

  it('the plan year is part of what is remembered', () => {
    expect(classifyNotes('trước ngày 30/6', 2024)[0].due).toBe('2024-06-30');
    expect(classifyNotes('trước ngày 30/6', 2025)[0].due).toBe('2025-06-30');
    expect(classifyNotes('trước ngày 30/6', null)[0].due).toBeNull();
  });

  it('two tasks with the same note get objects of their own', () => {
    const plan = parsePlan(
      'KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát văn bản (quý II/2024).\n2. Tổng hợp báo cáo (quý II/2024).',
    );
    expect(plan.tasks.map((t) => t.deadlines[0].due)).toEqual(['2024-06-30', '2024-06-30']);
    expect(plan.tasks[0].deadlines[0]).not.toBe(plan.tasks[1].deadlines[0]);
  });
});

describe('line breaks of every kind, split by hand', () => {
  it('CR, LF, CRLF, VT, FF, NEL, LS and PS each end one line of the input', () => {
    const breaks = ['\r', '\r\n', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', '\n'];
    // Words, not letters: "C." or "I." alone is a list marker that the next line joins.
    const words = ['Một.', 'Hai.', 'Ba.', 'Bốn.', 'Năm.', 'Sáu.', 'Bảy.', 'Tám.', 'Chín.'];
    const input = words.map((w, i) => w + (breaks[i] ?? '')).join('');
    const { text, lineMap } = normalizeWithMap(input);
    expect(text.split('\n')).toEqual(words);
    expect(lineMap).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a CR at the very end and CR CR LF count as a regex split counts them', () => {
    expect(normalizeWithMap('A.\r\r\nB.\r').lineMap).toEqual([1, 3]);
  });
});

describe('cleaning shortcuts', () => {
  it('a line whose first round of cleaning exposes more markup is cleaned to the end', () => {
    // "[*1]" loses its emphasis and then is a footnote mark; ".** " loses its run and its space.
    expect(normalizeText('Rà soát văn bản[*1] trong năm.** ')).toBe(
      normalizeText(normalizeText('Rà soát văn bản[*1] trong năm.** ')),
    );
    expect(normalizeText('Rà soát  văn bản **kịp thời**  ')).toBe('Rà soát văn bản kịp thời');
  });

  it('a flattened table keeps one-line cells trimmed; a rule or emphasis mark is no text (its cell stays, empty)', () => {
    const text = normalizeText(
      [
        '|',
        '  STT ',
        '|',
        '**Nội dung**',
        '|',
        '---',
        '|',
        '|',
        '1',
        '|',
        ' Rà soát ',
        '|',
        '-',
        '|',
        '|',
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual(['STT\tNội dung\t', '1\tRà soát\t']);
  });
});

describe('cleaning shortcuts taken on what a line holds', () => {
  it('a lone asterisk is left; a pair, a closing run and an opening run are still removed', () => {
    expect(normalizeText('Rà soát văn bản (*) trong năm')).toBe('Rà soát văn bản (*) trong năm');
    expect(normalizeText('Rà soát *văn bản* (*)')).toBe('Rà soát văn bản (*)');
    expect(normalizeText('(*) Rà soát văn bản  ')).toBe('(*) Rà soát văn bản');
    expect(normalizeText('- **Rà soát văn bản')).toBe('- Rà soát văn bản');
    expect(normalizeText('Rà soát văn bản**')).toBe('Rà soát văn bản');
  });

  it('odd spaces, invisible characters and controls are cleaned when one of them is there', () => {
    expect(normalizeText('Rà\u00a0soát\u200b văn\u0007 bản *x*')).toBe('Rà soát văn bản x');
    expect(normalizeText('Rà  soát\u00ad văn bản *x*')).toBe('Rà soát văn bản x');
  });
});

describe('the one test for a plain line', () => {
  it('a "\uFFFD" after a list number, a double space and a space at an end are each still seen', () => {
    expect(normalizeText('4.1.\uFFFDTriển khai kế hoạch')).toBe('4.1. Triển khai kế hoạch');
    expect(normalizeText('Triển khai  kế hoạch')).toBe('Triển khai kế hoạch');
    expect(normalizeText(' Triển khai kế hoạch')).toBe('Triển khai kế hoạch');
  });

  it('a paragraph joined from plain lines is left as joined; emphasis across the break is cleaned', () => {
    expect(normalizeText('Rà soát các văn bản của\ntỉnh trong năm.')).toBe(
      'Rà soát các văn bản của tỉnh trong năm.',
    );
    expect(normalizeText('Rà soát *các văn bản của\ntỉnh* trong năm.')).toBe(
      'Rà soát các văn bản của tỉnh trong năm.',
    );
  });

  it('a tab still makes a row when the line has nothing else to clean', () => {
    const { text } = normalizeWithMap('Rà soát văn bản của\n1\tSở Nội vụ\tQuý I');
    expect(text.split('\n')).toEqual(['Rà soát văn bản của', '1\tSở Nội vụ\tQuý I']);
  });

  it('a rule with spaces around it is still a block boundary, a dash opening text is not', () => {
    const rule = ['Rà soát văn bản', '', '  ---  ', 'tiếp tục'].join('\n');
    const dash = ['Rà soát văn bản', '', '- tiếp tục', 'thực hiện'].join('\n');
    expect(normalizeText(rule)).toBe(normalizeText(['Rà soát văn bản', '', '', 'tiếp tục'].join('\n')));
    expect(normalizeText(dash).split('\n')[1]).toBe('- tiếp tục thực hiện');
  });
});

describe('classifyLine tries only the patterns a first character allows', () => {
  it('every marker still reads as its kind', () => {
    const kinds = (lines: string[]) => lines.map((l) => [classifyLine(l).kind, classifyLine(l).number]);
    expect(
      kinds([
        'Nơi nhận:',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'Q. GIÁM ĐỐC',
        'PHỤ LỤC I',
        'PHẦN II. NHIỆM VỤ',
        'Phần thứ hai: NỘI DUNG',
        'IV. TỔ CHỨC THỰC HIỆN',
        'V. KINH PHÍ',
        'X. HIỆU LỰC',
        'I) Bộ Y tế chủ trì rà soát',
        'B. NHIỆM VỤ, GIẢI PHÁP',
        'Điều 2. Tổ chức thực hiện',
        '2.1.a. Thành lập Ban Chỉ đạo',
        '3.2. Rà soát văn bản',
        '12. Rà soát văn bản',
        'đ) Rà soát văn bản',
        'a) Rà soát văn bản',
        '- Rà soát văn bản',
        '– Rà soát văn bản',
        '— Rà soát văn bản',
        '• Rà soát văn bản',
        '· Rà soát văn bản',
        '* Rà soát văn bản',
        '+ Rà soát văn bản',
        'Sở Nội vụ chủ trì',
        'Ủy ban nhân dân tỉnh',
        '-2 % so với năm trước',
        '',
      ]),
    ).toEqual([
      ['footer', ''],
      ['footer', ''],
      ['footer', ''],
      ['footer', ''],
      ['appendix', ''],
      ['upper', 'II'],
      ['upper', 'thứ hai'],
      ['part', 'IV'],
      ['part', 'V'],
      ['part', 'X'],
      ['point', 'l'],
      ['upper', 'B'],
      ['part', 'Đ2'],
      ['item', '2.1.a'],
      ['item', '3.2'],
      ['item', '12'],
      ['point', 'đ'],
      ['point', 'a'],
      ['dash', ''],
      ['dash', ''],
      ['dash', ''],
      ['dash', ''],
      ['dash', ''],
      ['dash', ''],
      ['plus', ''],
      ['text', ''],
      ['text', ''],
      ['text', ''],
      ['text', ''],
    ]);
  });
});

describe('task-pass shortcuts taken on what a text holds', () => {
  it('a role line is read when its colon is there, and a text without one still finds its lead', () => {
    expect(findRoles('Rà soát văn bản. Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tư pháp')).toEqual({
      lead: 'Sở Nội vụ',
      partners: ['Sở Tư pháp'],
    });
    expect(findRoles('Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát văn bản').lead).toBe('Sở Nội vụ');
  });

  it('a time line needs its colon; a bracketed note needs its bracket', () => {
    expect(extractDeadlines('Rà soát văn bản\n- Thời gian thực hiện: Quý II/2025', 2025)).toEqual([
      { category: 'due', raw: 'Quý II/2025', due: '2025-06-30' },
    ]);
    expect(extractDeadlines('Rà soát văn bản (quý II/2025)', 2025)[0].due).toBe('2025-06-30');
    expect(extractDeadlines('Rà soát văn bản trước ngày 30/6/2025', 2025)[0].due).toBe('2025-06-30');
  });

  it('a committee named after its work is still one name, and a heading without "an " still cuts at its verb', () => {
    expect(agencyFromHeading('Ban chỉ đạo tỉnh chủ trì')).toBe('Ban chỉ đạo tỉnh');
    expect(agencyFromHeading('Sở Nội vụ chủ trì')).toBe('Sở Nội vụ');
  });
});

describe('line tests answered from a character code', () => {
  it('a running header (capital start, no clause end, a number) is dropped; a line ending a clause stays', () => {
    const page = (n: number) => [`Rà soát văn bản số ${n} của tỉnh.`, 'CÔNG BÁO/Số 1091/Ngày 03-11-2023'];
    const text = normalizeText([1, 2, 3].flatMap(page).join('\n'));
    expect(text).not.toContain('CÔNG BÁO');
    const kept = normalizeText(
      [1, 2, 3].flatMap((n) => [`Rà soát ${n}.`, 'Ông Nguyễn Văn A, 1091,']).join('\n'),
    );
    expect(kept).toContain('Ông Nguyễn Văn A, 1091,');
  });

  it('a text wrapped inside blank-line blocks is joined; an ellipsis or a question mark ends a sentence', () => {
    const block = (n: number) => [
      `Sở Nội vụ rà soát văn bản ${n} của`,
      'tỉnh và báo cáo Ủy ban',
      'nhân dân tỉnh.',
      '',
    ];
    const text = normalizeText([1, 2, 3, 4, 5, 6].flatMap(block).join('\n'));
    expect(text.split('\n')[0]).toBe('Sở Nội vụ rà soát văn bản 1 của tỉnh và báo cáo Ủy ban nhân dân tỉnh.');
    // Every line ends with an ellipsis: no wrapped sentence, so the next line starts a paragraph.
    const ended = normalizeText(
      [1, 2, 3, 4, 5, 6].flatMap((n) => [`Rà soát văn bản ${n}…`, 'tỉnh báo cáo.', '']).join('\n'),
    );
    expect(ended.split('\n').slice(0, 3)).toEqual([
      'Rà soát văn bản 1…',
      'tỉnh báo cáo.',
      'Rà soát văn bản 2…',
    ]);
  });

  it('the end-of-document mark goes; a slash elsewhere in the text stays', () => {
    const plan = parsePlan('KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát Kế hoạch 12/KH-UBND (quý II/2024)./.');
    expect(plan.tasks[0].text).toBe('Rà soát Kế hoạch 12/KH-UBND (quý II/2024).');
  });

  it('a flattened table cell over several lines, and an appendix heading among the cells', () => {
    const text = normalizeText(
      [
        '|',
        'STT',
        '|',
        'Nội dung',
        'công việc',
        '|',
        '|',
        '1',
        '|',
        'Rà soát',
        '|',
        'PHỤ LỤC',
        'Danh mục',
        '|',
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual(['STT\tNội dung công việc', '1\tRà soát', 'PHỤ LỤC', 'Danh mục']);
  });
});
