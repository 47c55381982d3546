import { isDateFormatCode } from '../../../src/xlsx/ooxml/styles';

describe('isDateFormatCode', () => {
  it.each([
    'dd/mm/yyyy',
    'd-mmm-yy',
    'yyyy-mm-dd hh:mm:ss',
    'h:mm AM/PM',
    '[h]:mm:ss',
    '[mm]:ss',
    '[$-42A]dd/mm/yyyy',
    '[$-F800]dddd, mmmm dd, yyyy',
    'mmm-yy;@',
    '"Ngày" dd "tháng" mm',
    'B2yyyy/mm/dd',
  ])('%s shows a date or time', (code) => expect(isDateFormatCode(code)).toBe(true));

  it.each([
    'General',
    '0',
    '0.00',
    '#,##0 "đ"',
    '0%',
    '0.00E+00',
    '@',
    '[Red]-0.00',
    '[$₫-42A] #,##0',
    '"days" 0',
    '#,##0_);(#,##0)',
    '0\\ "m"',
  ])('%s does not', (code) => expect(isDateFormatCode(code)).toBe(false));
});
