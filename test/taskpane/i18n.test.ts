import { formatDate, langFromDisplayLanguage, MESSAGES, translate } from '../../src/taskpane/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every message in both languages, with the same placeholders, none empty', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(Object.keys(m).sort()).toEqual(['en', 'vi']);
      expect(m.vi.trim()).not.toBe('');
      expect(m.en.trim()).not.toBe('');
      expect([key, placeholders(m.en)]).toEqual([key, placeholders(m.vi)]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'fileLoaded', { name: 'kh.docx' })).toBe('Đã đọc tệp kh.docx.');
    expect(translate('en', 'buildDone', { sheets: 4, tasks: 34 })).toBe('Made 4 sheets, 34 tasks.');
    expect(translate('en', 'fileLoaded')).toBe('Read {name}.');
  });

  it('uses English only when Office speaks English', () => {
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('en-GB')).toBe('en');
    expect(langFromDisplayLanguage('vi-VN')).toBe('vi');
    expect(langFromDisplayLanguage('fr-FR')).toBe('vi');
    expect(langFromDisplayLanguage(null)).toBe('vi');
  });

  it('writes dates day first in Vietnamese', () => {
    expect(formatDate('vi', '2024-06-30')).toBe('30/06/2024');
    expect(formatDate('en', '2024-06-30')).toBe('30/06/2024');
    expect(formatDate('vi', null)).toBe('');
  });
});
