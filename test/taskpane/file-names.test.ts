import { asciiSlug, planTag, trackingFileName } from '../../src/taskpane/file-names';

describe('download names', () => {
  it('names the tracking workbook by the plan it implements and the report date', () => {
    const plan = {
      number: null,
      title: 'KẾ HOẠCH thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành',
    };
    expect(trackingFileName(plan, '2024-06-14', 'vi')).toBe('theo-doi-KH-28-NQ-TW-2024-06-14.xlsx');
    expect(trackingFileName(plan, '2024-06-14', 'en')).toBe('tracking-KH-28-NQ-TW-2024-06-14.xlsx');
  });

  it('uses the plan’s own number when it has one, in ASCII', () => {
    expect(planTag({ number: '25-KH/TU', title: 'x' })).toBe('25-KH-TU');
    expect(planTag({ number: '123/KH-UBND', title: 'x' })).toBe('123-KH-UBND');
    expect(planTag({ number: null, title: 'Kế hoạch tuyên truyền' })).toBe('KH');
    expect(asciiSlug('Đảng ủy Khối / Sở Y tế')).toBe('Dang-uy-Khoi-So-Y-te');
  });
});
