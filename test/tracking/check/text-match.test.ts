import {
  createLabelMatcher,
  editDistance,
  foldVietnamese,
  toneStyleKey,
} from '../../../src/tracking/text-match';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../../src/model/labels';

describe('keys', () => {
  test('folding drops diacritics and đ, case and spacing', () => {
    expect(foldVietnamese('  Đã  HOÀN thành ')).toBe('da hoan thanh');
  });

  test('tone-mark styles meet, different tones do not', () => {
    expect(toneStyleKey('Tỉnh uỷ')).toBe(toneStyleKey('Tỉnh ủy'));
    expect(toneStyleKey('hoá')).toBe(toneStyleKey('hóa'));
    expect(toneStyleKey('hoa')).not.toBe(toneStyleKey('hóa'));
    expect(toneStyleKey('hỏa')).not.toBe(toneStyleKey('hóa'));
    expect(toneStyleKey('Tỉnh ủy'.normalize('NFD'))).toBe(toneStyleKey('Tỉnh ủy'));
  });

  test('edit distance', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });
});

describe('category matcher', () => {
  const match = createLabelMatcher(CATEGORY_LABELS, 'vi');
  test.each([
    ['Thường xuyên', 'ongoing', 'exact'],
    ['thuong xuyen', 'ongoing', 'no_diacritics'],
    ['Theo ke hoach cap tren', 'external', 'no_diacritics'],
    ['kế hoạch cấp trên', 'external', 'partial'],
    ['Dated', 'due', 'other_language'],
    ['Định kì', 'periodic', 'typo'],
  ])('%j → %s (%s)', (typed, key, kind) => {
    expect(match(typed)).toEqual({ key, kind });
  });

  test.each(['xác định', 'Khẩn', '', '   '])('%j → nothing', (typed) => {
    expect(match(typed)).toBeNull();
  });
});

describe('status matcher, English workbook', () => {
  const match = createLabelMatcher(STATUS_LABELS, 'en');
  test('English words are exact, Vietnamese ones the other language', () => {
    expect(match('Done')).toEqual({ key: 'done', kind: 'exact' });
    expect(match('done')).toEqual({ key: 'done', kind: 'case' });
    expect(match('Đang thực hiện')).toEqual({ key: 'in_progress', kind: 'other_language' });
    expect(match('Dang thuc hien')).toEqual({ key: 'in_progress', kind: 'other_language' });
  });
});
