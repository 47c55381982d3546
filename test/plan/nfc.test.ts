import { NFC_STABLE_RANGES, toNFC } from '../../src/plan/nfc';

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
