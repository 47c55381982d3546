import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText, normalizeWithMap } from '../../src/plan/normalize';
import { ROOT } from './helpers';

describe('normalizeText', () => {
  it('NFC, LF, no BOM, no blank lines, single spaces, non-breaking spaces made plain', () => {
    const input = '\uFEFFKẾ HOẠCH\r\n\r\nthực\u00A0hiện   Nghị quyết'.normalize('NFD') + '\r\n\r\n';
    expect(normalizeText(input)).toBe('KẾ HOẠCH\nthực hiện Nghị quyết');
  });

  it('removes page-number lines, markdown emphasis and footnote markers', () => {
    const input = [
      '1. Sở Nội vụ tham mưu **kế hoạch**[1] (*thực hiện thường xuyên*).',
      '- 3 -',
      '2. Nội dung _khác_ (*).',
      'Trang 4',
      '12',
    ].join('\n');
    expect(normalizeText(input)).toBe(
      '1. Sở Nội vụ tham mưu kế hoạch (thực hiện thường xuyên).\n2. Nội dung _khác_ (*).',
    );
  });

  it('joins a paragraph cut by a page break (lowercase continuation, or after ";")', () => {
    expect(normalizeText('năng lực và uy\n\n- 5 -\n\ntín, ngang tầm')).toBe('năng lực và uy tín, ngang tầm');
    expect(normalizeText('các cấp;\n\nQuy định về việc kiểm điểm.')).toBe(
      'các cấp; Quy định về việc kiểm điểm.',
    );
    expect(normalizeText('ngày 23 tháng\n4 năm 2018')).toBe('ngày 23 tháng 4 năm 2018');
  });

  it('does not join headings, numbered items, finished sentences or table rows', () => {
    const kept = [
      'KẾ HOẠCH',
      'thực hiện Nghị quyết',
      '3. Ban Tổ chức Tỉnh ủy',
      '3.1. Tham mưu đổi mới.',
      'Tham mưu tiếp.',
      'a) điểm một;',
      '- gạch đầu dòng',
      'STT\tNội dung',
      '1\tnhiệm vụ',
      'Nơi nhận:',
      '- Bộ Chính trị,',
    ];
    expect(normalizeText(kept.join('\n\n'))).toBe(kept.join('\n'));
  });

  it('maps each output line to the line where it starts in the original input', () => {
    const { text, lineMap } = normalizeWithMap('\r\nI. MỤC TIÊU\r\n\r\n1. uy\r\n- 2 -\r\ntín.\r\n2. Hai.');
    expect(text.split('\n')).toEqual(['I. MỤC TIÊU', '1. uy tín.', '2. Hai.']);
    expect(lineMap).toEqual([2, 4, 7]);
  });

  it('is idempotent on the sample-like text', () => {
    const once = normalizeText('A\u00A0 b\n\nc **d** [2]\r\n- 1 -\r\ne;\nF\tG');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('copy artefacts of real plans (issue 12 §2, issue 20)', () => {
  it('strips only paired emphasis: "2*3" and "(*)" stay, "**x**" and a pair cut by a line break go', () => {
    expect(normalizeText('Tăng 2*3 lần (*) so với **năm trước**.')).toBe(
      'Tăng 2*3 lần (*) so với năm trước.',
    );
    expect(normalizeText('**I. MỤC**\n**ĐÍCH, YÊU CẦU**')).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(normalizeText('2*3*4 và *a*')).toBe('2*3*4 và a');
  });

  it('reads the tab Word puts after a list number as a space, and keeps real table rows', () => {
    expect(normalizeText('3.1.\tTiếp tục rà soát.\na)\tBáo cáo.\n-\tGạch đầu dòng.')).toBe(
      '3.1. Tiếp tục rà soát.\na) Báo cáo.\n- Gạch đầu dòng.',
    );
    expect(normalizeText('1\tKiểm tra công vụ\tSở Nội vụ')).toBe('1\tKiểm tra công vụ\tSở Nội vụ');
    expect(normalizeText('1.\tKiểm tra\tSở Nội vụ')).toBe('1.\tKiểm tra\tSở Nội vụ');
  });

  it('puts a number cut from its text, and a wrapped part heading, back together', () => {
    expect(normalizeText('1.\nRà soát quy chế.\n2.\n3. Báo cáo.')).toBe(
      '1. Rà soát quy chế.\n2.\n3. Báo cáo.',
    );
    expect(normalizeText('IV. TỔ CHỨC\nTHỰC HIỆN\n1. Sở Nội vụ')).toBe('IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ');
    expect(normalizeText('Phần I\nĐÁNH GIÁ KẾT QUẢ NĂM 2023')).toBe('Phần I ĐÁNH GIÁ KẾT QUẢ NĂM 2023');
    // A heading is not glued to the title of the next block.
    expect(normalizeText('V. KINH PHÍ\nKẾ HOẠCH')).toBe('V. KINH PHÍ\nKẾ HOẠCH');
  });

  it('marks the lines whose sentence was joined across a break, and only those', () => {
    const { text, joined } = normalizeWithMap('1.\nRà soát\nquy chế.\n2. Báo cáo.\nI. MỤC\nTIÊU');
    expect(text.split('\n')).toEqual(['1. Rà soát quy chế.', '2. Báo cáo.', 'I. MỤC TIÊU']);
    expect([...joined]).toEqual([0]);
  });

  it('in a hard-wrapped PDF copy, an article and a short agency heading start their own lines (175/NQ-CP)', () => {
    const pdf = readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'chinh-phu-175-nq-cp-2023.txt'), 'utf8')
      .split('\n')
      .slice(850, 1012)
      .join('\n');
    const lines = normalizeText(pdf).split('\n');
    expect(lines).toContain('Điều 2. Tổ chức thực hiện');
    expect(lines).toContain('8. Trách nhiệm của Bộ Kế hoạch và Đầu tư');
    expect(lines).toContain('10. Trách nhiệm của Bộ Tư pháp');
    // "… Khung kiến trúc Chính phủ điện tử 3.0." keeps its version number: the next line has its own.
    expect(lines.some((l) => l.endsWith('điện tử 3.0.'))).toBe(true);
    expect(lines).toContain('7. Trách nhiệm của Bộ Khoa học và Công nghệ');
  });
});

describe('flattened tables rebuilt in place', () => {
  it('rows and the lines between and after two tables keep the lines of the input they start on', () => {
    // Each rebuilt row takes the place of the lines it came from: everything after the first table
    // moves up in the same array, and its line numbers must still be those of the input.
    const input = [
      'Mở đầu.',
      '|',
      'STT',
      '|',
      'Nội dung',
      '|',
      '|',
      '1',
      '|',
      'Rà soát',
      '|',
      '|',
      '',
      '1. Giữa hai bảng.',
      '',
      '|',
      'STT',
      '|',
      'Nội dung',
      '|',
      '|',
      '2',
      '|',
      'Kiểm tra',
      '|',
      '|',
      '3',
      '|',
      'Báo cáo',
      '|',
      '|',
      '',
      '2. Kết thúc.',
    ].join('\n');
    const { text, lineMap } = normalizeWithMap(input);
    expect(text.split('\n')).toEqual([
      'Mở đầu.',
      'STT\tNội dung',
      '1\tRà soát',
      '1. Giữa hai bảng.',
      'STT\tNội dung',
      '2\tKiểm tra',
      '3\tBáo cáo',
      '2. Kết thúc.',
    ]);
    expect(Array.from(lineMap)).toEqual([1, 3, 8, 14, 17, 22, 27, 33]);
  });
});
