import { shiftFormula } from '../../../src/xlsx/ooxml/formula-shift';

describe('shiftFormula', () => {
  it.each([
    ['A2*B2', 1, 0, 'A3*B3'],
    ['$A$2*B$2+$C3', 2, 1, '$A$2*C$2+$C5'],
    ['SUM(A1:B10)', 3, 2, 'SUM(C4:D13)'],
    ['SUM(A:A)+SUM($B:C)', 5, 1, 'SUM(B:B)+SUM($B:D)'],
    ['ROWS(2:3)', 4, 9, 'ROWS(6:7)'],
    ["'Tổng hợp'!$B$3-H2", 1, 0, "'Tổng hợp'!$B$3-H3"],
    ["'It''s A1'!A1", 1, 1, "'It''s A1'!B2"],
    ['Sheet1!A1+Sh2:Sh3!B2', 1, 0, 'Sheet1!A2+Sh2:Sh3!B3'],
    ['IF(G2="A1","B2 text",G2)', 1, 0, 'IF(G3="A1","B2 text",G3)'],
    ['"say ""A1"""&A1', 1, 0, '"say ""A1"""&A2'],
    [
      'NhiemVu[@[Thời hạn]]+NhiemVu[[#This Row],[A1]]+H2',
      1,
      0,
      'NhiemVu[@[Thời hạn]]+NhiemVu[[#This Row],[A1]]+H3',
    ],
    ['LOG10(A1)+ATAN2(A1,B1)', 1, 0, 'LOG10(A2)+ATAN2(A2,B2)'],
    ['NgayBaoCao>H2', 1, 0, 'NgayBaoCao>H3'],
    ['_xlfn.IFS(A1>1,1,TRUE,0)', 1, 0, '_xlfn.IFS(A2>1,1,TRUE,0)'],
    ['1E+10*A1+2.5E3', 1, 0, '1E+10*A2+2.5E3'],
    ['{1,2;3,4}*A1', 1, 0, '{1,2;3,4}*A2'],
    ['#REF!+A1', 1, 0, '#REF!+A2'],
    ['[1]Sheet1!A1', 1, 0, '[1]Sheet1!A2'],
    ['A1', -1, 0, '#REF!'],
    ['XFD1', 0, 1, '#REF!'],
    ['A1', 0, 0, 'A1'],
  ])('%s moved by (%i, %i) is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });

  it('moving there and back gives the formula again', () => {
    const f =
      'IF(OR(TRIM(G2)="Thường xuyên",TRIM(G2)="Ongoing"),"Thường xuyên",IF(NgayBaoCao>H2,\'Danh mục\'!$A$2,SUM(J2:K2)))';
    expect(shiftFormula(shiftFormula(f, 7, 3), -7, -3)).toBe(f);
  });
});
