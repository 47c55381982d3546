import { docxToText } from '../../src/docx/docx';
import { formatNumber, wordMlToText } from '../../src/docx/wordml';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { buildDocx, type Block } from './docx-builder';

/** A numbering part as Word writes it: levels with a format, a level text and a start. */
function abstractNum(id: number, levels: Array<[string, string, number?]>): string {
  const lvls = levels
    .map(
      ([fmt, text, start], i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${start ?? 1}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`,
    )
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}">${lvls}</w:abstractNum>`;
}

// The layout of a Kế hoạch in Word: I. parts, 1. items, 1.1. sub-items, a) points; "-" bullets.
const PLAN_NUMBERING =
  abstractNum(0, [
    ['upperRoman', '%1.'],
    ['decimal', '%2.'],
    ['decimal', '%2.%3.'],
    ['lowerLetter', '%4)'],
  ]) +
  abstractNum(1, [
    ['bullet', ''],
    ['bullet', 'o'],
  ]) +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';

describe('Word automatic numbering comes out as the printed numbers (numbering.xml)', () => {
  it('decimal, lowerLetter, upperRoman, multi-level "%1.%2." with restarts, and bullets', async () => {
    const blocks: Block[] = [
      { p: 'KẾ HOẠCH' },
      { p: 'MỤC ĐÍCH, YÊU CẦU', num: 1, level: 0 },
      { p: 'Nâng cao nhận thức của cán bộ.', num: 1, level: 1 },
      { p: 'NHIỆM VỤ CỤ THỂ', num: 1, level: 0 },
      { p: 'Ban Tổ chức Tỉnh ủy', num: 1, level: 1 },
      { p: 'Tham mưu sắp xếp bộ máy (quý II/2024).', num: 1, level: 2 },
      { p: 'Rà soát quy hoạch cán bộ (thực hiện thường xuyên).', num: 1, level: 2 },
      { p: 'Sở Nội vụ', num: 1, level: 1 },
      { p: 'Kiện toàn tổ chức:', num: 1, level: 2 },
      { p: 'Rà soát chức năng, nhiệm vụ;', num: 1, level: 3 },
      { p: 'Báo cáo kết quả (trước ngày 15/12/2024).', num: 1, level: 3 },
      { p: 'Gạch đầu dòng.', num: 2, level: 0 },
      { p: 'Ý phụ.', num: 2, level: 1 },
    ];
    const text = await docxToText(await buildDocx(blocks, { numbering: PLAN_NUMBERING }));
    expect(text.split('\n')).toEqual([
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao nhận thức của cán bộ.',
      'II. NHIỆM VỤ CỤ THỂ',
      '1. Ban Tổ chức Tỉnh ủy',
      '1.1. Tham mưu sắp xếp bộ máy (quý II/2024).',
      '1.2. Rà soát quy hoạch cán bộ (thực hiện thường xuyên).',
      '2. Sở Nội vụ',
      '2.1. Kiện toàn tổ chức:',
      'a) Rà soát chức năng, nhiệm vụ;',
      'b) Báo cáo kết quả (trước ngày 15/12/2024).',
      '- Gạch đầu dòng.',
      '+ Ý phụ.',
    ]);
    const plan = parsePlan(text);
    expect(plan.tasks.slice(0, 4).map((t) => [t.id, t.lead])).toEqual([
      ['II.1.1', agencyKey('Ban Tổ chức Tỉnh ủy')],
      ['II.1.2', agencyKey('Ban Tổ chức Tỉnh ủy')],
      ['II.2.1.a', agencyKey('Sở Nội vụ')],
      ['II.2.1.b', agencyKey('Sở Nội vụ')],
    ]);
  });

  it('a list whose level starts over ("startOverride") and a numbered heading style', () => {
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, num: number, lvl: number) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${num}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const styled = (text: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const document = `<w:document ${ns}><w:body>${styled('NHIỆM VỤ')}${p('Năm', 3, 1)}${p('Sáu', 3, 1)}${styled('TỔ CHỨC THỰC HIỆN')}</w:body></w:document>`;
    const styles = `<w:styles ${ns}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const text = wordMlToText({
      document,
      numbering: `<w:numbering ${ns}>${PLAN_NUMBERING}</w:numbering>`,
      styles,
    });
    expect(text.split('\n')).toEqual(['I. NHIỆM VỤ', '5. Năm', '6. Sáu', 'II. TỔ CHỨC THỰC HIỆN']);
  });

  it('formats numbers as Word does', () => {
    expect([1, 4, 9, 14, 40].map((n) => formatNumber(n, 'upperRoman'))).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
    ]);
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect(formatNumber(3, 'lowerRoman')).toBe('iii');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
  });

  it('tables become tab-separated rows; merged cells repeat, spanned cells leave empties', () => {
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tc = (text: string, pr = '') =>
      `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const rows =
      `<w:tr>${tc('STT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}</w:tr>` +
      `<w:tr>${tc('1')}${tc('Việc một')}${tc('Sở Tư pháp', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${tc('2')}${tc('Việc hai')}${tc('', '<w:vMerge/>')}</w:tr>` +
      `<w:tr>${tc('Gộp', '<w:gridSpan w:val="2"/>')}${tc('X')}</w:tr>`;
    const document = `<w:document ${ns}><w:body><w:tbl>${rows}</w:tbl></w:body></w:document>`;
    expect(wordMlToText({ document }).split('\n')).toEqual([
      'STT\tNội dung\tCơ quan chủ trì',
      '1\tViệc một\tSở Tư pháp',
      '2\tViệc hai\tSở Tư pháp',
      'Gộp\t\tX',
    ]);
  });
});

describe('a package that is no Word document', () => {
  it('an .xlsx given as a .docx is refused with exit code 2 and says what it is', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(docxToText(bytes)).rejects.toMatchObject({
      exitCode: 2,
      msg: {
        vi: expect.stringContaining('bảng tính Excel (.xlsx)'),
        en: expect.stringContaining('Excel workbook'),
      },
    });
    await expect(docxToText(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
