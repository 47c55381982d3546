import { readFileSync } from 'fs';
import { join } from 'path';
import { normalizedKey } from '../../src/tracking/text-key';
import { seededRandom as seeded } from '../support/excel/plans';

// The definition the one-pass key must keep to: the chain revise used on whole texts.
function byChain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

describe('normalizedKey', () => {
  it('folds Vietnamese case, tone marks, đ and NFD input to one key', () => {
    expect(normalizedKey('  Ban Tổ chức Tỉnh ủy, hoá; ĐỀ ÁN 06/2024 ')).toBe(
      'ban to chuc tinh uy hoa de an 06 2024',
    );
    expect(normalizedKey('tỉnh uỷ hóa'.normalize('NFD'))).toBe(normalizedKey('Tỉnh Uỷ hóa'));
    expect(normalizedKey('…—')).toBe('');
  });

  it('gives what the normalisation chain gives for every BMP unit, alone and between letters', () => {
    const wrong: string[] = [];
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      for (const text of [c, `Ab${c}cD`, `x ${c}${c} 9`]) {
        if (normalizedKey(text) !== byChain(text))
          wrong.push(`U+${u.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives what the chain gives on mixed random texts (marks, surrogates, symbols, long runs)', () => {
    const rnd = seeded(18);
    const pool = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0129 ,.;:-/()',
      '\u0300',
      '\u0301',
      '\u0323',
      '\u0309',
      '\u0303',
      '\u1dc0',
      '\u0591',
      'Σ',
      'İ',
      'K',
      'ǅ',
      'ﬁ',
      '\ud83d\ude00',
      '\ud800',
      '\u00a0',
      '\u200b',
      '가',
      'Ⅻ',
    ];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(rnd() * 80);
      for (let i = 0; i < length; i++) text += pool[Math.floor(rnd() * pool.length)];
      expect(normalizedKey(text)).toBe(byChain(text));
    }
    const long = 'Tổ chức thực hiện '.repeat(2000);
    expect(normalizedKey(long)).toBe(byChain(long));
  });

  it('gives what the chain gives on every line of the sample plan', () => {
    const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
    for (const line of text.split('\n')) expect(normalizedKey(line)).toBe(byChain(line));
  });
});
