import { linesToNFC, NFC_STABLE_RANGES, toNFC } from '../../src/plan/nfc';

describe('toNFC', () => {
  it('treats as stable only characters that NFC keeps and that combine with nothing', () => {
    const bad: string[] = [];
    for (const [a, b] of NFC_STABLE_RANGES) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCharCode(c);
        // A combining mark or a Hangul vowel/final jamo may compose with the character before it.
        if (/\p{M}/u.test(ch) || (c >= 0x1100 && c <= 0x11ff) || ch.normalize('NFC') !== ch)
          bad.push(c.toString(16));
      }
    }
    expect(bad).toEqual([]);
  });

  it('normalises what needs it and returns NFC text unchanged', () => {
    expect(toNFC('Tỉnh u\u0309y')).toBe('Tỉnh ủy');
    expect(toNFC('A\u030a')).toBe('Å');
    expect(toNFC('\u212b')).toBe('Å');
    const nfc = 'Kế hoạch số 12/KH-UBND – “Sở Nội vụ” ≥ 95 %';
    expect(toNFC(nfc)).toBe(nfc);
    expect(toNFC(nfc.normalize('NFD'))).toBe(nfc);
  });
});

describe('linesToNFC', () => {
  const run = (text: string) => {
    const lines = text.split('\n');
    linesToNFC(text, lines);
    return lines;
  };

  it('normalises each line that needs it, wherever it is, and leaves the others as they are', () => {
    const decomposed = 'Tỉnh ủy'.normalize('NFD');
    const text = [
      decomposed,
      '',
      'Sở Nội vụ',
      `a ${decomposed} b ${decomposed}`,
      decomposed,
      '',
      'x',
      decomposed,
    ].join('\n');
    expect(run(text)).toEqual(text.split('\n').map((l) => l.normalize('NFC')));
    expect(run(text).join('\n')).toBe(text.normalize('NFC'));
  });

  it('changes nothing in NFC text and copes with a text of empty lines', () => {
    expect(run('Kế hoạch\n\nsố 12')).toEqual(['Kế hoạch', '', 'số 12']);
    expect(run('\n\n')).toEqual(['', '', '']);
    expect(run('\u212b')).toEqual(['Å']);
  });
});
