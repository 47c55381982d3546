import { extractReferences } from '../../src/plan/references';

describe('extractReferences', () => {
  it('lists cited documents as written, once each', () => {
    const text =
      'Thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018; Quy định số 205-QĐ/TW, ngày 23/9/2019; Kế hoạch số 84-KH/TU ngày 21/12/2022; ' +
      'Kết luận số 21-KL/TW; Chỉ thị số 05-CT/TW; Chương trình hành động số 24-CTr/TU; Quyết định số 218-QĐ/TW; ' +
      'Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018; Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022; ' +
      'Nghị quyết 35-NQ/TW. Nhắc lại Kết luận số 21-KL/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy.';
    expect(extractReferences(text)).toEqual([
      'Nghị quyết số 26-NQ/TW ngày 19/5/2018',
      'Quy định số 205-QĐ/TW, ngày 23/9/2019',
      'Kế hoạch số 84-KH/TU ngày 21/12/2022',
      'Kết luận số 21-KL/TW',
      'Chỉ thị số 05-CT/TW',
      'Chương trình hành động số 24-CTr/TU',
      'Quyết định số 218-QĐ/TW',
      'Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018',
      'Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022',
      'Nghị quyết 35-NQ/TW',
    ]);
  });

  it('finds nothing in text without numbered documents', () => {
    expect(extractReferences('Tăng cường công tác kiểm tra, giám sát năm 2024.')).toEqual([]);
  });
});
