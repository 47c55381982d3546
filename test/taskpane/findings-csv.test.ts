import type { Finding } from '../../src/app/check';
import { checkFileName } from '../../src/taskpane/file-names';
import { cellReference, csvField, findingsCsv } from '../../src/taskpane/findings-csv';
import { filterFindings, NO_FILTER } from '../../src/taskpane/findings';
import { translate } from '../../src/taskpane/i18n';
import { csvText, parseCsv } from './csv-parse';

function finding(p: Partial<Finding> & Pick<Finding, 'cell' | 'row' | 'severity' | 'code'>): Finding {
  return {
    sheet: 'Theo dõi',
    column: 'status',
    taskId: null,
    agency: null,
    message: { vi: `Lỗi ở ${p.cell}`, en: `Problem at ${p.cell}` },
    ...p,
  };
}

const FINDINGS: Finding[] = [
  finding({
    cell: 'I5',
    row: 5,
    severity: 'warning',
    code: 'status.near_miss',
    taskId: 'IV.1.1',
    agency: ' Ban Tổ chức Tỉnh ủy ',
    message: {
      vi: 'Trạng thái "Hoan thanh", gần giống "Hoàn thành"',
      en: 'Status "Hoan thanh", close to "Done"',
    },
    suggestion: { value: 'Hoàn thành', label: { vi: 'Sửa thành "Hoàn thành"', en: 'Change to "Done"' } },
  }),
  finding({
    cell: 'J9',
    row: 9,
    severity: 'error',
    code: 'no.such.rule',
    taskId: 'IV.2.1',
    agency: 'Sở Y tế, Sở Tài chính',
    message: { vi: 'Dòng một,\r\ndòng hai', en: 'Line one,\nline two' },
  }),
  finding({
    cell: 'A1',
    row: 1,
    severity: 'info',
    code: 'task.overdue',
    sheet: "Sổ của Sở's",
    message: { vi: '=HYPERLINK("x")', en: '-1 days' },
  }),
];

const tvi = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
  translate('vi', k, p);
const ten = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
  translate('en', k, p);

describe('findingsCsv', () => {
  it('writes UTF-8 with a BOM, a Vietnamese header and one quoted row per finding', () => {
    const rows = parseCsv(csvText(findingsCsv(FINDINGS, 'vi', tvi)));
    expect(rows).toEqual([
      ['Ô', 'Mã nhiệm vụ', 'Cơ quan chủ trì', 'Mức độ', 'Loại vấn đề', 'Nội dung', 'Gợi ý'],
      [
        "'Theo dõi'!I5",
        'IV.1.1',
        'Ban Tổ chức Tỉnh ủy',
        'Cảnh báo',
        'Trạng thái gần đúng với danh mục (gợi ý giá trị đúng)',
        'Trạng thái "Hoan thanh", gần giống "Hoàn thành"',
        'Sửa thành "Hoàn thành"',
      ],
      [
        "'Theo dõi'!J9",
        'IV.2.1',
        'Sở Y tế, Sở Tài chính',
        'Lỗi',
        'no.such.rule',
        'Dòng một,\r\ndòng hai',
        '',
      ],
      ["'Sổ của Sở''s'!A1", '', '', 'Lưu ý', 'Quá hạn chưa hoàn thành', `'=HYPERLINK("x")`, ''],
    ]);
  });

  it('quotes every field, doubling quotes, and ends each record with CRLF', () => {
    const text = csvText(findingsCsv(FINDINGS.slice(0, 1), 'vi', tvi));
    expect(text.endsWith('"Sửa thành ""Hoàn thành"""\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('+84 912')).toBe(`"'+84 912"`);
    expect(csvField('@cmd')).toBe(`"'@cmd"`);
  });

  it('speaks English when the pane does', () => {
    const rows = parseCsv(csvText(findingsCsv(FINDINGS, 'en', ten)));
    expect(rows[0]).toEqual([
      'Cell',
      'Task ID',
      'Lead agency',
      'Severity',
      'Kind of problem',
      'Message',
      'Suggestion',
    ]);
    expect(rows.slice(1).map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      [
        'Warning',
        'Status close to a list value (the intended value suggested)',
        'Status "Hoan thanh", close to "Done"',
        'Change to "Done"',
      ],
      ['Error', 'no.such.rule', 'Line one,\nline two', ''],
      ['Note', 'Overdue, not done', "'-1 days", ''],
    ]);
  });

  it('writes only the header for no finding', () => {
    expect(parseCsv(csvText(findingsCsv([], 'vi', tvi)))).toHaveLength(1);
  });

  it('names the file short and ASCII', () => {
    expect(checkFileName('2024-03-31', 'vi')).toBe('kiem-tra-2024-03-31.csv');
    expect(checkFileName('2024-03-31', 'en')).toBe('check-2024-03-31.csv');
    expect(cellReference('Data_1', 'B2')).toBe('Data_1!B2');
  });
});

describe('filterFindings', () => {
  it('keeps all without a filter, and combines filters', () => {
    expect(filterFindings(FINDINGS, NO_FILTER)).toEqual(FINDINGS);
    expect(filterFindings(FINDINGS, { ...NO_FILTER, agency: 'Ban Tổ chức Tỉnh ủy' })).toEqual([FINDINGS[0]]);
    expect(filterFindings(FINDINGS, { ...NO_FILTER, agency: '' })).toEqual([FINDINGS[2]]);
    expect(filterFindings(FINDINGS, { ...NO_FILTER, severity: 'error' })).toEqual([FINDINGS[1]]);
    expect(filterFindings(FINDINGS, { ...NO_FILTER, rule: 'task.overdue' })).toEqual([FINDINGS[2]]);
    expect(filterFindings(FINDINGS, { agency: '', severity: 'error', rule: null })).toEqual([]);
  });
});
